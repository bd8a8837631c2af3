"""What the audio metrics cost per minute of recording, and that memory does not grow with it.

python -m bench.audio_metrics

A synthetic stereo call (16 kHz, 16-bit): the caller's turns are noise bursts, the agent's
harmonic tones (120–220 Hz), 1.5–6 s each with 0.3–1.5 s gaps and an occasional barge-in,
written to a WAV in blocks. Measured: the one pass over the recording (`analyse`: VAD,
clipping, dropouts, pitch of both channels), then the eleven audio metrics on its result,
and the peak of Python-tracked memory (numpy included) during the pass, for recordings of
1, 5 and 20 minutes. Aim: the whole set under 1 s per minute of recording on one core, peak
memory the same for every length.
"""

from __future__ import annotations

import random
import tempfile
import time
import tracemalloc
import wave
from pathlib import Path
from typing import Any

import numpy as np
from rich.console import Console
from rich.table import Table

from voxtest.evaluation.audio import AudioFacts
from voxtest.evaluation.audio.analysis import analyse
from voxtest.evaluation.deterministic import evaluate
from voxtest.evaluation.model import MAIN_AGENT, CallFacts, MetricSpec
from voxtest.services.metric_catalogue import BY_FUNCTION

RATE = 16_000
MINUTES = (1, 5, 20)
AIM_S_PER_MINUTE = 1.0
AUDIO_FUNCTIONS = (
    "get_latency",
    "count_ai_interrupting_user",
    "count_user_interrupting_ai",
    "get_stop_time_after_interruption",
    "get_interruption_score",
    "get_talk_ratio",
    "detect_silence",
    "get_words_per_minute",
    "get_average_pitch",
    "check_infra_issues",
    "get_transcription_accuracy",
)


def write_call(path: Path, minutes: float, seed: int = 5) -> list[dict[str, Any]]:
    """Write the call turn by turn (never whole in memory); its agent transcript rows."""
    rnd = random.Random(seed)
    rng = np.random.default_rng(seed)
    total = int(minutes * 60 * RATE)
    written, speaker, rows = 0, 0, []
    with wave.open(str(path), "wb") as out:
        out.setnchannels(2)
        out.setsampwidth(2)
        out.setframerate(RATE)
        while written < total:
            gap = int(rnd.uniform(0.3, 1.5) * RATE)
            length = min(int(rnd.uniform(1.5, 6.0) * RATE), max(0, total - written - gap))
            block = np.zeros((gap + length, 2))
            t = np.arange(length) / RATE
            if speaker == 0:
                block[gap:, 0] = np.clip(rng.normal(0, 0.1, length), -1, 1)
            else:
                hz = rnd.uniform(120, 220)
                block[gap:, 1] = 0.2 * np.sin(2 * np.pi * hz * t) + 0.1 * np.sin(4 * np.pi * hz * t)
                start = (written + gap) / RATE
                rows.append({"role": MAIN_AGENT, "content": "word " * int(length / RATE * 2.5),
                             "start_time": start, "end_time": start + length / RATE})  # fmt: skip
            out.writeframes(np.round(block * 32767).astype("<i2").tobytes())
            written += len(block)
            speaker = 1 - speaker if rnd.random() > 0.1 else speaker  # sometimes twice
    return rows


def specs() -> list[MetricSpec]:
    entries = [BY_FUNCTION[name] for name in AUDIO_FUNCTIONS]
    return [
        MetricSpec(id=e.id, name=e.name, type=e.type, eval_type=e.eval_type,
                   function_name=e.function_name, configuration=dict(e.configuration))
        for e in entries
    ]  # fmt: skip


def measure(minutes: float, folder: Path) -> dict[str, float]:
    path = folder / f"call-{minutes}.wav"
    rows = write_call(path, minutes)
    audio = AudioFacts(recording_path=path)
    started, cpu = time.perf_counter(), time.process_time()
    analysis = analyse(audio)
    pass_s, pass_cpu_s = time.perf_counter() - started, time.process_time() - cpu
    tracemalloc.start()  # a second pass for memory: tracing slows it down
    analyse(audio)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    facts = CallFacts(
        transcript=tuple(rows), audio=AudioFacts(recording_path=path, analysis=analysis)
    )
    started = time.perf_counter()
    values = [evaluate(spec, facts) for spec in specs()]
    metrics_s = time.perf_counter() - started
    assert all(v.error is None for v in values), [v.error for v in values if v.error]
    return {
        "minutes": minutes,
        "pass_s": pass_s,
        "metrics_s": metrics_s,
        "per_minute_s": (pass_s + metrics_s) / minutes,
        "cpu_per_minute_s": (pass_cpu_s + metrics_s) / minutes,
        "peak_mib": peak / 2**20,
        "segments": len(analysis.caller) + len(analysis.agent),
        "file_mib": path.stat().st_size / 2**20,
    }


def run(minutes: tuple[float, ...] = MINUTES) -> list[dict[str, float]]:
    with tempfile.TemporaryDirectory(prefix="voxtest-audio-bench-") as folder:
        figures = [measure(m, Path(folder)) for m in minutes]
    table = Table(title="Audio metrics: one pass + 11 metrics (energy VAD, YIN pitch)")
    for column in ("recording", "WAV MiB", "segments", "pass s", "metrics ms",
                   "s per minute", "CPU s per minute", "peak MiB"):  # fmt: skip
        table.add_column(column, justify="right")
    for f in figures:
        table.add_row(
            f"{f['minutes']:g} min", f"{f['file_mib']:.1f}", str(int(f["segments"])),
            f"{f['pass_s']:.2f}", f"{f['metrics_s'] * 1000:.1f}", f"{f['per_minute_s']:.3f}",
            f"{f['cpu_per_minute_s']:.3f}", f"{f['peak_mib']:.2f}",
        )  # fmt: skip
    console = Console()
    console.print(table)
    worst = max(f["per_minute_s"] for f in figures)
    verdict = "met" if worst < AIM_S_PER_MINUTE else "NOT met"
    console.print(
        f"worst {worst:.3f} s per minute of recording (aim < {AIM_S_PER_MINUTE} s): {verdict}"
    )
    return figures


if __name__ == "__main__":
    run()

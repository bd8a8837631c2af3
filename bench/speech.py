"""What the offline speech engines cost on this machine: TTS and STT real-time factors, VAD
microseconds per frame, and the VAD's edge errors against a -45 dBFS gate.

python -m bench.speech   (or python -m bench --only speech)

TTS: Piper (bundled en_US joe) speaks ten call-centre sentences; RTF = synthesis time /
audio duration (below 1 is faster than real time). STT: Whisper tiny.en (2 threads) hears
the same audio back; WER is over all ten. VAD: the ten clips joined by 0.6-1.5 s silences
fed in 20 ms frames; µs per 20 ms frame fed, and the start/end errors in ms after the bias
correction (median, worst). Recorder and renderer: µs per 20 ms frame written.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

import numpy as np
from rich.console import Console
from rich.table import Table

from voxtest.speech.audio import to_float, to_pcm
from voxtest.speech.base import FRAME_BYTES, VadEvent, Voice, VoiceActivityDetector, duration_s
from voxtest.speech.energy import EnergyVad
from voxtest.speech.piper_tts import PiperSynthesizer
from voxtest.speech.recording import AGENT, CALLER, StereoRecorder
from voxtest.speech.silero import SileroVad
from voxtest.speech.whisper_stt import WhisperConfig, WhisperTranscriber

SENTENCES = [
    "Thank you for calling Bright Smile Dental, this is Alex, how can I help you today?",
    "Can I please have your full name and date of birth?",
    "I see your appointment is scheduled for this Thursday at ten in the morning.",
    "We have openings next Tuesday at nine or at two thirty in the afternoon.",
    "Your refund should appear on your card within five to seven business days.",
    "I am sorry for the inconvenience, let me transfer you to a billing specialist.",
    "Could you confirm the last four digits of your account number?",
    "Your package was shipped yesterday and should arrive by Friday.",
    "This call may be recorded for quality and training purposes.",
    "Is there anything else I can help you with today?",
]


def _wer(reference: str, hypothesis: str) -> tuple[int, int]:
    import re

    ref = re.findall(r"[a-z0-9']+", reference.lower())
    hyp = re.findall(r"[a-z0-9']+", hypothesis.lower())
    row = list(range(len(hyp) + 1))
    for i, r in enumerate(ref, 1):
        previous, row[0] = row[0], i
        for j, h in enumerate(hyp, 1):
            previous, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, previous + (r != h))
    return row[len(hyp)], len(ref)


def _edges(samples: np.ndarray) -> tuple[int, int]:
    frames = samples[: samples.size // 160 * 160].reshape(-1, 160)
    level = 20 * np.log10(np.sqrt(np.mean(np.square(frames), axis=1)) + 1e-9)
    loud = np.nonzero(level > -45)[0]
    return int(loud[0] * 160), int((loud[-1] + 1) * 160)


def _vad_row(
    name: str, vad: VoiceActivityDetector, pcm: bytes, truth: list[tuple[int, int]]
) -> list[str]:
    events: list[VadEvent] = []
    started = time.perf_counter()
    for at in range(0, len(pcm), FRAME_BYTES):
        events += vad.feed(pcm[at : at + FRAME_BYTES])
    events += vad.flush()
    elapsed = time.perf_counter() - started
    frames = len(pcm) // FRAME_BYTES
    starts = [e.sample for e in events if e.kind == "start"]
    ends = [e.sample for e in events if e.kind == "end"]
    if len(starts) != len(truth):
        return [name, f"{1e6 * elapsed / frames:.0f}", f"{len(starts)} segments", "-", "-"]
    start_ms = [(s - t[0]) / 16 for s, t in zip(starts, truth, strict=True)]
    end_ms = [(e - t[1]) / 16 for e, t in zip(ends, truth, strict=True)]
    return [
        name,
        f"{1e6 * elapsed / frames:.0f}",
        f"{len(starts)}/{len(truth)}",
        f"{statistics.median(start_ms):+.0f} ({max(start_ms, key=abs):+.0f})",
        f"{statistics.median(end_ms):+.0f} ({max(end_ms, key=abs):+.0f})",
    ]


def _recorder_us(seconds: int = 60) -> float:
    with tempfile.TemporaryDirectory() as home:
        recorder = StereoRecorder(Path(home) / "bench.wav")
        frame = bytes(FRAME_BYTES)
        started = time.perf_counter()
        for index in range(seconds * 50):
            recorder.write(CALLER, frame, at_s=index * 0.02)
            recorder.write(AGENT, frame, at_s=index * 0.02 + 0.007)
        recorder.close()
        return 1e6 * (time.perf_counter() - started) / (seconds * 50)


def run() -> None:
    console = Console()
    tts, stt = PiperSynthesizer(), WhisperTranscriber(WhisperConfig(threads=2))
    started = time.perf_counter()
    tts.synthesize_sync("Warm up.", Voice())
    stt.transcribe_sync(tts.synthesize_sync("Warm up.", Voice()))
    load_s = time.perf_counter() - started
    clips, tts_s, stt_s, errors, words = [], 0.0, 0.0, 0, 0
    for sentence in SENTENCES:
        t = time.perf_counter()
        pcm = tts.synthesize_sync(sentence, Voice())
        tts_s += time.perf_counter() - t
        t = time.perf_counter()
        heard = stt.transcribe_sync(pcm, language="en")
        stt_s += time.perf_counter() - t
        wrong, total = _wer(sentence, heard.text)
        errors, words = errors + wrong, words + total
        clips.append(to_float(pcm))
    audio_s = sum(c.size for c in clips) / 16_000
    engines = Table(title="Offline speech engines (10 sentences)")
    for column in ("engine", "audio s", "compute s", "RTF", "per sentence ms", "WER"):
        engines.add_column(column)
    engines.add_row("Piper joe (TTS)", f"{audio_s:.1f}", f"{tts_s:.2f}", f"{tts_s / audio_s:.3f}",
                    f"{1000 * tts_s / len(SENTENCES):.0f}", "-")  # fmt: skip
    engines.add_row("Whisper tiny.en (STT)", f"{audio_s:.1f}", f"{stt_s:.2f}",
                    f"{stt_s / audio_s:.3f}", f"{1000 * stt_s / len(SENTENCES):.0f}",
                    f"{errors / words:.3f}")  # fmt: skip
    console.print(engines)
    console.print(f"model loading and first calls: {load_s:.1f} s")

    rng = np.random.default_rng(0)
    pieces, truth, at = [], [], 0
    for clip in clips:
        gap = np.zeros(int(16_000 * rng.uniform(0.6, 1.5)), np.float32)
        start, end = _edges(clip)
        truth.append((at + gap.size + start, at + gap.size + end))
        pieces += [gap, clip]
        at += gap.size + clip.size
    pieces.append(np.zeros(16_000, np.float32))
    pcm = to_pcm(np.concatenate(pieces))
    vads = Table(title=f"VAD over {duration_s(pcm):.0f} s (20 ms frames fed)")
    for column in ("detector", "µs / 20 ms frame", "segments", "start err ms median (worst)",
                   "end err ms median (worst)"):  # fmt: skip
        vads.add_column(column)
    vads.add_row(*_vad_row("Silero (bias corrected)", SileroVad(), pcm, truth))
    vads.add_row(*_vad_row("energy gate -45 dBFS", EnergyVad(), pcm, truth))
    console.print(vads)
    console.print(f"stereo recorder: {_recorder_us():.0f} µs per 20 ms of call (both channels)")


if __name__ == "__main__":
    run()

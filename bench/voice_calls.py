"""Voice calls over CHIRP: latency accuracy against a known agent delay, and how many
simultaneous real-time calls one caller process sustains.

python -m bench.voice_calls [--real] [--no-latency] [--calls 10,25,50,100]
(or python -m bench --only voice)

Latency: the reschedule script against the clinic voice agent (in process) with injected
delays; the agent logs its true latency (from the last caller sample above QUIET it received
to the first voiced sample it sent), voxtest measures it on its own clock (last voiced
caller sample sent to the VAD onset, bias corrected). Tone engines (energy VAD) by default;
`--real` adds Piper + Whisper tiny.en on both sides (about 50 s per call).

Concurrency: N calls at once from this process (VAD, stereo recording to disk and latency
measurement on, tone engines) against `voxtest example-agent voice --test-doubles` in its
own process; per N the frame-timer lag p99 and max over all calls, calls completed, this
process's CPU per call and frame, and its peak RSS growth per call.
"""

from __future__ import annotations

import argparse
import asyncio
import copy
import resource
import statistics
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np
from rich.console import Console
from rich.table import Table

from voxtest.channels.chirp import ChirpChannel
from voxtest.demo.suite import RESCHEDULE_ACTIONS, TEST_PROFILE
from voxtest.domain.actions_engine import Script
from voxtest.domain.conditions import KeywordJudge
from voxtest.domain.turn_taking import TurnRules
from voxtest.examples.clinic_voice_agent import ClinicVoiceAgent, VoiceAgentOptions
from voxtest.runner import limits as reasons
from voxtest.runner.limits import Limits
from voxtest.runner.voice_conversation import VoiceOptions, VoiceOutcome, run_voice_call
from voxtest.runner.voice_script import VoiceScript
from voxtest.speech.base import SpeechEngines
from voxtest.speech.fake import fake_engines
from voxtest.testing import example_voice_agent

console = Console()
ACTIONS = copy.deepcopy(RESCHEDULE_ACTIONS)
ACTIONS["conditions"][3]["condition"] = 'contains "14:30" OR contains "14 30" OR contains "1430"'
VARIABLES = {"test_profile": TEST_PROFILE["information"]["testing_agent_variables"]}
LIMITS = Limits(max_duration_s=90, greeting_wait_s=3)
OPTIONS = VoiceOptions(rules=TurnRules(reply_after_s=0.5, idle_timeout_s=5), played_out_grace_s=1)
DELAYS_MS = (0, 200, 500, 1000)


async def _call(url: str, engines: SpeechEngines, recording: Path) -> VoiceOutcome:
    script = VoiceScript(Script.from_json(ACTIONS), KeywordJudge(), VARIABLES, None)
    return await run_voice_call(
        ChirpChannel(url),
        script,
        engines,
        recording,
        limits=LIMITS,
        options=OPTIONS,
        agent_speaks_first=True,
    )


async def latency_errors(engines: Any, delay_ms: int, home: Path) -> list[float]:
    """measured - true in ms for each agent reply of one call."""
    async with ClinicVoiceAgent(engines, VoiceAgentOptions(delay_ms=delay_ms)) as agent:
        done = await _call(agent.url, engines(), home / f"latency-{delay_ms}.wav")
    truth = [r.latency_ms for r in agent.connections[0].replies if r.latency_ms is not None]
    measured = [t["latency_ms"] for t in done.timing["turns"] if t.get("latency_ms") is not None]
    if len(truth) != len(measured):
        console.print(f"[yellow]delay {delay_ms}: {len(truth)} true vs {len(measured)} measured")
    return [m - t for m, t in zip(measured, truth, strict=False)]


def _latency_table(rows: list[tuple[str, int, list[float]]]) -> Table:
    table = Table(title="Latency accuracy (|measured - true|, ms; bias: mean signed error)")
    for col in ("engines", "delay ms", "replies", "mean", "p95", "max", "bias"):
        table.add_column(col)
    for name, delay, signed in rows:
        errors = [abs(e) for e in signed]
        if not errors:
            table.add_row(name, str(delay), "0", "-", "-", "-", "-")
            continue
        table.add_row(
            name,
            str(delay),
            str(len(errors)),
            f"{statistics.fmean(errors):.1f}",
            f"{float(np.percentile(errors, 95)):.1f}",
            f"{max(errors):.1f}",
            f"{statistics.fmean(signed):+.1f}",
        )
    return table


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


async def concurrency(url: str, calls: int, home: Path) -> dict[str, Any]:
    before = _rss_mb()
    started, cpu_started = time.monotonic(), time.process_time()
    outcomes = await asyncio.gather(
        *(
            _call(url, fake_engines(threaded=True), home / f"c{calls}-{i}.wav")
            for i in range(calls)
        ),
        return_exceptions=True,
    )
    cpu_s = time.process_time() - cpu_started
    done = [o for o in outcomes if isinstance(o, VoiceOutcome)]
    timers = [o.timing["frame_timer"] for o in done if "frame_timer" in o.timing]
    ends = Counter(o.conversation.end_reason for o in done)
    completed = sum(1 for o in done if o.outcome == "COMPLETED" and o.conversation.error is None)
    finished = ends[reasons.TESTING_AGENT_ENDED_CALL] + ends[reasons.MAIN_AGENT_ENDED_CALL]
    return {
        "calls": calls,
        "completed": completed,
        "script_done": finished,  # the caller's script ran to its end (not the time limit)
        "end_reasons": dict(ends),
        "lag_p99_ms": max((t["lag_p99_ms"] for t in timers), default=None),
        "lag_p99_median_ms": (
            round(statistics.median(t["lag_p99_ms"] for t in timers), 2) if timers else None
        ),
        "lag_max_ms": max((t["lag_max_ms"] for t in timers), default=None),
        "wall_s": round(time.monotonic() - started, 1),
        # this process's CPU (all threads) per 20 ms frame played by a call
        "cpu_ms_per_call_frame": round(1000 * cpu_s / max(1, sum(t["frames"] for t in timers)), 3),
        "rss_growth_mb_per_call": round((_rss_mb() - before) / calls, 2),
    }


def _remove_recordings(home: Path) -> None:
    for wav in home.glob("c*.wav"):
        wav.unlink()


def _concurrency_table(rows: list[dict[str, Any]]) -> Table:
    table = Table(title="Simultaneous CHIRP calls from one process (tone engines)")
    columns = ("calls", "completed", "script_done", "lag_p99_median_ms", "lag_p99_ms",
               "lag_max_ms", "wall_s", "cpu_ms_per_call_frame",
               "rss_growth_mb_per_call")  # fmt: skip
    for col in columns:
        table.add_column(col)
    for row in rows:
        table.add_row(*(str(row[c]) for c in columns))
    return table


async def _main(real: bool, counts: list[int], latency: bool = True) -> None:
    with tempfile.TemporaryDirectory(prefix="voxtest-bench-voice-") as tmp:
        home = Path(tmp)
        rows = [("tones + energy VAD", d, await latency_errors(fake_engines, d, home))
                for d in (DELAYS_MS if latency else ())]  # fmt: skip
        if real:
            from voxtest.runs.voice import engines_for
            from voxtest.settings import Settings
            from voxtest.speech.base import Voice

            settings = Settings()
            for delay in (300, 500, 800):
                errors = await latency_errors(lambda: engines_for(settings, Voice()), delay, home)
                rows.append((f"Piper + Whisper + {settings.vad_provider} VAD", delay, errors))
        if rows:
            console.print(_latency_table(rows))
        results = []
        with example_voice_agent("--test-doubles") as url:
            for calls in counts:
                results.append(await concurrency(url, calls, home))
                console.print(results[-1])
                await asyncio.to_thread(_remove_recordings, home)
        console.print(_concurrency_table(results))


def run(real: bool = False, counts: list[int] | None = None, latency: bool = True) -> None:
    asyncio.run(_main(real, counts or [10, 25, 50, 100], latency))


if __name__ == "__main__":
    parser = argparse.ArgumentParser(prog="python -m bench.voice_calls")
    parser.add_argument("--real", action="store_true", help="also time Piper + Whisper calls")
    parser.add_argument("--calls", default="10,25,50,100", help="simultaneous calls to try")
    parser.add_argument("--no-latency", action="store_true", help="only the concurrency part")
    args = parser.parse_args()
    run(args.real, [int(c) for c in args.calls.split(",")], not args.no_latency)

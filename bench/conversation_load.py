"""Helpers for `bench.conversations`: the scripts, one played conversation, CPU of processes.

The agent under test is `voxtest example-agent chat` in its own process; this module plays
conversations against it through the real runner (`run_conversation` over
`TextWebsocketChannel`) and reads what each one measured.
"""

from __future__ import annotations

import math
import os
import resource
import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from voxtest.channels.text_ws import RunIds, TextWebsocketChannel
from voxtest.demo.suite import RESCHEDULE_ACTIONS, TEST_PROFILE
from voxtest.domain.actions_engine import Script
from voxtest.domain.transcript import MAIN_AGENT
from voxtest.judging import for_runs
from voxtest.runner import limits as reasons
from voxtest.runner.conversation import run_conversation
from voxtest.runner.limits import Limits
from voxtest.settings import Settings

VARIABLES = {"test_profile": TEST_PROFILE["information"]["testing_agent_variables"]}
LIMITS = Limits(end_call_grace_s=0.2, connect_attempts=1)


def _say(id_: int, condition: str, action: str) -> dict[str, Any]:
    return {"id": id_, "condition": condition, "action": action, "type": "standard",
            "fixed_message": True}  # fmt: skip


# 11 caller turns the clinic agent answers without a single "Sorry, I didn't understand":
# book (three days of slots), then reschedule the existing cleaning, then "that is all" (the
# agent says goodbye and ends the call). Each reply is recognised by a `contains` condition.
LONG_ACTIONS: dict[str, Any] = {
    "role": "A patient who books a visit, then moves a cleaning",
    "conditions": [
        _say(0, "FIRST_MESSAGE", "Hello there."),
        _say(1, 'contains "What would you like"', "I would like to book an appointment."),
        _say(2, 'contains "full name"', "It is {{test_profile.name}}."),
        _say(3, 'contains "date of birth"', "January first, nineteen ninety."),
        _say(4, 'contains "Tuesday 1 December"', "Do you have another day?"),
        _say(5, 'contains "Wednesday 2 December"', "What about another day?"),
        _say(6, 'contains "Thursday 3 December"', "The 11:30 one, please."),
        _say(7, 'contains "booked for"', "Yes, I would like to reschedule my cleaning too."),
        _say(8, 'contains "I see your cleaning"', "Do you have another day?"),
        _say(9, 'contains "10:00 and 15:00"', "15:00 please."),
        _say(10, 'contains "has been moved"', "No, that is all."),
    ],
}
LONG_TURNS = 11
RESCHEDULE_TURNS = 4


@dataclass(frozen=True)
class Played:
    ok: bool
    latencies_ms: tuple[float, ...]
    problem: str = ""


def reschedule_script() -> Script:
    return Script.from_json(RESCHEDULE_ACTIONS)


def long_script() -> Script:
    return Script.from_json(LONG_ACTIONS)


async def play(url: str, script: Script, *, long: bool, run_id: str) -> Played:
    """Play one conversation; `ok` when it ended as the script intends with every reply timed."""
    channel = TextWebsocketChannel(url, ids=RunIds(run_id=run_id))
    judge = await for_runs(Settings())  # the judge runs use: the cascade, keyword fallback
    try:
        outcome = await run_conversation(
            channel,
            script,
            judge,
            variables=VARIABLES,
            limits=LIMITS,
            agent_speaks_first=True,
        )
    except Exception as exc:  # a runner bug must show as a failed conversation, not a crash
        return Played(False, (), f"raised {exc!r}"[:200])
    finally:
        await judge.aclose()
    latencies = tuple(outcome.latencies_ms())
    said = [t.content for t in outcome.transcript.turns if t.role == MAIN_AGENT]
    if long:
        wanted = (reasons.MAIN_AGENT_ENDED_CALL, LONG_TURNS, "Goodbye")
    else:
        wanted = (reasons.TESTING_AGENT_ENDED_CALL, RESCHEDULE_TURNS, "moved to")
    reason, turns, last_words = wanted
    ok = (
        outcome.error is None
        and outcome.end_reason == reason
        and len(latencies) == turns
        and bool(said)
        and last_words in said[-1]
    )
    problem = "" if ok else f"{outcome.end_reason}: {outcome.error or ''} ({len(latencies)} turns)"
    return Played(ok, latencies, problem[:200])


def raise_open_files_limit(wanted: int) -> int:
    """Raise the soft RLIMIT_NOFILE towards `wanted` (capped by the hard limit); the new soft."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    target = wanted if hard == resource.RLIM_INFINITY else min(wanted, hard)
    if soft != resource.RLIM_INFINITY and soft < target:
        resource.setrlimit(resource.RLIMIT_NOFILE, (target, hard))
        soft = target
    return soft


def child_pids() -> list[int]:
    """Processes whose parent is this one (the example agent started by the bench)."""
    me, found = os.getpid(), []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        fields = stat.rsplit(")", 1)[1].split()
        if int(fields[1]) == me:  # fields after the name: state, ppid, ...
            found.append(int(entry.name))
    return found


def process_cpu_s(pid: int) -> float:
    """User + system CPU seconds of `pid` (Linux /proc), 0.0 when unreadable."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    ticks = os.sysconf("SC_CLK_TCK")
    return (int(fields[11]) + int(fields[12])) / ticks  # utime, stime (fields 14, 15)


def percentile(values: Sequence[float], q: float) -> float:
    """Nearest-rank percentile, q in 0..100; NaN for no values."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    rank = max(1, math.ceil(q / 100 * len(ordered)))
    return ordered[min(rank, len(ordered)) - 1]


def mean(values: Sequence[float]) -> float:
    return statistics.fmean(values) if values else float("nan")

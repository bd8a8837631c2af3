"""Text conversations: latency measurement accuracy and a concurrency ladder (issue 3).

The agent under test is `voxtest example-agent chat` in its own process (a fresh one per
configuration); the caller side is the real runner (`run_conversation` over
`TextWebsocketChannel`) in this process.

1. Accuracy: for each injected reply delay d the demo's reschedule script (4 caller turns) is
   played a few times, one conversation at a time; error = measured latency − d per reply.
   d = 0 gives the agent's own processing time, reported as the baseline and subtracted in
   the "corrected" columns. Aim: mean absolute error under 5 ms.
2. Ladder: N conversations at once (one TaskGroup) of an 11-caller-turn script, agent delay
   fixed at 200 ms, starts spread evenly over one agent delay (otherwise every call's turns fall in
   the same instant, a lockstep no real load has); added latency = measured − 200 ms −
   baseline. Aim: 1,000 concurrent conversations, under 2 ms of voxtest CPU per turn, under
   10 ms p99 added per turn. The ladder stops after a step with failed conversations or
   one that ran out of time. A last step runs 1,000 conversations at an LLM-like pace (agent
   delay 1.5 s, starts spread over 1.5 s).

    python -m bench --only conversations [--save]
"""

from __future__ import annotations

import asyncio
import json
import time
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

from bench.conversation_load import (
    LONG_TURNS,
    Played,
    child_pids,
    long_script,
    mean,
    percentile,
    play,
    process_cpu_s,
    raise_open_files_limit,
    reschedule_script,
)
from voxtest.testing.processes import example_chat_agent

RESULTS = Path(__file__).parent / "results" / "conversations.json"
DELAYS_MS = (0, 200, 500, 1000, 1500)
ACCURACY_RUNS = 6  # conversations per delay, after one warm-up
LADDER = (10, 50, 100, 200, 500, 1000)
LADDER_DELAY_MS = 200
PACED_DELAY_MS = 1500  # a last step at an LLM-like pace: N = max(LADDER), this delay
STEP_BUDGET_S = 120.0  # a ladder step's conversations are cut off after this
console = Console(width=150)

Stats = dict[str, float]


def run(*, save: bool) -> dict[str, Any]:
    files = raise_open_files_limit(4 * max(LADDER) + 256)  # before the agent inherits it
    console.print(f"open-files soft limit: {files}")
    accuracy = _accuracy()
    baseline = accuracy["0"]["bias_ms"]
    ladder = _ladder(baseline)
    results: dict[str, Any] = {
        "agent_baseline_ms": baseline,
        "accuracy": accuracy,
        "ladder": ladder,
    }
    _report(results)
    if save:
        RESULTS.parent.mkdir(parents=True, exist_ok=True)
        RESULTS.write_text(json.dumps(results, indent=2) + "\n")
        console.print(f"saved as the new baseline: {RESULTS}")
    return results


# -- 1. accuracy ---------------------------------------------------------------------------


def _accuracy() -> dict[str, Stats]:
    errors: dict[int, list[float]] = {}
    for delay in DELAYS_MS:
        with example_chat_agent("--reply-delay-ms", str(delay)) as url:
            latencies = asyncio.run(_sequential(url, ACCURACY_RUNS))
        errors[delay] = [latency - delay for latency in latencies]
        console.print(f"accuracy d={delay} ms: {len(latencies)} replies timed")
    baseline = mean(errors[0])
    out = {str(d): _error_stats(e, baseline) for d, e in errors.items()}
    out["all d > 0"] = _error_stats([x for d, e in errors.items() if d > 0 for x in e], baseline)
    return out


async def _sequential(url: str, runs: int) -> list[float]:
    latencies: list[float] = []
    for i in range(runs + 1):
        played = await play(url, reschedule_script(), long=False, run_id=f"acc-{i}")
        if not played.ok:
            raise RuntimeError(f"the reschedule conversation failed: {played.problem}")
        if i:  # the first conversation warms the agent up
            latencies.extend(played.latencies_ms)
    return latencies


def _error_stats(errors: list[float], baseline: float) -> Stats:
    corrected = [e - baseline for e in errors]
    return {
        "replies": len(errors),
        "mae_ms": mean([abs(e) for e in errors]),
        "p95_abs_ms": percentile([abs(e) for e in errors], 95),
        "bias_ms": mean(errors),
        "mae_corrected_ms": mean([abs(e) for e in corrected]),
        "p95_abs_corrected_ms": percentile([abs(e) for e in corrected], 95),
    }


# -- 2. concurrency ladder -----------------------------------------------------------------


def _ladder(baseline_ms: float) -> dict[str, Stats]:
    steps: dict[str, Stats] = {}
    plan = [(n, LADDER_DELAY_MS) for n in LADDER] + [(max(LADDER), PACED_DELAY_MS)]
    for n, delay in plan:
        with example_chat_agent("--reply-delay-ms", str(delay)) as url:
            agents = child_pids()
            agent = agents[0] if len(agents) == 1 else None
            step, problems = asyncio.run(_step(url, n, delay, agent, baseline_ms))
        label = str(n) if delay == LADDER_DELAY_MS else f"{n} @ {delay} ms"
        steps[label] = step
        console.print(
            f"ladder N={label}: {step['completed']:.0f} completed, {step['failed']:.0f} "
            f"failed, {step['wall_s']:.1f} s"
        )
        for problem, count in sorted(problems.items(), key=lambda kv: -kv[1])[:3]:
            console.print(f"[red]  {count} x {problem}[/red]")
        if step["failed"] or step["wall_s"] >= STEP_BUDGET_S:
            console.print("[yellow]ladder stopped: failures or the step ran out of time[/yellow]")
            break
    return steps


async def _step(
    url: str, n: int, delay_ms: int, agent: int | None, baseline_ms: float
) -> tuple[Stats, dict[str, int]]:
    script = long_script()
    loop = asyncio.get_running_loop()
    deadline = loop.time() + STEP_BUDGET_S

    async def one(i: int) -> Played:
        try:
            async with asyncio.timeout_at(deadline):
                await asyncio.sleep(i * delay_ms / 1000 / n)  # no artificial lockstep between calls
                return await play(url, script, long=True, run_id=f"ladder-{n}-{i}")
        except TimeoutError:
            return Played(False, (), "cut off at the step's time budget")

    agent_cpu0 = process_cpu_s(agent) if agent else 0.0
    cpu0, wall0 = time.process_time(), time.perf_counter()
    async with asyncio.TaskGroup() as group:
        tasks = [group.create_task(one(i)) for i in range(n)]
    wall, cpu = time.perf_counter() - wall0, time.process_time() - cpu0
    agent_cpu = process_cpu_s(agent) - agent_cpu0 if agent else float("nan")
    played = [t.result() for t in tasks]
    added = [x - delay_ms - baseline_ms for p in played for x in p.latencies_ms]
    turns = len(added)
    problems: dict[str, int] = {}
    for p in played:
        if not p.ok:
            problems[p.problem] = problems.get(p.problem, 0) + 1
    stats: Stats = {
        "completed": sum(p.ok for p in played),
        "failed": sum(not p.ok for p in played),
        "wall_s": wall,
        "turns": turns,
        "turns_per_s": turns / wall if wall else 0.0,
        "cpu_ms_per_turn": cpu * 1000 / turns if turns else float("nan"),
        "agent_cpu_ms_per_turn": agent_cpu * 1000 / turns if turns else float("nan"),
        "added_p50_ms": percentile(added, 50),
        "added_p99_ms": percentile(added, 99),
        "added_max_ms": max(added, default=float("nan")),
    }
    return stats, problems


# -- report --------------------------------------------------------------------------------


def _delta(now: float, before: float | None) -> str:
    return f"{now - before:+.1f}" if isinstance(before, int | float) else "-"


def _report(results: dict[str, Any]) -> None:
    previous: dict[str, Any] = json.loads(RESULTS.read_text()) if RESULTS.exists() else {}
    table = Table(title=f"latency accuracy (agent baseline {results['agent_baseline_ms']:.1f} ms)")
    columns = ("delay ms", "replies", "MAE", "p95 |err|", "bias", "MAE corr.", "p95 corr.")
    for col in (*columns, "vs baseline MAE corr."):
        table.add_column(col)
    for delay, s in results["accuracy"].items():
        before = previous.get("accuracy", {}).get(delay, {}).get("mae_corrected_ms")
        table.add_row(
            delay,
            f"{s['replies']:.0f}",
            *(f"{s[k]:.1f}" for k in ("mae_ms", "p95_abs_ms", "bias_ms")),
            *(f"{s[k]:.1f}" for k in ("mae_corrected_ms", "p95_abs_corrected_ms")),
            _delta(s["mae_corrected_ms"], before),
        )
    console.print(table)
    ladder = Table(
        title=f"concurrency ladder ({LONG_TURNS} caller turns; agent delay {LADDER_DELAY_MS} ms "
        "unless the N column says otherwise)"
    )
    ladder_columns = (
        "N",
        "ok",
        "failed",
        "wall s",
        "turns",
        "turns/s",
        "CPU ms/turn",
        "agent CPU ms/turn",
    )
    for col in (*ladder_columns, "added p50", "added p99", "max", "vs baseline p99"):
        ladder.add_column(col)
    for n, s in results["ladder"].items():
        before = previous.get("ladder", {}).get(n, {}).get("added_p99_ms")
        ladder.add_row(
            n,
            f"{s['completed']:.0f}",
            f"{s['failed']:.0f}",
            f"{s['wall_s']:.1f}",
            f"{s['turns']:.0f}",
            f"{s['turns_per_s']:.0f}",
            f"{s['cpu_ms_per_turn']:.2f}",
            f"{s['agent_cpu_ms_per_turn']:.2f}",
            *(f"{s[k]:.1f}" for k in ("added_p50_ms", "added_p99_ms", "added_max_ms")),
            _delta(s["added_p99_ms"], before),
        )
    console.print(ladder)

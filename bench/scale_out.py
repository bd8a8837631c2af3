"""Scale-out: run throughput with 1 and 2 `voxtest worker` processes on PostgreSQL (issue 3).

`voxtest serve` (VOXTEST_JOBS=procrastinate) on a scratch database, the example agent in its
own process, and 1 then 2 worker processes. One request of `runs` runs of the bench's 11-turn
scripted conversation; throughput = runs completed per second from the request to the last
run stored. Aim: 2 workers ≥ 1.8 × 1. Two profiles, because this machine has 2 cores for
everything (agent, PostgreSQL, API, workers):

- `capacity`: each worker holds at most 20 conversations, the agent answers in 500 ms. One
  worker is bound by its capacity, not by CPU: does a second worker double the throughput,
  or do dispatching and the shared database get in the way?
- `cpu`: 100 conversations per worker, a 200 ms agent: the machine's CPU is the bound.

    python -m bench --only scale-out [--save]
"""

from __future__ import annotations

import json
import os
import tempfile
import time
from contextlib import ExitStack
from pathlib import Path
from typing import Any

import httpx
from rich.console import Console
from rich.table import Table
from sqlalchemy import Engine, create_engine, text

from bench.conversation_load import LONG_ACTIONS, LONG_TURNS, raise_open_files_limit
from voxtest.demo.suite import TEST_PROFILE
from voxtest.testing import example_chat_agent, scratch_database, serve, worker

RESULTS = Path(__file__).parent / "results" / "scale_out.json"
PG_ADMIN = os.environ.get(
    "VOXTEST_TEST_PG_URL", "postgresql+asyncpg://postgres@127.0.0.1:5432/postgres"
)
PROFILES = {  # name: (scenarios × frequency 100 runs, concurrency per worker, agent delay ms)
    "capacity": (2, 20, 500),
    "cpu": (3, 100, 200),
}
FREQUENCY = 100  # the reference's maximum
console = Console(width=150)


def run(*, save: bool) -> dict[str, Any]:
    raise_open_files_limit(4 * 2 * max(p[1] for p in PROFILES.values()) + 256)
    results = {name: _profile(*profile) for name, profile in PROFILES.items()}
    for name, result in results.items():
        _report(name, result)
    if save:
        RESULTS.parent.mkdir(parents=True, exist_ok=True)
        RESULTS.write_text(json.dumps(results, indent=2) + "\n")
        console.print(f"saved as the new baseline: {RESULTS}")
    return results


def _profile(scenarios: int, concurrency: int, delay_ms: int) -> dict[str, Any]:
    rows: dict[str, Any] = {}
    with ExitStack() as stack:
        url = stack.enter_context(scratch_database(PG_ADMIN, "voxtest_bench"))
        agent_url = stack.enter_context(example_chat_agent("--reply-delay-ms", str(delay_ms)))
        home = stack.enter_context(tempfile.TemporaryDirectory())
        server = stack.enter_context(
            serve(home, url, jobs="procrastinate", run_starts_per_second="0")
        )  # capacity, not pace
        client = stack.enter_context(
            httpx.Client(
                base_url=server.url,
                headers={"X-CEKURA-API-KEY": server.new_key("bench")},
                timeout=60,
            )
        )
        engine = create_engine(url.replace("+asyncpg", "+psycopg"))
        stack.callback(engine.dispose)
        _unlimited(engine)
        agent_id, scenario_ids = _setup(client, agent_url, scenarios)
        for workers in (1, 2):
            with ExitStack() as procs:
                for _ in range(workers):
                    procs.enter_context(worker(server, concurrency=concurrency))
                _measure(client, engine, agent_id, scenario_ids[:1], 1)  # workers ready
                rows[str(workers)] = _measure(client, engine, agent_id, scenario_ids, FREQUENCY)
    return {
        "runs": scenarios * FREQUENCY,
        "turns_per_run": LONG_TURNS,
        "agent_delay_ms": delay_ms,
        "concurrency_per_worker": concurrency,
        "workers": rows,
        "speed_up": round(rows["2"]["runs_per_s"] / rows["1"]["runs_per_s"], 2),
    }


def _unlimited(engine: Engine) -> None:
    """Lift the organization's concurrent-chat limit so only the workers' capacity counts."""
    with engine.begin() as conn:
        conn.execute(
            text("UPDATE organizations SET attrs = CAST(:a AS JSON) WHERE name = 'bench'"),
            {"a": json.dumps({"max_concurrent_chat_runs_limit": 10_000})},
        )


def _setup(client: httpx.Client, agent_url: str, count: int) -> tuple[int, list[int]]:
    project = client.get("/user/v1/projects/").json()[0]["id"]
    agent = _ok(
        client.post(
            "/test_framework/v2/aiagents/",
            json={
                "name": "clinic",
                "description": "Books, moves and cancels dental appointments.",
                "project": project,
                "inbound": True,
                "provider": {
                    "type": "self_hosted",
                    "chat_agent_details": {"type": "self_hosted", "config": {"url": agent_url}},
                },
            },
        )
    )
    profile = _ok(
        client.post("/test_framework/v1/test-profiles/", json={**TEST_PROFILE, "agent": agent})
    )
    personality = client.get("/test_framework/v1/personalities/").json()[0]["id"]
    scenarios = [
        _ok(
            client.post(
                "/test_framework/v1/scenarios/",
                json={
                    "name": f"long {i}",
                    "agent": agent,
                    "personality": personality,
                    "test_profile": profile,
                    "scenario_type": "conditional_actions",
                    "conditional_actions": LONG_ACTIONS,
                    "scenario_language": "en",
                },
            )
        )
        for i in range(count)
    ]
    return agent, scenarios


def _ok(response: httpx.Response) -> int:
    if response.status_code not in (200, 201):
        raise RuntimeError(f"{response.request.url}: {response.status_code} {response.text}")
    return int(response.json()["id"])


def _measure(
    client: httpx.Client, engine: Engine, agent_id: int, scenarios: list[int], frequency: int
) -> dict[str, Any]:
    started = time.monotonic()
    result = _ok(
        client.post(
            "/test_framework/v1/scenarios/run_scenarios_text/",
            json={"agent_id": agent_id, "scenarios": scenarios, "frequency": frequency},
        )
    )
    while True:
        statuses = _statuses(engine, result)
        if all(s in ("completed", "failed", "timeout", "cancelled") for s, _ in statuses):
            break
        time.sleep(0.25)
    wall = time.monotonic() - started
    completed = sum(s == "completed" for s, _ in statuses)
    return {
        "runs": len(statuses),
        "completed": completed,
        "wall_s": round(wall, 1),
        "runs_per_s": round(completed / wall, 2),
        "turns_per_s": round(completed * LONG_TURNS / wall, 1),
        "runs_per_worker": sorted(
            (sum(w == name for _, w in statuses) for name in {w for _, w in statuses}),
            reverse=True,
        ),
    }


def _statuses(engine: Engine, result_id: int) -> list[tuple[str, str]]:
    with engine.connect() as conn:
        rows = conn.execute(
            text("SELECT status, coalesce(claimed_by, '') FROM runs WHERE result_id = :r"),
            {"r": result_id},
        )
        return [(str(a), str(b)) for a, b in rows]


def _report(name: str, results: dict[str, Any]) -> None:
    title = (
        f"scale-out, {name}: {results['runs']} runs × {LONG_TURNS} turns, "
        f"{results['concurrency_per_worker']} per worker, agent {results['agent_delay_ms']} ms"
    )
    table = Table(title=title)
    for column in ("workers", "completed", "wall s", "runs/s", "turns/s", "runs per worker"):
        table.add_column(column, justify="right")
    for workers, row in results["workers"].items():
        table.add_row(
            workers,
            f"{row['completed']}/{row['runs']}",
            str(row["wall_s"]),
            str(row["runs_per_s"]),
            str(row["turns_per_s"]),
            ", ".join(map(str, row["runs_per_worker"])),
        )
    console.print(table)
    console.print(f"speed-up with 2 workers: {results['speed_up']}× (aim ≥ 1.8×)")

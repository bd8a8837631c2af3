"""Distributed runs for real: `voxtest serve` with VOXTEST_JOBS=procrastinate on a scratch
PostgreSQL database, two `voxtest worker` processes, the example agent in its own process.

Proves the work is shared, the request's concurrency limit holds across workers, and killing
a worker mid-run loses nothing: its started runs end failed with the restart reason, the rest
complete on the surviving worker."""

from __future__ import annotations

import signal
import time
from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import create_engine, text

from tests.conftest import fresh_pg_database
from voxtest.demo.suite import AGENT_SECRET, agent_body
from voxtest.runs.store import ABANDONED
from voxtest.testing import ServerProcess, example_chat_agent, serve, worker

pytestmark = [pytest.mark.postgres, pytest.mark.xdist_group("workers")]

STALE_S = 4.0
# `contains` conditions only: these tests are about where runs execute, not about judging.
RESCHEDULE: dict[str, Any] = {
    "role": "A patient who wants to move a cleaning",
    "conditions": [
        {"id": 0, "condition": "FIRST_MESSAGE", "action": "Hi, I need to move my cleaning."},
        {"id": 1, "condition": 'contains "name"', "action": "It's Sarah Johnson."},
        {"id": 2, "condition": 'contains "birth"', "action": "January first, nineteen ninety."},
        {"id": 3, "condition": 'contains "14:30"', "action": "Yes, half past two works."},
        {"id": 4, "condition": 3, "action": "<endcall/>", "type": "action_followup"},
    ],
}
_item: dict[str, Any]
for _item in RESCHEDULE["conditions"]:
    _item.setdefault("type", "standard")
    _item["fixed_message"] = True


@pytest.fixture
def stack(tmp_path: Path) -> Iterator[tuple[ServerProcess, str, str]]:
    with ExitStack() as stack:
        url = stack.enter_context(fresh_pg_database())
        agent_url = stack.enter_context(
            example_chat_agent("--secret", AGENT_SECRET, "--reply-delay-ms", "700")
        )
        server = stack.enter_context(
            serve(
                tmp_path,
                url,
                jobs="procrastinate",
                run_heartbeat_seconds="0.5",
                run_stale_after_seconds=str(STALE_S),
            )
        )
        yield server, url, agent_url


def _client(server: ServerProcess) -> httpx.Client:
    key = server.new_key("acme")
    return httpx.Client(base_url=server.url, headers={"X-CEKURA-API-KEY": key}, timeout=30)


def _start_result(client: httpx.Client, agent_url: str, frequency: int, concurrency: int) -> int:
    project = client.get("/user/v1/projects/").json()[0]["id"]
    agent = client.post("/test_framework/v2/aiagents/", json=agent_body(project, agent_url))
    assert agent.status_code == 201, agent.text
    personality = client.get("/test_framework/v1/personalities/", params={"language": "en"})
    scenario = client.post(
        "/test_framework/v1/scenarios/",
        json={
            "name": "Reschedule (scripted)",
            "personality": personality.json()[0]["id"],
            "agent": agent.json()["id"],
            "scenario_type": "conditional_actions",
            "conditional_actions": RESCHEDULE,
            "scenario_language": "en",
        },
    )
    assert scenario.status_code == 201, scenario.text
    started = client.post(
        "/test_framework/v1/scenarios/run_scenarios_text/",
        json={
            "agent_id": agent.json()["id"],
            "scenarios": [scenario.json()["id"]],
            "frequency": frequency,
            "concurrency_limit": concurrency,
        },
    )
    assert started.status_code in (200, 201), started.text
    return int(started.json()["id"])


def _runs(db_url: str, result_id: int) -> list[dict[str, Any]]:
    engine = create_engine(db_url.replace("+asyncpg", "+psycopg"))
    try:
        with engine.connect() as conn:
            rows = conn.execute(
                text(
                    "SELECT id, status, claimed_by, error_message FROM runs "
                    "WHERE result_id = :r ORDER BY id"
                ),
                {"r": result_id},
            )
            return [dict(row._mapping) for row in rows]
    finally:
        engine.dispose()


def _workers(db_url: str) -> int:
    """How many procrastinate workers are registered (each does so when it starts fetching)."""
    engine = create_engine(db_url.replace("+asyncpg", "+psycopg"))
    try:
        with engine.connect() as conn:
            return int(
                conn.execute(text("SELECT count(*) FROM procrastinate_workers")).scalar_one()
            )
    finally:
        engine.dispose()


def _wait(predicate: Any, timeout: float, what: str) -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what}")


def _finished(runs: list[dict[str, Any]]) -> bool:
    return all(r["status"] in ("completed", "failed", "cancelled", "timeout") for r in runs)


def test_two_workers_share_runs_within_the_request_limit(
    stack: tuple[ServerProcess, str, str],
) -> None:
    server, db_url, agent_url = stack
    # each worker holds at most 2 of the request's 3 slots, so neither can take every run
    with _client(server) as client, worker(server, concurrency=2), worker(server, concurrency=2):
        _wait(lambda: _workers(db_url) == 2, 60, "both workers to register")
        result_id = _start_result(client, agent_url, frequency=6, concurrency=3)
        most_running = 0

        def done() -> bool:
            nonlocal most_running
            runs = _runs(db_url, result_id)
            most_running = max(most_running, sum(r["status"] == "running" for r in runs))
            return _finished(runs)

        _wait(done, 120, "all runs to finish")
        runs = _runs(db_url, result_id)
        result = client.get(f"/test_framework/v2/results/{result_id}/").json()
    assert [r["status"] for r in runs] == ["completed"] * 6, runs
    assert len({r["claimed_by"] for r in runs}) == 2  # both workers executed runs
    assert 1 <= most_running <= 3
    assert result["status"] == "completed"


def test_killing_a_worker_mid_run_fails_its_runs_and_the_other_finishes_the_rest(
    stack: tuple[ServerProcess, str, str],
) -> None:
    server, db_url, agent_url = stack
    with (
        _client(server) as client,
        worker(server, concurrency=2) as victim,
    ):
        result_id = _start_result(client, agent_url, frequency=8, concurrency=4)
        running = _wait(
            lambda: [r for r in _runs(db_url, result_id) if r["status"] == "running"],
            60,
            "the first worker to start runs",
        )
        victim_name = running[0]["claimed_by"]
        with worker(server, concurrency=2):
            _wait(
                lambda: any(
                    r["status"] == "running" and r["claimed_by"] != victim_name
                    for r in _runs(db_url, result_id)
                ),
                60,
                "the second worker to start runs",
            )
            held = [
                r["id"]
                for r in _runs(db_url, result_id)
                if r["status"] == "running" and r["claimed_by"] == victim_name
            ]
            victim.send_signal(signal.SIGKILL)
            victim.wait(10)
            _wait(lambda: _finished(_runs(db_url, result_id)), 180, "all runs to finish")
        runs = _runs(db_url, result_id)
    abandoned = [r for r in runs if r["error_message"] == ABANDONED]
    assert abandoned and all(r["claimed_by"] == victim_name for r in abandoned), runs
    assert all(r["status"] == "failed" for r in abandoned)
    assert {r["id"] for r in abandoned} <= set(held)  # only runs it held when killed
    rest = [r for r in runs if r not in abandoned]
    assert all(r["status"] == "completed" for r in rest), runs
    assert any(r["claimed_by"] != victim_name for r in rest)  # the survivor did work

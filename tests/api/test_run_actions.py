"""Actions on results and runs, end to end against the clinic agent: ending calls (in this
process and through the database flag another process would set), rerun, delete_runs, and
run_scenarios_with_websockets."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from typing import Any

from sqlalchemy import update

from tests.api.run_support import (
    RUN_TEXT,
    chat_agent,
    clinic_agent,
    reschedule_scenario,
    sarah_profile,
)
from tests.conftest import Api
from voxtest.domain.transcript import MAIN_AGENT, TESTING_AGENT
from voxtest.examples.clinic_agent import ClinicAgentServer, ConnectionLog
from voxtest.storage.db import Database
from voxtest.storage.tables import Run
from voxtest.testing import free_port

RESULTS = "/test_framework/v2/results"
RUNS = "/test_framework/v1/runs"
WEBSOCKETS = "/test_framework/v1/scenarios/run_scenarios_with_websockets/"
FINISHED = ("completed", "failed", "cancelled")
CANCELLED = "run-cancelled-by-user"
SLOW_MS = 700  # the agent's delay before each reply: a run lasts several seconds


def wait_for(what: Callable[[], Any], timeout_s: float = 30.0) -> Any:
    deadline = time.monotonic() + timeout_s
    while not (value := what()):
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)
    return value


def finished_result(api: Api, result_id: int) -> dict[str, Any]:
    def done() -> dict[str, Any] | None:
        body: dict[str, Any] = api.get(f"{RESULTS}/{result_id}/").json()
        return body if body["status"] in FINISHED else None

    result: dict[str, Any] = wait_for(done, 60)
    return result


def mid_conversation(agent: ClinicAgentServer) -> ConnectionLog:
    """The agent's first connection once the caller has answered its greeting."""
    wait_for(lambda: agent.connections and agent.connections[0].received)
    log: ConnectionLog = agent.connections[0]
    return log


def slow_run(api: Api, agent: ClinicAgentServer, **extra: Any) -> dict[str, Any]:
    agent_id = chat_agent(api, agent.url)
    scenario = reschedule_scenario(api, agent_id, sarah_profile(api, agent_id))
    r = api.post(RUN_TEXT, {"agent_id": agent_id, "scenarios": [scenario], **extra})
    assert r.status_code == 201, r.text
    made: dict[str, Any] = r.json()
    return made


def assert_cancelled_mid_call(run: dict[str, Any]) -> None:
    assert run["status"] == "cancelled" and run["metadata"]["ended_reason"] == CANCELLED
    roles = [t["role"] for t in run["transcript_object"]]
    assert MAIN_AGENT in roles and TESTING_AGENT in roles  # the conversation so far is kept
    assert run["metadata"]["connected"] is True


def test_end_call_cancels_a_running_run_and_closes_its_socket(api: Api) -> None:
    with clinic_agent(reply_delay_ms=SLOW_MS) as agent:
        made = slow_run(api, agent)
        run_id = made["runs"][0]["id"]
        log = mid_conversation(agent)
        r = api.post(f"{RUNS}/{run_id}/end_call/")
        assert r.status_code == 200 and r.content == b""
        result = finished_result(api, made["id"])
        wait_for(lambda: log.ended_by == "caller_closed")
        replies = log.replies
    assert result["status"] == "cancelled" and result["failed_runs_count"] == 1
    run = result["runs"][str(run_id)]
    assert_cancelled_mid_call(run)
    assert replies < 5  # the script needs five replies to complete
    again = api.post(f"/test_framework/v2/runs/{run_id}/end_call/")
    assert again.status_code == 200  # a finished run is left alone
    assert api.get(f"{RUNS}/{run_id}/").json()["status"] == "cancelled"


def test_end_calls_cancels_running_and_waiting_runs(api: Api) -> None:
    with clinic_agent(reply_delay_ms=SLOW_MS) as agent:
        made = slow_run(api, agent, frequency=3, concurrency_limit=1)
        log = mid_conversation(agent)
        r = api.post(f"/test_framework/v1/results-external/{made['id']}/end_calls/")
        assert r.status_code == 200
        result = finished_result(api, made["id"])
        wait_for(lambda: log.ended_by == "caller_closed")
        connections = len(agent.connections)
    assert connections == 1  # the waiting runs never started
    assert result["status"] == "cancelled"
    runs = sorted(result["runs"].values(), key=lambda run: run["id"])
    assert_cancelled_mid_call(runs[0])
    for waiting in runs[1:]:
        assert waiting["status"] == "cancelled" and waiting["transcript_object"] == []
        assert waiting["metadata"]["ended_reason"] == CANCELLED


def set_cancel_flag(api: Api, run_id: int) -> None:
    """What `end_call/` served by another process leaves in the shared database."""

    async def flag() -> None:
        db = Database(api.server.settings)
        try:
            async with db.session() as session:
                await session.execute(
                    update(Run).where(Run.id == run_id).values(cancel_requested=True)
                )
        finally:
            await db.dispose()

    asyncio.run(flag())


def test_executor_cancels_a_run_flagged_in_the_database(api: Api) -> None:
    with clinic_agent(reply_delay_ms=SLOW_MS) as agent:
        made = slow_run(api, agent)
        run_id = made["runs"][0]["id"]
        log = mid_conversation(agent)
        set_cancel_flag(api, run_id)
        started = time.monotonic()
        result = finished_result(api, made["id"])
        waited = time.monotonic() - started
        wait_for(lambda: log.ended_by == "caller_closed")
    assert_cancelled_mid_call(result["runs"][str(run_id)])
    assert waited < 3  # the next sweep (every second), not the end of the conversation


def test_rerun_makes_a_new_result_whose_runs_complete(api: Api) -> None:
    with clinic_agent() as agent:
        made = slow_run(api, agent, frequency=2, name="Nightly")
        first = finished_result(api, made["id"])
        r = api.post(f"/test_framework/v1/results/{made['id']}/rerun/")
        assert r.status_code == 200, r.text
        again = r.json()
        assert again["id"] != made["id"] and again["name"] == "Nightly"
        assert again["total_runs_count"] == 2
        second = finished_result(api, again["id"])
        calls = len(agent.connections)
    assert first["status"] == second["status"] == "completed"
    assert second["completed_runs_count"] == 2 and calls == 4
    assert not set(first["runs"]) & set(second["runs"])
    old_run, new_run = next(iter(first["runs"].values())), next(iter(second["runs"].values()))
    for key in ("scenario", "personality", "test_profile_data", "scenario_name"):
        assert old_run[key] == new_run[key], key
    assert second["run_settings"] == first["run_settings"]


def test_delete_runs_removes_runs_and_recounts_the_result(api: Api) -> None:
    with clinic_agent() as agent:
        made = slow_run(api, agent, frequency=3)
        finished_result(api, made["id"])
    ids = [run["id"] for run in made["runs"]]
    path = f"{RESULTS}/{made['id']}/delete_runs/"
    assert api.post(path, {"run_ids": []}).status_code == 400
    assert api.post(path, {"run_ids": [ids[0], 0]}).status_code == 400
    assert api.post(path, {}).status_code == 400
    r = api.post(path, {"run_ids": ids[:2]})
    assert r.status_code == 204
    result = api.get(f"{RESULTS}/{made['id']}/").json()
    assert list(result["runs"]) == [str(ids[2])] and result["total_runs_count"] == 1
    assert result["status"] == "completed"
    assert api.get(f"{RUNS}/{ids[0]}/").status_code == 404


def test_delete_runs_cancels_a_running_run_first(api: Api) -> None:
    with clinic_agent(reply_delay_ms=SLOW_MS) as agent:
        made = slow_run(api, agent, frequency=2, concurrency_limit=1)
        log = mid_conversation(agent)
        running = made["runs"][0]["id"]
        path = f"/test_framework/v1/results/{made['id']}/delete_runs/"
        assert api.post(path, {"run_ids": [running]}).status_code == 204
        wait_for(lambda: log.ended_by == "caller_closed", 5)
        result = finished_result(api, made["id"])
    assert list(result["runs"]) == [str(made["runs"][1]["id"])]
    assert result["status"] == "completed" and result["total_runs_count"] == 1


def test_run_scenarios_with_websockets_dials_each_scenarios_url(api: Api) -> None:
    with clinic_agent() as first, clinic_agent() as second:
        agent_id = chat_agent(api, f"ws://127.0.0.1:{free_port()}/chat")
        profile = sarah_profile(api, agent_id)
        one = reschedule_scenario(api, agent_id, profile)
        two = reschedule_scenario(api, agent_id, profile)
        body = {
            "scenarios": [
                {"scenario": one, "websocket_url": first.url},
                {"scenario": two, "websocket_url": second.url},
            ],
            "frequency": 2,
        }
        r = api.post(WEBSOCKETS, body)
        assert r.status_code == 201, r.text
        made = r.json()
        result = finished_result(api, made["id"])
        first_ids = {c.scenario_id for c in first.connections}
        second_ids = {c.scenario_id for c in second.connections}
    assert made["agent"] == agent_id and len(made["runs"]) == 4
    assert [run["scenario"] for run in made["runs"]] == [one, one, two, two]
    assert result["status"] == "completed" and result["completed_runs_count"] == 4
    assert first_ids == {str(one)} and second_ids == {str(two)}
    assert len(first.connections) == len(second.connections) == 2


def test_run_scenarios_with_websockets_validates(api: Api) -> None:
    agent_id = chat_agent(api, f"ws://127.0.0.1:{free_port()}/chat")
    scenario = reschedule_scenario(api, agent_id, None)
    url = f"ws://127.0.0.1:{free_port()}/chat"
    cases = [
        ({"scenarios": [{"scenario": scenario, "websocket_url": url}]}, "frequency"),
        ({"frequency": 1}, "scenarios"),
        ({"frequency": 1, "scenarios": []}, "scenarios"),
        ({"frequency": 0, "scenarios": [{"scenario": scenario}]}, "frequency"),
        (
            {"frequency": 1, "scenarios": [{"scenario": scenario, "websocket_url": "https://x"}]},
            "scenarios",
        ),
        ({"frequency": 1, "scenarios": [{"scenario": scenario + 999}]}, "scenarios"),
        ({"frequency": 1, "agent": agent_id + 999, "scenarios": [{"scenario": scenario}]}, "agent"),
    ]
    for body, field in cases:
        r = api.post("/test_framework/v2/scenarios/run_scenarios_with_websockets/", body)
        assert r.status_code == 400 and field in r.json(), (body, r.text)
    body = {"agent": agent_id, "frequency": 1, "scenarios": [{"scenario": scenario}]}
    r = api.post("/test_framework/v1/scenarios-external/run_scenarios_with_websockets/", body)
    assert r.status_code == 201 and r.json()["agent"] == agent_id


def test_other_organizations_get_404_on_every_action(api: Api) -> None:
    agent_id = chat_agent(api, f"ws://127.0.0.1:{free_port()}/chat")
    scenario = reschedule_scenario(api, agent_id, None)
    made = api.post(RUN_TEXT, {"agent_id": agent_id, "scenarios": [scenario]}).json()
    run_id = made["runs"][0]["id"]
    finished_result(api, made["id"])
    other = api.other()
    for path, body in (
        (f"{RESULTS}/{made['id']}/rerun/", None),
        (f"{RESULTS}/{made['id']}/end_calls/", None),
        (f"{RESULTS}/{made['id']}/delete_runs/", {"run_ids": [run_id]}),
        (f"{RUNS}/{run_id}/end_call/", None),
    ):
        assert other.post(path, body).status_code == 404, path
    r = other.post(WEBSOCKETS, {"frequency": 1, "scenarios": [{"scenario": scenario}]})
    assert r.status_code == 400 and "scenarios" in r.json()
    assert api.get(f"{RESULTS}/{made['id']}/").json()["total_runs_count"] == 1
    assert api.get(RESULTS + "/", params={"agent_id": agent_id}).json()["count"] == 1

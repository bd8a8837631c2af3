"""Mock tools during real runs: the clinic agent calls its tools through voxtest with the run
id it was given; parallel runs keep their calls and their stateful tables apart."""

from __future__ import annotations

from typing import Any

from tests.api.run_support import (
    RUN_TEXT,
    chat_agent,
    clinic_agent,
    reschedule_scenario,
    sarah_profile,
    wait_for_result,
)
from tests.conftest import Api

CATCH_ALL: list[dict[str, Any]] = [{"input": {}, "output": {"ok": True}}]
CLEANING = {"day": "2026-11-24", "time": "10:00", "kind": "cleaning", "confirmation": "BS-1001"}
BOOKING_STATE = {"table": "bookings", "operation": "insert", "key": ["day", "time"]}


def mock_tools() -> list[dict[str, Any]]:
    return [
        {
            "name": "lookup_patient",
            "mock_data": [{"input": {}, "output": {"found": True, "patient_id": "P-77"}}],
        },
        {
            "name": "verify_patient",
            "mock_data": [{"input": {}, "output": {"verified": True, "appointments": [CLEANING]}}],
        },
        {"name": "find_slots", "mock_data": [{"input": {}, "output": {"slots": ["14:30"]}}]},
        {
            "name": "book_slot",
            "freetext_params": ["patient_name"],
            "mock_data": [{"input": {}, "output": {"message": "Booked."}, "state": BOOKING_STATE}],
        },
        {"name": "cancel_booking", "mock_data": CATCH_ALL},
    ]


def test_parallel_runs_each_see_only_their_own_calls(api: Api) -> None:
    with clinic_agent(log_tool_calls=False) as server:
        agent_id = chat_agent(api, server.url)
        r = api.patch(f"/test_framework/v2/aiagents/{agent_id}/", {"mock_tools": mock_tools()})
        assert r.status_code == 200, r.text
        server.options = server.options.__class__(
            **{
                **server.options.__dict__,
                "mock_tools_url": f"{api.server.url}/test_framework/v1/aiagents/{agent_id}/",
            }
        )
        profile = sarah_profile(api, agent_id)
        expected = {"bookings": [{"time": "14:30"}]}
        scenario = reschedule_scenario(
            api, agent_id, profile, information_fields={"expected_mock_state": expected}
        )
        started = api.post(
            RUN_TEXT, {"agent_id": agent_id, "scenarios": [scenario], "frequency": 3}
        )
        assert started.status_code in (200, 201), started.text
        wait_for_result(api, started.json()["id"])
        logs = {log.run_id: log for log in server.connections if log.run_id}
    runs = [
        api.get(f"/test_framework/v2/runs/{run['id']}/").json() for run in started.json()["runs"]
    ]
    assert len(runs) == 3 and len(logs) == 3
    for run in runs:
        assert run["mocked_tool_names"] == [t["name"] for t in mock_tools()]  # null: all
        log = logs[str(run["id"])]
        assert log.mock_calls and set(log.mock_calls) == {201}, log.mock_calls
        calls = [t for t in run["transcript_object"] if t["role"] == "Function Call"]
        results = [t for t in run["transcript_object"] if t["role"] == "Function Call Result"]
        assert (
            len(calls) == len(results) == len(log.mock_calls) == run["metadata"]["mock_tool_calls"]
        )
        booked = [t for t in results if t["data"]["mock"].get("operation")]
        assert len(booked) == 1 and "error" not in booked[0]["data"]["result"], booked
        state = run["metadata"]["mock_state"]
        assert len(state["tables"]["bookings"]) == 1  # another run's booking would be a clash
        assert state["expected"] == expected
        times = [t["start_time"] for t in run["transcript_object"]]
        assert times == sorted(times)
        first_call = run["transcript_object"].index(calls[0])
        assert run["transcript_object"][first_call - 1]["role"] == "Testing Agent"


def test_mock_tool_names_limit_what_is_mocked(api: Api) -> None:
    with clinic_agent() as server:
        agent_id = chat_agent(api, server.url)
        api.patch(f"/test_framework/v2/aiagents/{agent_id}/", {"mock_tools": mock_tools()})
        server.options = server.options.__class__(
            **{
                **server.options.__dict__,
                "mock_tools_url": f"{api.server.url}/test_framework/v1/aiagents/{agent_id}/",
            }
        )
        scenario = reschedule_scenario(api, agent_id, sarah_profile(api, agent_id))
        body = {"agent_id": agent_id, "scenarios": [scenario], "mock_tool_names": ["find_slots"]}
        started = api.post(RUN_TEXT, body).json()
        wait_for_result(api, started["id"])
    run = api.get(f"/test_framework/v2/runs/{started['runs'][0]['id']}/").json()
    assert run["mocked_tool_names"] == ["find_slots"]
    results = [t["data"] for t in run["transcript_object"] if t["role"] == "Function Call Result"]
    served = [d for d in results if "mock" in d]
    assert served == [] or all(d["result"] for d in served)
    mocks = [
        d["mock"]
        for d in (t["data"] for t in run["transcript_object"] if t["role"] == "Function Call")
        if "mock" in d
    ]
    errors = [m for m in mocks if "error" in m]
    assert mocks and all("not mocked" in m["error"] for m in errors)
    assert any("error" not in m for m in mocks)  # find_slots was served


def test_mock_tool_names_must_name_the_agents_tools(api: Api) -> None:
    agent_id = chat_agent(api, "ws://127.0.0.1:9/chat")
    api.patch(f"/test_framework/v2/aiagents/{agent_id}/", {"mock_tools": mock_tools()[:2]})
    scenario = reschedule_scenario(api, agent_id, None)
    body = {"agent_id": agent_id, "scenarios": [scenario], "mock_tool_names": ["book_slot"]}
    r = api.post(RUN_TEXT, body)
    assert r.status_code == 400, r.text
    assert r.json() == {
        "mock_tool_names": ["Unknown tool: book_slot. Known: lookup_patient, verify_patient"]
    }
    for bad in ("find_slots", ["lookup_patient", 3]):
        r = api.post(RUN_TEXT, {**body, "mock_tool_names": bad})
        assert r.status_code == 400 and "mock_tool_names" in r.json(), r.text
    r = api.post(RUN_TEXT, {**body, "mock_tool_names": []})
    assert r.status_code == 201, r.text
    run = api.get(f"/test_framework/v2/runs/{r.json()['runs'][0]['id']}/").json()
    assert run["mocked_tool_names"] == []

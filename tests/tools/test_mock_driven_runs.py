"""Runs driven by mock tools end to end: the example clinic agent, a real websocket server,
calls every tool through voxtest's mock endpoints with the run id it was given, so what it
says comes from the scenario's mock entries and the run's own stateful table."""

from __future__ import annotations

from typing import Any

from tests.api.factories import personality_id
from tests.api.run_support import RUN_TEXT, chat_agent, clinic_agent, wait_for_result
from tests.conftest import Api
from voxtest.demo.suite import SARAH, TEST_PROFILE, VERIFIED

SLOT = "16:45"  # never offered by the agent's in-memory calendar
CODE = "MOCK-4521"
BOOKINGS = {"table": "bookings", "operation": "insert", "key": ["day", "time"]}
FIND_MINE = {"table": "bookings", "operation": "read", "key": ["patient_name"]}

TOOLS: list[dict[str, Any]] = [
    {"name": "verify_patient", "mock_data": [{"input": SARAH, "output": VERIFIED}]},
    {"name": "lookup_patient", "mock_data": [{"input": {}, "output": {"found": False}}]},
    {"name": "find_slots", "mock_data": [{"input": {}, "output": {"slots": []}}]},
    {
        "name": "book_slot",
        "freetext_params": ["patient_name"],
        "mock_data": [{"input": {}, "output": {"confirmation": CODE}, "state": BOOKINGS}],
    },
    {"name": "find_appointments", "mock_data": [{"input": {}, "output": {}, "state": FIND_MINE}]},
    {"name": "cancel_booking", "mock_data": [{"input": {}, "output": {"cancelled": True}}]},
]


def _says(i: int, condition: str, action: str) -> dict[str, Any]:
    return {
        "id": i,
        "condition": condition,
        "action": action,
        "type": "standard",
        "fixed_message": True,
    }


# Move the cleaning to the mock-only slot, then ask to cancel: the agent must find the
# booking made two turns earlier in the run's table, and is told to keep it.
ACTIONS: dict[str, Any] = {
    "role": "A patient who wants to move a cleaning",
    "conditions": [
        _says(0, "FIRST_MESSAGE", "Hi, I need to move my cleaning."),
        _says(1, "The agent asks for your name", "It's Sarah Johnson."),
        _says(2, "The agent asks for your date of birth", "January first, nineteen ninety."),
        _says(3, 'contains "Does that work"', "Yes, that works."),
        _says(4, f'contains "{CODE}"', "Yes, I'd like to cancel my appointment."),
        _says(5, 'contains "Shall I cancel it"', "No, please keep it."),
        {**_says(6, "5", "<endcall/>"), "condition": 5, "type": "action_followup"},
    ],
}


def _scenario(api: Api, agent: dict[str, Any], profile_id: int) -> int:
    ids = {t["name"]: t["id"] for t in agent["mock_tools"]}
    entries = [
        {
            "tool_id": ids["find_slots"],
            "tool_name": "find_slots",
            "new_entry": {"input": {"day": "2026-12-01"}, "output": {"slots": [SLOT]}},
        }
    ]
    body = {
        "name": "Move a cleaning to the mocked slot",
        "agent": agent["id"],
        "personality": personality_id(api),
        "test_profile": profile_id,
        "scenario_type": "conditional_actions",
        "conditional_actions": ACTIONS,
        "generated_mock_tool_entries": entries,
        "information_fields": {"expected_mock_state": {"bookings": [{"time": SLOT}]}},
    }
    r = api.post("/test_framework/v2/scenarios/", body)
    assert r.status_code == 201, r.text
    return int(r.json()["id"])


def _rows(run: dict[str, Any], role: str) -> list[dict[str, Any]]:
    return [t for t in run["transcript_object"] if t["role"] == role]


def test_runs_are_driven_by_their_own_mock_calls(api: Api) -> None:
    agent_id = chat_agent(api, "ws://127.0.0.1:9/chat")
    r = api.patch(f"/test_framework/v2/aiagents/{agent_id}/", {"mock_tools": TOOLS})
    assert r.status_code == 200, r.text
    agent = r.json()
    mocks = f"{api.server.url}/test_framework/v1/aiagents/{agent_id}/"
    profile = api.post(
        "/test_framework/v1/test-profiles/",
        {"agent": agent_id, "name": "Sarah", "information": TEST_PROFILE["information"]},
    )
    assert profile.status_code in (200, 201), profile.text
    scenario = _scenario(api, agent, int(profile.json()["id"]))
    with clinic_agent(mock_tools_url=mocks, log_tool_calls=False) as server:
        url = {"provider": {"type": "self_hosted", "chat_agent_details": _chat(server.url)}}
        assert api.patch(f"/test_framework/v2/aiagents/{agent_id}/", url).status_code == 200
        body = {"agent_id": agent_id, "scenarios": [scenario], "frequency": 3}
        started = api.post(RUN_TEXT, body)
        assert started.status_code == 201, started.text
        wait_for_result(api, started.json()["id"], timeout_s=90)
        logs = {log.run_id: log for log in server.connections if log.run_id}
    runs = [api.get(f"/test_framework/v2/runs/{r['id']}/").json() for r in started.json()["runs"]]
    assert len(runs) == 3 and set(logs) == {str(run["id"]) for run in runs}
    for run in runs:
        assert run["status"] == "completed", run["error_message"]
        said = " ".join(t["content"] for t in _rows(run, "Main Agent"))
        assert f"Tuesday 1 December 2026 at {SLOT}. Does that work?" in said, said
        assert f"Your confirmation code is {CODE}" in said
        # the booking made earlier in this run, read back from its own table
        assert f"I see your appointment on Tuesday 1 December 2026 at {SLOT}." in said
        calls, results = _rows(run, "Function Call"), _rows(run, "Function Call Result")
        # the agent logs nothing itself: every row is a call this run's agent made
        assert len(calls) == len(results) == len(logs[str(run["id"])].mock_calls)
        assert set(logs[str(run["id"])].mock_calls) == {201}
        by_name = {c["data"]["name"]: c for c in calls}
        slots = by_name["find_slots"]
        answer = next(r for r in results if r["data"]["id"] == slots["data"]["id"])
        assert answer["data"]["result"] == {"slots": [SLOT]}
        assert answer["data"]["mock"] == {"via": "direct", "entry": 0, "source": "scenario"} | {
            "exact": True
        }
        reads = [
            r["data"]
            for r in results
            if r["data"]["mock"].get("operation", {}).get("operation") == "read"
        ]
        assert len(reads) == 1 and reads[0]["result"]["count"] == 1  # not another run's booking
        state = run["metadata"]["mock_state"]
        assert [row["time"] for row in state["tables"]["bookings"]] == [SLOT]
        assert run["mocked_tool_names"] == [t["name"] for t in TOOLS]


def _chat(url: str) -> dict[str, Any]:
    config = {"url": url, "headers": {"X-Clinic": "bright-smile"}, "websocket_secret": "s3cret-ws"}
    return {"type": "self_hosted", "config": config}

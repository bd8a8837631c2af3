"""run_scenarios_text end to end: the executor holds real conversations with the clinic agent
over loopback websockets, and results and runs read back through the API."""

from __future__ import annotations

from tests.api.run_support import (
    RUN_TEXT,
    SECRET,
    chat_agent,
    clinic_agent,
    instruction_scenario,
    reschedule_scenario,
    sarah_profile,
    wait_for_result,
)
from tests.conftest import Api
from voxtest.domain.transcript import FUNCTION_CALL, MAIN_AGENT
from voxtest.protocols import chat_ws
from voxtest.testing import free_port


def test_scripted_scenario_runs_twice_against_the_clinic_agent(api: Api) -> None:
    with clinic_agent() as agent:
        agent_id = chat_agent(api, agent.url)
        scenario = reschedule_scenario(api, agent_id, sarah_profile(api, agent_id))
        r = api.post(RUN_TEXT, {"agent_id": agent_id, "scenarios": [scenario], "frequency": 2})
        assert r.status_code == 201, r.text
        made = r.json()
        assert made["agent"] == agent_id and made["run_as_text"] is True
        assert made["status"] == "pending" and len(made["runs"]) == 2
        assert {run["scenario"] for run in made["runs"]} == {scenario}
        assert made["runs"][0]["test_profile_data"]["name"] == "Sarah Johnson"
        result = wait_for_result(api, made["id"])
        connections = list(agent.connections)
    assert result["status"] == "completed" and result["total_runs_count"] == 2
    assert result["completed_runs_count"] == 2 and result["failed_runs_count"] == 0
    runs = result["runs"]
    assert sorted(runs) == sorted(str(run["id"]) for run in made["runs"])
    for run in runs.values():
        assert run["status"] == "completed" and run["error_message"] == ""
        assert run["metadata"]["ended_reason"] == "Testing agent-ended-call"
        said = [t["content"] for t in run["transcript_object"] if t["role"] == MAIN_AGENT]
        assert "moved to Tuesday 1 December 2026 at 14:30" in said[-1]
        calls = [t["data"]["name"] for t in run["transcript_object"] if t["role"] == FUNCTION_CALL]
        assert calls == ["verify_patient", "find_slots", "book_slot", "cancel_booking"]
        replies = [t for t in run["transcript_object"] if "latency_ms" in t["data"]]
        assert len(replies) == 4 and all(t["role"] == MAIN_AGENT for t in replies)
        assert "Testing Agent: It's Sarah Johnson." in run["transcript"]
        assert run["duration"].count(":") == 1 and run["executed_at"]
    ids = {(c.scenario_id, c.result_id, c.run_id) for c in connections}
    assert ids == {(str(scenario), str(made["id"]), run_id) for run_id in runs}
    assert all(c.header(chat_ws.HEADER_SECRET) == SECRET for c in connections)
    assert all(c.header("X-Patient-Id") == "P-77" for c in connections)


def test_runs_read_back_by_list_detail_and_bulk(api: Api) -> None:
    with clinic_agent() as agent:
        agent_id = chat_agent(api, agent.url)
        scenario = reschedule_scenario(api, agent_id, sarah_profile(api, agent_id))
        made = api.post(
            "/test_framework/v2/scenarios/run_scenarios_text/",
            {"agent_id": agent_id, "scenarios": [scenario], "name": "Nightly"},
        ).json()
        wait_for_result(api, made["id"])
    run_id = made["runs"][0]["id"]
    for base in ("/test_framework/v1/runs", "/test_framework/v2/runs"):
        one = api.get(f"{base}/{run_id}/").json()
        assert one["result_id"] == made["id"] and one["result_name"] == "Nightly"
        assert one["scenario_type"] == "conditional_actions" and one["status"] == "completed"
    listed = api.get("/test_framework/v1/runs-external/", params={"result_id": made["id"]})
    assert [r["id"] for r in listed.json()["results"]] == [run_id]
    bulk = api.get("/test_framework/v2/runs/bulk/", params={"run_ids": f"{run_id}"})
    assert [r["id"] for r in bulk.json()] == [run_id]
    assert api.get("/test_framework/v2/runs/bulk/", params={"run_ids": "[1]"}).status_code == 400
    results = api.get("/test_framework/v1/results/", params={"search": "night"}).json()
    assert [r["id"] for r in results["results"]] == [made["id"]]
    assert results["results"][0]["runs"][0]["id"] == run_id
    by_scenario = api.get("/test_framework/v1/results-external/", params={"scenarios": "0"})
    assert by_scenario.json()["count"] == 0


def test_instruction_scenario_without_a_model_fails_naming_the_settings(api: Api) -> None:
    agent_id = chat_agent(api, f"ws://127.0.0.1:{free_port()}/chat")
    scenario = instruction_scenario(api, agent_id)
    made = api.post(RUN_TEXT, {"agent_id": agent_id, "scenarios": [scenario]}).json()
    result = wait_for_result(api, made["id"])
    assert result["status"] == "failed" and result["failed_runs_count"] == 1
    (run,) = result["runs"].values()
    assert run["status"] == "failed"
    assert "VOXTEST_LLM_BASE_URL" in run["error_message"]
    assert "VOXTEST_LLM_MODEL" in run["error_message"]


def test_unreachable_agent_fails_with_did_not_connect(api: Api) -> None:
    agent_id = chat_agent(api, f"ws://127.0.0.1:{free_port()}/chat")
    scenario = reschedule_scenario(api, agent_id, None)
    made = api.post(RUN_TEXT, {"agent_id": agent_id, "scenarios": [scenario]}).json()
    (run,) = wait_for_result(api, made["id"])["runs"].values()
    assert run["status"] == "failed"
    assert run["metadata"]["ended_reason"] == "Testing agent-did-not-connect"
    assert run["error_message"].startswith("Testing agent-did-not-connect: ")
    assert run["transcript_object"] == []


def test_websocket_url_and_headers_of_the_request_override_the_agent(api: Api) -> None:
    with clinic_agent(secret=None) as agent:
        agent_id = chat_agent(api, f"ws://127.0.0.1:{free_port()}/chat", secret=None)
        scenario = reschedule_scenario(api, agent_id, sarah_profile(api, agent_id))
        body = {
            "agent_id": agent_id,
            "scenarios": [scenario],
            "websocket_url": agent.url,
            "websocket_headers": {"X-Clinic": "override", chat_ws.HEADER_RUN_ID: "forged"},
        }
        made = api.post("/test_framework/v1/scenarios-external/run_scenarios_text/", body).json()
        result = wait_for_result(api, made["id"])
        (log,) = agent.connections
    assert result["run_settings"]["websocket_url"] == agent.url
    assert log.header("X-Clinic") == "override"
    assert log.run_id == str(made["runs"][0]["id"])


def _enabled_personalities(api: Api, agent_id: int) -> list[int]:
    agent = api.get(f"/test_framework/v2/aiagents/{agent_id}/").json()
    return sorted(agent["enabled_personalities"])


def test_fan_out_is_scenarios_times_frequency_personalities_and_profiles(api: Api) -> None:
    agent_id = chat_agent(api, f"ws://127.0.0.1:{free_port()}/chat")
    first = reschedule_scenario(api, agent_id, None, tags=["smoke"])
    second = reschedule_scenario(api, agent_id, None, tags=["smoke"], folder_path=None)
    personalities = _enabled_personalities(api, agent_id)[:2]
    profiles = [sarah_profile(api, agent_id), sarah_profile(api, agent_id)]
    body = {
        "assistant_id": None,
        "agent_id": agent_id,
        "tags": ["smoke"],
        "frequency": 3,
        "personality_ids": personalities,
        "test_profile_ids": profiles,
        "concurrency_limit": 1,
    }
    made = api.post(RUN_TEXT, {k: v for k, v in body.items() if v is not None}).json()
    assert len(made["runs"]) == 2 * 3 * 2 * 2
    assert {r["scenario"] for r in made["runs"]} == {first, second}
    listed = api.get("/test_framework/v2/runs/", params={"result_id": made["id"]}).json()
    assert {r["personality"] for r in listed["results"]} == set(personalities)
    assert {r["status"] for r in listed["results"]} <= {"pending", "in_queue", "running", "failed"}


def test_run_requests_are_validated(api: Api) -> None:
    agent_id = chat_agent(api, f"ws://127.0.0.1:{free_port()}/chat")
    scenario = reschedule_scenario(api, agent_id, None)
    cases = [
        ({"scenarios": [scenario]}, "agent_id"),
        ({"agent_id": agent_id}, "scenarios"),
        ({"agent_id": agent_id, "scenarios": [scenario], "frequency": 101}, "frequency"),
        ({"agent_id": agent_id, "scenarios": [scenario], "frequency": 0}, "frequency"),
        ({"agent_id": agent_id, "scenarios": [scenario], "tags": ["x"]}, "tags"),
        ({"agent_id": agent_id, "folder_path": "Support"}, "project_id"),
        ({"agent_id": agent_id, "scenarios": [scenario + 999]}, "scenarios"),
        ({"agent_id": agent_id, "tags": ["no-such-tag"]}, "scenarios"),
        ({"agent_id": agent_id + 999, "scenarios": [scenario]}, "agent_id"),
        ({"assistant_id": "asst_none", "scenarios": [scenario]}, "assistant_id"),
        (
            {"agent_id": agent_id, "scenarios": [scenario], "websocket_url": "http://x"},
            "websocket_url",
        ),
        (
            {"agent_id": agent_id, "scenarios": [scenario], "concurrency_limit": 0},
            "concurrency_limit",
        ),
        (
            {"agent_id": agent_id, "scenarios": [scenario], "test_profile_ids": [0]},
            "test_profile_ids",
        ),
    ]
    for body, field in cases:
        r = api.post(RUN_TEXT, body)
        assert r.status_code == 400 and field in r.json(), (body, r.text)
    r = api.post(RUN_TEXT, {"agent_id": agent_id, "scenarios": [scenario], "personality_ids": [0]})
    assert r.status_code == 400
    assert r.json() == {"personality_ids": ["Invalid personalities provided."]}
    assert (
        api.get("/test_framework/v2/results/", params={"agent_id": agent_id}).json()["count"] == 0
    )


def test_folder_selection_takes_the_folder_and_its_subfolders(api: Api) -> None:
    agent_id = chat_agent(api, f"ws://127.0.0.1:{free_port()}/chat")
    project = api.default_project_id()
    for name, parent in (("Appointments", None), ("Changes", "Appointments")):
        body = {"project_id": project, "name": name, **({"parent_path": parent} if parent else {})}
        api.post("/test_framework/v1/scenarios/create_folder/", body)
    inner = reschedule_scenario(api, agent_id, None, folder_path="Appointments.Changes")
    outside = reschedule_scenario(api, agent_id, None)
    body = {"agent_id": agent_id, "folder_path": "Appointments", "project_id": project}
    made = api.post(RUN_TEXT, body).json()
    assert [r["scenario"] for r in made["runs"]] == [inner] and outside != inner


def test_other_organizations_see_nothing(api: Api) -> None:
    agent_id = chat_agent(api, f"ws://127.0.0.1:{free_port()}/chat")
    scenario = reschedule_scenario(api, agent_id, None)
    made = api.post(RUN_TEXT, {"agent_id": agent_id, "scenarios": [scenario]}).json()
    run_id = made["runs"][0]["id"]
    other = api.other()
    assert other.get(f"/test_framework/v2/results/{made['id']}/").status_code == 404
    assert other.get(f"/test_framework/v1/runs/{run_id}/").status_code == 404
    assert other.get("/test_framework/v2/runs/bulk/", params={"run_ids": str(run_id)}).json() == []
    assert other.get("/test_framework/v2/results/").json()["count"] == 0
    r = other.post(RUN_TEXT, {"agent_id": agent_id, "scenarios": [scenario]})
    assert r.status_code == 400 and "agent_id" in r.json()

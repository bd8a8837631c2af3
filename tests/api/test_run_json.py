"""run_scenarios_json end to end: a tests-as-code spec runs against the clinic agent without
any scenario being created; dry runs create nothing; spec problems come back by location."""

from __future__ import annotations

import json
from typing import Any

from tests.api.run_support import chat_agent, clinic_agent, wait_for_result
from tests.conftest import Api
from voxtest.demo.suite import RESCHEDULE_ACTIONS
from voxtest.domain.transcript import FUNCTION_CALL, MAIN_AGENT
from voxtest.testing import free_port

RUN_JSON = "/test_framework/v1/scenarios/run_scenarios_json/"


def reschedule_spec(**scenario: Any) -> dict[str, Any]:
    return {
        "version": "1",
        "suite": {"name": "Clinic smoke"},
        "defaults": {"frequency": 2},
        "scenarios": [
            {
                "name": "Reschedule a cleaning",
                "key": "reschedule",
                "type": "conditional_actions",
                "language": "en",
                "conditional_actions": RESCHEDULE_ACTIONS,
                "expected_outcome": "The cleaning moves to Tuesday 14:30.",
                "tools": ["end_call", "dtmf"],
                "test_profile": {
                    "name": "Sarah (inline)",
                    "agent_variables": {"customer_name": "Sarah Johnson", "X-Patient-Id": "P-77"},
                    "caller_variables": {"name": "Sarah Johnson"},
                },
                **scenario,
            }
        ],
    }


def scenario_count(api: Api) -> int:
    return int(api.get("/test_framework/v1/scenarios/").json()["count"])


def test_spec_runs_against_the_clinic_agent_without_creating_scenarios(api: Api) -> None:
    with clinic_agent() as agent:
        agent_id = chat_agent(api, agent.url)
        body = {"agent_id": agent_id, "channel": "text", "spec": reschedule_spec()}
        r = api.post(RUN_JSON, body)
        assert r.status_code == 200, r.text
        made = r.json()
        result = wait_for_result(api, made["id"])
        connections = list(agent.connections)
    assert made["agent"] == agent_id and made["run_as_text"] is True
    assert [run["scenario_name"] for run in made["runs"]] == ["Reschedule a cleaning"] * 2
    assert all("scenario" not in run for run in made["runs"])
    assert made["runs"][0]["test_profile_data"] is None  # inline: no stored profile
    assert result["status"] == "completed" and result["completed_runs_count"] == 2
    assert result["name"] == "Clinic smoke"
    for run in result["runs"].values():
        assert run["status"] == "completed", run["error_message"]
        assert run["scenario_type"] == "conditional_actions"
        assert run["expected_outcome_prompt"] == "The cleaning moves to Tuesday 14:30."
        said = [t["content"] for t in run["transcript_object"] if t["role"] == MAIN_AGENT]
        assert "moved to Tuesday 1 December 2026 at 14:30" in said[-1]
        calls = [t["data"]["name"] for t in run["transcript_object"] if t["role"] == FUNCTION_CALL]
        assert calls[0] == "verify_patient"
        assert "Testing Agent: It's Sarah Johnson." in run["transcript"]
    detail = api.get(f"/test_framework/v2/runs/{made['runs'][0]['id']}/").json()
    assert detail["scenario"] is None and "FIRST_MESSAGE" in detail["scenario_instructions"]
    assert len(connections) == 2
    assert all(c.header("X-Patient-Id") == "P-77" for c in connections)
    assert scenario_count(api) == 0


def test_every_alias_serves_the_operation(api: Api) -> None:
    agent_id = chat_agent(api, f"ws://127.0.0.1:{free_port()}/chat")
    for base in ("v1/scenarios-external", "v2/scenarios"):
        path = f"/test_framework/{base}/run_scenarios_json"  # without the slash too
        r = api.post(path, {"agent_id": agent_id, "spec": reschedule_spec()}, params={"dry_run": 1})
        assert r.status_code == 200, r.text


def test_dry_run_describes_the_runs_and_creates_nothing(api: Api) -> None:
    agent_id = chat_agent(api, f"ws://127.0.0.1:{free_port()}/chat")
    spec = reschedule_spec()
    spec["scenarios"].append(
        {"name": "Book a visit", "instructions": "Book a check-up.", "frequency": 1}
    )
    r = api.post(RUN_JSON, {"agent_id": agent_id, "spec": spec}, params={"dry_run": "true"})
    assert r.status_code == 200, r.text
    answer = r.json()
    assert answer["agent"] == agent_id and answer["status"] == "pending"
    assert "id" not in answer
    names = [run["scenario_name"] for run in answer["runs"]]
    assert names == ["Reschedule a cleaning", "Reschedule a cleaning", "Book a visit"]
    assert all("id" not in run for run in answer["runs"])
    results = api.get("/test_framework/v1/results/", params={"agent_id": agent_id}).json()
    assert results["count"] == 0
    assert scenario_count(api) == 0


def test_invalid_spec_gets_every_problem_by_location(api: Api) -> None:
    agent_id = chat_agent(api, f"ws://127.0.0.1:{free_port()}/chat")
    broken_script = {**RESCHEDULE_ACTIONS, "conditions": [{"id": 0, "condition": "FIRST_MESSAGE"}]}
    spec = {
        "version": "1",
        "scenarios": [
            {"name": "No instructions"},
            {"name": "x", "instructions": "y", "metrics": ["Not A Slug"], "tools": ["fax"]},
            {
                "name": "Script",
                "type": "conditional_actions",
                "language": "en",
                "conditional_actions": broken_script,
            },
        ],
    }
    r = api.post(RUN_JSON, {"agent_id": agent_id, "spec": spec})
    assert r.status_code == 400
    problems = r.json()["spec"]
    assert "scenarios[0]: 'instructions' is a required property" in problems
    assert any(p.startswith("scenarios[1].metrics[0]: ") for p in problems)
    assert any(p.startswith("scenarios[1].tools[0]: 'fax' is not one of") for p in problems)
    spec["scenarios"] = spec["scenarios"][2:]
    problems = api.post(RUN_JSON, {"agent_id": agent_id, "spec": spec}).json()["spec"]
    assert any(p.startswith("scenarios[0].conditional_actions.conditions[0].") for p in problems)
    r = api.post(RUN_JSON, {"agent_id": agent_id, "spec": {"version": "2", "scenarios": []}})
    assert r.json()["spec"] == [
        "scenarios: [] should be non-empty",
        "version: '1' was expected",
    ]


def test_unknown_references_are_400_naming_where(api: Api) -> None:
    agent_id = chat_agent(api, f"ws://127.0.0.1:{free_port()}/chat")
    spec = reschedule_spec(personality="Nobody In Particular")
    spec["defaults"] = {"test_profile": 999999, "metrics": ["greeting_by_name"]}
    del spec["scenarios"][0]["test_profile"]
    r = api.post(RUN_JSON, {"agent_id": agent_id, "spec": spec})
    assert r.status_code == 400
    assert r.json()["spec"] == [
        'scenarios[0].personality: No personality named "Nobody In Particular".',
        'defaults.test_profile: Invalid pk "999999" - object does not exist.',
        'defaults.metrics[0]: No metric "greeting_by_name".',
    ]


def test_personality_by_name_or_id_is_used(api: Api) -> None:
    agent_id = chat_agent(api, f"ws://127.0.0.1:{free_port()}/chat")
    personality = api.get("/test_framework/v1/personalities/").json()[0]
    for ref in (personality["name"], personality["id"]):
        r = api.post(
            RUN_JSON,
            {"agent_id": agent_id, "spec": reschedule_spec(personality=ref)},
            params={"dry_run": True},
        )
        assert r.status_code == 200, r.text
    made = api.post(RUN_JSON, {"agent_id": agent_id, "spec": reschedule_spec(personality=ref)})
    run_id = made.json()["runs"][0]["id"]
    run = api.get(f"/test_framework/v2/runs/{run_id}/").json()
    assert run["personality"] == personality["id"]
    assert run["personality_name"] == personality["name"]


def test_request_problems(api: Api) -> None:
    agent_id = chat_agent(api, f"ws://127.0.0.1:{free_port()}/chat")
    r = api.post(RUN_JSON, {"agent_id": agent_id, "channel": "voice", "spec": reschedule_spec()})
    assert r.status_code == 400
    assert r.json()["channel"] == ['Channel "voice" is not supported by voxtest; supported: text.']
    r = api.post(RUN_JSON, {"spec": reschedule_spec(), "file": "{}"})
    assert set(r.json()) == {"agent_id", "spec"}
    r = api.post(RUN_JSON, {"agent_id": agent_id, "file": "{not json"})
    assert r.json()["file"][0].startswith("Not valid JSON")
    r = api.post(
        RUN_JSON,
        {"agent_id": agent_id, "file": json.dumps(reschedule_spec())},
        params={"dry_run": "true"},
    )
    assert r.status_code == 200 and len(r.json()["runs"]) == 2
    other = api.other()
    r = other.post(RUN_JSON, {"agent_id": agent_id, "spec": reschedule_spec()})
    assert r.status_code == 400 and r.json() == {"agent_id": ["Agent not found."]}

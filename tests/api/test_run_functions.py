"""A scripted scenario's REST functions in a real run over the API: the caller's lines carry a
function's output, a failing function's default, and the run's metadata says what each
function did. The server here allows loopback URLs (VOXTEST_ALLOW_PRIVATE_URLS), as the
function server runs on 127.0.0.1."""

from __future__ import annotations

import copy
from typing import Any

from tests.api.factories import personality_id
from tests.api.run_support import RUN_TEXT, chat_agent, clinic_agent, wait_for_result
from tests.conftest import Api, module_server
from tests.runs.http_support import json_server
from voxtest.demo.suite import RESCHEDULE_ACTIONS, TEST_PROFILE

DOB = "January first, nineteen ninety."


# this module's own server: it may call loopback URLs
server = module_server(allow_private_urls=True)


def script_with_functions() -> dict[str, Any]:
    script = copy.deepcopy(RESCHEDULE_ACTIONS)
    script["conditions"][1]["action"] = "It's {{function.patient.name}}."
    script["conditions"][2]["action"] = "{{function.birth.spoken}}"
    base = "http://{{test_profile.functions_host}}"
    script["functions"] = [
        {
            "name": "patient",
            "type": "rest_api",
            "config": {
                "url": f"{base}/patients",
                "query_params": {"phone": "{{test_profile.phone}}"},
                "response_mapping": {"name": "$.patient.name"},
            },
        },
        {
            "name": "birth",
            "type": "rest_api",
            "config": {
                "url": f"{base}/broken",
                "timeout_seconds": 5,
                "response_mapping": {"spoken": {"path": "$.dob", "default": DOB}},
            },
        },
    ]
    return script


def scenario_and_profile(api: Api, agent_id: int, functions_host: str) -> tuple[int, int]:
    info = copy.deepcopy(TEST_PROFILE["information"])
    info["testing_agent_variables"] = {"functions_host": functions_host, "phone": "+14155550100"}
    r = api.post(
        "/test_framework/v1/test-profiles/",
        {"agent": agent_id, "name": "Caller", "information": info},
    )
    assert r.status_code in (200, 201), r.text
    profile = int(r.json()["id"])
    body = {
        "name": "Reschedule with a CRM lookup",
        "agent": agent_id,
        "personality": personality_id(api),
        "scenario_type": "conditional_actions",
        "conditional_actions": script_with_functions(),
        "test_profile": profile,
    }
    r = api.post("/test_framework/v2/scenarios/", body)
    assert r.status_code == 201, r.text
    return int(r.json()["id"]), profile


def test_function_outputs_and_defaults_are_said_in_the_call(api: Api) -> None:
    with json_server() as functions, clinic_agent() as agent:
        agent_id = chat_agent(api, agent.url)
        host = functions.url.removeprefix("http://")
        scenario, _ = scenario_and_profile(api, agent_id, host)
        made = api.post(RUN_TEXT, {"agent_id": agent_id, "scenarios": [scenario]}).json()
        (run,) = wait_for_result(api, made["id"])["runs"].values()
    assert run["status"] == "completed", run["error_message"]
    assert "Testing Agent: It's Sarah Johnson." in run["transcript"]  # from the function
    assert f"Testing Agent: {DOB}" in run["transcript"]  # the failing function's default
    said = " ".join(t["content"] for t in run["transcript_object"])
    assert "{{" not in said
    patient, birth = run["metadata"]["functions"]
    assert patient["name"] == "patient" and patient["status"] == "ok"
    assert patient["outputs"] == {"name": "Sarah Johnson"}
    assert birth["status"] == "failed" and birth["http_status"] == 500
    assert birth["error"] == f"GET {functions.url}/broken answered HTTP 500."
    assert birth["outputs"] == {"spoken": DOB}
    lookup = next(s for s in functions.seen if s.path == "/patients")
    assert lookup.query == {"phone": ["+14155550100"]}
    assert functions.paths() == ["/patients", "/broken"]  # once each, at call start

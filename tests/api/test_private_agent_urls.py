"""An instance that refuses private agent URLs (VOXTEST_ALLOW_PRIVATE_AGENT_URLS=false): a
run against an agent on loopback fails at once, saying which setting allows it, and the
agent is never dialled."""

from __future__ import annotations

from tests.api.run_support import (
    RUN_TEXT,
    chat_agent,
    clinic_agent,
    reschedule_scenario,
    wait_for_result,
)
from tests.conftest import Api, module_server

# this module's own server: it refuses private agents
server = module_server(allow_private_agent_urls=False)


def test_a_run_against_a_loopback_agent_fails_naming_the_setting(api: Api) -> None:
    with clinic_agent() as agent:
        agent_id = chat_agent(api, agent.url)
        scenario = reschedule_scenario(api, agent_id, None)
        made = api.post(RUN_TEXT, {"agent_id": agent_id, "scenarios": [scenario]})
        assert made.status_code == 201, made.text
        (run,) = wait_for_result(api, made.json()["id"])["runs"].values()
        dialled = list(agent.connections)
    assert run["status"] == "failed" and dialled == []
    assert run["metadata"]["ended_reason"] == "Testing agent-did-not-connect"
    assert "VOXTEST_ALLOW_PRIVATE_AGENT_URLS=true" in run["error_message"]

"""The agent's simulation settings reach the simulated caller: an instruction run against the
clinic agent, the caller's model a real HTTP server on loopback speaking OpenAI's format. The
agent's `llm_model`, `llm_temperature`, `llm_max_tokens` and `llm_system_prompt` (v1 fields)
replace the instance's defaults in every request the caller makes."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.api.run_support import (
    RUN_TEXT,
    chat_agent,
    clinic_agent,
    instruction_scenario,
    wait_for_result,
)
from tests.conftest import Api, LiveServer, own_server
from tests.llm.fake_openai import FakeOpenAI, completion, wire_tool_call

SIMULATION_PROMPT = "This is a smoke test of the booking line: keep every line short."


@pytest.fixture(scope="module")
def caller_llm() -> Iterator[FakeOpenAI]:
    fake = FakeOpenAI()
    with fake.running():
        yield fake


@pytest.fixture(scope="module", params=["sqlite", "postgres"])
def server(
    request: pytest.FixtureRequest,
    tmp_path_factory: pytest.TempPathFactory,
    caller_llm: FakeOpenAI,
) -> Iterator[LiveServer]:
    """This module's own server, its caller's model the fake."""
    with own_server(
        request, tmp_path_factory, llm_base_url=caller_llm.base_url, llm_model="instance-default"
    ) as live:
        yield live


def _play(api: Api, caller_llm: FakeOpenAI, **agent_settings: object) -> list[dict[str, object]]:
    """One instruction run; the requests the caller's model received."""
    before = len(caller_llm.received)
    caller_llm.add(
        completion("Hi, I'd like to book a cleaning."),
        completion("Thanks, bye!", tool_calls=[wire_tool_call("end_call", "{}")]),
    )
    with clinic_agent() as agent_server:
        agent = chat_agent(api, agent_server.url)
        if agent_settings:
            r = api.patch(f"/test_framework/v1/aiagents/{agent}/", agent_settings)
            assert r.status_code == 200, r.text
        scenario = instruction_scenario(api, agent)
        made = api.post(RUN_TEXT, {"agent_id": agent, "scenarios": [scenario]})
        assert made.status_code in (200, 201), made.text
        result = wait_for_result(api, made.json()["id"])
    (run,) = result["runs"].values()
    assert run["status"] == "completed", run
    return [r.body for r in caller_llm.received[before:]]


def test_the_agents_simulation_settings_reach_the_caller(api: Api, caller_llm: FakeOpenAI) -> None:
    asked = _play(
        api,
        caller_llm,
        llm_model="gpt-4.1-mini",
        llm_temperature=0.2,
        llm_max_tokens=64,
        llm_system_prompt=SIMULATION_PROMPT,
    )
    assert asked and all(body["model"] == "gpt-4.1-mini" for body in asked)
    assert all(body["temperature"] == 0.2 and body["max_tokens"] == 64 for body in asked)
    system = asked[0]["messages"][0]  # type: ignore[index]
    assert system["role"] == "system" and SIMULATION_PROMPT in system["content"]


def test_without_them_the_instance_defaults_hold(api: Api, caller_llm: FakeOpenAI) -> None:
    asked = _play(api, caller_llm)
    assert asked and all(body["model"] == "instance-default" for body in asked)
    assert all(body["max_tokens"] == 200 for body in asked)
    system = asked[0]["messages"][0]  # type: ignore[index]
    assert SIMULATION_PROMPT not in system["content"]

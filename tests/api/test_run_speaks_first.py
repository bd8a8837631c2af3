"""Who speaks first in a scripted run follows the agent's `agent_speaks_first`: true, the
caller waits for the agent however long it takes; false, the caller opens at once; unset,
the caller waits up to 2 s for a greeting (the other run tests)."""

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
from voxtest.domain.transcript import MAIN_AGENT, TESTING_AGENT
from voxtest.protocols.chat_ws import Content

OPENING = "Hi, I need to move my cleaning."


def run_once(api: Api, agent_url: str, speaks_first: bool) -> dict[str, Any]:
    agent_id = chat_agent(api, agent_url)
    r = api.patch(f"/test_framework/v2/aiagents/{agent_id}/", {"agent_speaks_first": speaks_first})
    assert r.status_code == 200 and r.json()["agent_speaks_first"] is speaks_first, r.text
    scenario = reschedule_scenario(api, agent_id, sarah_profile(api, agent_id))
    made = api.post(RUN_TEXT, {"agent_id": agent_id, "scenarios": [scenario]}).json()
    (run,) = wait_for_result(api, made["id"])["runs"].values()
    return dict(run)


def test_when_the_agent_speaks_first_the_caller_waits_for_it(api: Api) -> None:
    # The agent waits for the caller and hangs up after 3 s of silence: a caller that
    # guessed (after 2 s) would have spoken; this one keeps waiting for the agent.
    with clinic_agent(speaks_first=False, idle_timeout_s=3.0) as agent:
        run = run_once(api, agent.url, speaks_first=True)
        (log,) = agent.connections
    assert run["metadata"]["ended_reason"] == "Main agent-ended-call"
    assert [t for t in run["transcript_object"] if t["role"] == TESTING_AGENT] == []
    assert not any(isinstance(frame, Content) and frame.text for frame in log.received)
    assert log.ended_by == "idle_timeout"


def test_when_the_agent_does_not_speak_first_the_caller_opens_at_once(api: Api) -> None:
    # The agent greets after 0.7 s: a caller waiting for a greeting would hear it first.
    with clinic_agent(reply_delay_ms=700) as agent:
        run = run_once(api, agent.url, speaks_first=False)
    first, second = run["transcript_object"][:2]
    assert (first["role"], first["content"]) == (TESTING_AGENT, OPENING)
    assert first["start_time"] < 0.5
    assert second["role"] == MAIN_AGENT
    assert run["status"] == "completed", run["error_message"]

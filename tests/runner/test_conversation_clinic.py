"""The runner plays the demo's scripts against the real clinic agent over loopback."""

from __future__ import annotations

from typing import Any

from tests.runner.scripts import item, opening, script
from voxtest.channels.text_ws import RunIds, TextWebsocketChannel
from voxtest.demo.suite import AGENT, RESCHEDULE_ACTIONS, TEST_PROFILE
from voxtest.domain.actions_engine import Script
from voxtest.domain.conditions import KeywordJudge
from voxtest.domain.transcript import FUNCTION_CALL, FUNCTION_CALL_RESULT, MAIN_AGENT
from voxtest.examples.clinic_agent import ClinicAgentOptions, ClinicAgentServer
from voxtest.judging import for_runs
from voxtest.runner import limits as reasons
from voxtest.runner.conversation import ConversationOutcome, run_conversation
from voxtest.runner.limits import Limits
from voxtest.settings import Settings
from voxtest.testing import free_port

INFORMATION = TEST_PROFILE["information"]
AGENT_HEADERS = AGENT["provider"]["chat_agent_details"]["config"]["headers"]
# The demo's script reads {{test_profile.name}}: the caller-side facts of the profile.
VARIABLES = {"test_profile": INFORMATION["testing_agent_variables"]}
FAST = Limits(silence_timeout_s=3, greeting_wait_s=0.5, end_call_grace_s=0.2)


def _channel(url: str, secret: str | None = None) -> TextWebsocketChannel:
    return TextWebsocketChannel(
        url,
        headers=AGENT_HEADERS,
        secret=secret,
        ids=RunIds(scenario_id="7", result_id="8", run_id="9"),
        profile_variables=INFORMATION["main_agent_variables"],
    )


async def _play(
    url: str,
    played: Script | None = None,
    *,
    secret: str | None = None,
    limits: Limits = FAST,
    **kwargs: Any,
) -> ConversationOutcome:
    return await run_conversation(
        _channel(url, secret),
        played or Script.from_json(RESCHEDULE_ACTIONS),
        KeywordJudge(),
        variables=VARIABLES,
        limits=limits,
        **kwargs,
    )


def _options(**switches: Any) -> ClinicAgentOptions:
    return ClinicAgentOptions(**{"end_call_grace_s": 0.2, **switches})


async def test_demo_reschedule_script_completes_with_confirmation_and_tool_turns() -> None:
    async with ClinicAgentServer(_options(secret="s3cret")) as agent:
        outcome = await _play(agent.url, secret="s3cret")
    assert outcome.end_reason == reasons.TESTING_AGENT_ENDED_CALL and outcome.error is None
    turns = outcome.transcript.turns
    said = [t.content for t in turns if t.role == MAIN_AGENT]
    assert "moved to Tuesday 1 December 2026 at 14:30" in said[-1] and "BS-1042" in said[-1]
    tools = [t for t in turns if t.role in (FUNCTION_CALL, FUNCTION_CALL_RESULT)]
    calls = [t.data["name"] for t in tools if t.role == FUNCTION_CALL]
    assert calls == ["verify_patient", "find_slots", "book_slot", "cancel_booking"]
    assert [t.role for t in tools] == [FUNCTION_CALL, FUNCTION_CALL_RESULT] * 4
    assert all(a.data["id"] == b.data["id"] for a, b in zip(tools[::2], tools[1::2], strict=True))
    assert [t.start_time for t in turns] == sorted(t.start_time for t in turns)
    assert len(outcome.latencies_ms()) == 4  # every caller line got a measured reply
    log = agent.connections[0]
    assert (log.scenario_id, log.result_id, log.run_id) == ("7", "8", "9")
    assert log.header("X-Clinic") == "bright-smile" and log.header("X-Patient-Id") == "P-77"
    assert log.header("X-VOCERA-SECRET") == "s3cret" and log.ended_by == "caller_end_call"


async def test_demo_script_completes_with_the_runs_judge_and_no_llm() -> None:
    judge = await for_runs(Settings(llm_base_url="", llm_model="", judge_model=""))
    async with ClinicAgentServer(_options()) as agent:
        outcome = await run_conversation(
            _channel(agent.url),
            Script.from_json(RESCHEDULE_ACTIONS),
            judge,
            variables=VARIABLES,
            limits=FAST,
        )
    await judge.aclose()
    assert outcome.end_reason == reasons.TESTING_AGENT_ENDED_CALL and outcome.error is None
    said = [t.content for t in outcome.transcript.turns if t.role == MAIN_AGENT]
    assert "moved to Tuesday 1 December 2026 at 14:30" in said[-1]
    report = judge.report()
    assert "llm" not in report["stages"] and report["undecided"] == []
    assert report["decided_by"]["keyword"] >= 1  # "May I have your full name?" needs it


async def test_slow_agent_latencies_are_measured() -> None:
    async with ClinicAgentServer(_options(reply_delay_ms=300)) as agent:
        outcome = await _play(agent.url, agent_speaks_first=True)
    latencies = outcome.latencies_ms()
    assert outcome.end_reason == reasons.TESTING_AGENT_ENDED_CALL and len(latencies) == 4
    assert all(280 <= ms <= 600 for ms in latencies), latencies


async def test_caller_speaks_first_when_the_agent_does_not_greet() -> None:
    async with ClinicAgentServer(_options(speaks_first=False)) as agent:
        outcome = await _play(agent.url)
    assert outcome.end_reason == reasons.TESTING_AGENT_ENDED_CALL
    assert outcome.transcript.turns[0].content == "Hi, I need to move my cleaning."
    assert outcome.transcript.turns[0].start_time >= FAST.greeting_wait_s


async def test_wrong_secret_does_not_connect_and_is_not_retried() -> None:
    async with ClinicAgentServer(_options(secret="right")) as agent:
        outcome = await _play(agent.url, secret="wrong")
    assert outcome.end_reason == reasons.TESTING_AGENT_DID_NOT_CONNECT and not outcome.connected
    assert outcome.error is not None and "HTTP 401" in outcome.error
    assert outcome.connect_attempts == 1 and len(agent.connections) == 1


async def test_unreachable_agent_is_retried_then_did_not_connect() -> None:
    limits = Limits(connect_attempts=3, connect_backoff_s=0.05)
    outcome = await _play(f"ws://127.0.0.1:{free_port()}/chat", limits=limits)
    assert outcome.end_reason == reasons.TESTING_AGENT_DID_NOT_CONNECT
    assert outcome.connect_attempts == 3
    assert outcome.error is not None and outcome.error.endswith("Gave up after 3 attempts.")


async def test_dropped_connection_ends_the_run() -> None:
    async with ClinicAgentServer(_options(drop_after=2)) as agent:
        outcome = await _play(agent.url)
    assert outcome.end_reason == reasons.CONNECTION_DROPPED
    assert outcome.error is not None and "closed unexpectedly (code 1006" in outcome.error
    assert [t.role for t in outcome.transcript.turns].count(MAIN_AGENT) == 2


async def test_max_messages_stops_the_chat() -> None:
    async with ClinicAgentServer(_options()) as agent:
        outcome = await _play(agent.url, limits=Limits(max_messages=3, end_call_grace_s=0.2))
    assert outcome.end_reason == reasons.EXCEEDED_MAX_MESSAGES
    assert len(outcome.transcript.turns) == 3
    assert agent.connections[0].ended_by == "caller_end_call"


async def test_agent_hangs_up_on_goodbye() -> None:
    goodbye = script(opening("Hi."), item(1, 'contains "would you like"', "Nothing, goodbye."))
    async with ClinicAgentServer(_options()) as agent:
        outcome = await _play(agent.url, goodbye, agent_speaks_first=True)
    assert outcome.end_reason == reasons.MAIN_AGENT_ENDED_CALL and outcome.error is None
    assert outcome.transcript.turns[-1].content.endswith("Goodbye!")
    assert agent.connections[0].ended_by == "agent_end_call"

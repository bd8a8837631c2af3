"""An instruction scenario's conversation: a scripted caller model against the clinic agent."""

from __future__ import annotations

from voxtest.channels.text_ws import TextWebsocketChannel
from voxtest.domain.transcript import FUNCTION_CALL, MAIN_AGENT, TESTING_AGENT
from voxtest.examples.clinic_agent import ClinicAgentOptions, ClinicAgentServer
from voxtest.llm import ScriptedModel
from voxtest.llm.fake import reply, tool_call
from voxtest.runner import limits as reasons
from voxtest.runner.limits import Limits
from voxtest.runner.simulated_caller import CallerBrief, SimulatedCaller
from voxtest.runs.instruction import run_instruction
from voxtest.testing import free_port

FAST = Limits(silence_timeout_s=3, greeting_wait_s=0.5, end_call_grace_s=0.2)
BRIEF = CallerBrief(instructions="Move your cleaning to a later day.")


async def test_the_caller_model_takes_turns_until_it_hangs_up() -> None:
    model = ScriptedModel(
        [
            "Hi, I need to move my cleaning.",
            "Sarah Johnson.",
            "January first, nineteen ninety.",
            "Half past two, please.",
            reply("Thanks, bye!", tool_call("end_call", reason="moved")),
        ]
    )
    async with ClinicAgentServer(ClinicAgentOptions(end_call_grace_s=0.2)) as agent:
        channel = TextWebsocketChannel(agent.url)
        outcome = await run_instruction(channel, SimulatedCaller(model, BRIEF), limits=FAST)
    assert outcome.end_reason == reasons.TESTING_AGENT_ENDED_CALL and outcome.error is None
    turns = outcome.transcript.turns
    said = [t.content for t in turns if t.role == MAIN_AGENT]
    assert any("moved to Tuesday 1 December 2026 at 14:30" in line for line in said)
    assert [t.content for t in turns if t.role == TESTING_AGENT][-1] == "Thanks, bye!"
    assert any(t.role == FUNCTION_CALL for t in turns)
    assert len(outcome.latencies_ms()) >= 4


async def test_an_unreachable_agent_does_not_connect() -> None:
    channel = TextWebsocketChannel(f"ws://127.0.0.1:{free_port()}/chat")
    caller = SimulatedCaller(ScriptedModel([]), BRIEF)
    outcome = await run_instruction(channel, caller, limits=Limits(connect_attempts=1))
    assert outcome.end_reason == reasons.TESTING_AGENT_DID_NOT_CONNECT
    assert not outcome.connected and outcome.error

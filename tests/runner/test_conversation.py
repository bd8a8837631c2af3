"""The conversation runner on a ScriptedChannel and virtual time: no sockets, no sleeping."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from tests.runner.scripts import item, opening, script
from voxtest.channels.base import ConnectRefused, Unreachable
from voxtest.channels.fake import FakeClock, ScriptedChannel, ScriptedReply, ScriptedTool
from voxtest.domain.actions_engine import Script
from voxtest.domain.conditions import KeywordJudge, Verdict
from voxtest.domain.transcript import FUNCTION_CALL, FUNCTION_CALL_RESULT, MAIN_AGENT, Transcript
from voxtest.runner import limits as reasons
from voxtest.runner.conversation import (
    ConversationOutcome,
    Paraphrase,
    chat_text,
    run_conversation,
)
from voxtest.runner.limits import Limits

GREETING = ScriptedReply("Thank you for calling, how can I help?", unprompted=True)
ASK_NAME = ScriptedReply("May I have your full name?", delay_s=0.25)
RESCHEDULE = script(
    opening(),
    item(1, "The agent asks for your name", "It's {{test_profile.name}}."),
    item(2, 'contains "14:30"', "Half past two works."),
    item(3, 2, "<endcall/>", followup=True),
)
PROFILE = {"test_profile": {"name": "Sarah Johnson"}}


async def _run(
    replies: Sequence[ScriptedReply],
    played: Script = RESCHEDULE,
    *,
    limits: Limits | None = None,
    first: bool | None = None,
    paraphrase: Paraphrase | None = None,
    channel: ScriptedChannel | None = None,
) -> tuple[ConversationOutcome, ScriptedChannel]:
    clock = channel.clock if channel else FakeClock()
    channel = channel or ScriptedChannel(replies, clock=clock)
    outcome = await run_conversation(
        channel,
        played,
        KeywordJudge(),
        variables=PROFILE,
        limits=limits or Limits(),
        clock=clock,
        agent_speaks_first=first,
        paraphrase=paraphrase,
    )
    return outcome, channel


def _lines(outcome: ConversationOutcome) -> list[tuple[str, str, float]]:
    return [(t.role[0], t.content, t.start_time) for t in outcome.transcript.turns]


async def test_scripted_call_ends_by_the_caller_with_timed_transcript_and_latency() -> None:
    slots = ScriptedTool("c1", "find_slots", {"day": "2026-12-01"}, {"slots": ["14:30"]})
    replies = [
        GREETING,
        ASK_NAME,
        ScriptedReply("I can offer 14:30.", delay_s=0.5, tools=(slots,)),
        ScriptedReply("Booked, anything else?", delay_s=0.1, metadata={"stage": "done"}),
    ]
    outcome, channel = await _run(replies)
    assert outcome.end_reason == reasons.TESTING_AGENT_ENDED_CALL and outcome.error is None
    assert _lines(outcome) == [
        ("M", "Thank you for calling, how can I help?", 0.0),
        ("T", "Hi, I need to move my cleaning.", 0.0),
        ("M", "May I have your full name?", 0.25),
        ("T", "It's Sarah Johnson.", 0.25),
        ("F", "", 0.75),
        ("F", "", 0.75),
        ("M", "I can offer 14:30.", 0.75),
        ("T", "Half past two works.", 0.75),
        ("M", "Booked, anything else?", 0.85),
    ]
    turns = outcome.transcript.turns
    assert [t.role for t in turns[4:6]] == [FUNCTION_CALL, FUNCTION_CALL_RESULT]
    assert turns[4].data == {"id": "c1", "name": "find_slots", "arguments": {"day": "2026-12-01"}}
    assert turns[5].data == {"id": "c1", "result": {"slots": ["14:30"]}}
    assert outcome.latencies_ms() == [250.0, 500.0, 100.0]
    assert "latency_ms" not in turns[0].data  # the greeting answers nobody
    assert turns[-1].data["metadata"] == {"stage": "done"}
    assert channel.sent[-1].end_call and channel.sent[-1].text == "" and channel.closed
    assert outcome.duration_s == pytest.approx(0.85 + Limits().end_call_grace_s)


async def test_auto_start_speaks_first_after_the_greeting_wait() -> None:
    outcome, channel = await _run([ASK_NAME], limits=Limits(silence_timeout_s=3))
    assert channel.sent[0].at - 1000.0 == pytest.approx(Limits().greeting_wait_s)
    assert outcome.transcript.turns[0].content == "Hi, I need to move my cleaning."


async def test_declared_caller_first_speaks_at_once() -> None:
    outcome, channel = await _run([ASK_NAME], first=False, limits=Limits(silence_timeout_s=3))
    assert channel.sent[0].at == 1000.0 and channel.sent[1].text == "It's Sarah Johnson."


async def test_agent_end_call_ends_the_run_without_a_caller_end_call() -> None:
    outcome, channel = await _run([GREETING, ScriptedReply("Goodbye!", end_call=True)])
    assert outcome.end_reason == reasons.MAIN_AGENT_ENDED_CALL and outcome.error is None
    assert [m.end_call for m in channel.sent] == [False]
    assert outcome.transcript.turns[-1].content == "Goodbye!"


async def test_silent_agent_did_not_answer() -> None:
    outcome, _ = await _run([], first=True, limits=Limits(silence_timeout_s=4))
    assert outcome.end_reason == reasons.MAIN_AGENT_DID_NOT_ANSWER
    assert outcome.error == "The agent sent no message within 4 s."
    assert outcome.transcript.turns == ()


async def test_no_match_waits_for_the_next_agent_message() -> None:
    replies = [
        GREETING,
        ScriptedReply("One moment please.", delay_s=1),
        ScriptedReply("Sorry for the wait. Your full name?", delay_s=2, unprompted=True),
    ]
    outcome, channel = await _run(replies, limits=Limits(silence_timeout_s=3))
    assert [m.text for m in channel.sent][:2] == [
        "Hi, I need to move my cleaning.",
        "It's Sarah Johnson.",
    ]
    assert channel.sent[1].at - 1000.0 == pytest.approx(3.0)


async def test_silence_after_an_unmatched_message_names_the_no_match() -> None:
    replies = [GREETING, ScriptedReply("Which branch are you calling about?")]
    outcome, _ = await _run(replies, limits=Limits(silence_timeout_s=5))
    assert outcome.end_reason == reasons.MAIN_AGENT_SILENCE_TIMED_OUT
    assert outcome.error is not None and "No script condition matched" in outcome.error
    assert outcome.duration_s == pytest.approx(5 + Limits().end_call_grace_s)


async def test_exhausted_script_hangs_up_after_the_agents_reply() -> None:
    short = script(opening(), item(1, 'contains "name"', "Sarah Johnson."))
    replies = [GREETING, ASK_NAME, ScriptedReply("Thanks Sarah.", delay_s=0.5)]
    outcome, channel = await _run(replies, short)
    assert outcome.end_reason == reasons.TESTING_AGENT_ENDED_CALL
    assert outcome.transcript.turns[-1].content == "Thanks Sarah."
    assert channel.sent[-1].end_call


async def test_max_duration_cuts_a_long_pause() -> None:
    pausing = script(opening('Hold on. <hold time="30s"/> Back.'))
    outcome, channel = await _run([], pausing, first=False, limits=Limits(max_duration_s=5))
    assert outcome.end_reason == reasons.EXCEEDED_MAX_DURATION
    assert channel.sent[-1].end_call and channel.sent[-1].at - 1000.0 == pytest.approx(5)
    assert [m.text for m in channel.sent] == ["Hold on.", ""]


async def test_max_messages_caps_the_transcript() -> None:
    chatty = script(opening(), item(1, 'contains "name"', "Sarah Johnson."))
    replies = [GREETING, ASK_NAME, ASK_NAME]
    outcome, channel = await _run(replies, chatty, limits=Limits(max_messages=3))
    assert outcome.end_reason == reasons.EXCEEDED_MAX_MESSAGES
    assert [t.role for t in outcome.transcript.turns].count(MAIN_AGENT) == 2
    assert len(outcome.transcript.turns) == 3 and channel.sent[-1].end_call


async def test_silence_pause_is_interrupted_by_the_agent() -> None:
    pausing = script(opening('Hold on. <silence time="5s"/> I am back.'))
    replies = [ScriptedReply("Take your time.", delay_s=1), ASK_NAME]
    outcome, channel = await _run(replies, pausing, first=False, limits=Limits(silence_timeout_s=2))
    assert _lines(outcome)[:3] == [
        ("T", "Hold on.", 0.0),
        ("M", "Take your time.", 1.0),
        ("T", "I am back.", 1.0),
    ]


async def test_hold_pause_records_the_agent_but_answers_after_it() -> None:
    pausing = script(
        opening('Hold on. <hold time="5s"/> I am back.'), item(1, 'contains "time"', "Thanks.")
    )
    replies = [ScriptedReply("Take your time.", delay_s=1), ASK_NAME, ASK_NAME]
    outcome, channel = await _run(replies, pausing, first=False, limits=Limits(silence_timeout_s=2))
    assert _lines(outcome)[:4] == [
        ("T", "Hold on.", 0.0),
        ("M", "Take your time.", 1.0),
        ("T", "I am back.", 5.0),
        ("T", "Thanks.", 5.0),
    ]


async def test_followup_fires_on_the_next_turn_whatever_the_agent_says() -> None:
    chain = script(
        opening(),
        item(1, 'contains "name"', "Sarah Johnson."),
        item(2, 1, "Born January first, 1990.", followup=True),
        item(3, 2, "That is all. <endcall/>", followup=True),
    )
    replies = [GREETING, ASK_NAME, ScriptedReply("Hmm?"), ScriptedReply("Okay.")]
    outcome, channel = await _run(replies, chain)
    assert [(m.text, m.end_call) for m in channel.sent] == [
        ("Hi, I need to move my cleaning.", False),
        ("Sarah Johnson.", False),
        ("Born January first, 1990.", False),
        ("That is all.", True),
    ]
    assert outcome.transcript.turns[-1].content == "That is all."


async def test_missing_paraphrase_fails_without_sending_the_instruction() -> None:
    loose = script(opening(), item(1, 'contains "name"', "Give your name politely", fixed=False))
    outcome, channel = await _run([GREETING, ASK_NAME], loose)
    assert outcome.end_reason == reasons.TESTING_AGENT_PIPELINE_ERROR
    assert outcome.error is not None and "no model is configured" in outcome.error
    assert "Condition 1" in outcome.error and "fixed_message" in outcome.error
    assert "Give your name politely" not in [m.text for m in channel.sent]
    assert channel.sent[-1].end_call


async def test_paraphrase_is_sent_in_place_of_the_instruction() -> None:
    loose = script(opening(), item(1, 'contains "name"', "Give your name politely", fixed=False))

    async def paraphrase(instruction: str, transcript: Transcript) -> str:
        return f"Sure, it's Sarah ({len(instruction)}, {len(transcript.turns)} turns)."

    _, channel = await _run(
        [GREETING, ASK_NAME, ScriptedReply("Thanks.")], loose, paraphrase=paraphrase
    )
    assert channel.sent[1].text == "Sure, it's Sarah (23, 3 turns)."


async def test_async_judge_decides_natural_conditions() -> None:
    async def judge(message: str, conditions: Sequence[str]) -> list[Verdict]:
        return [Verdict.MATCH if "name" in message else Verdict.NO_MATCH for _ in conditions]

    clock = FakeClock()
    channel = ScriptedChannel([GREETING, ASK_NAME, ScriptedReply("Thanks.")], clock=clock)
    natural = script(opening(), item(1, "The agent wants to know who is calling", "Sarah."))
    outcome = await run_conversation(channel, natural, judge, clock=clock, agent_speaks_first=True)
    assert [m.text for m in channel.sent][:2] == ["Hi, I need to move my cleaning.", "Sarah."]
    assert outcome.end_reason == reasons.TESTING_AGENT_ENDED_CALL


async def test_dropped_connection_ends_with_a_clear_reason() -> None:
    outcome, _ = await _run([GREETING, ScriptedReply("May I have", drop=True)])
    assert outcome.end_reason == reasons.CONNECTION_DROPPED
    assert outcome.error is not None and "code 1006" in outcome.error
    assert "after 2 agent message(s)" in outcome.error


async def test_retryable_connect_failures_are_retried_with_backoff() -> None:
    clock = FakeClock()
    failures = [Unreachable("Could not reach x: refused.")] * 2
    channel = ScriptedChannel(
        [GREETING, ScriptedReply("Bye", end_call=True)], clock=clock, connect_errors=failures
    )
    outcome, _ = await _run([], channel=channel)
    assert outcome.connect_attempts == 3 and outcome.connected
    assert outcome.transcript.turns[0].start_time == 0.0  # times count from the connection
    assert clock.now() - 1000.0 == pytest.approx(0.5 + 1.0 + 0.0)


async def test_connect_gives_up_after_the_attempts() -> None:
    clock = FakeClock()
    channel = ScriptedChannel([], clock=clock, connect_errors=[Unreachable("No route.")] * 3)
    outcome, _ = await _run([], channel=channel)
    assert outcome.end_reason == reasons.TESTING_AGENT_DID_NOT_CONNECT and not outcome.connected
    assert outcome.error == "No route. Gave up after 3 attempts."
    assert channel.connect_attempts == 3


async def test_refused_connection_is_not_retried() -> None:
    clock = FakeClock()
    channel = ScriptedChannel([], clock=clock, connect_errors=[ConnectRefused("HTTP 401.")])
    outcome, _ = await _run([], channel=channel)
    assert outcome.end_reason == reasons.TESTING_AGENT_DID_NOT_CONNECT
    assert (outcome.error, channel.connect_attempts) == ("HTTP 401.", 1)


def test_chat_text_drops_voice_tags_and_emotions() -> None:
    assert chat_text("[sigh] It's <spell>AB12</spell>, <speed ratio='0.9'/>ok") == "It's AB12 , ok"


async def test_played_out_script_lets_the_agent_hang_up_first() -> None:
    short = script(opening(), item(1, 'contains "name"', "Sarah Johnson, bye."))
    replies = [
        GREETING,
        ASK_NAME,
        ScriptedReply("Goodbye!"),
        ScriptedReply(end_call=True, delay_s=0.2, unprompted=True),
    ]
    outcome, channel = await _run(replies, short)
    assert outcome.end_reason == reasons.MAIN_AGENT_ENDED_CALL
    assert not any(m.end_call for m in channel.sent)

"""What the runner gives the judge and the paraphrase: the caller's previous line, the
transcript so far; and the runs' judge (`judging.RunJudge`) deciding a real call."""

from __future__ import annotations

import json
from collections.abc import Sequence

from tests.runner.scripts import item, opening, script
from voxtest.channels.fake import FakeClock, ScriptedChannel, ScriptedReply
from voxtest.domain.actions_engine import Script
from voxtest.domain.conditions import KeywordJudge, Verdict
from voxtest.domain.transcript import Transcript
from voxtest.judging import RunJudge
from voxtest.llm.base import ChatMessage, ToolSpec
from voxtest.llm.fake import ScriptedModel
from voxtest.runner.conversation import ConversationOutcome, Judge, Paraphrase, run_conversation
from voxtest.runner.simulated_caller import CallerBrief, SimulatedCaller

OPENING = "Hi, I need to move my cleaning."
WHO = "The agent wants to know who is calling"
WHO_ASKED = ScriptedReply("Who am I speaking with today?", delay_s=0.2)
ASK_NAME = ScriptedReply("May I have your full name?", delay_s=0.2)
ASK_DOB = ScriptedReply("Thanks. And your date of birth?", delay_s=0.2)
THANKS = ScriptedReply("Thanks.", delay_s=0.2)


def yes_to_all(messages: Sequence[ChatMessage], _: Sequence[ToolSpec]) -> str:
    """A judge model answering "yes" to every numbered condition of the prompt."""
    lines = [ln for ln in (messages[-1].content or "").splitlines() if ln[:1].isdigit()]
    return json.dumps({"verdicts": [{"id": i + 1, "answer": "yes"} for i in range(len(lines))]})


async def _call(
    replies: Sequence[ScriptedReply],
    played: Script,
    judge: Judge,
    paraphrase: Paraphrase | None = None,
) -> tuple[ConversationOutcome, list[str]]:
    """Play `played` with the caller opening; (outcome, what the caller sent)."""
    clock = FakeClock()
    channel = ScriptedChannel(replies, clock=clock)
    outcome = await run_conversation(
        channel, played, judge, clock=clock, agent_speaks_first=False, paraphrase=paraphrase
    )
    return outcome, [m.text for m in channel.sent]


async def test_a_condition_only_the_llm_stage_matches_now_fires() -> None:
    played = script(opening(), item(1, WHO, "Sarah Johnson."))
    _, keyword_sent = await _call([WHO_ASKED, THANKS], played, KeywordJudge())
    assert "Sarah Johnson." not in keyword_sent  # the keyword judge misses the paraphrase

    model = ScriptedModel(yes_to_all)
    judge = RunJudge(None, model)
    _, sent = await _call([WHO_ASKED, THANKS], played, judge)
    assert sent[:2] == [OPENING, "Sarah Johnson."]
    assert judge.report()["decided_by"] == {"llm": 1}
    prompt = model.calls[0].messages[-1].content or ""
    assert "Who am I speaking with today?" in prompt and WHO in prompt


async def test_without_an_llm_the_keyword_fallback_still_fires() -> None:
    name = "The agent asks for your name"
    played = script(opening(), item(1, name, "Sarah Johnson."))
    judge = RunJudge(None, None)
    decided = await judge.cascade.decide("May I have your full name?", [name])
    assert decided[0].verdict is Verdict.UNCERTAIN  # the cascade alone would not fire it

    _, sent = await _call([ASK_NAME, THANKS], played, judge)
    assert sent[:2] == [OPENING, "Sarah Johnson."]
    assert judge.report()["decided_by"] == {"keyword": 1}


class RecordingJudge:
    """A `TurnJudge` that records what it was given and matches nothing."""

    def __init__(self) -> None:
        self.seen: list[tuple[str, str | None]] = []

    def __call__(self, message: str, conditions: Sequence[str]) -> list[Verdict]:
        raise AssertionError("the runner must call judge_turn on a TurnJudge")

    async def judge_turn(
        self, message: str, conditions: Sequence[str], *, previous: str | None
    ) -> list[Verdict]:
        self.seen.append((message, previous))
        return [Verdict.MATCH if "name" in message else Verdict.NO_MATCH for _ in conditions]


async def test_the_judge_receives_the_callers_previous_line() -> None:
    played = script(
        opening(),
        item(1, "The agent asks for the caller's name", "It's Sarah."),
        item(2, "The agent asks when the caller was born", "January first."),
    )
    judge = RecordingJudge()
    await _call([ASK_NAME, ASK_DOB, THANKS], played, judge)
    assert judge.seen[:2] == [
        ("May I have your full name?", OPENING),
        ("Thanks. And your date of birth?", "It's Sarah."),
    ]


async def test_the_llm_judge_prompt_carries_the_previous_line() -> None:
    model = ScriptedModel(yes_to_all)
    await _call(
        [WHO_ASKED, THANKS], script(opening(), item(1, WHO, "Sarah.")), RunJudge(None, model)
    )
    prompt = model.calls[0].messages[-1].content or ""
    assert f"Caller's previous line: {json.dumps(OPENING)}" in prompt


async def test_paraphrase_receives_the_transcript_so_far() -> None:
    played = script(opening(), item(1, 'contains "name"', "Give your name", fixed=False))
    seen: list[list[str]] = []

    async def paraphrase(instruction: str, transcript: Transcript) -> str:
        seen.append([turn.content for turn in transcript.turns])
        return "Sarah Johnson."

    _, sent = await _call([ASK_NAME, THANKS], played, KeywordJudge(), paraphrase)
    assert seen == [[OPENING, "May I have your full name?"]]
    assert sent[1] == "Sarah Johnson."


async def test_the_simulated_caller_paraphrases_with_the_conversation() -> None:
    played = script(opening(), item(1, 'contains "name"', "Give your name", fixed=False))
    model = ScriptedModel(["Sure, it's Sarah Johnson."])
    caller = SimulatedCaller(model, CallerBrief(instructions="Move a cleaning."))
    _, sent = await _call([ASK_NAME, THANKS], played, KeywordJudge(), caller.paraphrase_after)
    assert sent[1] == "Sure, it's Sarah Johnson."
    history = [(m.role, m.content) for m in model.calls[0].messages[1:]]
    assert history == [
        ("user", "(The call has connected. You speak first.)"),
        ("assistant", OPENING),
        ("user", "May I have your full name?"),
    ]
    assert "Give your name" in (model.calls[0].messages[0].content or "")

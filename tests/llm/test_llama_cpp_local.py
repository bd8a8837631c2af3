"""The bundled local model for real (`make test-local-llm`): it plays a dental-clinic caller
and answers the judge's yes/no questions.

Needs voxtest[local-llm]; skipped without it unless VOXTEST_REQUIRE_LOCAL_LLM is set (the make
target sets it, so a broken install fails there instead of skipping). The models come from
the registry with VOXTEST_LLM_PROVIDER=llama_cpp, the other settings from the environment: by
default the bundled Qwen, assembled into `<VOXTEST_HOME>/models/` on first use. Decoding is
greedy (temperature 0) so a run is repeatable on one machine.
"""

from __future__ import annotations

import importlib.util
import os
import re
from collections.abc import AsyncIterator

import pytest

from voxtest.domain.conditions import Verdict
from voxtest.judging.llm_judge import LlmJudge
from voxtest.llm import ChatMessage, ChatModel, LlamaCppModel
from voxtest.llm.registry import caller_model, judge_model
from voxtest.runner.simulated_caller import CallerBrief, SimulatedCaller
from voxtest.settings import Settings

if importlib.util.find_spec("llama_cpp") is None and not os.environ.get(
    "VOXTEST_REQUIRE_LOCAL_LLM"
):
    pytest.skip("needs voxtest[local-llm] (make test-local-llm)", allow_module_level=True)

pytestmark = pytest.mark.local_llm

BRIEF = CallerBrief(
    instructions=(
        "Move your dentist appointment from this Thursday to next Tuesday, preferably in "
        "the afternoon."
    ),
    personality_prompt="A friendly, busy office worker who keeps it short.",
    test_profile={
        "testing_agent_variables": {"name": "Sarah Johnson", "date_of_birth": "March 3, 1985"}
    },
)
GREETING = "Thank you for calling Bright Smile Dental, this is Alex. How can I help you today?"
ASKS_IDENTITY = "Sure, I can help with that. Can I have your full name and date of birth?"
OFFERS_SLOTS = "We have next Tuesday at 9 AM or 2:30 PM. Which works better for you?"
RECEPTIONIST_WORDS = re.compile(
    r"how (can|may) i (help|assist)|this is alex|bright smile dental|receptionist:",
    re.IGNORECASE,
)


@pytest.fixture(scope="module")
def settings() -> Settings:
    return Settings(llm_provider="llama_cpp", judge_provider="")


@pytest.fixture(scope="module")
async def caller_llm(settings: Settings) -> AsyncIterator[ChatModel]:
    model = caller_model(settings)
    assert isinstance(model, LlamaCppModel)
    await model.load()
    yield model
    await model.aclose()


@pytest.fixture
def caller(caller_llm: ChatModel) -> SimulatedCaller:
    return SimulatedCaller(caller_llm, BRIEF, temperature=0.0)


def agent(text: str) -> ChatMessage:
    return ChatMessage("user", text)


def said(text: str) -> ChatMessage:
    return ChatMessage("assistant", text)


async def test_the_caller_opens_with_its_goal_not_as_the_receptionist(
    caller: SimulatedCaller,
) -> None:
    turn = await caller.next_turn([agent(GREETING)])

    assert turn.text and not turn.end_call
    assert not RECEPTIONIST_WORDS.search(turn.text), turn.text
    assert re.search(r"appointment|reschedul", turn.text, re.IGNORECASE), turn.text
    assert re.search(r"tuesday|thursday", turn.text, re.IGNORECASE), turn.text


OPENING = [
    agent(GREETING),
    said("Hi, I need to move my appointment from Thursday to next Tuesday."),
    agent(ASKS_IDENTITY),
]
UP_TO_SLOTS = [*OPENING, said("Sarah Johnson, March 3, 1985."), agent(OFFERS_SLOTS)]


async def test_the_caller_answers_with_its_own_facts(caller: SimulatedCaller) -> None:
    turn = await caller.next_turn(OPENING)

    assert turn.text and not RECEPTIONIST_WORDS.search(turn.text), turn.text
    assert "Sarah Johnson" in turn.text and "1985" in turn.text, turn.text
    assert not turn.end_call


async def test_the_caller_picks_the_afternoon_slot(caller: SimulatedCaller) -> None:
    turn = await caller.next_turn(UP_TO_SLOTS)

    assert turn.text and "2:30" in turn.text and "9" not in turn.text, turn.text
    assert not turn.end_call


async def test_the_caller_hangs_up_once_the_agent_says_goodbye(caller: SimulatedCaller) -> None:
    history = [
        *UP_TO_SLOTS,
        said("2:30 PM, please."),
        agent("Done: you're booked for next Tuesday at 2:30 PM. Anything else?"),
        said("No, that's all. Thank you!"),
        agent("You're welcome, Sarah. Have a great day, goodbye!"),
    ]

    turn = await caller.next_turn(history)

    assert turn.end_call and turn.reason, turn


async def test_the_judge_tells_a_confirmation_from_an_opening_hours_line(
    settings: Settings, caller_llm: ChatModel
) -> None:
    judge = LlmJudge(judge_model(settings))  # shares the caller's loaded model
    condition = "The agent confirms the new appointment time"

    confirmed = await judge.judge(
        "All set: your appointment is now next Tuesday at 2:30 PM.", [condition]
    )
    unrelated = await judge.judge("Our office is open Monday to Friday, 9 to 5.", [condition])

    assert [v.verdict for v in confirmed] == [Verdict.MATCH], confirmed
    assert [v.verdict for v in unrelated] == [Verdict.NO_MATCH], unrelated

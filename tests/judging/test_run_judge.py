"""The runs' judge: the cascade decides, the keyword judge takes what it leaves UNCERTAIN."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable, Sequence

import pytest

from voxtest.domain.conditions import KeywordJudge, Verdict
from voxtest.judging import RunJudge, Stage, for_runs
from voxtest.llm.base import ChatMessage, ToolSpec
from voxtest.llm.fake import ScriptedModel
from voxtest.llm.openai_compat import OpenAICompatibleModel
from voxtest.settings import Settings

NAME = "The agent asks for your name"
DOB = "The agent asks for your date of birth"
WHO = "The agent wants to know who is calling"
MORNING = "The agent offers a morning appointment slot"
NO_MODEL = {"llm_base_url": "", "llm_model": "", "judge_base_url": "", "judge_model": ""}


def answering(answer: str) -> Callable[[Sequence[ChatMessage], Sequence[ToolSpec]], str]:
    """A judge model giving `answer` to every numbered condition of the prompt."""

    def reply(messages: Sequence[ChatMessage], _: Sequence[ToolSpec]) -> str:
        lines = [ln for ln in (messages[-1].content or "").splitlines() if ln[:1].isdigit()]
        entries = [{"id": i + 1, "answer": answer} for i in range(len(lines))]
        return json.dumps({"verdicts": entries})

    return reply


class ClosingModel(ScriptedModel):
    def __init__(self) -> None:
        super().__init__(answering("yes"))
        self.closed = 0

    async def aclose(self) -> None:
        self.closed += 1


async def test_the_llm_stage_decides_what_keywords_miss_with_the_previous_line() -> None:
    message = "Who am I speaking with today?"
    assert KeywordJudge().verdict(message, WHO) is Verdict.NO_MATCH
    model = ScriptedModel(answering("yes"))
    decisions = await RunJudge(None, model).decide(message, [WHO], previous="Hi there.")
    assert (decisions[0].verdict, decisions[0].stage) == (Verdict.MATCH, Stage.LLM)
    assert '"Hi there."' in (model.calls[0].messages[-1].content or "")


async def test_without_an_llm_uncertain_conditions_take_the_keyword_verdict() -> None:
    judge = RunJudge(None, None)
    message = "May I have your full name?"
    assert (await judge.cascade.decide(message, [NAME]))[0].verdict is Verdict.UNCERTAIN
    decisions = await judge.decide(message, [NAME, WHO])
    assert [(d.verdict, d.stage) for d in decisions] == [
        (Verdict.MATCH, Stage.KEYWORD),
        (Verdict.NO_MATCH, Stage.KEYWORD),
    ]
    assert decisions[0].reason.startswith("keyword judge")


async def test_a_cascade_verdict_is_never_overridden_by_keywords() -> None:
    message = "I don't need your date of birth."
    assert KeywordJudge().verdict(message, DOB) is Verdict.MATCH
    model = ScriptedModel(answering("yes"))
    decisions = await RunJudge(None, model).decide(message, [DOB])
    assert (decisions[0].verdict, decisions[0].stage) == (Verdict.NO_MATCH, Stage.LEXICAL)
    assert model.calls == []


async def test_a_failing_llm_falls_back_to_keywords() -> None:
    decisions = await RunJudge(None, ScriptedModel([])).decide("Your name, please?", [NAME])
    assert (decisions[0].verdict, decisions[0].stage) == (Verdict.MATCH, Stage.KEYWORD)
    assert "judge model failed" in decisions[0].reason


async def test_an_llm_no_is_kept_over_a_keyword_match() -> None:
    message = "May I have your full name?"
    judge = RunJudge(None, ScriptedModel(answering("no")))
    decisions = await judge.decide(message, [NAME])
    assert (decisions[0].verdict, decisions[0].stage) == (Verdict.NO_MATCH, Stage.LLM)


async def test_report_counts_stages_and_lists_undecided_conditions() -> None:
    judge = RunJudge(None, None)
    slot = "We have a slot in the morning."  # half the words: the keyword judge abstains too
    await judge.decide("May I have your full name?", [NAME])
    await judge.decide(slot, [MORNING])
    await judge.decide("Thanks. And your date of birth?", [DOB])
    await judge.decide(slot, [MORNING])
    assert judge.report() == {
        "stages": ["lexical", "keyword"],
        "decided_by": {"keyword": 1, "lexical": 1},
        "undecided": [MORNING],
    }


async def test_aclose_closes_the_judge_model() -> None:
    model = ClosingModel()
    await RunJudge(None, model).aclose()
    assert model.closed == 1


async def test_for_runs_without_a_model_has_no_llm_stage() -> None:
    judge = await for_runs(Settings(**NO_MODEL))  # type: ignore[arg-type]
    assert judge.cascade.llm is None and judge.model is None
    assert "llm" not in judge.report()["stages"]


async def test_for_runs_with_a_judge_model_has_the_llm_stage_and_closes_it() -> None:
    settings = {**NO_MODEL, "judge_base_url": "http://127.0.0.1:9/v1", "judge_model": "judge"}
    judge = await for_runs(Settings(**settings))  # type: ignore[arg-type]
    assert isinstance(judge.model, OpenAICompatibleModel) and judge.model.name == "judge"
    assert judge.report()["stages"][-2:] == ["llm", "keyword"]
    await judge.aclose()
    await judge.aclose()  # safe twice


async def test_for_runs_shares_one_loaded_embedder_per_process() -> None:
    pytest.importorskip("wordllama")
    first = await for_runs(Settings(**NO_MODEL))  # type: ignore[arg-type]
    second = await for_runs(Settings(**NO_MODEL))  # type: ignore[arg-type]
    assert first.cascade.embeddings is not None and second.cascade.embeddings is not None
    assert first.cascade.embeddings.embedder is second.cascade.embeddings.embedder
    assert first.report()["stages"] == ["lexical", "embedding", "keyword"]


def test_importing_the_judge_does_not_load_wordllama() -> None:
    code = "import sys, voxtest.judging, voxtest.runs.execute; print('wordllama' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"

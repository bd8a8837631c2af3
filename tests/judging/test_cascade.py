"""The cascade: lexical, then embeddings, then the LLM, each only for what is still open."""

from __future__ import annotations

import json
from collections.abc import Sequence

import pytest

from voxtest.domain.conditions import Verdict
from voxtest.judging.cascade import CascadeJudge, Stage
from voxtest.judging.embeddings import Thresholds
from voxtest.llm.base import ChatMessage, ToolSpec
from voxtest.llm.fake import ScriptedModel
from voxtest.runner.outcome import Judge

DOB = "The agent asks for your date of birth"
GOODBYE = "The agent says goodbye"
HOLD = "The agent puts the caller on hold"
SHIPPING = "The agent asks for the shipping address"


class FixedScores:
    """A fake embedder giving each condition a chosen similarity to any message."""

    name = "fixed"

    def __init__(self, scores: dict[str, float]) -> None:
        self.scores = scores
        self.asked: list[str] = []

    def embed(self, texts: Sequence[str]) -> Sequence[Sequence[float]]:
        self.asked.extend(texts[1:])
        return [[1.0, 0.0], *([s, (1 - s * s) ** 0.5] for s in map(self._score, texts[1:]))]

    def _score(self, text: str) -> float:
        return next(v for k, v in self.scores.items() if k.endswith(text))


def yes_to_all(messages: Sequence[ChatMessage], _: Sequence[ToolSpec]) -> str:
    lines = [ln for ln in (messages[-1].content or "").splitlines() if ln[:1].isdigit()]
    return json.dumps({"verdicts": [{"id": i + 1, "answer": "yes"} for i in range(len(lines))]})


THRESHOLDS = Thresholds(match_at=0.8, no_match_below=0.2)


async def test_each_stage_decides_only_what_the_previous_left_open() -> None:
    embedder = FixedScores({GOODBYE: 0.9, SHIPPING: 0.1, HOLD: 0.5})
    model = ScriptedModel(yes_to_all)
    judge = CascadeJudge(embedder, model, thresholds=THRESHOLDS)
    conditions = [DOB, GOODBYE, SHIPPING, HOLD]
    decisions = await judge.decide("What is your date of birth? Bye!", conditions, "Hi")
    assert [(d.verdict, d.stage) for d in decisions] == [
        (Verdict.MATCH, Stage.LEXICAL),
        (Verdict.MATCH, Stage.EMBEDDING),
        (Verdict.NO_MATCH, Stage.EMBEDDING),
        (Verdict.MATCH, Stage.LLM),
    ]
    assert DOB.removeprefix("The agent ") not in embedder.asked  # lexical settled it
    assert len(model.calls) == 1
    prompt = model.calls[0].messages[-1].content or ""
    assert HOLD in prompt and all(c not in prompt for c in (DOB, GOODBYE, SHIPPING))
    assert decisions[1].score is not None and decisions[1].score > 0.8


async def test_no_llm_call_when_nothing_is_uncertain() -> None:
    model = ScriptedModel(yes_to_all)
    judge = CascadeJudge(FixedScores({GOODBYE: 0.9}), model, thresholds=THRESHOLDS)
    verdicts = await judge("Goodbye then!", [GOODBYE, 'contains "bye"'])
    assert verdicts == (Verdict.MATCH, Verdict.MATCH)
    assert model.calls == []


async def test_without_a_model_the_band_stays_uncertain() -> None:
    judge = CascadeJudge(FixedScores({HOLD: 0.5}), None, thresholds=THRESHOLDS)
    decisions = await judge.decide("One moment please.", [HOLD])
    assert (decisions[0].verdict, decisions[0].stage) == (Verdict.UNCERTAIN, Stage.NONE)
    assert decisions[0].score == pytest.approx(0.5)


async def test_embeddings_do_not_match_negated_messages_or_judge_negated_conditions() -> None:
    embedder = FixedScores({GOODBYE: 0.95, "The agent does not say goodbye": 0.95})
    judge = CascadeJudge(embedder, None, thresholds=THRESHOLDS)
    negated = await judge.decide("I won't say goodbye yet.", [GOODBYE])
    assert negated[0].verdict is Verdict.UNCERTAIN
    await judge.decide("Hello there.", ["The agent does not say goodbye"])
    assert "does not say goodbye" not in embedder.asked


async def test_a_failing_model_leaves_uncertain_and_history_records_stages() -> None:
    judge = CascadeJudge(None, ScriptedModel([]))
    decisions = await judge.decide("Hmm.", [HOLD])
    assert decisions[0].verdict is Verdict.UNCERTAIN and decisions[0].stage is Stage.NONE
    assert "judge model failed" in decisions[0].reason
    await judge.decide("I don't need your date of birth.", [DOB])
    counts = judge.stage_counts()
    assert counts[(Stage.NONE, Verdict.UNCERTAIN)] == 1
    assert counts[(Stage.LEXICAL, Verdict.NO_MATCH)] == 1


def test_the_cascade_fits_the_runner_judge_type() -> None:
    judge: Judge = CascadeJudge()
    assert callable(judge)

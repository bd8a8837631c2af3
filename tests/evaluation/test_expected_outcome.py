"""The expected outcome: deterministic clauses, one judge call, partial alignment, failures."""

from __future__ import annotations

import json
from typing import Any

import pytest

from voxtest.evaluation.expected_outcome import (
    OutcomeAlignment,
    alignment_score,
    judge_expected_outcome,
    split_clauses,
)
from voxtest.evaluation.llm_metrics import LlmMetricJudge
from voxtest.evaluation.model import CallFacts, MetricSpec
from voxtest.llm.fake import ScriptedModel


@pytest.mark.parametrize(
    ("prompt", "clauses"),
    [
        (
            "The agent cancels the appointment. The agent offers to rebook.",
            ["The agent cancels the appointment", "The agent offers to rebook"],
        ),
        (
            "Verifies the DOB; cancels Thursday's cleaning; gives a confirmation code.",
            ["Verifies the DOB", "cancels Thursday's cleaning", "gives a confirmation code"],
        ),
        (
            "The agent confirms the date and time and the agent gives a confirmation code",
            ["The agent confirms the date and time", "the agent gives a confirmation code"],
        ),
        (
            "The agent books a cleaning and then reads back the slot, then says goodbye.",
            ["The agent books a cleaning", "reads back the slot", "says goodbye"],
        ),
        ("Books with Dr. Smith at 10 a.m. Monday and it sends a text.",
         ["Books with Dr. Smith at 10 a.m. Monday", "it sends a text"]),
        (
            "- verifies identity\n* books the slot\n2) confirms by SMS\n\n",
            ["verifies identity", "books the slot", "confirms by SMS"],
        ),
        ("The agent is polite and helpful.", ["The agent is polite and helpful"]),
        ("Costs $3.50 total! Caller is happy?", ["Costs $3.50 total", "Caller is happy?"]),
        ("  ;  . ", []),
        ("", []),
    ],
)  # fmt: skip
def test_prompts_split_into_clauses_deterministically(prompt: str, clauses: list[str]) -> None:
    assert split_clauses(prompt) == clauses


def test_partial_alignment_scores_the_aligned_fraction() -> None:
    def aligned(*flags: bool) -> list[OutcomeAlignment]:
        return [OutcomeAlignment("o", "p", flag) for flag in flags]

    assert alignment_score(aligned(True, True)) == 100.0
    assert alignment_score(aligned(True, False, False)) == 33.33
    assert alignment_score(aligned(False)) == 0.0
    assert alignment_score([]) is None


FACTS = CallFacts(
    transcript=(
        {"role": "Testing Agent", "content": "Cancel my cleaning, please.", "start_time": 1.0,
         "end_time": 2.0},
        {"role": "Main Agent", "content": "Done, it's cancelled.", "start_time": 3.0,
         "end_time": 4.0},
    ),
    scenario={
        "instructions": "You are {{test_profile.name}}; cancel Thursday's cleaning.",
        "expected_outcome_prompt": "The agent cancels the cleaning for {{test_profile.name}}; "
        "the agent gives a confirmation code.",
    },
    test_profile={"name": "Sarah"},
)  # fmt: skip
SPEC = MetricSpec(id=11, name="Expected Outcome", function_name="evaluate_expected_outcome")


def parts(*aligned: Any, explanation: tuple[str, ...] = ("e",)) -> str:
    entries = [
        {"part": n, "outcome": f"outcome {n}", "aligned": flag}
        for n, flag in enumerate(aligned, start=1)
    ]
    return json.dumps({"explanation": list(explanation), "parts": entries})


async def test_partial_alignment_fails_the_metric_with_review_required() -> None:
    model = ScriptedModel([parts(True, False)])
    result, value = await judge_expected_outcome(LlmMetricJudge(model), FACTS, SPEC)
    assert result.score == 50.0 and result.status == "Review Required"
    assert result.to_wire() == {
        "score": 50.0,
        "explanation": ["e", "1 of 2 expected outcome part(s) met."],
        "outcome_alignments": [
            {"outcome": "outcome 1", "prompt_part": "The agent cancels the cleaning for Sarah",
             "aligned": True},
            {"outcome": "outcome 2", "prompt_part": "the agent gives a confirmation code",
             "aligned": False},
        ],
    }  # fmt: skip
    assert (value.passed, value.score, value.metric_id) == (False, 0.0, 11)
    assert value.extra["status"] == "Review Required"
    assert value.extra["outcome_alignments"] == result.to_wire()["outcome_alignments"]
    prompt = model.calls[0].messages[1].content or ""
    assert "1. The agent cancels the cleaning for Sarah" in prompt
    assert "You are Sarah; cancel Thursday's cleaning." in prompt
    assert len(model.calls) == 1


async def test_all_aligned_passes_and_none_aligned_fails() -> None:
    passed, value = await judge_expected_outcome(
        LlmMetricJudge(ScriptedModel([parts(True, True)])), FACTS, SPEC
    )
    assert (passed.score, passed.status, value.passed, value.score) == (100.0, "Pass", True, 5.0)
    failed, _ = await judge_expected_outcome(
        LlmMetricJudge(ScriptedModel([parts(False, False)])), FACTS, SPEC
    )
    assert (failed.score, failed.status) == (0.0, "Failed")


async def test_a_missing_part_is_repaired() -> None:
    model = ScriptedModel([parts(True), parts(True, "yes")])
    result, _ = await judge_expected_outcome(LlmMetricJudge(model), FACTS, SPEC)
    assert result.score == 100.0 and len(model.calls) == 2
    assert "part(s) 2 of 2" in (model.calls[1].messages[-1].content or "")


async def test_the_metric_route_gives_the_same_verdict() -> None:
    model = ScriptedModel([parts(True, True)])
    value = await LlmMetricJudge(model).evaluate(SPEC, FACTS)
    assert value.passed is True and value.code == "c11bdd81"
    assert value.extra["expected_outcome_score"] == 100.0


async def test_no_prompt_is_not_applicable_and_a_failing_judge_is_an_error() -> None:
    empty = CallFacts(transcript=FACTS.transcript)
    result, value = await judge_expected_outcome(LlmMetricJudge(ScriptedModel([])), empty)
    assert result.score is None and value.not_applicable
    assert (value.name, value.function_name) == ("Expected Outcome", "evaluate_expected_outcome")
    result, value = await judge_expected_outcome(
        LlmMetricJudge(ScriptedModel(["?", "??"])), FACTS, SPEC
    )
    assert result.score is None and result.error is not None and value.error == result.error
    assert result.to_wire()["outcome_alignments"] == []

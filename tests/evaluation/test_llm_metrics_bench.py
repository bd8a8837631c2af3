"""The labelled metric-quality set is well-formed, and its scoring pipeline counts right."""

from __future__ import annotations

import json
import math
from collections.abc import Sequence

from bench.metric_quality import (
    CLINIC_AGENT,
    agreement,
    as_label,
    cohens_kappa,
    judge_all,
    load_labelled,
)

from voxtest.evaluation.llm_metrics import LLM_FUNCTIONS, LlmMetricJudge
from voxtest.evaluation.model import MAIN_AGENT
from voxtest.llm.base import ChatMessage, ToolSpec
from voxtest.llm.fake import ScriptedModel

RECORDS = load_labelled()
TOPICS = {node["name"] for node in CLINIC_AGENT["topic_nodes"]}
BINARY = LLM_FUNCTIONS - {"get_topic_of_call", "get_sentiment", "count_unnecessary_repetition"}


def test_the_set_has_sixty_labelled_calls_of_every_kind() -> None:
    assert len(RECORDS) >= 60 and len({r.id for r in RECORDS}) == len(RECORDS)
    assert {r.kind for r in RECORDS} == {"good", "failure", "near_miss"}
    assert sum(r.kind == "near_miss" for r in RECORDS) >= 15


def test_every_label_names_an_llm_metric_with_a_valid_value() -> None:
    for record in RECORDS:
        assert record.labels, record.id
        assert record.facts.turns(MAIN_AGENT), record.id
        for metric, label in record.labels.items():
            assert metric in LLM_FUNCTIONS, (record.id, metric)
            if metric == "get_topic_of_call":
                assert label in TOPICS, record.id
            elif metric == "get_sentiment":
                assert label in ("positive", "neutral", "negative"), record.id
            elif metric == "count_unnecessary_repetition":
                assert isinstance(label, int) and label >= 0, record.id
            else:
                assert label in (True, False, "n/a"), (record.id, metric)
            if metric == "evaluate_expected_outcome":
                assert record.facts.scenario.get("expected_outcome_prompt"), record.id


def test_each_binary_metric_has_both_outcomes_labelled() -> None:
    for metric in BINARY & {m for r in RECORDS for m in r.labels}:
        labels = {r.labels[metric] for r in RECORDS if metric in r.labels}
        assert {True, False} <= labels, metric


def test_cohens_kappa() -> None:
    assert cohens_kappa(["a", "b", "a", "b"], ["a", "b", "a", "b"]) == 1.0
    assert cohens_kappa(["a", "a", "b", "b"], ["a", "b", "a", "b"]) == 0.0
    # observed 0.8; chance 0.6 * 0.8 (both "a") + 0.4 * 0.2 (both "b") = 0.56
    assert math.isclose(cohens_kappa(list("aaabb"), list("aaaba")), (0.8 - 0.56) / 0.44)
    assert math.isnan(cohens_kappa(["a", "a"], ["a", "a"]))
    row = agreement("m", [("true", "true"), ("true", "error"), ("false", "true")])
    assert (row.labels, row.errors) == (3, 1) and math.isclose(row.accuracy, 1 / 3)


def all_clear(messages: Sequence[ChatMessage], tools: Sequence[ToolSpec]) -> str:
    """A judge that finds no problem anywhere and answers enums with something invalid."""
    parts = [{"part": n, "outcome": "seen", "aligned": True} for n in range(1, 30)]
    empty: list[object] = []
    return json.dumps({"value": True, "unsupported_claims": empty, "irrelevant_responses": empty,
                       "inconsistencies": empty, "deviations": empty, "repetitions": empty,
                       "parts": parts})  # fmt: skip


async def test_an_all_clear_judge_agrees_exactly_where_the_labels_are_clear() -> None:
    pairs, misses, _ = await judge_all(LlmMetricJudge(ScriptedModel(all_clear)), RECORDS)
    for metric, metric_pairs in pairs.items():
        for label, got in metric_pairs:
            if metric in ("get_topic_of_call", "get_sentiment"):
                assert got == "error"  # true is no topic: repaired once, then an error
            elif metric == "count_unnecessary_repetition":
                assert got == "0"
            elif label == "n/a":  # the caller ended those calls: skipped without asking
                assert got == "n/a"
            else:
                assert got == "true"
    labelled = sum(len(r.labels) for r in RECORDS)
    assert len(misses) == labelled - sum(e == g for p in pairs.values() for e, g in p)
    assert as_label(3) == "2+" and as_label(False) == "false"

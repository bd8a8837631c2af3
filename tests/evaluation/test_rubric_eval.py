"""Scoring a run's metric values against the project rubric, and a result's runs."""

from __future__ import annotations

from typing import Any

import pytest

from voxtest.evaluation.model import MetricValue
from voxtest.evaluation.rubric_eval import (
    evaluate_rubric,
    performance_metrics,
    run_success,
    success_rate,
)

WIRE_KEYS = [
    "metric_id",
    "metric_name",
    "value",
    "explanation",
    "passed",
    "conditions",
    "expected_conditions",
]


def rule(metric_id: int, field: str, op: str, value: Any) -> dict[str, Any]:
    condition = {"field": field, "op": op, "value": value}
    return {"metric_id": metric_id, "conditions": {"operator": "and", "conditions": [condition]}}


def rubric(*rules: dict[str, Any]) -> dict[str, Any]:
    return {"evaluation_logic": "and", "rules": list(rules)}


def binary(metric_id: int, passed: bool | None, score: float | None = None) -> MetricValue:
    if score is None and passed is not None:
        score = 5.0 if passed else 0.0
    return MetricValue(metric_id, f"binary {metric_id}", "binary", score=score, passed=passed)


def numeric(metric_id: int, score: float | None, eval_type: str = "numeric") -> MetricValue:
    return MetricValue(metric_id, f"numeric {metric_id}", eval_type, score=score)


def enum(metric_id: int, value: str | None) -> MetricValue:
    return MetricValue(metric_id, f"enum {metric_id}", "enum", value=value)


def one(config: dict[str, Any], *values: MetricValue) -> dict[str, Any]:
    (entry,) = evaluate_rubric(config, values).to_wire()
    return entry


# -- the wire shape --------------------------------------------------------------------------


def test_rule_output_has_the_reference_shape() -> None:
    value = MetricValue(100, "Call Quality", "continuous_qualitative", score=5,
                        explanation=("The response was accurate",))  # fmt: skip
    config = rubric(rule(100, "score", "gte", 5))
    outcome = evaluate_rubric(config, [value])
    assert outcome.passed is True
    assert outcome.to_wire() == [
        {
            "metric_id": 100,
            "metric_name": "Call Quality",
            "value": 5,
            "explanation": ["The response was accurate"],
            "passed": True,
            "conditions": "score gte 5",
            "expected_conditions": {
                "operator": "and",
                "conditions": [{"field": "score", "op": "gte", "value": 5}],
            },
        }
    ]
    assert list(outcome.to_wire()[0]) == WIRE_KEYS


@pytest.mark.parametrize(
    ("condition", "text"),
    [
        (("score", "eq", True), "score eq true"),
        (("score", "neq", 0), "score neq 0"),
        (("score", "lte", 0.6), "score lte 0.6"),
        (("score", "lte", 2000.0), "score lte 2000"),
        (("enum", "in", ["positive", "neutral"]), "enum in [positive, neutral]"),
        (("enum", "eq", "negative"), "enum eq negative"),
    ],
)
def test_conditions_read_as_text(condition: tuple[str, str, Any], text: str) -> None:
    assert one(rubric(rule(1, *condition)))["conditions"] == text


# -- binary ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("op", "expected", "metric_passed", "rule_passed"),
    [
        ("eq", True, True, True),
        ("eq", True, False, False),
        ("eq", 5, True, True),
        ("eq", 5, False, False),
        ("eq", 0, False, True),
        ("eq", False, True, False),
        ("neq", False, True, True),
        ("neq", 0, False, False),
        ("neq", True, False, True),
        ("neq", 5, True, False),
    ],
)
def test_binary_rules_take_true_false_and_legacy_five_zero(
    op: str, expected: Any, metric_passed: bool, rule_passed: bool
) -> None:
    entry = one(rubric(rule(1, "score", op, expected)), binary(1, metric_passed))
    assert entry["passed"] is rule_passed
    assert entry["value"] == (5.0 if metric_passed else 0.0)


def test_a_binary_verdict_is_read_from_the_score_when_passed_is_unset() -> None:
    assert one(rubric(rule(1, "score", "eq", True)), binary(1, None, score=5.0))["passed"] is True
    assert one(rubric(rule(1, "score", "eq", True)), binary(1, None, score=0.0))["passed"] is False


def test_a_binary_metric_with_a_score_op_is_compared_as_a_score() -> None:
    # the reference's own example: "score gte 5" on a pass/fail metric
    assert one(rubric(rule(1, "score", "gte", 5)), binary(1, True))["passed"] is True
    assert one(rubric(rule(1, "score", "gte", 5)), binary(1, False))["passed"] is False


# -- scores ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("op", "threshold", "score", "passed"),
    [
        ("gt", 4, 4.0, False),
        ("gt", 4, 4.01, True),
        ("gte", 4, 4.0, True),
        ("gte", 4, 3.99, False),
        ("lt", 2000, 2000.0, False),
        ("lt", 2000, 1999.9, True),
        ("lte", 2000, 2000.0, True),
        ("lte", 2000, 2000.1, False),
        ("eq", 3, 3.0, True),
        ("eq", 0.3, 0.1 + 0.2, True),
        ("eq", 3, 3.5, False),
    ],
)
def test_score_rules(op: str, threshold: float, score: float, passed: bool) -> None:
    entry = one(rubric(rule(1, "score", op, threshold)), numeric(1, score))
    assert entry["passed"] is passed and entry["value"] == score


# -- enums -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("op", "expected", "actual", "passed"),
    [
        ("eq", "positive", "positive", True),
        ("eq", "positive", "Positive ", True),
        ("eq", "positive", "negative", False),
        ("neq", "negative", "neutral", True),
        ("neq", "negative", "negative", False),
        ("in", ["positive", "neutral"], "neutral", True),
        ("in", ["positive", "neutral"], "negative", False),
        ("eq", ["positive", "neutral"], "neutral", True),
        ("neq", ["positive", "neutral"], "neutral", False),
    ],
)
def test_enum_rules(op: str, expected: Any, actual: str, passed: bool) -> None:
    entry = one(rubric(rule(1, "enum", op, expected)), enum(1, actual))
    assert entry["passed"] is passed and entry["value"] == actual


# -- skipping --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        (None, "not evaluated"),
        (MetricValue(1, "Latency", "numeric", not_applicable=True), "does not apply"),
        (MetricValue(1, "Latency", "numeric", error="judge timed out"), "judge timed out"),
        (MetricValue(1, "Latency", "numeric"), "no value"),
    ],
    ids=["missing", "not-applicable", "error", "null"],
)
def test_a_rule_without_a_metric_value_is_skipped(value: MetricValue | None, reason: str) -> None:
    values = [] if value is None else [value]
    outcome = evaluate_rubric(rubric(rule(1, "score", "lte", 2000)), values, {1: "Latency"})
    (entry,) = outcome.to_wire()
    assert entry["passed"] is None and entry["value"] is None
    assert entry["metric_name"] == "Latency"
    assert reason in entry["explanation"][0]
    assert outcome.passed is True


def test_an_enum_rule_on_a_null_enum_value_is_skipped() -> None:
    assert one(rubric(rule(1, "enum", "eq", "positive")), enum(1, None))["passed"] is None


def test_a_skipped_rule_does_not_hide_a_failing_one() -> None:
    config = rubric(rule(1, "score", "eq", True), rule(2, "score", "gte", 4))
    assert evaluate_rubric(config, [numeric(2, 3.0)]).passed is False
    assert evaluate_rubric(config, [numeric(2, 4.5)]).passed is True


def test_every_rule_must_hold() -> None:
    config = rubric(
        rule(1, "score", "eq", True), rule(2, "score", "gte", 4), rule(3, "enum", "in", ["a"])
    )
    good = [binary(1, True), numeric(2, 4.0), enum(3, "a")]
    assert evaluate_rubric(config, good).passed is True
    for broken in (binary(1, False), numeric(2, 3.9), enum(3, "b")):
        values = [broken if v.metric_id == broken.metric_id else v for v in good]
        outcome = evaluate_rubric(config, values)
        assert outcome.passed is False
        assert [r.passed for r in outcome.rules].count(False) == 1


@pytest.mark.parametrize("config", [None, {}, rubric(), {"rules": "nonsense"}])
def test_an_empty_rubric_passes(config: dict[str, Any] | None) -> None:
    outcome = evaluate_rubric(config, [binary(1, False)])
    assert outcome.passed is True and outcome.to_wire() == []


@pytest.mark.parametrize(
    "condition",
    [("score", "neq", 3), ("score", "gte", "high"), ("length", "gt", 3), ("enum", "gt", "a")],
)
def test_a_rule_that_cannot_be_checked_fails(condition: tuple[str, str, Any]) -> None:
    value = enum(1, "a") if condition[0] == "enum" else numeric(1, 4.0)
    outcome = evaluate_rubric(rubric(rule(1, *condition)), [value])
    assert outcome.passed is False
    assert "cannot be checked" in outcome.to_wire()[0]["explanation"][0]


# -- run and result level --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("connected", "rubric_passed", "success"),
    [(True, True, True), (True, False, False), (False, True, False), (False, False, False)],
)
def test_run_success(connected: bool, rubric_passed: bool, success: bool) -> None:
    assert run_success(connected, rubric_passed) is success


def test_success_rate_is_the_percentage_of_successful_runs() -> None:
    assert success_rate([True, False, None, True]) == 50.0
    assert success_rate([True, False, False]) == 33.33
    assert success_rate([True]) == 100.0
    assert success_rate([]) == 0.0


def test_performance_metrics_average_scores_and_apply_the_rule_to_the_mean() -> None:
    runs = [[numeric(2, 1500.0)], [numeric(2, 2600.0)], [numeric(2, 1000.0)], []]
    (entry,) = performance_metrics(rubric(rule(2, "score", "lte", 2000)), runs)
    assert entry == {
        "metric_id": 2,
        "metric_name": "numeric 2",
        "conditions": "score lte 2000",
        "expected_conditions": rule(2, "score", "lte", 2000)["conditions"],
        "value": 1700.0,
        "passed": True,
        "runs_evaluated": 3,
        "runs_passed": 2,
        "runs_skipped": 1,
        "pass_rate": 66.67,
    }


def test_performance_metrics_take_the_most_common_binary_and_enum_values() -> None:
    config = rubric(rule(1, "score", "eq", True), rule(3, "enum", "in", ["positive", "neutral"]))
    runs = [
        [binary(1, False), enum(3, "negative")],
        [binary(1, True), enum(3, "positive")],
        [binary(1, True), enum(3, "positive")],
    ]
    verdict, sentiment = performance_metrics(config, runs)
    assert (verdict["value"], verdict["passed"], verdict["pass_rate"]) == (True, True, 66.67)
    assert (sentiment["value"], sentiment["passed"]) == ("positive", True)


def test_performance_metrics_break_a_tie_towards_the_failing_value() -> None:
    config = rubric(rule(1, "score", "eq", True), rule(3, "enum", "neq", "negative"))
    runs = [[binary(1, True), enum(3, "neutral")], [binary(1, False), enum(3, "negative")]]
    verdict, sentiment = performance_metrics(config, runs)
    assert (verdict["value"], verdict["passed"]) == (False, False)
    assert (sentiment["value"], sentiment["passed"]) == ("negative", False)


def test_performance_metrics_for_a_rule_no_run_evaluated() -> None:
    runs = [[MetricValue(4, "CSAT", "numeric", not_applicable=True)], []]
    (entry,) = performance_metrics(rubric(rule(4, "score", "gte", 60)), runs, {4: "CSAT"})
    assert entry["metric_name"] == "CSAT"
    assert (entry["value"], entry["passed"], entry["pass_rate"]) == (None, None, None)
    assert (entry["runs_evaluated"], entry["runs_skipped"]) == (0, 2)


def test_performance_metrics_of_an_uncheckable_rule_fail() -> None:
    (entry,) = performance_metrics(rubric(rule(1, "score", "neq", 3)), [[numeric(1, 4.0)]])
    assert entry["passed"] is False and entry["runs_passed"] == 0

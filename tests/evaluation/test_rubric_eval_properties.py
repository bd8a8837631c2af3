"""Properties of rubric evaluation over generated rubrics and metric values."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from voxtest.evaluation.model import MetricValue
from voxtest.evaluation.rubric_eval import evaluate_rubric, performance_metrics

SENTIMENTS = ["positive", "neutral", "negative"]


def rule(metric_id: int, field: str, op: str, value: Any) -> dict[str, Any]:
    condition = {"field": field, "op": op, "value": value}
    return {"metric_id": metric_id, "conditions": {"operator": "and", "conditions": [condition]}}


def rubric(rules: list[dict[str, Any]]) -> dict[str, Any]:
    return {"evaluation_logic": "and", "rules": rules}


@dataclass(frozen=True)
class Case:
    rule: dict[str, Any]
    value: MetricValue


@st.composite
def cases(draw: st.DrawFn, metric_id: int) -> Case:
    """A rule of any kind with a value of its metric (possibly null or not applicable)."""
    kind = draw(st.sampled_from(["binary", "score", "enum"]))
    missing = draw(st.sampled_from([None, "null", "not_applicable", "error"]))
    if kind == "binary":
        verdict = draw(st.sampled_from([True, False, 5, 0]))
        made = rule(metric_id, "score", draw(st.sampled_from(["eq", "neq"])), verdict)
        passed = draw(st.booleans())
        value = MetricValue(metric_id, "b", "binary", score=5.0 * passed, passed=passed)
    elif kind == "score":
        op = draw(st.sampled_from(["gt", "gte", "lt", "lte", "eq"]))
        made = rule(metric_id, "score", op, draw(st.integers(0, 5)))
        value = MetricValue(metric_id, "s", "continuous_qualitative", score=draw(st.floats(0, 5)))
    else:
        op = draw(st.sampled_from(["eq", "neq", "in"]))
        allowed: Any = draw(st.sampled_from(SENTIMENTS))
        if op == "in":
            allowed = draw(st.lists(st.sampled_from(SENTIMENTS), min_size=1, unique=True))
        made = rule(metric_id, "enum", op, allowed)
        value = MetricValue(metric_id, "e", "enum", value=draw(st.sampled_from(SENTIMENTS)))
    if missing == "null":
        value = MetricValue(metric_id, value.name, value.eval_type)
    elif missing == "not_applicable":
        value = MetricValue(metric_id, value.name, value.eval_type, not_applicable=True)
    elif missing == "error":
        value = MetricValue(metric_id, value.name, value.eval_type, error="failed")
    return Case(made, value)


@st.composite
def rubrics(draw: st.DrawFn) -> list[Case]:
    count = draw(st.integers(0, 6))
    return [draw(cases(metric_id)) for metric_id in range(1, count + 1)]


@given(rubrics(), cases(99), st.booleans())
def test_adding_a_skipped_rule_never_changes_the_verdict(
    drawn: list[Case], extra: Case, value_missing: bool
) -> None:
    rules, values = [c.rule for c in drawn], [c.value for c in drawn]
    before = evaluate_rubric(rubric(rules), values)
    skipped_value = [] if value_missing else [MetricValue(99, "x", "numeric", not_applicable=True)]
    after = evaluate_rubric(rubric([*rules, extra.rule]), [*values, *skipped_value])
    assert after.passed == before.passed
    assert after.rules[-1].passed is None


@given(rubrics(), st.randoms())
def test_the_verdict_is_the_and_of_the_rules_in_any_order(drawn: list[Case], rnd: Any) -> None:
    outcome = evaluate_rubric(rubric([c.rule for c in drawn]), [c.value for c in drawn])
    assert outcome.passed == all(r.passed is not False for r in outcome.rules)
    shuffled = list(drawn)
    rnd.shuffle(shuffled)
    again = evaluate_rubric(rubric([c.rule for c in shuffled]), [c.value for c in shuffled])
    assert again.passed == outcome.passed


@given(rubrics())
def test_each_rule_matches_its_own_one_rule_rubric(drawn: list[Case]) -> None:
    outcome = evaluate_rubric(rubric([c.rule for c in drawn]), [c.value for c in drawn])
    for case, rule_outcome in zip(drawn, outcome.rules, strict=True):
        alone = evaluate_rubric(rubric([case.rule]), [case.value])
        assert alone.rules == (rule_outcome,)


@given(st.floats(0, 5), st.integers(0, 5))
def test_gte_and_lt_split_every_score(score: float, threshold: int) -> None:
    value = MetricValue(1, "s", "continuous_qualitative", score=score)
    gte = evaluate_rubric(rubric([rule(1, "score", "gte", threshold)]), [value]).passed
    lt = evaluate_rubric(rubric([rule(1, "score", "lt", threshold)]), [value]).passed
    assert gte == (score >= threshold) and lt == (not gte)


@given(st.sampled_from(SENTIMENTS), st.sampled_from(SENTIMENTS))
def test_enum_neq_is_the_opposite_of_eq(actual: str, expected: str) -> None:
    value = MetricValue(1, "Sentiment", "enum", value=actual)
    eq = evaluate_rubric(rubric([rule(1, "enum", "eq", expected)]), [value]).passed
    neq = evaluate_rubric(rubric([rule(1, "enum", "neq", expected)]), [value]).passed
    assert eq == (actual == expected) and neq == (not eq)


@given(st.lists(rubrics(), max_size=6), rubrics())
def test_performance_counts_add_up(runs: list[list[Case]], shape: list[Case]) -> None:
    config = rubric([c.rule for c in shape])
    run_values = [[c.value for c in run] for run in runs]
    entries = performance_metrics(config, run_values)
    assert len(entries) == len(shape)
    for entry in entries:
        assert entry["runs_evaluated"] + entry["runs_skipped"] == len(runs)
        assert 0 <= entry["runs_passed"] <= entry["runs_evaluated"]
        if entry["runs_evaluated"]:
            assert 0.0 <= entry["pass_rate"] <= 100.0
        else:
            assert entry["passed"] is None and entry["pass_rate"] is None

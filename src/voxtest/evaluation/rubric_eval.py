"""Scoring runs against the project's rubric (shape: voxtest.domain.rubric; notes §4.6).

A run passes the rubric when every rule holds (evaluation logic "and"). A rule is skipped,
neither passing nor failing, when its metric has no value on the run: missing, null,
not applicable or failed to evaluate. All rules skipped → passed.

Conditions: binary metrics `score eq|neq` true/false (or legacy 5/0); numeric and 0–5 metrics
`score gt|gte|lt|lte|eq` a number; enum metrics `enum eq|neq|in` a string or list.

Per run the rubric is Cekura's `Run.rubric[]`:
    {"metric_id", "metric_name", "value", "explanation", "passed", "conditions": "score gte 5",
     "expected_conditions"}
with `passed: null` (and the reason as explanation) for a skipped rule.

Per result, `performance_metrics` (the reference documents only "one entry per rule: metric
name, aggregated value across the result's runs, and whether that aggregate meets the rule's
conditions", no schema) is a list, one entry per rule:
    {"metric_id", "metric_name", "conditions", "expected_conditions",
     "value": the aggregate: mean score for numeric/0–5 rules, the most common value for
              binary (true/false) and enum rules (a tie counts the value failing the rule),
     "passed": whether the aggregate meets the rule (null when no run was evaluated),
     "runs_evaluated", "runs_passed", "runs_skipped",
     "pass_rate": percentage of evaluated runs meeting the rule (null when none)}
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from statistics import fmean
from typing import Any

from voxtest.domain.rubric import BINARY_EVAL_TYPES, BINARY_OPS, ENUM_OPS, SCORE_OPS
from voxtest.evaluation.model import FAIL_SCORE, PASS_SCORE, MetricValue

BINARY, SCORE, ENUM = "binary", "score", "enum"


class RuleError(ValueError):
    """A condition voxtest cannot check (the rubric was changed outside validation)."""


@dataclass(frozen=True)
class RuleOutcome:
    metric_id: int
    metric_name: str
    value: Any  # the score or enum value the rule read; None when skipped
    explanation: tuple[str, ...]
    passed: bool | None  # None: skipped
    conditions: str
    expected_conditions: Mapping[str, Any]

    @property
    def skipped(self) -> bool:
        return self.passed is None

    def to_wire(self) -> dict[str, Any]:
        return {
            "metric_id": self.metric_id,
            "metric_name": self.metric_name,
            "value": self.value,
            "explanation": list(self.explanation),
            "passed": self.passed,
            "conditions": self.conditions,
            "expected_conditions": dict(self.expected_conditions),
        }


@dataclass(frozen=True)
class RubricOutcome:
    rules: tuple[RuleOutcome, ...] = ()

    @property
    def passed(self) -> bool:
        return all(rule.passed is not False for rule in self.rules)

    def to_wire(self) -> list[dict[str, Any]]:
        return [rule.to_wire() for rule in self.rules]


# -- one run ---------------------------------------------------------------------------------


def evaluate_rubric(
    rubric: Mapping[str, Any] | None,
    values: Iterable[MetricValue],
    metric_names: Mapping[int, str] | None = None,
) -> RubricOutcome:
    """Check a run's metric values against the rubric; `metric_names` names the metrics of
    rules that have no value on this run."""
    by_id = {value.metric_id: value for value in values}
    names = metric_names or {}
    return RubricOutcome(tuple(_evaluate_rule(rule, by_id, names) for rule in _rules(rubric)))


def run_success(connected: bool, rubric_passed: bool) -> bool:
    """A run's `success`: the call connected and it passed the rubric."""
    return connected and rubric_passed


def _evaluate_rule(
    rule: Mapping[str, Any], by_id: Mapping[int, MetricValue], names: Mapping[int, str]
) -> RuleOutcome:
    metric_id = rule.get("metric_id")
    block = rule.get("conditions")
    expected_conditions: Mapping[str, Any] = block if isinstance(block, Mapping) else {}
    conditions = _conditions(expected_conditions)
    value = by_id.get(metric_id) if isinstance(metric_id, int) else None
    known_name = names.get(metric_id, "") if isinstance(metric_id, int) else ""
    reason = _skip_reason(value)
    skipped = RuleOutcome(
        metric_id=metric_id if isinstance(metric_id, int) else 0,
        metric_name=value.name if value else known_name,
        value=None,
        explanation=(reason,),
        passed=None,
        conditions=describe(conditions),
        expected_conditions=expected_conditions,
    )
    if value is None or reason:
        return skipped
    try:
        checks = [_check(cond, value) for cond in conditions]
    except RuleError as exc:
        return replace(skipped, explanation=(f"The rule cannot be checked: {exc}",), passed=False)
    if not checks or any(operand is None for _, operand in checks):
        return replace(skipped, explanation=("Skipped: the metric has no value.",))
    return replace(
        skipped,
        value=_shown_value(checks[0][0], value),
        explanation=value.explanation,
        passed=all(_holds(cond, operand) for cond, operand in checks),
    )


def _skip_reason(value: MetricValue | None) -> str:
    if value is None:
        return "Skipped: the metric was not evaluated on this run."
    if value.not_applicable:
        return "Skipped: the metric does not apply to this run."
    if value.error is not None:
        return f"Skipped: the metric could not be evaluated ({value.error})."
    return ""


# -- conditions ------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Condition:
    kind: str  # BINARY | SCORE | ENUM
    op: str
    expected: Any  # a bool for BINARY, a float for SCORE, a string or list for ENUM


def _check(raw: Mapping[str, Any], value: MetricValue) -> tuple[_Condition, Any]:
    """The condition, typed for this metric, and the operand it reads (None: no value).

    Raises RuleError for a condition that cannot be checked."""
    field, op, expected = raw.get("field"), raw.get("op"), raw.get("value")
    if field == "enum":
        if op not in ENUM_OPS:
            raise RuleError(f"enum metrics take eq, neq or in, not {op!r}")
        return _Condition(ENUM, op, expected), value.value
    if field != "score":
        raise RuleError(f"unknown field {field!r}")
    binary_metric = value.eval_type in BINARY_EVAL_TYPES
    if op in BINARY_OPS and (binary_metric or isinstance(expected, bool)):
        wanted = expected if isinstance(expected, bool) else _number(expected) >= PASS_SCORE
        return _Condition(BINARY, op, wanted), _verdict(value)
    if op not in SCORE_OPS:
        raise RuleError(f"scores take gt, gte, lt, lte or eq, not {op!r}")
    return _Condition(SCORE, op, _number(expected)), _score(value)


def _holds(cond: _Condition, operand: Any) -> bool:
    if cond.kind == BINARY:
        return bool(operand == cond.expected) == (cond.op == "eq")
    if cond.kind == ENUM:
        allowed = cond.expected if isinstance(cond.expected, list) else [cond.expected]
        found = _fold(operand) in {_fold(a) for a in allowed}
        return found if cond.op in ("eq", "in") else not found
    return _compare(float(operand), cond.op, cond.expected)


def _compare(actual: float, op: str, expected: float) -> bool:
    if op == "eq":
        return math.isclose(actual, expected, rel_tol=1e-9, abs_tol=1e-9)
    if op == "gt":
        return actual > expected
    if op == "gte":
        return actual >= expected
    if op == "lt":
        return actual < expected
    return actual <= expected  # lte


def _verdict(value: MetricValue) -> bool | None:
    if value.passed is not None:
        return value.passed
    return None if value.score is None else value.score >= PASS_SCORE


def _score(value: MetricValue) -> float | None:
    if value.score is not None:
        return value.score
    if value.passed is not None and value.eval_type in BINARY_EVAL_TYPES:
        return PASS_SCORE if value.passed else FAIL_SCORE
    return None


def _shown_value(cond: _Condition, value: MetricValue) -> Any:
    """What `value` shows: the score (5/0 for binary metrics), or the enum value."""
    return value.value if cond.kind == ENUM else _score(value)


def _number(raw: Any) -> float:
    if isinstance(raw, bool) or not isinstance(raw, int | float):
        raise RuleError(f"expected a number, got {raw!r}")
    return float(raw)


def _fold(raw: Any) -> str:
    return str(raw).strip().casefold()


def _rules(rubric: Mapping[str, Any] | None) -> list[Mapping[str, Any]]:
    rules = (rubric or {}).get("rules")
    return [r for r in rules if isinstance(r, Mapping)] if isinstance(rules, list) else []


def _conditions(block: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    conditions = block.get("conditions")
    if not isinstance(conditions, list):
        return []
    return [c for c in conditions if isinstance(c, Mapping)]


def describe(conditions: Sequence[Mapping[str, Any]]) -> str:
    """Conditions as Cekura shows them: "score gte 5", joined with " and "."""
    return " and ".join(
        f"{c.get('field')} {c.get('op')} {_render(c.get('value'))}" for c in conditions
    )


def _render(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return f"{value:g}"
    if isinstance(value, list):
        return "[" + ", ".join(_render(v) for v in value) + "]"
    return str(value)


# -- a result's runs -------------------------------------------------------------------------


def success_rate(successes: Iterable[bool | None]) -> float:
    """Percentage (0–100, two decimals) of runs with `success` true; a run still without a
    verdict (None) counts as not successful. 0.0 for no runs."""
    verdicts = list(successes)
    if not verdicts:
        return 0.0
    return round(100 * sum(v is True for v in verdicts) / len(verdicts), 2)


def performance_metrics(
    rubric: Mapping[str, Any] | None,
    runs: Iterable[Iterable[MetricValue]],
    metric_names: Mapping[int, str] | None = None,
) -> list[dict[str, Any]]:
    """The result's `performance_metrics`: one entry per rule (shape in the module doc)."""
    indexed = [{v.metric_id: v for v in run} for run in runs]
    names = dict(metric_names or {})
    entries = []
    for rule in _rules(rubric):
        outcomes = [_evaluate_rule(rule, by_id, names) for by_id in indexed]
        entries.append(_aggregate(rule, outcomes, indexed, names))
    return entries


def _aggregate(
    rule: Mapping[str, Any],
    outcomes: Sequence[RuleOutcome],
    indexed: Sequence[Mapping[int, MetricValue]],
    names: Mapping[int, str],
) -> dict[str, Any]:
    first = _evaluate_rule(rule, {}, names)
    metric_name = next((o.metric_name for o in outcomes if o.metric_name), first.metric_name)
    evaluated = [(o, by_id) for o, by_id in zip(outcomes, indexed, strict=True) if not o.skipped]
    runs_passed = sum(o.passed is True for o, _ in evaluated)
    value, passed = _aggregate_verdict(rule, [by_id[first.metric_id] for _, by_id in evaluated])
    return {
        "metric_id": first.metric_id,
        "metric_name": metric_name,
        "conditions": first.conditions,
        "expected_conditions": dict(first.expected_conditions),
        "value": value,
        "passed": passed,
        "runs_evaluated": len(evaluated),
        "runs_passed": runs_passed,
        "runs_skipped": len(outcomes) - len(evaluated),
        "pass_rate": round(100 * runs_passed / len(evaluated), 2) if evaluated else None,
    }


def _aggregate_verdict(
    rule: Mapping[str, Any], values: Sequence[MetricValue]
) -> tuple[Any, bool | None]:
    """The aggregate of the rule's first condition's operand over the evaluated runs, and
    whether the aggregates of all its conditions meet the rule."""
    block = rule.get("conditions")
    conditions = _conditions(block if isinstance(block, Mapping) else {})
    if not values or not conditions:
        return None, None
    try:
        aggregates = [_aggregate_operand([_check(c, v) for v in values]) for c in conditions]
    except RuleError:
        return None, False
    cond, operand = aggregates[0]
    shown = operand if cond.kind != SCORE else round(operand, 2)
    return shown, all(_holds(cond, operand) for cond, operand in aggregates)


def _aggregate_operand(checks: Sequence[tuple[_Condition, Any]]) -> tuple[_Condition, Any]:
    """Mean of scores; the most common value otherwise, a tie going to a failing value."""
    cond = checks[0][0]
    operands = [operand for _, operand in checks]
    if cond.kind == SCORE:
        return cond, fmean(float(o) for o in operands)
    counts = Counter(operands)
    return cond, max(counts, key=lambda o: (counts[o], not _holds(cond, o)))

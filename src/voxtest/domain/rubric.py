"""The project rubric: its shape, validated against the project's metrics.

{"evaluation_logic": "and",
 "rules": [{"metric_id": 7, "conditions": {"operator": "and",
            "conditions": [{"field": "score", "op": "gte", "value": 4}]}}]}
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

BINARY_EVAL_TYPES = frozenset(
    {"binary", "binary_qualitative", "binary_workflow_adherence", "evaluate_expected_outcome"}
)
ENUM_EVAL_TYPES = frozenset({"enum", "observability_topics", "observability_dropoff"})
SCORE_OPS = ("gt", "gte", "lt", "lte", "eq")
BINARY_OPS = ("eq", "neq")
ENUM_OPS = ("eq", "neq", "in")


@dataclass(frozen=True)
class MetricInfo:
    """What the rubric needs to know of a metric."""

    id: int
    name: str
    eval_type: str
    enum_values: tuple[str, ...] = field(default_factory=tuple)


class RubricErrors(Exception):
    def __init__(self, messages: list[str]) -> None:
        super().__init__("; ".join(messages))
        self.messages = messages


def referenced_metric_ids(config: Any) -> set[int]:
    """Metric ids a (possibly malformed) rubric mentions, to fetch before validating."""
    ids: set[int] = set()
    if isinstance(config, Mapping):
        for rule in config.get("rules") or []:
            if isinstance(rule, Mapping) and isinstance(rule.get("metric_id"), int):
                ids.add(rule["metric_id"])
    return ids


def validate_rubric(config: Any, metrics: Mapping[int, MetricInfo]) -> dict[str, Any]:
    """Return the normalised rubric (`{}` clears it) or raise RubricErrors with every problem."""
    if config is None or config == {}:
        return {}
    if not isinstance(config, Mapping):
        raise RubricErrors(["rubric_config must be an object."])
    errors: list[str] = []
    unknown = set(config) - {"evaluation_logic", "rules"}
    if unknown:
        errors.append(f"Unknown keys: {', '.join(sorted(unknown))}.")
    if config.get("evaluation_logic") != "and":
        errors.append('evaluation_logic must be "and".')
    rules = config.get("rules")
    if not isinstance(rules, list):
        errors.append("rules must be a list.")
        rules = []
    seen: set[int] = set()
    out_rules = []
    for i, rule in enumerate(rules):
        try:
            normal = _validate_rule(rule, metrics)
        except RubricErrors as exc:
            errors.extend(f"rules[{i}]: {m}" for m in exc.messages)
            continue
        if normal["metric_id"] in seen:
            errors.append(f"rules[{i}]: metric {normal['metric_id']} already has a rule.")
        seen.add(normal["metric_id"])
        out_rules.append(normal)
    if errors:
        raise RubricErrors(errors)
    return {"evaluation_logic": "and", "rules": out_rules}


def _validate_rule(rule: Any, metrics: Mapping[int, MetricInfo]) -> dict[str, Any]:
    if not isinstance(rule, Mapping):
        raise RubricErrors(["each rule must be an object."])
    metric_id = rule.get("metric_id")
    if not isinstance(metric_id, int) or isinstance(metric_id, bool):
        raise RubricErrors(["metric_id must be an integer."])
    metric = metrics.get(metric_id)
    if metric is None:
        raise RubricErrors([f"metric {metric_id} does not exist in this project."])
    block = rule.get("conditions")
    if not isinstance(block, Mapping) or block.get("operator", "and") != "and":
        raise RubricErrors(['conditions must be {"operator": "and", "conditions": [...]}.'])
    conditions = block.get("conditions")
    if not isinstance(conditions, list) or len(conditions) != 1:
        raise RubricErrors(["conditions must hold exactly one condition per rule."])
    condition = _validate_condition(conditions[0], metric)
    return {"metric_id": metric_id, "conditions": {"operator": "and", "conditions": [condition]}}


def _validate_condition(cond: Any, metric: MetricInfo) -> dict[str, Any]:
    if not isinstance(cond, Mapping):
        raise RubricErrors(["a condition must be an object with field, op and value."])
    fld, op, value = cond.get("field"), cond.get("op"), cond.get("value")
    label = f"metric {metric.id} ({metric.eval_type})"
    if metric.eval_type in BINARY_EVAL_TYPES:
        if fld != "score" or op not in BINARY_OPS:
            raise RubricErrors([f'{label} takes field "score" with op eq or neq.'])
        if not (isinstance(value, bool) or value in (5, 0)):
            raise RubricErrors([f"{label} takes value true/false (or legacy 5/0)."])
    elif metric.eval_type in ENUM_EVAL_TYPES:
        if fld != "enum" or op not in ENUM_OPS:
            raise RubricErrors([f'{label} takes field "enum" with op eq, neq or in.'])
        if op == "in" and not isinstance(value, list):
            raise RubricErrors([f'{label}: op "in" takes a list of strings.'])
        raw: list[Any] = value if isinstance(value, list) else [value]
        if not all(isinstance(v, str) for v in raw):
            raise RubricErrors([f"{label}: values must be strings."])
        values = [str(v) for v in raw]
        bad = [v for v in values if metric.enum_values and v not in metric.enum_values]
        if bad:
            allowed = ", ".join(metric.enum_values)
            raise RubricErrors(
                [f"{label}: {', '.join(bad)} not among its enum_values ({allowed})."]
            )
    else:
        if fld != "score" or op not in SCORE_OPS:
            raise RubricErrors([f'{label} takes field "score" with op gt, gte, lt, lte or eq.'])
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise RubricErrors([f"{label} takes a numeric value."])
    return {"field": fld, "op": op, "value": value}

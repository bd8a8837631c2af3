"""The metrics list's `filters` query parameter: parse it, then match metrics against it.

    {"operator": "and", "conditions": [{"field": "agents__id", "op": "in", "value": [1, 2]}]}

Fields: agents__id, eval_type, type, name. Operators: in, eq, contains (contains is a
case-insensitive substring match on text fields, membership on agents__id).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

FIELDS = ("agents__id", "eval_type", "type", "name")
OPS = ("in", "eq", "contains")


@dataclass(frozen=True)
class Condition:
    field: str
    op: str
    value: Any


@dataclass(frozen=True)
class Filters:
    operator: str
    conditions: tuple[Condition, ...]

    def match(self, metric: Mapping[str, Any]) -> bool:
        results = (_matches(metric, c) for c in self.conditions)
        return all(results) if self.operator == "and" else any(results)


def parse_filters(raw: str) -> Filters:
    """Parse the JSON text; ValueError carries every problem, one per line."""
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise ValueError(f"filters is not valid JSON: {exc.msg}.")
    if not isinstance(data, Mapping):
        raise ValueError('filters must be an object: {"operator": ..., "conditions": [...]}.')
    problems: list[str] = []
    operator = data.get("operator", "and")
    if operator not in ("and", "or"):
        problems.append('operator must be "and" or "or".')
    raw_conditions = data.get("conditions")
    if not isinstance(raw_conditions, list):
        problems.append("conditions must be a list.")
        raw_conditions = []
    conditions = []
    for i, item in enumerate(raw_conditions):
        problem = _condition_problem(item)
        if problem:
            problems.append(f"conditions[{i}]: {problem}")
        else:
            conditions.append(Condition(item["field"], item["op"], item["value"]))
    if problems:
        raise ValueError("\n".join(problems))
    return Filters(operator, tuple(conditions))


def _condition_problem(item: Any) -> str | None:
    if not isinstance(item, Mapping) or "value" not in item:
        return "each condition is an object with field, op and value."
    if item.get("field") not in FIELDS:
        return f"field must be one of {', '.join(FIELDS)}."
    if item.get("op") not in OPS:
        return f"op must be one of {', '.join(OPS)}."
    value = item["value"]
    values = value if item["op"] == "in" else [value]
    if not isinstance(values, list):
        return 'op "in" takes a list.'
    if item["field"] == "agents__id":
        if not all(isinstance(v, int) and not isinstance(v, bool) for v in values):
            return "agents__id takes agent ids (integers)."
    elif not all(isinstance(v, str) for v in values):
        return f"{item['field']} takes strings."
    return None


def _matches(metric: Mapping[str, Any], cond: Condition) -> bool:
    if cond.field == "agents__id":
        agents = set(metric.get("agents") or [])
        wanted = cond.value if cond.op == "in" else [cond.value]
        return bool(agents & set(wanted))
    actual = str(metric.get(cond.field) or "")
    if cond.op == "eq":
        return actual == str(cond.value)
    if cond.op == "in":
        return actual in list(cond.value)
    return str(cond.value).lower() in actual.lower()

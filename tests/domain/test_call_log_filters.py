"""`filters_v2`: the condition tree compiled and checked, and what it means on a record."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from voxtest.domain.call_log_filters import (
    Condition,
    FilterProblem,
    Group,
    compile_filter,
    matches,
)

CALL: dict[str, Any] = {
    "id": 7,
    "success": True,
    "duration": 75.0,
    "call_id": "call_ABC123",
    "timestamp": datetime(2025, 1, 10, 12, 0, tzinfo=UTC),
    "call_ended_reason": "customer-ended-call",
    "customer_number": "+14155550132",
    "status": "success",
    "feedback": "",
    "metadata": {"campaign": "spring", "score": 4, "vip": True, "nested": {"tier": "gold"}},
    "dynamic_variables": {"plan": "premium"},
}


def hit(spec: Any, record: dict[str, Any] = CALL) -> bool:
    return matches(compile_filter(spec), record)


def test_simple_and_compound_conditions_from_the_reference() -> None:
    assert compile_filter('{"field": "success", "op": "eq", "value": true}') == Condition(
        "success", "eq", True, "bool"
    )
    tree = compile_filter(
        {
            "operator": "and",
            "conditions": [
                {"field": "success", "op": "eq", "value": True},
                {"field": "duration", "op": "gte", "value": 60},
            ],
        }
    )
    assert isinstance(tree, Group) and tree.operator == "and" and len(tree.conditions) == 2
    assert matches(tree, CALL)
    assert hit(
        {
            "operator": "or",
            "conditions": [
                {"field": "call_ended_reason", "op": "eq", "value": "completed"},
                {"field": "call_ended_reason", "op": "eq", "value": "customer-ended-call"},
            ],
        }
    )


@pytest.mark.parametrize(
    ("condition", "expected"),
    [
        ({"field": "duration", "op": "gt", "value": 75}, False),
        ({"field": "duration", "op": "gte", "value": "75"}, True),
        ({"field": "duration", "op": "lt", "value": 80}, True),
        ({"field": "duration", "op": "lte", "value": 74.9}, False),
        ({"field": "call_id", "op": "contains", "value": "abc"}, True),
        ({"field": "call_id", "op": "startswith", "value": "CALL_"}, True),
        ({"field": "call_id", "op": "startswith", "value": "ABC"}, False),
        ({"field": "status", "op": "in", "value": ["failure", "success"]}, True),
        ({"field": "status", "op": "neq", "value": "success"}, False),
        ({"field": "feedback", "op": "isnull", "value": True}, True),
        ({"field": "error_message", "op": "neq", "value": "x"}, True),
        ({"field": "timestamp", "op": "gte", "value": "2025-01-10T11:00:00Z"}, True),
        ({"field": "timestamp", "op": "lt", "value": "2025-01-10T12:00:00"}, False),
        ({"field": "metadata.campaign", "op": "eq", "value": "spring"}, True),
        ({"field": "metadata.score", "op": "gte", "value": 3}, True),
        ({"field": "metadata.score", "op": "eq", "value": "4"}, False),  # text is not a number
        ({"field": "metadata.vip", "op": "eq", "value": True}, True),
        ({"field": "metadata.nested.tier", "op": "in", "value": ["gold", "silver"]}, True),
        ({"field": "metadata.missing", "op": "isnull", "value": True}, True),
        ({"field": "dynamic_variables.plan", "op": "contains", "value": "PREM"}, True),
    ],
)
def test_every_operator(condition: dict[str, Any], expected: bool) -> None:
    assert hit(condition) is expected


def test_a_bare_list_means_all_of_them() -> None:
    assert not hit([{"field": "success", "value": True}, {"field": "id", "value": 8}])


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ("{", "not valid JSON"),
        ({"field": "colour", "op": "eq", "value": 1}, "field: unknown field 'colour'"),
        ({"field": "success", "op": "like", "value": 1}, "op: 'like' is not one of"),
        ({"field": "success", "op": "gt", "value": True}, "gt does not apply to success"),
        ({"field": "duration", "op": "contains", "value": "1"}, "applies to text fields"),
        ({"field": "duration", "op": "eq", "value": "long"}, "value: give a number"),
        ({"field": "timestamp", "op": "gte", "value": "yesterday"}, "ISO 8601"),
        ({"field": "status", "op": "in", "value": []}, "non-empty list"),
        ({"field": "status", "op": "eq", "value": None}, "use the isnull operator"),
        ({"field": "status", "op": "eq"}, "value: this field is required"),
        ({"operator": "xor", "conditions": [{"field": "id", "value": 1}]}, "use 'and' or 'or'"),
        ({"operator": "and", "conditions": []}, "non-empty list"),
        (
            {"operator": "and", "conditions": [{"field": "id", "value": 1}, {"field": "x"}]},
            "conditions[1].field",
        ),
    ],
)
def test_problems_say_where(spec: Any, message: str) -> None:
    with pytest.raises(FilterProblem, match=message.replace("[", r"\[").replace("(", r"\(")):
        compile_filter(spec)


def test_depth_and_size_are_bounded() -> None:
    deep: dict[str, Any] = {"field": "id", "value": 1}
    for _ in range(10):
        deep = {"operator": "and", "conditions": [deep]}
    with pytest.raises(FilterProblem, match="nest at most"):
        compile_filter(deep)
    with pytest.raises(FilterProblem, match="at most 100 conditions"):
        compile_filter([{"field": "id", "value": i} for i in range(101)])

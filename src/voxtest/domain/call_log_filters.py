"""`filters_v2` of the call-log list: a JSON condition tree, checked and compiled, pure.

    {"field": "success", "op": "eq", "value": true}
    {"operator": "and" | "or", "conditions": [<condition or group>, ...]}

Fields are the call log's (`FIELDS`, `duration` in seconds, times ISO 8601, UTC when no offset)
and any key of `metadata.` or `dynamic_variables.` (dotted paths go deeper). Operators:
eq, neq, gt, gte, lt, lte, contains, startswith, in, isnull. `neq` also matches a call that
has no value; `contains`/`startswith` ignore case; empty text counts as null for `isnull`;
a metadata value is compared only with a value of its own JSON type ("123" is not 123).
`compile_filter` gives the tree (`Condition`/`Group`) or a `FilterProblem` saying where;
`matches` applies it to one record (the SQL translation in `services.call_logs_filters` must
agree with it, and a test checks that it does).
"""

from __future__ import annotations

import json
import operator
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Literal

OPS = ("eq", "neq", "gt", "gte", "lt", "lte", "contains", "startswith", "in", "isnull")
JSON_ROOTS = ("metadata", "dynamic_variables")
MAX_CONDITIONS, MAX_DEPTH = 100, 8

Kind = Literal["int", "number", "bool", "text", "time", "json"]
FIELDS: dict[str, Kind] = {
    "id": "int",
    "agent": "int",
    "agent_id": "int",
    "success": "bool",
    "is_reviewed": "bool",
    "duration": "number",
    "timestamp": "time",
    "created_at": "time",
    "updated_at": "time",
    "call_id": "text",
    "trace_id": "text",
    "call_ended_reason": "text",
    "customer_number": "text",
    "status": "text",
    "feedback": "text",
    "topic": "text",
    "dropoff_point": "text",
    "error_message": "text",
}
ORDERED = ("int", "number", "time", "json")  # kinds gt/gte/lt/lte apply to
TEXTUAL = ("text", "json")  # kinds contains/startswith apply to


class FilterProblem(ValueError):
    """An unusable filter; the message names the condition (`conditions[1].value: ...`)."""


@dataclass(frozen=True)
class Condition:
    field: str
    op: str
    value: Any
    kind: Kind

    @property
    def path(self) -> tuple[str, ...]:
        """For JSON fields: the keys below the root (`metadata.a.b` -> ("a", "b"))."""
        return tuple(self.field.split(".")[1:])


@dataclass(frozen=True)
class Group:
    operator: Literal["and", "or"]
    conditions: tuple[Condition | Group, ...]


Node = Condition | Group


def compile_filter(raw: str | Mapping[str, Any] | Sequence[Any]) -> Node:
    """The checked tree of a `filters_v2` value (a JSON string or the parsed value)."""
    if isinstance(raw, str):
        try:
            raw = json.loads(raw)
        except ValueError:
            raise FilterProblem("filters_v2 is not valid JSON.") from None
    counter = [0]
    return _node(raw, "", 0, counter)


def _node(raw: Any, at: str, depth: int, counter: list[int]) -> Node:
    if depth > MAX_DEPTH:
        raise FilterProblem(f"{at or 'filters_v2'}: groups nest at most {MAX_DEPTH} deep.")
    if isinstance(raw, list):  # a bare list: all of them
        raw = {"operator": "and", "conditions": raw}
    if not isinstance(raw, Mapping):
        raise FilterProblem(f"{at or 'filters_v2'}: expected an object.")
    if "conditions" in raw:
        operator = str(raw.get("operator") or "and").lower()
        if operator not in ("and", "or"):
            raise FilterProblem(f"{at}operator: use 'and' or 'or', not {raw.get('operator')!r}.")
        items = raw["conditions"]
        if not isinstance(items, list) or not items:
            raise FilterProblem(f"{at}conditions: give a non-empty list.")
        children = tuple(
            _node(item, f"{at}conditions[{i}].", depth + 1, counter) for i, item in enumerate(items)
        )
        return Group("and" if operator == "and" else "or", children)
    counter[0] += 1
    if counter[0] > MAX_CONDITIONS:
        raise FilterProblem(f"filters_v2: at most {MAX_CONDITIONS} conditions.")
    return _condition(raw, at)


def _condition(raw: Mapping[str, Any], at: str) -> Condition:
    field = str(raw.get("field") or "")
    kind = _kind(field, at)
    op = str(raw.get("op") or "eq").lower()
    if op not in OPS:
        raise FilterProblem(f"{at}op: {op!r} is not one of {', '.join(OPS)}.")
    if op in ("gt", "gte", "lt", "lte") and kind not in ORDERED:
        raise FilterProblem(f"{at}op: {op} does not apply to {field}.")
    if op in ("contains", "startswith") and kind not in TEXTUAL:
        raise FilterProblem(f"{at}op: {op} applies to text fields, not {field}.")
    if "value" not in raw:
        raise FilterProblem(f"{at}value: this field is required.")
    value = raw["value"]
    where = f"{at}value"
    if op == "isnull":
        return Condition(field, op, _bool(value, where), kind)
    if op == "in":
        if not isinstance(value, list) or not value:
            raise FilterProblem(f"{where}: 'in' takes a non-empty list.")
        values = tuple(_value(kind, v, f"{where}[{i}]") for i, v in enumerate(value))
        return Condition(field, op, values, kind)
    if op in ("contains", "startswith"):
        if isinstance(value, bool | dict | list) or value is None:
            raise FilterProblem(f"{where}: give text.")
        return Condition(field, op, str(value), kind)
    return Condition(field, op, _value(kind, value, where), kind)


def _kind(field: str, at: str) -> Kind:
    if field in FIELDS:
        return FIELDS[field]
    root, _, rest = field.partition(".")
    if root in JSON_ROOTS and rest and all(rest.split(".")):
        return "json"
    known = ", ".join([*FIELDS, *(f"{r}.<key>" for r in JSON_ROOTS)])
    raise FilterProblem(f"{at}field: unknown field {field!r}; use one of {known}.")


def _bool(value: Any, where: str) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in ("true", "false"):
        return value.strip().lower() == "true"
    raise FilterProblem(f"{where}: give true or false.")


def _value(kind: Kind, value: Any, where: str) -> Any:
    if value is None:
        raise FilterProblem(f"{where}: null is not a value here; use the isnull operator.")
    if kind == "bool":
        return _bool(value, where)
    if kind in ("int", "number"):
        try:
            number = float(value) if not isinstance(value, bool) else None
        except (TypeError, ValueError):
            number = None
        if number is None:
            raise FilterProblem(f"{where}: give a number.")
        return int(number) if kind == "int" and number.is_integer() else number
    if kind == "time":
        return parse_time(value, where)
    if kind == "json":
        if isinstance(value, dict | list):
            raise FilterProblem(f"{where}: give text, a number or true/false.")
        return value
    if isinstance(value, dict | list | bool):
        raise FilterProblem(f"{where}: give text.")
    return str(value)


def parse_time(value: Any, where: str) -> datetime:
    try:
        moment = datetime.fromisoformat(str(value).strip().replace("Z", "+00:00"))
    except ValueError:
        raise FilterProblem(f"{where}: give an ISO 8601 time, e.g. 2025-01-01T00:00:00Z.") from None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


# -- the meaning, on one record -----------------------------------------------------------


def matches(node: Node, record: Mapping[str, Any]) -> bool:
    """Whether a call log (its wire-named values; `duration` in seconds) passes `node`."""
    if isinstance(node, Group):
        results = (matches(child, record) for child in node.conditions)
        return all(results) if node.operator == "and" else any(results)
    return _holds(node, _read(node, record))


def _read(c: Condition, record: Mapping[str, Any]) -> Any:
    if c.kind != "json":
        value = record.get(c.field)
        return None if value == "" else value
    node: Any = record.get(c.field.split(".")[0])
    for key in c.path:
        node = node.get(key) if isinstance(node, Mapping) else None
    return node


def _holds(c: Condition, value: Any) -> bool:
    if c.op == "isnull":
        return (value is None) is bool(c.value)
    if c.kind == "json":
        value, wanted = _json_pair(value, c.value if c.op != "in" else c.value[0])
        if c.op == "in":
            return value is not None and value in {_json_pair(value, v)[1] for v in c.value}
    else:
        wanted = c.value
    if c.op == "neq":
        return value is None or value != wanted
    if value is None:
        return False
    if c.op == "eq":
        return bool(value == wanted)
    if c.op == "in":
        return value in c.value
    if c.op == "contains":
        return str(wanted).lower() in str(value).lower()
    if c.op == "startswith":
        return str(value).lower().startswith(str(wanted).lower())
    try:
        return bool(_ORDER[c.op](value, wanted))
    except TypeError:
        return False


_ORDER = {"gt": operator.gt, "gte": operator.ge, "lt": operator.lt, "lte": operator.le}


def _json_pair(value: Any, wanted: Any) -> tuple[Any, Any]:
    """A JSON value compared only with a wanted value of its own type: numbers with numbers,
    booleans with booleans, text with text (`contains`/`startswith` take text only); a value
    of another type reads as absent."""
    same = (
        isinstance(value, bool) == isinstance(wanted, bool)
        and isinstance(value, int | float) == isinstance(wanted, int | float)
        and isinstance(value, str) == isinstance(wanted, str)
    )
    if value is None or not same:
        return None, wanted
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value), float(wanted)
    return value, wanted

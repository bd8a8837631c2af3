"""The call-log list's query: scope, time window, ids and `filters_v2` translated to SQL.

The window defaults to the last 30 days and may span at most 33 (the reference's rule);
`filters_v2` is compiled by `voxtest.domain.call_log_filters`, whose `matches` is the meaning
this translation must agree with (tests compare the two on both databases).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Float,
    Select,
    String,
    and_,
    case,
    cast,
    false,
    func,
    or_,
    true,
)

from voxtest.api.auth import Principal
from voxtest.domain.call_log_filters import (
    Condition,
    FilterProblem,
    Group,
    Node,
    compile_filter,
    parse_time,
)
from voxtest.errors import ValidationFailed
from voxtest.services import tenancy
from voxtest.storage.tables import Agent, CallLog
from voxtest.storage.tables.base import utcnow

DEFAULT_WINDOW, MAX_WINDOW = timedelta(days=30), timedelta(days=33)
ORG_KEY_SCOPE = "Give project_id (or agent_id) when using an organization API key."


@dataclass
class CallLogFilters:
    """The query parameters of `GET call-logs/`."""

    timestamp_from: str | None = None
    timestamp_to: str | None = None
    call_ids: str | None = None
    agent_id: int | None = None
    project_id: int | None = None
    assistant_id: str | None = None
    filters_v2: str | None = None


def filtered(principal: Principal, f: CallLogFilters, dialect: str) -> Select[CallLog]:
    errors: dict[str, list[str]] = {}
    query = tenancy.visible(principal, CallLog)
    if (
        principal.project_id is None
        and f.project_id is None
        and f.agent_id is None
        and not f.assistant_id
    ):
        errors["project_id"] = [ORG_KEY_SCOPE]
    if f.project_id is not None:
        query = query.where(CallLog.project_id == f.project_id)
    if f.agent_id is not None:
        query = query.where(CallLog.agent_id == f.agent_id)
    if f.assistant_id:
        agents = tenancy.visible(principal, Agent).where(Agent.assistant_id == f.assistant_id)
        query = query.where(CallLog.agent_id.in_(agents.with_only_columns(Agent.id)))
    low, high = _window(f, errors)
    query = query.where(CallLog.timestamp >= low, CallLog.timestamp <= high)
    if f.call_ids:
        try:
            ids = [int(p) for p in f.call_ids.split(",") if p.strip()]
        except ValueError:
            errors["call_ids"] = ["Give call log ids as a comma-separated list, e.g. 123,456."]
        else:
            query = query.where(CallLog.id.in_(ids))
    if f.filters_v2:
        try:
            query = query.where(to_sql(compile_filter(f.filters_v2), dialect))
        except FilterProblem as exc:
            errors["filters_v2"] = [str(exc)]
    if errors:
        raise ValidationFailed(errors)
    return query


def _window(f: CallLogFilters, errors: dict[str, list[str]]) -> tuple[datetime, datetime]:
    try:
        low = parse_time(f.timestamp_from, "timestamp_from") if f.timestamp_from else None
        high = parse_time(f.timestamp_to, "timestamp_to") if f.timestamp_to else None
    except FilterProblem as exc:
        errors["timestamp_from" if "from" in str(exc) else "timestamp_to"] = [str(exc)]
        now = utcnow()
        return now - DEFAULT_WINDOW, now
    if low is None and high is None:
        high = utcnow()
    if low is None:
        assert high is not None
        low = high - DEFAULT_WINDOW
    if high is None:
        high = min(low + DEFAULT_WINDOW, max(utcnow(), low))
    if high < low:
        errors["timestamp_to"] = ["timestamp_to is before timestamp_from."]
    elif high - low > MAX_WINDOW:
        errors["timestamp_from"] = ["The time range may span at most 33 days."]
    return low, high


# -- filters_v2 ---------------------------------------------------------------------------

_COLUMNS: dict[str, Any] = {
    "id": CallLog.id,
    "agent": CallLog.agent_id,
    "agent_id": CallLog.agent_id,
    "success": CallLog.success,
    "is_reviewed": CallLog.is_reviewed,
    "duration": CallLog.duration_s,
    "timestamp": CallLog.timestamp,
    "created_at": CallLog.created_at,
    "updated_at": CallLog.updated_at,
    "call_id": CallLog.call_id,
    "trace_id": CallLog.trace_id,
    "call_ended_reason": CallLog.call_ended_reason,
    "customer_number": CallLog.customer_number,
    "status": CallLog.status,
    "feedback": CallLog.feedback,
    "topic": CallLog.topic,
    "dropoff_point": CallLog.dropoff_point,
    "error_message": CallLog.error_message,
}
_JSON_ROOTS: dict[str, Any] = {
    "metadata": CallLog.call_metadata,
    "dynamic_variables": CallLog.dynamic_variables,
}


def to_sql(node: Node, dialect: str) -> ColumnElement[bool]:
    if isinstance(node, Group):
        parts = [to_sql(c, dialect) for c in node.conditions]
        return and_(true(), *parts) if node.operator == "and" else or_(false(), *parts)
    return _condition(node, dialect)


def _condition(c: Condition, dialect: str) -> ColumnElement[bool]:
    if c.kind == "json":
        return _json_condition(c, dialect)
    column = _COLUMNS[c.field]
    textual = c.kind == "text"
    is_null: ColumnElement[bool] = (
        or_(column.is_(None), column == "") if textual else column.is_(None)
    )
    if c.op == "isnull":
        return is_null if c.value else ~is_null
    return _compare(c, column, is_null, c.value)


def _compare(c: Condition, column: Any, is_null: Any, value: Any) -> ColumnElement[bool]:
    if c.op == "neq":
        return or_(is_null, column != value)
    present = ~is_null
    match c.op:
        case "eq":
            test = column == value
        case "in":
            test = column.in_(list(value))
        case "contains":
            test = func.lower(column).contains(str(value).lower(), autoescape=True)
        case "startswith":
            test = func.lower(column).startswith(str(value).lower(), autoescape=True)
        case "gt":
            test = column > value
        case "gte":
            test = column >= value
        case "lt":
            test = column < value
        case _:
            test = column <= value
    return and_(present, test)


def _json_condition(c: Condition, dialect: str) -> ColumnElement[bool]:
    """A metadata value compared only with values of its own JSON type (see the domain)."""
    root = _JSON_ROOTS[c.field.split(".")[0]]
    kind, text = _json_parts(root, c.path, dialect)
    if c.op == "isnull":
        missing = or_(kind.is_(None), kind == "null")
        return missing if c.value else ~missing
    probe = c.value[0] if c.op == "in" else c.value
    if c.op in ("contains", "startswith") or isinstance(probe, str):
        column: Any = case((kind.in_(["string", "text"]), text), else_=None)
        values: Any = [str(v) for v in c.value] if c.op == "in" else str(c.value)
    elif isinstance(probe, bool):
        column = case((kind.in_(["boolean", "true", "false"]), text), else_=None)
        values = (
            ["true" if v else "false" for v in c.value]
            if c.op == "in"
            else ("true" if c.value else "false")
        )
    else:
        number = case((kind.in_(["number", "integer", "real"]), text), else_=None)
        column = cast(number, Float)
        values = [float(v) for v in c.value] if c.op == "in" else float(c.value)
    return _compare(c, column, column.is_(None), values)


def _json_parts(root: Any, path: tuple[str, ...], dialect: str) -> tuple[Any, Any]:
    """(JSON type name, value as text) of `root` at `path`, on this database."""
    if dialect == "postgresql":
        return func.jsonb_typeof(
            func.jsonb_extract_path(root, *path)
        ), func.jsonb_extract_path_text(root, *path)
    where = "$" + "".join(f'."{k.replace(chr(34), "")}"' for k in path)
    kind = func.json_type(root, where)
    value = func.json_extract(root, where)
    text = case((kind == "true", "true"), (kind == "false", "false"), else_=cast(value, String))
    return kind, text

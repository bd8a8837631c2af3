"""The filters of `GET runs/` (v1, `-external`, v2), as Cekura's reference names them.

Lists are comma-separated (`id__in=1,2`); times are ISO 8601 (UTC when no offset is given)
and filter the run's `timestamp` (when it was created); durations are in seconds.
`created_at_range` is `FROM,TO` and `duration_range` is `MIN,MAX`, either end may be empty.
`tags` are the run's scenario's tags (any of them); `search` matches the scenario name or
the run id. Runs have no call ids in voxtest (text runs are not phone calls), so
`call_id`/`provider_call_id` filters match no run. `success_rate` and `metrics` are not
applied: runs are not evaluated by metrics yet.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Literal, TypeVar

from sqlalchemy import ColumnElement, Select, String, cast, false, or_, select

from voxtest.api.auth import Principal
from voxtest.errors import ValidationFailed
from voxtest.services import tenancy
from voxtest.storage.tables import Agent, Result, Run, ScenarioTag

RunStatus = Literal[
    "cancelled",
    "completed",
    "evaluating",
    "failed",
    "in_progress",
    "in_queue",
    "pending",
    "running",
    "scaling_up",
    "timeout",
]
T = TypeVar("T")
TIME_FORMAT = (  # DRF's words
    "Datetime has wrong format. Use one of these formats instead: "
    "YYYY-MM-DDThh:mm[:ss[.uuuuuu]][+HH:MM|-HH:MM|Z]."
)


@dataclass
class RunFilters:
    """The query parameters; FastAPI reads them from the query string (`Depends()`)."""

    id: str | None = None
    id__in: str | None = None
    id__contains: int | None = None
    result_id: int | None = None
    result__id: int | None = None
    result__agent_id: int | None = None
    result__agent_id__in: str | None = None
    result__run_as_text: bool | None = None
    agent_id: int | None = None
    assistant_id: str | None = None
    project_id: int | None = None
    status: RunStatus | None = None
    status__in: str | None = None
    success: bool | None = None
    timestamp__gte: str | None = None
    timestamp__lte: str | None = None
    created_at_from: str | None = None
    created_at_to: str | None = None
    created_at_range: str | None = None
    duration__gte: float | None = None
    duration__lte: float | None = None
    duration_range: str | None = None
    scenario__id: int | None = None
    scenario__id__in: str | None = None
    scenarios: str | None = None
    tags: str | None = None
    personality__id: int | None = None
    personality__id__in: str | None = None
    personalities: str | None = None
    call_ended_reason: str | None = None
    call_ended_reason__icontains: str | None = None
    call_ended_reason__in: str | None = None
    call_id: str | None = None
    call_id__icontains: str | None = None
    provider_call_id: str | None = None
    provider_call_id__icontains: str | None = None
    search: str | None = None


def filtered(principal: Principal, f: RunFilters) -> Select[Run]:
    """The runs the caller may see that pass every given filter; 400 for unreadable values."""
    found = _Conditions(f)
    _identity(found, principal)
    _state(found)
    _origin(found)
    if found.errors:
        raise ValidationFailed(found.errors)
    return tenancy.visible(principal, Run).where(*found.conditions)


class _Conditions:
    def __init__(self, filters: RunFilters) -> None:
        self.f = filters
        self.conditions: list[ColumnElement[bool]] = []
        self.errors: dict[str, list[str]] = {}

    def parsed(self, name: str, parse: Callable[[str], T]) -> T | None:
        """The filter `name` read by `parse`; None when absent or unreadable (an error)."""
        value = getattr(self.f, name)
        if value is None or value == "":
            return None
        try:
            return parse(value)
        except ValueError as exc:
            self.errors[name] = [str(exc)]
            return None

    def add(self, condition: ColumnElement[bool] | None) -> None:
        if condition is not None:
            self.conditions.append(condition)


def _identity(c: _Conditions, principal: Principal) -> None:
    """Which run, result, agent and project."""
    f = c.f
    c.add(_equal(Run.id, c.parsed("id", _integer)))
    c.add(_within(Run.id, c.parsed("id__in", _ids)))
    if f.id__contains is not None:
        c.add(cast(Run.id, String).contains(str(f.id__contains)))
    c.add(_equal(Run.result_id, f.result_id))
    c.add(_equal(Run.result_id, f.result__id))
    agents = [f.result__agent_id] if f.result__agent_id is not None else None
    for of_agents in (agents, c.parsed("result__agent_id__in", _ids)):
        if of_agents is not None:
            results = select(Result.id).where(Result.agent_id.in_(of_agents))
            c.add(Run.result_id.in_(results))
    if f.result__run_as_text is not None:
        as_text = select(Result.id).where(Result.run_as_text.is_(f.result__run_as_text))
        c.add(Run.result_id.in_(as_text))
    c.add(_equal(Run.agent_id, f.agent_id))
    if f.assistant_id:
        agents_query = tenancy.visible(principal, Agent).where(Agent.assistant_id == f.assistant_id)
        c.add(Run.agent_id.in_(agents_query.with_only_columns(Agent.id)))
    c.add(_equal(Run.project_id, f.project_id))
    if f.search and f.search.strip():
        c.add(_search(f.search.strip()))


def _state(c: _Conditions) -> None:
    """Status, success, when and how long, how it ended."""
    f = c.f
    c.add(_equal(Run.status, f.status))
    c.add(_within(Run.status, c.parsed("status__in", _words)))
    if f.success is not None:
        c.add(Run.success.is_(f.success))
    created = c.parsed("created_at_range", _time_range) or (None, None)
    lows = (c.parsed("timestamp__gte", _time), c.parsed("created_at_from", _time), created[0])
    highs = (c.parsed("timestamp__lte", _time), c.parsed("created_at_to", _time), created[1])
    c.conditions += [Run.created_at >= low for low in lows if low is not None]
    c.conditions += [Run.created_at <= high for high in highs if high is not None]
    lasted = c.parsed("duration_range", _number_range) or (None, None)
    c.conditions += [Run.duration_s >= s for s in (f.duration__gte, lasted[0]) if s is not None]
    c.conditions += [Run.duration_s <= s for s in (f.duration__lte, lasted[1]) if s is not None]
    c.add(_equal(Run.ended_reason, f.call_ended_reason))
    if f.call_ended_reason__icontains:
        c.add(Run.ended_reason.icontains(f.call_ended_reason__icontains, autoescape=True))
    c.add(_within(Run.ended_reason, c.parsed("call_ended_reason__in", _words)))
    call_ids = (f.call_id, f.call_id__icontains, f.provider_call_id, f.provider_call_id__icontains)
    if any(call_ids):  # no run has a call id
        c.add(false())


def _origin(c: _Conditions) -> None:
    """Scenario, its tags, personality."""
    f = c.f
    c.add(_equal(Run.scenario_id, f.scenario__id))
    for name in ("scenario__id__in", "scenarios"):
        c.add(_within(Run.scenario_id, c.parsed(name, _ids)))
    tags = c.parsed("tags", _words)
    if tags:
        tagged = select(ScenarioTag.scenario_id).where(ScenarioTag.tag.in_(tags))
        c.add(Run.scenario_id.in_(tagged))
    c.add(_equal(Run.personality_id, f.personality__id))
    for name in ("personality__id__in", "personalities"):
        c.add(_within(Run.personality_id, c.parsed(name, _ids)))


def _equal(column: Any, value: Any) -> ColumnElement[bool] | None:
    return None if value is None else column == value


def _within(column: Any, values: list[Any] | None) -> ColumnElement[bool] | None:
    return None if values is None else column.in_(values)


def _search(text: str) -> ColumnElement[bool]:
    name = Run.snapshot["scenario_name"].as_string()
    matches = [name.icontains(text, autoescape=True)]
    if text.isdigit():
        matches.append(Run.id == int(text))
    return or_(*matches)


# -- values ---------------------------------------------------------------------------------


def _integer(text: str) -> int:
    try:
        return int(text.strip())
    except ValueError:
        raise ValueError("A valid integer is required.") from None


def _ids(text: str) -> list[int]:
    try:
        return [int(part) for part in text.split(",") if part.strip()]
    except ValueError:
        raise ValueError("Give ids as a comma-separated list, e.g. 1,2,3.") from None


def _words(text: str) -> list[str]:
    return [part.strip() for part in text.split(",") if part.strip()]


def _pair(text: str, example: str) -> tuple[str, str]:
    parts = text.split(",")
    if len(parts) != 2:
        raise ValueError(f"Give two values separated by a comma (either may be empty): {example}.")
    return parts[0].strip(), parts[1].strip()


def _time(text: str) -> datetime:
    """An ISO 8601 time (or date); UTC when it has no offset."""
    try:
        moment = datetime.fromisoformat(text.strip())
    except ValueError:
        raise ValueError(TIME_FORMAT) from None
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment


def _time_range(text: str) -> tuple[datetime | None, datetime | None]:
    low, high = _pair(text, "2025-01-01T00:00:00Z,2025-02-01T00:00:00Z")
    return (_time(low) if low else None, _time(high) if high else None)


def _number_range(text: str) -> tuple[float | None, float | None]:
    low, high = _pair(text, "30,120")
    try:
        return (float(low) if low else None, float(high) if high else None)
    except ValueError:
        raise ValueError("Give numbers of seconds, e.g. 30,120.") from None

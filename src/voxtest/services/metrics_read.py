"""Reading metrics: lookup with tenancy, the list filters, and the wire shapes."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel
from sqlalchemy import Select, and_, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from voxtest.api.auth import Principal
from voxtest.api.wire.base import shaped
from voxtest.domain.metric_filters import Filters
from voxtest.errors import NotFound
from voxtest.services import tenancy
from voxtest.services.agents import agents_by_assistant_id
from voxtest.services.common import iso
from voxtest.storage.tables import Agent, Metric, MetricAgent

# What a metric reads as when a field was never set.
DEFAULTS: dict[str, Any] = {
    "description": "",
    "prompt": "",
    "audio_enabled": False,
    "observability_enabled": False,
    "simulation_enabled": True,
    "sampling_enabled": False,
    "enum_values": [],
    "display_order": 0,
    "configuration": {},
    "evaluation_trigger": "always",
    "trigger_type": "llm_judge",
    "evaluation_trigger_prompt": "",
    "evaluation_trigger_custom_code": "",
    "custom_code": "",
    "priority_assignment_prompt": "",
    "function_name": None,
    "vocera_defined_metric_code": "",
    "kb_file_ids": [],
    "alert_enabled": False,
    "alert_type": "disabled",
    "alert_filters": None,
    "slack_workspace": None,
    "slack_channel_id": None,
    "significant_change_alert_status": "disabled",
    "significant_change_alert_direction": "",
    "window_size": 50,
    "std_multiplier": 2.0,
    "ewma_alpha": 0.1,
    "add_to_new_agents": False,
}
# The reference types these `oneOf: [{}, {type: null}]`, which no null can satisfy (it matches
# both branches), so they are left out while unset rather than sent as null.
NULL_ARTEFACTS = ("alert_filters", "pending_optimisation_proposal")


@dataclass(frozen=True)
class ListQuery:
    project_id: int | None = None
    agent_id: int | None = None
    assistant_id: str | None = None
    agents: tuple[int, ...] = ()
    slug: str | None = None
    filters: Filters | None = None


async def get_metric_row(session: AsyncSession, principal: Principal, ident: int | str) -> Metric:
    """The caller's metric by id or slug, or 404 (other organizations' metrics do not exist)."""
    query = tenancy.visible(principal, Metric)
    if isinstance(ident, int) or ident.isdigit():
        query = query.where(Metric.id == int(ident))
    else:
        query = query.where(Metric.slug == ident)
    row = await session.scalar(query)
    if row is None:
        raise NotFound()
    return row


async def list_rows(session: AsyncSession, principal: Principal, q: ListQuery) -> list[Metric]:
    query = tenancy.visible(principal, Metric)
    agent_ids = {q.agent_id} if q.agent_id is not None else set()
    if q.assistant_id:
        found = await agents_by_assistant_id(session, principal, q.assistant_id)
        if not found and not agent_ids:
            return []
        agent_ids |= set(found)
    query = _scope(query, q.project_id, agent_ids)
    if q.agents:
        enabled = select(MetricAgent.metric_id).where(MetricAgent.agent_id.in_(q.agents))
        query = query.where(Metric.id.in_(enabled))
    if q.slug:
        query = query.where(Metric.slug == q.slug)
    return list((await session.scalars(query.order_by(Metric.id))).all())


def _scope(query: Select[Any], project_id: int | None, agent_ids: set[int]) -> Any:
    """agent_id alone: that agent's metrics; project_id alone: the project's own; both: both."""
    own = and_(Metric.project_id == project_id, Metric.agent_id.is_(None))
    if agent_ids and project_id is not None:
        return query.where(or_(own, Metric.agent_id.in_(agent_ids)))
    if agent_ids:
        return query.where(Metric.agent_id.in_(agent_ids))
    if project_id is not None:
        return query.where(own)
    return query


async def views(session: AsyncSession, rows: Sequence[Metric]) -> list[dict[str, Any]]:
    """Every readable field of each metric (cut to an operation's shape with `shaped`)."""
    ids = [r.id for r in rows]
    enabled: dict[int, list[int]] = {i: [] for i in ids}
    if ids:
        links = await session.execute(
            select(MetricAgent.metric_id, MetricAgent.agent_id)
            .where(MetricAgent.metric_id.in_(ids))
            .order_by(MetricAgent.agent_id)
        )
        for metric_id, agent_id in links:
            enabled[metric_id].append(agent_id)
    owners = {r.agent_id for r in rows if r.agent_id is not None}
    assistant: dict[int, str] = {}
    if owners:
        for agent in await session.scalars(select(Agent).where(Agent.id.in_(owners))):
            assistant[agent.id] = agent.assistant_id or ""
    return [_view(r, enabled[r.id], assistant.get(r.agent_id or 0, "")) for r in rows]


def _view(row: Metric, agents: list[int], assistant_id: str) -> dict[str, Any]:
    view = {
        **DEFAULTS,
        **(row.attrs or {}),
        "id": row.id,
        "slug": row.slug,
        "project": row.project_id,
        "agents": agents,
        "assistant_id": assistant_id,
        "name": row.name,
        "type": row.type,
        "eval_type": row.eval_type,
        "reviews": [],
        "created_at": iso(row.created_at),
    }
    for key in NULL_ARTEFACTS:
        if view.get(key) is None:
            view.pop(key, None)
    return view


async def serialize(session: AsyncSession, row: Metric, model: type[BaseModel]) -> dict[str, Any]:
    return shaped((await views(session, [row]))[0], model)


def ordered(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return sorted(items, key=lambda m: (m.get("display_order") or 0, m["id"]))

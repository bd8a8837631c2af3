"""The predefined-metric catalogue on the wire, and copying entries into a project or agent.

Copying is idempotent: a project (or agent) holds at most one copy of each catalogue entry,
recognised by its `vocera_defined_metric_code`. Copying it again returns the existing metric
unchanged (the user's edits survive) and attaches it to any newly given scenarios.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from voxtest.api.auth import Principal
from voxtest.api.wire._generated import PredefinedMetricCopyRequestWrite
from voxtest.domain.metric_rules import slugify
from voxtest.services import metrics_links as links
from voxtest.services.common import collect, raise_if
from voxtest.services.metric_catalogue import BY_CODE, BY_ID, CATALOGUE, CatalogueMetric
from voxtest.services.metrics_checks import REQUIRED, Errors
from voxtest.services.projects import get_project_row
from voxtest.storage.tables import Agent, Metric, MetricAgent


def catalogue_list() -> list[dict[str, Any]]:
    return [catalogue_view(m) for m in CATALOGUE]


def catalogue_view(m: CatalogueMetric) -> dict[str, Any]:
    return {
        "id": m.id,
        "name": m.name,
        "description": _description(m),
        "code": m.code,
        "slug": slugify(m.name),
        "type": m.type,
        "eval_type": m.eval_type,
        "audio_enabled": m.audio_enabled,
        "prompt": "",
        "function_name": m.function_name,
        "enum_values": list(m.enum_values),
        "custom_code": "",
        "simulation_enabled": True,
        "observability_enabled": True,
        "configuration": dict(m.configuration),
        "cost": m.cost,
        "evaluation_trigger": "always",
        "evaluation_trigger_prompt": "",
        "category": m.category,
        "sub_category": m.sub_category,
        "organization": None,
    }


def _description(m: CatalogueMetric) -> str:
    return f"{m.description} Output: {m.output}."


async def copy_metrics(
    session: AsyncSession, principal: Principal, body: PredefinedMetricCopyRequestWrite
) -> list[Metric]:
    given = body.given()
    errors: Errors = {}
    entries = _entries(given, errors)
    project_id, agent = await _target(session, principal, given, errors)
    scenarios = list(given.get("scenarios") or [])
    if len(scenarios) > 1000:
        errors.setdefault("scenarios", []).append("At most 1000 scenarios per request.")
    elif scenarios and project_id is not None:
        missing = await links.unknown_scenarios(session, project_id, scenarios)
        collect(errors, "scenarios", links.does_not_exist(missing))
    raise_if(errors)
    assert project_id is not None
    existing = await _copies(session, project_id, agent)
    rows = []
    for entry in entries:
        row = existing.get(entry.code) or await _new_copy(
            session, principal, project_id, agent, entry
        )
        if scenarios:
            await links.attach_scenarios(session, row.id, scenarios, replace=False)
        rows.append(row)
    await session.flush()
    return rows


def _entries(given: Mapping[str, Any], errors: Errors) -> list[CatalogueMetric]:
    ids, codes = given.get("predefined_metric_ids") or [], given.get("metric_codes") or []
    if not ids and not codes:
        errors.setdefault("predefined_metric_ids", []).append(
            "Provide predefined_metric_ids or metric_codes."
        )
    unknown_ids = [i for i in ids if i not in BY_ID]
    if unknown_ids:
        errors.setdefault("predefined_metric_ids", []).extend(links.does_not_exist(unknown_ids))
    unknown_codes = [c for c in codes if c not in BY_CODE]
    if unknown_codes:
        errors.setdefault("metric_codes", []).append(
            f"Unknown predefined metric code(s): {', '.join(unknown_codes)}."
        )
    chosen = [BY_ID[i] for i in ids if i in BY_ID] + [BY_CODE[c] for c in codes if c in BY_CODE]
    return list({m.id: m for m in chosen}.values())


async def _target(
    session: AsyncSession, principal: Principal, given: Mapping[str, Any], errors: Errors
) -> tuple[int | None, Agent | None]:
    if given.get("project_id") is not None and given.get("agent_id") is not None:
        errors.setdefault("non_field_errors", []).append(
            "Provide either project_id or agent_id, not both."
        )
        return None, None
    if given.get("agent_id") is not None:
        agent = await links.find_agent(session, principal, given["agent_id"])
        if agent is None:
            errors.setdefault("agent_id", []).extend(links.does_not_exist([given["agent_id"]]))
            return None, None
        return agent.project_id, agent
    project_id = given.get("project_id") or principal.project_id
    if project_id is None:
        errors.setdefault("project_id", []).append(REQUIRED)
        return None, None
    return (await get_project_row(session, principal, project_id)).id, None


async def _copies(session: AsyncSession, project_id: int, agent: Agent | None) -> dict[str, Metric]:
    """The catalogue copies already in this scope, by code."""
    query = select(Metric).where(Metric.project_id == project_id)
    query = query.where(Metric.agent_id == agent.id if agent else Metric.agent_id.is_(None))
    out: dict[str, Metric] = {}
    for row in await session.scalars(query.order_by(Metric.id)):
        code = (row.attrs or {}).get("vocera_defined_metric_code")
        if code and (row.attrs or {}).get("function_name"):
            out.setdefault(code, row)
    return out


async def _new_copy(
    session: AsyncSession,
    principal: Principal,
    project_id: int,
    agent: Agent | None,
    entry: CatalogueMetric,
) -> Metric:
    row = Metric(
        organization_id=principal.organization_id,
        project_id=project_id,
        agent_id=agent.id if agent else None,
        name=entry.name,
        type=entry.type,
        eval_type=entry.eval_type,
        attrs={
            "description": _description(entry),
            "function_name": entry.function_name,
            "vocera_defined_metric_code": entry.code,
            "enum_values": list(entry.enum_values),
            "configuration": dict(entry.configuration),
            "audio_enabled": entry.audio_enabled,
        },
    )
    session.add(row)
    await session.flush()
    row.slug = f"{slugify(entry.name)}_{row.id}"
    row.attrs = {**row.attrs, "display_order": row.id}
    if agent is not None:
        session.add(MetricAgent(metric_id=row.id, agent_id=agent.id))
    return row

"""Scenarios (evaluators): list with filters, create, read, update, delete, tags."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel
from sqlalchemy import Select, delete, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from voxtest.api.auth import Principal
from voxtest.api.pagination import PageRequest
from voxtest.api.wire._generated import ScenarioList, SchemaScenario
from voxtest.errors import ValidationFailed
from voxtest.services import scenarios_read, scenarios_write, tenancy
from voxtest.services.agents import agents_by_assistant_id
from voxtest.storage.tables import Scenario, ScenarioTag

TagMode = Literal["and", "or", "not"]
DATA = Path(__file__).resolve().parent.parent / "data"
SPEC_VERSIONS = {"1": "cekura-test-suite-v1.schema.json"}
CURRENT_SPEC = "1"


async def get_row(session: AsyncSession, principal: Principal, scenario_id: int) -> Scenario:
    """The caller's scenario, or 404."""
    return await tenancy.owned(session, principal, Scenario, scenario_id)


def visible(principal: Principal) -> Select[Scenario]:
    return tenancy.visible(principal, Scenario)


async def list_scenarios(
    session: AsyncSession,
    principal: Principal,
    page: PageRequest,
    filters: dict[str, Any],
) -> dict[str, Any]:
    query = await _filtered(session, principal, filters)
    count = await session.scalar(select(func.count()).select_from(query.subquery())) or 0
    page.check(count)
    rows = (
        await session.scalars(
            query.order_by(Scenario.id.desc()).offset(page.offset).limit(page.page_size)
        )
    ).all()
    return page.respond(count, await scenarios_read.serialize_many(session, rows, ScenarioList))


async def create_scenario(
    session: AsyncSession, principal: Principal, given: dict[str, Any], errors: dict[str, Any]
) -> dict[str, Any]:
    place = await scenarios_write.validate(session, principal, given, None, errors)
    row = Scenario(
        organization_id=principal.organization_id,
        project_id=place.project_id,
        name=given["name"],
        scenario_type=given.get("scenario_type") or "instruction",
        attrs={"created_by": principal.key_id, "last_updated_by": principal.key_id},
    )
    session.add(row)
    await scenarios_write.apply(session, row, given, place)
    return await _reread(session, row, SchemaScenario)


async def update_scenario(
    session: AsyncSession,
    principal: Principal,
    scenario_id: int,
    given: dict[str, Any],
    errors: dict[str, Any],
    model: type[BaseModel],
) -> dict[str, Any]:
    row = await get_row(session, principal, scenario_id)
    place = await scenarios_write.validate(session, principal, given, row, errors)
    given["last_updated_by"] = principal.key_id
    await scenarios_write.apply(session, row, given, place)
    return await _reread(session, row, model)


async def delete_scenario(session: AsyncSession, principal: Principal, scenario_id: int) -> None:
    row = await get_row(session, principal, scenario_id)
    await session.execute(delete(Scenario).where(Scenario.id == row.id))


async def all_tags(
    session: AsyncSession, principal: Principal, agent_id: int | None, project_id: int | None
) -> list[str]:
    query = visible(principal).with_only_columns(Scenario.id)
    if agent_id is not None:
        query = query.where(Scenario.agent_id == agent_id)
    if project_id is not None:
        query = query.where(Scenario.project_id == project_id)
    tags = await session.scalars(
        select(ScenarioTag.tag).where(ScenarioTag.scenario_id.in_(query)).distinct()
    )
    return sorted(tags.all())


def test_suite_schema(version: str | None) -> dict[str, Any]:
    """The JSON Schema of the tests-as-code spec format; `version` "1" or "v1" (default)."""
    key = (version or CURRENT_SPEC).strip().removeprefix("v")
    if key not in SPEC_VERSIONS:
        raise ValidationFailed(
            {
                "version": [
                    f"Unknown spec version {version!r}; available: {', '.join(SPEC_VERSIONS)}."
                ]
            }
        )
    schema: dict[str, Any] = json.loads(_spec_text(key))  # a fresh copy per request
    return schema


@cache
def _spec_text(key: str) -> str:
    return (DATA / SPEC_VERSIONS[key]).read_text(encoding="utf-8")


async def _reread(session: AsyncSession, row: Scenario, model: type[BaseModel]) -> dict[str, Any]:
    await session.flush()
    await session.refresh(row)
    return await scenarios_read.serialize(session, row, model)


async def _filtered(
    session: AsyncSession, principal: Principal, filters: dict[str, Any]
) -> Select[Scenario]:
    query = visible(principal)
    if filters.get("agent_id") is not None:
        query = query.where(Scenario.agent_id == filters["agent_id"])
    if filters.get("project_id") is not None:
        query = query.where(Scenario.project_id == filters["project_id"])
    if filters.get("assistant_id"):
        agents = await agents_by_assistant_id(session, principal, filters["assistant_id"])
        query = query.where(Scenario.agent_id.in_(agents))
    folder = filters.get("folder_path")
    if folder is not None:
        query = query.where(
            Scenario.folder_path.is_(None) if folder == "" else Scenario.folder_path == folder
        )
    tags = [t.strip() for t in (filters.get("tags") or "").split(",") if t.strip()]
    if tags:
        query = query.where(_tag_condition(tags, filters.get("tag_filter_type") or "or"))
    return query


def _tag_condition(tags: list[str], mode: TagMode) -> Any:
    having = select(ScenarioTag.scenario_id).where(ScenarioTag.tag.in_(tags))
    if mode == "and":
        matched = having.group_by(ScenarioTag.scenario_id).having(
            func.count(func.distinct(ScenarioTag.tag)) == len(set(tags))
        )
        return Scenario.id.in_(matched)
    if mode == "not":
        return Scenario.id.not_in(having)
    return Scenario.id.in_(having)

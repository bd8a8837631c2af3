"""Runs: list with filters, detail, and `bulk/?run_ids=`."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from voxtest.api.auth import Principal
from voxtest.api.pagination import PageRequest
from voxtest.errors import ValidationFailed
from voxtest.services import runs_read, tenancy
from voxtest.storage.tables import Run


async def list_runs(
    session: AsyncSession, principal: Principal, page: PageRequest, filters: dict[str, Any]
) -> dict[str, Any]:
    query = _filtered(principal, filters)
    count = await session.scalar(select(func.count()).select_from(query.subquery())) or 0
    page.check(count)
    rows = (
        await session.scalars(
            query.order_by(Run.id.desc()).offset(page.offset).limit(page.page_size)
        )
    ).all()
    return page.respond(count, await runs_read.listed(session, rows))


async def get_run(session: AsyncSession, principal: Principal, run_id: int) -> dict[str, Any]:
    row = await tenancy.owned(session, principal, Run, run_id)
    return await runs_read.detail(session, row)


async def bulk(session: AsyncSession, principal: Principal, run_ids: str) -> list[dict[str, Any]]:
    ids = ids_of(run_ids, "run_ids")
    if not ids:
        raise ValidationFailed({"run_ids": ["This field is required."]})
    query = tenancy.visible(principal, Run).where(Run.id.in_(ids)).order_by(Run.id)
    rows = (await session.scalars(query)).all()
    return await runs_read.serialize_many(session, rows, runs_read.RunShape)


def ids_of(text: str | None, name: str) -> list[int]:
    """`"1,2,3"` as ids; 400 for anything else (a JSON array included)."""
    try:
        return [int(part) for part in (text or "").split(",") if part.strip()]
    except ValueError:
        problem = "Give ids as a comma-separated list, e.g. 1,2,3."
        raise ValidationFailed({name: [problem]}) from None


def _filtered(principal: Principal, filters: dict[str, Any]) -> Select[Run]:
    query = tenancy.visible(principal, Run)
    columns = {
        "result_id": Run.result_id,
        "agent_id": Run.agent_id,
        "project_id": Run.project_id,
        "scenario__id": Run.scenario_id,
        "status": Run.status,
    }
    for key, column in columns.items():
        if filters.get(key) is not None:
            query = query.where(column == filters[key])
    if filters.get("status__in"):
        statuses = [v.strip() for v in filters["status__in"].split(",") if v.strip()]
        query = query.where(Run.status.in_(statuses))
    for key, id_column in (("id__in", Run.id), ("scenario__id__in", Run.scenario_id)):
        if filters.get(key):
            query = query.where(id_column.in_(ids_of(filters[key], key)))
    return query

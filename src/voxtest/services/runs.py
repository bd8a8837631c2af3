"""Runs: list with filters (`runs_filters`), detail, and `bulk/?run_ids=`."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from voxtest.api.auth import Principal
from voxtest.api.pagination import PageRequest
from voxtest.errors import ValidationFailed
from voxtest.services import runs_filters, runs_read, tenancy
from voxtest.services.runs_filters import RunFilters
from voxtest.storage.tables import Run


async def list_runs(
    session: AsyncSession, principal: Principal, page: PageRequest, filters: RunFilters
) -> dict[str, Any]:
    query = runs_filters.filtered(principal, filters)
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

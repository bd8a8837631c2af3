"""What the caller may see: its organization's rows, narrowed to one project for project keys.

Every resource that belongs to a project (agents, scenarios, test profiles, metrics, tools,
results, runs) is read through these two functions, so the rule lives in one place.
"""

from __future__ import annotations

from typing import Any, TypeVar

from sqlalchemy import Select, select
from sqlalchemy.ext.asyncio import AsyncSession

from voxtest.api.auth import Principal
from voxtest.errors import NotFound
from voxtest.storage.tables import (
    Agent,
    CallLog,
    Metric,
    Result,
    Run,
    Scenario,
    TestProfile,
    Tool,
)

Owned = TypeVar("Owned", Agent, CallLog, Metric, Result, Run, Scenario, TestProfile, Tool)


def visible(principal: Principal, model: type[Owned]) -> Select[Owned]:
    """All rows of `model` the caller may see (soft-deleted ones excluded)."""
    query = select(model).where(model.organization_id == principal.organization_id)
    if principal.project_id is not None:
        query = query.where(model.project_id == principal.project_id)
    deleted: Any = getattr(model, "is_deleted", None)
    if deleted is not None:
        query = query.where(deleted.is_(False))
    return query


async def owned(
    session: AsyncSession, principal: Principal, model: type[Owned], object_id: int
) -> Owned:
    """The caller's row of `model` with this id, or 404: other organizations' rows, and other
    projects' rows for a project key, do not exist for it."""
    row = await session.get(model, object_id)
    if (
        row is None
        or row.organization_id != principal.organization_id
        or (principal.project_id is not None and row.project_id != principal.project_id)
        or getattr(row, "is_deleted", False)
    ):
        raise NotFound()
    return row

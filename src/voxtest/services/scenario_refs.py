"""Objects a scenario or test profile points at, looked up within the caller's tenancy.

A reference to something the caller cannot see is answered like a missing one: DRF's
`Invalid pk "7" - object does not exist.` in a 400, never a hint that it exists elsewhere.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from voxtest.api.auth import Principal
from voxtest.errors import NotFound
from voxtest.services import personality_sets
from voxtest.storage.tables import Agent, Metric, Personality, Project, TestProfile


def invalid_pk(value: object) -> str:
    return f'Invalid pk "{value}" - object does not exist.'


async def visible_agent(session: AsyncSession, principal: Principal, agent_id: int) -> Agent | None:
    row = await session.get(Agent, agent_id)
    if (
        row is None
        or row.is_deleted
        or row.organization_id != principal.organization_id
        or (principal.project_id is not None and row.project_id != principal.project_id)
    ):
        return None
    return row


async def get_agent_row(session: AsyncSession, principal: Principal, agent_id: int) -> Agent:
    """The caller's agent, or 404."""
    row = await visible_agent(session, principal, agent_id)
    if row is None:
        raise NotFound()
    return row


async def visible_project(
    session: AsyncSession, principal: Principal, project_id: int
) -> Project | None:
    row = await session.get(Project, project_id)
    if (
        row is None
        or row.is_deleted
        or row.organization_id != principal.organization_id
        or (principal.project_id is not None and row.id != principal.project_id)
    ):
        return None
    return row


async def usable_personality(
    session: AsyncSession, principal: Principal, personality_id: int, project_id: int
) -> Personality | None:
    """A built-in personality or one of the organization's that the project may use."""
    query = personality_sets.visible_personalities(principal).where(
        Personality.id == personality_id
    )
    row: Personality | None = (await session.scalars(query)).first()
    if row is None or row.project_id not in (None, project_id):
        return None
    return row


async def project_test_profile(
    session: AsyncSession, principal: Principal, profile_id: int, project_id: int
) -> TestProfile | None:
    row = await session.get(TestProfile, profile_id)
    if row is None or row.organization_id != principal.organization_id:
        return None
    return row if row.project_id == project_id else None


async def missing_metrics(
    session: AsyncSession, metric_ids: Iterable[int], project_id: int
) -> list[int]:
    """The ids in `metric_ids` that are not metrics of the project."""
    wanted = list(dict.fromkeys(metric_ids))
    if not wanted:
        return []
    found = set(
        (
            await session.scalars(
                select(Metric.id).where(Metric.id.in_(wanted), Metric.project_id == project_id)
            )
        ).all()
    )
    return [m for m in wanted if m not in found]


async def names_by_id(
    session: AsyncSession, model: type[Agent] | type[Personality] | type[Metric], ids: Sequence[int]
) -> dict[int, str]:
    if not ids:
        return {}
    rows = await session.execute(select(model.id, model.name).where(model.id.in_(set(ids))))
    return dict(rows.all())

"""The sampling accumulator's count, kept per project in the database (`sampling_counters`).

The count is taken with an atomic increment in the ingesting transaction: concurrent ingests
of one project (any process) get distinct, gapless numbers once they commit.
"""

from __future__ import annotations

from sqlalchemy import update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession

from voxtest.services.projects import DEFAULTS as PROJECT_DEFAULTS
from voxtest.storage.tables import Project, SamplingCounter


async def next_number(session: AsyncSession, project_id: int) -> int:
    """This call's number in its project (1 for the first)."""
    dialect = session.get_bind().dialect.name
    insert = pg_insert if dialect == "postgresql" else sqlite_insert
    await session.execute(
        insert(SamplingCounter)
        .values(project_id=project_id, calls=0)
        .on_conflict_do_nothing(index_elements=["project_id"])
    )
    number = await session.scalar(
        update(SamplingCounter)
        .where(SamplingCounter.project_id == project_id)
        .values(calls=SamplingCounter.calls + 1)
        .returning(SamplingCounter.calls)
    )
    assert number is not None
    return int(number)


async def project_rate(session: AsyncSession, project_id: int) -> float:
    project = await session.get(Project, project_id)
    attrs = (project.attrs if project is not None else None) or {}
    rate = attrs.get("sample_rate", PROJECT_DEFAULTS["sample_rate"])
    return float(rate if rate is not None else 1.0)

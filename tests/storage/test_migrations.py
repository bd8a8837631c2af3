"""Migrations build the schema from empty on both backends, and match the tables exactly."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from tests.conftest import fresh_pg_database, make_settings
from voxtest.storage import migrate
from voxtest.storage.db import Database
from voxtest.storage.tables import Base


@pytest.fixture(params=["sqlite", "postgres"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "postgres":
        with fresh_pg_database() as url:
            yield url
    else:
        yield f"sqlite+aiosqlite:///{tmp_path / 'm.db'}"


def _diff(sync_conn: Any) -> list[Any]:
    ctx = MigrationContext.configure(sync_conn, opts={"compare_type": True})
    return list(compare_metadata(ctx, Base.metadata))


def test_upgrade_from_empty_matches_tables_and_downgrades(
    database_url: str, tmp_path: Path
) -> None:
    async def run() -> None:
        db = Database(make_settings(tmp_path, database_url))
        try:
            assert await migrate.current_revision(db.engine) is None
            await migrate.upgrade(db.engine)
            assert await migrate.current_revision(db.engine) == migrate.head_revision()
            async with db.engine.connect() as conn:
                diff = await conn.run_sync(_diff)
            assert diff == [], f"tables and migrations differ: {diff}"
            await migrate.downgrade(db.engine, "base")
            assert await migrate.current_revision(db.engine) is None
        finally:
            await db.dispose()

    asyncio.run(run())

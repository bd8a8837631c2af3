"""Runs Alembic migrations programmatically on the async engine."""

from __future__ import annotations

import asyncio
import fcntl
import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, text
from sqlalchemy.ext.asyncio import AsyncEngine

MIGRATIONS = Path(__file__).parent / "migrations"


def alembic_config(connection: Connection | None = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["connection"] = connection
    return cfg


# Several processes may start at once on one database; one migrates and seeds, the others wait.
_PG_LOCK = 0x766F7874  # "voxt"


@asynccontextmanager
async def startup_lock(engine: AsyncEngine) -> AsyncIterator[None]:
    """Held while a process migrates and seeds: a PostgreSQL advisory lock, or a lock file
    beside the SQLite database."""
    if engine.dialect.name == "postgresql":
        async with engine.connect() as conn:
            await conn.execute(text(f"SELECT pg_advisory_lock({_PG_LOCK})"))
            try:
                yield
            finally:
                await conn.execute(text(f"SELECT pg_advisory_unlock({_PG_LOCK})"))
                await conn.commit()
        return
    database = engine.url.database
    if not database or database == ":memory:":
        yield
        return
    fd = await asyncio.to_thread(_lock_file, f"{database}.lock")
    try:
        yield
    finally:
        os.close(fd)  # closing releases the lock


def _lock_file(path: str) -> int:
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    fcntl.flock(fd, fcntl.LOCK_EX)
    return fd


async def migrated(engine: AsyncEngine, revision: str = "head") -> None:
    """Upgrade under the start-up lock (for commands run beside a serving process)."""
    async with startup_lock(engine):
        await upgrade(engine, revision)


async def upgrade(engine: AsyncEngine, revision: str = "head") -> None:
    async with engine.begin() as conn:
        await conn.run_sync(lambda sync: command.upgrade(alembic_config(sync), revision))


async def downgrade(engine: AsyncEngine, revision: str = "base") -> None:
    async with engine.begin() as conn:
        await conn.run_sync(lambda sync: command.downgrade(alembic_config(sync), revision))


async def current_revision(engine: AsyncEngine) -> str | None:
    async with engine.connect() as conn:
        return await conn.run_sync(
            lambda sync: MigrationContext.configure(sync).get_current_revision()
        )


def head_revision() -> str | None:
    return ScriptDirectory.from_config(alembic_config()).get_current_head()

"""What one database round trip costs through voxtest's storage layer, per backend.

python -m bench --only db
"""

from __future__ import annotations

import asyncio
import os
import tempfile
import time
from collections.abc import Awaitable, Callable

from rich.console import Console
from rich.table import Table
from sqlalchemy import select, text

from voxtest.settings import Settings
from voxtest.storage import migrate
from voxtest.storage.db import Database
from voxtest.storage.tables import Organization, Project
from voxtest.testing import scratch_database

PG_ADMIN_URL = os.environ.get(
    "VOXTEST_TEST_PG_URL", "postgresql+asyncpg://postgres@127.0.0.1:5432/postgres"
)
ROUNDS = 500


async def _time(step: Callable[[], Awaitable[object]]) -> float:
    for _ in range(20):
        await step()
    start = time.perf_counter()
    for _ in range(ROUNDS):
        await step()
    return (time.perf_counter() - start) / ROUNDS * 1000


async def _measure(url: str) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as home:
        db = Database(Settings(home=home, database_url=url))
        await migrate.upgrade(db.engine)
        try:
            async with db.engine.connect() as conn:

                async def select_one() -> object:
                    return await conn.execute(text("SELECT 1"))

                async def core_get() -> object:
                    return (
                        await conn.execute(select(Project.__table__).where(Project.id == 1))
                    ).first()

                on_open = await _time(select_one)
                core = await _time(core_get)

            async def orm_two_gets() -> object:
                async with db.session() as session:
                    await session.get(Project, 1)
                    return await session.get(Organization, 1)

            return {
                "SELECT 1 on an open connection": on_open,
                "Core select by id on an open connection": core,
                "transaction with two ORM gets (a detail read)": await _time(orm_two_gets),
            }
        finally:
            await db.dispose()


def run() -> None:
    table = Table(title=f"storage round trips, mean of {ROUNDS} (ms)")
    table.add_column("step")
    table.add_column("sqlite")
    table.add_column("postgres")
    sqlite = asyncio.run(_measure(""))
    with scratch_database(PG_ADMIN_URL, "voxtest_bench") as url:
        pg = asyncio.run(_measure(url))
    for step in sqlite:
        table.add_row(step, f"{sqlite[step]:.2f}", f"{pg[step]:.2f}")
    Console().print(table)

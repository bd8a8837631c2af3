"""The procrastinate app, its connection and schema (built from settings, never at import)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import make_url, text
from sqlalchemy.ext.asyncio import AsyncEngine

from voxtest.errors import ConfigError
from voxtest.settings import Settings
from voxtest.storage import migrate

if TYPE_CHECKING:
    import procrastinate

TASK = "voxtest.execute_run"
QUEUE = "runs"


def conninfo(settings: Settings) -> str:
    """libpq connection string for the SQLAlchemy URL in `VOXTEST_DATABASE_URL`."""
    if settings.is_sqlite:
        raise ConfigError(
            "VOXTEST_JOBS=procrastinate needs PostgreSQL: set VOXTEST_DATABASE_URL to "
            "postgresql+asyncpg://user@host:5432/dbname, or use VOXTEST_JOBS=embedded."
        )
    url = make_url(settings.effective_database_url).set(drivername="postgresql")
    query = dict(url.query)
    if "ssl" in query and "sslmode" not in query:  # asyncpg's spelling → libpq's
        query["sslmode"] = query.pop("ssl")
    return url.set(query=query).render_as_string(hide_password=False)


def build_app(settings: Settings) -> procrastinate.App:
    try:
        import procrastinate
    except ImportError as exc:  # pragma: no cover - depends on the installed extras
        raise ConfigError(
            "VOXTEST_JOBS=procrastinate needs the postgres extra: pip install 'voxtest[postgres]'"
        ) from exc
    connector = procrastinate.PsycopgConnector(conninfo=conninfo(settings))
    return procrastinate.App(connector=connector)


async def ensure_schema(app: procrastinate.App, engine: AsyncEngine) -> None:
    """Create procrastinate's tables once, under voxtest's start-up lock."""
    async with migrate.startup_lock(engine):
        async with engine.connect() as conn:
            exists = await conn.scalar(text("SELECT to_regclass('procrastinate_jobs')"))
        if exists is None:
            await app.schema_manager.apply_schema_async()

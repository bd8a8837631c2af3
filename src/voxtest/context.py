"""What a running instance holds: settings, database, secret box. Built once at start."""

from __future__ import annotations

from dataclasses import dataclass

from voxtest.security.secretbox import SecretBox, load_or_create_key
from voxtest.settings import Settings
from voxtest.storage import migrate
from voxtest.storage.db import Database


@dataclass
class Services:
    settings: Settings
    db: Database
    box: SecretBox

    @classmethod
    async def start(cls, settings: Settings, *, migrate_schema: bool = True) -> Services:
        from voxtest.services.seed import seed_builtin_data

        db = Database(settings)
        services = cls(settings=settings, db=db, box=SecretBox(load_or_create_key(settings)))
        db.session_info["box"] = services.box
        async with migrate.startup_lock(db.engine):
            if migrate_schema:
                await migrate.upgrade(db.engine)
            await seed_builtin_data(services)
        return services

    async def close(self) -> None:
        await self.db.dispose()

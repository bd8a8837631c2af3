"""Built-in rows every instance has, written idempotently at start (under the start-up lock)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from voxtest.context import Services


async def seed_builtin_data(services: Services) -> None:
    """Every seeder; each must be idempotent (it may run in every process that starts)."""
    from voxtest.services.personalities import seed_builtin

    await seed_builtin(services)

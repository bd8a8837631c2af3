"""Built-in rows every instance has (predefined personalities, ...), written idempotently."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from voxtest.context import Services

Seeder = Callable[["Services"], Awaitable[None]]


async def seed_builtin_data(services: Services) -> None:
    """Run every seeder; each must be idempotent and safe when several processes start."""
    for seeder in [*_seeders(), *SEEDERS]:
        await seeder(services)


def _seeders() -> list[Seeder]:
    from voxtest.services.personalities import seed_builtin

    return [seed_builtin]


SEEDERS: list[Seeder] = []

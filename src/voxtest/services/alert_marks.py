"""When an alert or report was last sent (`NotificationMark`), shared by every process."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from voxtest.storage.tables import NotificationMark


async def last_mark(session: AsyncSession, key: str) -> datetime | None:
    row = await session.get(NotificationMark, key)
    return row.last_at if row is not None else None


async def set_mark(session: AsyncSession, key: str, at: datetime) -> None:
    row = await session.get(NotificationMark, key)
    if row is None:
        session.add(NotificationMark(key=key, last_at=at))
    else:
        row.last_at = at
    await session.flush()


async def claim_once(session: AsyncSession, key: str, at: datetime) -> bool:
    """Insert `key`; False when another process (or an earlier pass) already did."""
    if await session.get(NotificationMark, key) is not None:
        return False
    try:
        async with session.begin_nested():
            session.add(NotificationMark(key=key, last_at=at))
            await session.flush()
    except IntegrityError:
        return False
    return True


async def move_mark(session: AsyncSession, key: str, before: datetime, to: datetime) -> bool:
    """Move an existing mark from `before` to `to` if no other process moved it first."""
    done = await session.execute(
        update(NotificationMark)
        .where(NotificationMark.key == key, NotificationMark.last_at == before)
        .values(last_at=to)
    )
    return bool(getattr(done, "rowcount", 0))

"""Reading personalities by id (the personality helper's module owns the full resource)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from voxtest.services.common import iso
from voxtest.storage.tables import Personality


def serialize_personality(row: Personality) -> dict[str, Any]:
    return {
        "id": row.id,
        "name": row.name,
        "language": row.language,
        **(row.attrs or {}),
        "forked_from": row.forked_from_id,
        "organization": row.organization_id,
        "created_at": iso(row.created_at),
        "updated_at": iso(row.updated_at),
    }


async def serialize_many(session: AsyncSession, ids: list[int]) -> list[dict[str, Any]]:
    if not ids:
        return []
    rows = await session.scalars(
        select(Personality).where(Personality.id.in_(ids)).order_by(Personality.id)
    )
    return [serialize_personality(r) for r in rows]

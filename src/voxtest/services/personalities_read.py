"""Serializing personalities (shared by the personality, project and agent routes)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from voxtest.api.wire._generated import CreatePersonality
from voxtest.api.wire.base import shaped
from voxtest.storage.tables import Personality


def serialize_personality(row: Personality) -> dict[str, Any]:
    """Every personality endpoint of the reference answers in the CreatePersonality shape."""
    return shaped(_full(row), CreatePersonality)


def _full(row: Personality) -> dict[str, Any]:
    attrs = dict(row.attrs or {})
    return {
        "id": row.id,
        "name": row.name,
        "language": row.language,
        **attrs,
        "provider_agent_id": attrs.get("provider_agent_id", ""),
        "patronus_settings": attrs.get("patronus_settings") or {},
        "forked_from": row.forked_from_id,
        "organization": row.organization_id,
    }


async def serialize_many(session: AsyncSession, ids: list[int]) -> list[dict[str, Any]]:
    if not ids:
        return []
    rows = await session.scalars(
        select(Personality).where(Personality.id.in_(ids)).order_by(Personality.id)
    )
    return [serialize_personality(r) for r in rows]

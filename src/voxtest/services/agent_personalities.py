"""The personalities of an agent: those the caller can see, flagged when enabled on the agent."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from voxtest.api.auth import Principal
from voxtest.api.pagination import PageRequest
from voxtest.api.wire._generated import Personality as PersonalityShape
from voxtest.api.wire.base import shaped
from voxtest.services import personality_sets
from voxtest.storage.tables import Personality


def personality_json(row: Personality, enabled: bool) -> dict[str, Any]:
    """A personality in the reference's `Personality` shape (the agent endpoints use it)."""
    attrs = dict(row.attrs or {})
    data = {
        **attrs,
        "id": row.id,
        "name": row.name,
        "language": row.language,
        "prompt": attrs.get("prompt") or "",
        "background_noise": attrs.get("background_noise") or "off",
        "voice_model": attrs.get("voice_model") or "",
        "provider_agent_id": attrs.get("provider_agent_id", ""),
        "patronus_settings": attrs.get("patronus_settings") or {},
        "forked_from": row.forked_from_id,
        "organization": row.organization_id,
        "enabled": enabled,
    }
    return shaped(data, PersonalityShape)


async def page_of_personalities(
    session: AsyncSession,
    principal: Principal,
    agent_id: int,
    page: PageRequest,
    *,
    language: str | None = None,
    enabled_only: bool = False,
) -> dict[str, Any]:
    enabled = set(await personality_sets.enabled_ids(session, agent_id=agent_id))
    query = personality_sets.visible_personalities(principal)
    if language:
        query = query.where(Personality.language == language)
    if enabled_only:
        query = query.where(Personality.id.in_(enabled))
    count = await session.scalar(select(func.count()).select_from(query.subquery())) or 0
    page.check(count)
    rows = await session.scalars(
        query.order_by(Personality.id).offset(page.offset).limit(page.page_size)
    )
    return page.respond(count, [personality_json(r, r.id in enabled) for r in rows])

"""Which personalities are enabled on a project or an agent."""

from __future__ import annotations

from typing import Any

from sqlalchemy import delete, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from voxtest.api.auth import Principal
from voxtest.errors import ValidationFailed
from voxtest.storage.tables import AgentPersonality, Personality, ProjectPersonality


def visible_personalities(principal: Principal) -> Any:
    """Global (built-in) personalities and the caller organization's own."""
    return select(Personality).where(
        or_(
            Personality.organization_id.is_(None),
            Personality.organization_id == principal.organization_id,
        )
    )


async def resolve_selection(
    session: AsyncSession, principal: Principal, body: dict[str, Any]
) -> list[int]:
    """`{"personalities": [ids] | "all", "language": "en"?}` to the ids it names."""
    chosen = body.get("personalities")
    language = body.get("language")
    query = visible_personalities(principal)
    if language:
        query = query.where(Personality.language == language)
    if chosen == "all":
        return list((await session.scalars(query.with_only_columns(Personality.id))).all())
    if not isinstance(chosen, list) or not all(
        isinstance(i, int) and not isinstance(i, bool) for i in chosen
    ):
        raise ValidationFailed({"personalities": ['Must be a list of personality ids or "all".']})
    found = set(
        (
            await session.scalars(
                query.with_only_columns(Personality.id).where(Personality.id.in_(chosen))
            )
        ).all()
    )
    missing = [i for i in chosen if i not in found]
    if missing:
        raise ValidationFailed({"personalities": ["Invalid personalities provided."]})
    return list(dict.fromkeys(chosen))


async def enable(
    session: AsyncSession,
    *,
    project_id: int | None = None,
    agent_id: int | None = None,
    ids: list[int],
) -> list[int]:
    current = set(await enabled_ids(session, project_id=project_id, agent_id=agent_id))
    for pid in ids:
        if pid not in current:
            session.add(
                ProjectPersonality(project_id=project_id, personality_id=pid)
                if project_id is not None
                else AgentPersonality(agent_id=agent_id, personality_id=pid)
            )
    await session.flush()
    return await enabled_ids(session, project_id=project_id, agent_id=agent_id)


async def disable(
    session: AsyncSession,
    *,
    project_id: int | None = None,
    agent_id: int | None = None,
    ids: list[int],
) -> list[int]:
    if project_id is not None:
        await session.execute(
            delete(ProjectPersonality).where(
                ProjectPersonality.project_id == project_id,
                ProjectPersonality.personality_id.in_(ids),
            )
        )
    else:
        await session.execute(
            delete(AgentPersonality).where(
                AgentPersonality.agent_id == agent_id, AgentPersonality.personality_id.in_(ids)
            )
        )
    return await enabled_ids(session, project_id=project_id, agent_id=agent_id)


async def enabled_ids(
    session: AsyncSession, *, project_id: int | None = None, agent_id: int | None = None
) -> list[int]:
    if project_id is not None:
        query = select(ProjectPersonality.personality_id).where(
            ProjectPersonality.project_id == project_id
        )
    else:
        query = select(AgentPersonality.personality_id).where(AgentPersonality.agent_id == agent_id)
    return sorted((await session.scalars(query)).all())


async def enable_builtins(session: AsyncSession, project_id: int) -> None:
    """A new project starts with every built-in personality enabled, so runs work at once."""
    builtin = await session.scalars(
        select(Personality.id).where(Personality.is_predefined.is_(True))
    )
    session.add_all(ProjectPersonality(project_id=project_id, personality_id=p) for p in builtin)

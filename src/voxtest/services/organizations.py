"""Organizations: created by `voxtest keys create --org`, read through the API."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from voxtest.api.auth import Principal
from voxtest.services.common import iso
from voxtest.storage.tables import Organization, Project

DEFAULTS: dict[str, Any] = {
    "team_size": "1",
    "discovery_source": None,
    "timezone": "UTC",
    "outbound_timeout": 300,
    "max_agents_limit": 1000,
    "max_members_limit": 1000,
    "max_concurrent_runs_limit": 50,
    "max_concurrent_chat_runs_limit": 200,
    "max_call_duration": 600,
    "limit_to_exclusive_numbers": False,
    "allow_duplicate_call_ids": False,
}


def organization_limit(org: Organization, key: str) -> Any:
    return {**DEFAULTS, **(org.attrs or {})}.get(key)


async def serialize(
    session: AsyncSession, org: Organization, principal: Principal
) -> dict[str, Any]:
    query = select(Project.id, Project.name).where(
        Project.organization_id == org.id, Project.is_deleted.is_(False)
    )
    if principal.project_id is not None:
        query = query.where(Project.id == principal.project_id)
    projects = [
        {"id": p.id, "name": p.name} for p in (await session.execute(query.order_by(Project.id)))
    ]
    return {
        "id": org.id,
        "name": org.name,
        **DEFAULTS,
        **(org.attrs or {}),
        "members": [],
        "projects": projects,
        "created_at": iso(org.created_at),
        "updated_at": iso(org.updated_at),
    }


async def list_organizations(
    session: AsyncSession, principal: Principal, search: str | None = None
) -> list[dict[str, Any]]:
    org = await session.get(Organization, principal.organization_id)
    if org is None or (search and search.lower() not in org.name.lower()):
        return []
    return [await serialize(session, org, principal)]

"""Organizations and API keys as the operator creates them from the command line."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from voxtest.errors import VoxtestError
from voxtest.security.keys import generate_api_key, hash_api_key, key_hint
from voxtest.services import personality_sets
from voxtest.storage.tables import ApiKey, Organization, Project


@dataclass(frozen=True)
class NewKey:
    key: str
    organization_id: int
    organization_created: bool
    project_id: int | None


async def create_key(
    session: AsyncSession, org_name: str, project_id: int | None = None, name: str = ""
) -> NewKey:
    org_name = org_name.strip()
    if not org_name:
        raise VoxtestError("--org needs a non-empty organization name")
    org = await session.scalar(select(Organization).where(Organization.name == org_name))
    created = org is None
    if org is None:
        org = Organization(name=org_name, attrs={})
        session.add(org)
        await session.flush()
        default = Project(organization_id=org.id, name="Default Project", attrs={})
        session.add(default)
        await session.flush()
        await personality_sets.enable_builtins(session, default.id)
    if project_id is not None:
        project = await session.get(Project, project_id)
        if project is None or project.organization_id != org.id or project.is_deleted:
            raise VoxtestError(f"project {project_id} does not exist in organization {org_name!r}")
    key = generate_api_key()
    session.add(
        ApiKey(
            organization_id=org.id,
            project_id=project_id,
            name=name,
            key_hash=hash_api_key(key),
            hint=key_hint(key),
            created_at=datetime.now(UTC),
        )
    )
    await session.flush()
    return NewKey(
        key=key, organization_id=org.id, organization_created=created, project_id=project_id
    )


@dataclass(frozen=True)
class KeyInfo:
    id: int
    organization: str
    project_id: int | None
    name: str
    hint: str
    revoked: bool
    created_at: datetime
    last_used_at: datetime | None


async def list_keys(session: AsyncSession, org_name: str | None = None) -> list[KeyInfo]:
    query = select(ApiKey, Organization.name).join(
        Organization, ApiKey.organization_id == Organization.id
    )
    if org_name:
        query = query.where(Organization.name == org_name)
    rows = await session.execute(query.order_by(ApiKey.id))
    return [
        KeyInfo(
            id=key.id,
            organization=org,
            project_id=key.project_id,
            name=key.name,
            hint=key.hint,
            revoked=key.revoked,
            created_at=key.created_at,
            last_used_at=key.last_used_at,
        )
        for key, org in rows.tuples()
    ]


async def revoke_key(session: AsyncSession, key_id: int) -> None:
    key = await session.get(ApiKey, key_id)
    if key is None:
        raise VoxtestError(f"no API key with id {key_id} (see `voxtest keys list`)")
    key.revoked = True

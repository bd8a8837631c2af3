"""API-key authentication: `X-CEKURA-API-KEY` (or `Authorization: Bearer <key>`)."""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import APIKeyHeader
from sqlalchemy import select, update

from voxtest.errors import NotAuthenticated, PermissionDenied
from voxtest.security.keys import hash_api_key
from voxtest.storage.db import Database
from voxtest.storage.tables import ApiKey

_header = APIKeyHeader(name="X-CEKURA-API-KEY", auto_error=False, scheme_name="api_key")


@dataclass(frozen=True)
class Principal:
    """Who is calling: an organization, optionally narrowed to one project."""

    organization_id: int
    project_id: int | None
    key_id: int

    def check_project(self, project_id: int) -> None:
        if self.project_id is not None and project_id != self.project_id:
            raise PermissionDenied(f"This API key is scoped to project {self.project_id}.")


class KeyCache:
    """Recently verified keys, so a request costs no database round trip for auth."""

    def __init__(self, ttl: float) -> None:
        self.ttl = ttl
        self._items: dict[str, tuple[float, Principal]] = {}

    def get(self, digest: str) -> Principal | None:
        hit = self._items.get(digest)
        if hit and hit[0] > time.monotonic():
            return hit[1]
        self._items.pop(digest, None)
        return None

    def put(self, digest: str, principal: Principal) -> None:
        if len(self._items) > 10_000:
            self._items.clear()
        self._items[digest] = (time.monotonic() + self.ttl, principal)


async def lookup(db: Database, digest: str) -> Principal | None:
    async with db.session() as session:
        row = (
            await session.execute(
                select(ApiKey.id, ApiKey.organization_id, ApiKey.project_id).where(
                    ApiKey.key_hash == digest, ApiKey.revoked.is_(False)
                )
            )
        ).first()
        if row is None:
            return None
        await session.execute(
            update(ApiKey).where(ApiKey.id == row.id).values(last_used_at=datetime.now(UTC))
        )
        return Principal(
            organization_id=row.organization_id, project_id=row.project_id, key_id=row.id
        )


async def authenticate(
    request: Request, api_key: Annotated[str | None, Depends(_header)]
) -> Principal:
    key = api_key
    if not key:
        scheme, _, token = request.headers.get("authorization", "").partition(" ")
        if scheme.lower() in ("bearer", "api-key", "token") and token:
            key = token.strip()
    if not key:
        raise NotAuthenticated("Authentication credentials were not provided.")
    digest = hash_api_key(key)
    cache: KeyCache = request.app.state.key_cache
    principal = cache.get(digest)
    if principal is None:
        principal = await lookup(request.app.state.db, digest)
        if principal is None:
            raise NotAuthenticated("Invalid API key.")
        cache.put(digest, principal)
    return principal


PrincipalDep = Annotated[Principal, Depends(authenticate)]

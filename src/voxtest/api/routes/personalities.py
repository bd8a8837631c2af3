"""`/test_framework/v1/personalities/` (+ `-external`): list, create, get, patch, fork."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from voxtest.api.auth import PrincipalDep
from voxtest.api.deps import ServicesDep
from voxtest.api.routing import family, operation
from voxtest.api.wire._generated import ForkPersonalityWrite, PatchedCreatePersonalityWrite
from voxtest.services import personalities
from voxtest.services.personalities import PersonalityWrite
from voxtest.services.personalities_read import serialize_personality

router = APIRouter(tags=["test_framework"])
BASES = ("/test_framework/v1/personalities", "/test_framework/v1/personalities-external")


@operation(router, "GET", family(*BASES), summary="List personalities")
async def list_personalities(
    principal: PrincipalDep,
    services: ServicesDep,
    language: str | None = None,
    project_id: int | None = None,
) -> Any:
    async with services.db.session() as session:
        return await personalities.list_personalities(session, principal, language, project_id)


@operation(router, "POST", family(*BASES), status_code=201, summary="Create a personality")
async def create_personality(
    body: PersonalityWrite, principal: PrincipalDep, services: ServicesDep
) -> Any:
    async with services.db.session() as session:
        return await personalities.create_personality(session, principal, body)


@operation(router, "GET", family(*BASES, suffix="{id}/"), summary="Get a personality")
async def get_personality(id: int, principal: PrincipalDep, services: ServicesDep) -> Any:
    async with services.db.session() as session:
        return serialize_personality(await personalities.get_row(session, principal, id))


@operation(router, "PATCH", family(*BASES, suffix="{id}/"), summary="Update a personality")
async def patch_personality(
    id: int, body: PatchedCreatePersonalityWrite, principal: PrincipalDep, services: ServicesDep
) -> Any:
    async with services.db.session() as session:
        return await personalities.update_personality(session, principal, id, body)


@operation(router, "POST", family(*BASES, suffix="{id}/fork/"), summary="Fork a personality")
async def fork_personality(
    id: int, body: ForkPersonalityWrite, principal: PrincipalDep, services: ServicesDep
) -> Any:
    async with services.db.session() as session:
        return await personalities.fork_personality(session, principal, id, body)

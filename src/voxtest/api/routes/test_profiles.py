"""`/test_framework/v1/test-profiles/` and `/test_framework/v1/test-profiles-external/`."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Response

from voxtest.api.auth import PrincipalDep
from voxtest.api.deps import ServicesDep
from voxtest.api.routing import family, operation
from voxtest.api.wire._generated import (
    AIAgentTestProfileWrite,
    PatchedSchemaPostAIAgentTestProfileExternalWrite,
    SchemaPostAIAgentTestProfileExternalWrite,
)
from voxtest.services import test_profiles

router = APIRouter(tags=["test_framework"])
BASES = ("/test_framework/v1/test-profiles", "/test_framework/v1/test-profiles-external")


@operation(router, "GET", family(*BASES), summary="List test profiles")
async def list_profiles(
    principal: PrincipalDep,
    services: ServicesDep,
    agent_id: int | None = None,
    project_id: int | None = None,
) -> Any:
    async with services.db.session() as session:
        return await test_profiles.list_profiles(session, principal, agent_id, project_id)


@operation(router, "POST", family(*BASES), summary="Create a test profile")
async def create_profile(
    body: SchemaPostAIAgentTestProfileExternalWrite, principal: PrincipalDep, services: ServicesDep
) -> Any:
    async with services.db.session() as session:
        return await test_profiles.create_profile(session, principal, body.given(), body.missing())


@operation(router, "GET", family(*BASES, suffix="{id}/"), summary="Get a test profile")
async def get_profile(id: int, principal: PrincipalDep, services: ServicesDep) -> Any:
    async with services.db.session() as session:
        row = await test_profiles.get_row(session, principal, id)
        return await test_profiles.serialize_one(session, row)


@operation(router, "PATCH", family(*BASES, suffix="{id}/"), summary="Update a test profile")
async def patch_profile(
    id: int,
    body: PatchedSchemaPostAIAgentTestProfileExternalWrite,
    principal: PrincipalDep,
    services: ServicesDep,
) -> Any:
    async with services.db.session() as session:
        return await test_profiles.update_profile(session, principal, id, body.given(), {})


@operation(router, "PUT", family(*BASES, suffix="{id}/"), summary="Replace a test profile")
async def put_profile(
    id: int, body: AIAgentTestProfileWrite, principal: PrincipalDep, services: ServicesDep
) -> Any:
    async with services.db.session() as session:
        return await test_profiles.update_profile(
            session, principal, id, body.given(), body.missing()
        )


@operation(
    router, "DELETE", family(*BASES, suffix="{id}/"), status_code=204, summary="Delete a profile"
)
async def delete_profile(id: int, principal: PrincipalDep, services: ServicesDep) -> Response:
    async with services.db.session() as session:
        await test_profiles.delete_profile(session, principal, id)
    return Response(status_code=204)

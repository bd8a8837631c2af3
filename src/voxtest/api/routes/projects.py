"""`/user/v1/projects/` and `/user/v1/projects-external/`."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Response

from voxtest.api.auth import PrincipalDep
from voxtest.api.deps import ServicesDep
from voxtest.api.routing import family, operation
from voxtest.api.wire._generated import (
    EnablePersonalitiesRequestWrite,
    PatchedProjectWrite,
    ProjectWrite,
)
from voxtest.services import personality_sets, projects
from voxtest.services.personalities_read import serialize_many

router = APIRouter(tags=["user"])
BASES = ("/user/v1/projects", "/user/v1/projects-external")


@operation(router, "GET", family(*BASES), summary="List projects")
async def list_projects(
    principal: PrincipalDep,
    services: ServicesDep,
    organization_id: int | None = None,
    project_id: int | None = None,
) -> Any:
    async with services.db.session() as session:
        return await projects.list_projects(
            session, services, principal, organization_id, project_id
        )


@operation(router, "POST", family(*BASES), status_code=201, summary="Create a project")
async def create_project(body: ProjectWrite, principal: PrincipalDep, services: ServicesDep) -> Any:
    async with services.db.session() as session:
        return await projects.create_project(session, services, principal, body)


@operation(router, "GET", family(*BASES, suffix="{id}/"), summary="Get a project")
async def get_project(id: int, principal: PrincipalDep, services: ServicesDep) -> Any:
    async with services.db.session() as session:
        row = await projects.get_project_row(session, principal, id)
        return await projects.serialize(session, services, row)


@operation(router, "PUT", family(*BASES, suffix="{id}/"), summary="Replace a project")
async def put_project(
    id: int, body: ProjectWrite, principal: PrincipalDep, services: ServicesDep
) -> Any:
    async with services.db.session() as session:
        return await projects.update_project(session, services, principal, id, body, partial=False)


@operation(router, "PATCH", family(*BASES, suffix="{id}/"), summary="Update a project")
async def patch_project(
    id: int, body: PatchedProjectWrite, principal: PrincipalDep, services: ServicesDep
) -> Any:
    async with services.db.session() as session:
        return await projects.update_project(session, services, principal, id, body, partial=True)


@operation(router, "DELETE", family(*BASES, suffix="{id}/"), summary="Delete a project")
async def delete_project(id: int, principal: PrincipalDep, services: ServicesDep) -> Response:
    async with services.db.session() as session:
        await projects.delete_project(session, principal, id)
    return Response(status_code=200)


@operation(router, "POST", family(*BASES, suffix="{id}/enable_personalities/"))
async def enable_personalities(
    id: int, body: EnablePersonalitiesRequestWrite, principal: PrincipalDep, services: ServicesDep
) -> Any:
    body.require()
    async with services.db.session() as session:
        row = await projects.get_project_row(session, principal, id)
        ids = await personality_sets.resolve_selection(session, principal, body.given())
        enabled = await personality_sets.enable(session, project_id=row.id, ids=ids)
    return {"enabled_personalities": enabled}


@operation(router, "POST", family(*BASES, suffix="{id}/disable_personalities/"))
async def disable_personalities(
    id: int, body: EnablePersonalitiesRequestWrite, principal: PrincipalDep, services: ServicesDep
) -> Any:
    body.require()
    async with services.db.session() as session:
        row = await projects.get_project_row(session, principal, id)
        ids = await personality_sets.resolve_selection(session, principal, body.given())
        enabled = await personality_sets.disable(session, project_id=row.id, ids=ids)
    return {"enabled_personalities": enabled}


@operation(router, "GET", family(*BASES, suffix="{id}/personalities/"))
async def project_personalities(id: int, principal: PrincipalDep, services: ServicesDep) -> Any:
    """The personalities enabled on the project (the reference leaves this body undescribed)."""
    async with services.db.session() as session:
        row = await projects.get_project_row(session, principal, id)
        ids = await personality_sets.enabled_ids(session, project_id=row.id)
        return await serialize_many(session, ids)

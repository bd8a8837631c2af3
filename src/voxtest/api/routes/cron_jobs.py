"""`/schedules/v1/cron-jobs/` and `/schedules/v1/cron-jobs-external/`."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request, Response

from voxtest.api.auth import PrincipalDep
from voxtest.api.deps import ServicesDep
from voxtest.api.routing import family, operation
from voxtest.api.wire._generated import PatchedSchemaPostCronJobWrite, SchemaPostCronJobWrite
from voxtest.services import cron_jobs

router = APIRouter(tags=["schedules"])
BASES = ("/schedules/v1/cron-jobs", "/schedules/v1/cron-jobs-external")


async def _extras(request: Request) -> tuple[dict[str, Any], dict[str, list[str]]]:
    try:
        raw = await request.json()
    except ValueError:
        raw = {}
    return cron_jobs.extras(raw)


@operation(router, "GET", family(*BASES), summary="List scheduled jobs")
async def list_cron_jobs(
    principal: PrincipalDep,
    services: ServicesDep,
    agent_id: str | None = None,
    project_id: str | None = None,
    organization_id: int | None = None,
) -> Any:
    filters = {"agent_id": agent_id, "project_id": project_id, "organization_id": organization_id}
    async with services.db.session() as session:
        return await cron_jobs.list_jobs(session, principal, filters)


@operation(router, "POST", family(*BASES), status_code=201, summary="Schedule a recurring run")
async def create_cron_job(
    body: SchemaPostCronJobWrite, request: Request, principal: PrincipalDep, services: ServicesDep
) -> Any:
    extra, errors = await _extras(request)
    async with services.db.session() as session:
        made = await cron_jobs.create_job(session, principal, body, extra, errors)
    request.app.state.hooks.wake()
    return made


@operation(router, "GET", family(*BASES, suffix="{id}/"), summary="Get a scheduled job")
async def get_cron_job(id: int, principal: PrincipalDep, services: ServicesDep) -> Any:
    async with services.db.session() as session:
        return await cron_jobs.serialize(session, await cron_jobs.get_row(session, principal, id))


@operation(router, "PUT", family(*BASES, suffix="{id}/"), summary="Replace a scheduled job")
async def put_cron_job(
    id: int,
    body: SchemaPostCronJobWrite,
    request: Request,
    principal: PrincipalDep,
    services: ServicesDep,
) -> Any:
    extra, errors = await _extras(request)
    async with services.db.session() as session:
        return await cron_jobs.update_job(
            session, principal, id, body, extra, errors, partial=False
        )


@operation(router, "PATCH", family(*BASES, suffix="{id}/"), summary="Update a scheduled job")
async def patch_cron_job(
    id: int,
    body: PatchedSchemaPostCronJobWrite,
    request: Request,
    principal: PrincipalDep,
    services: ServicesDep,
) -> Any:
    extra, errors = await _extras(request)
    async with services.db.session() as session:
        return await cron_jobs.update_job(session, principal, id, body, extra, errors, partial=True)


@operation(router, "DELETE", family(*BASES, suffix="{id}/"), summary="Delete a scheduled job")
async def delete_cron_job(id: int, principal: PrincipalDep, services: ServicesDep) -> Response:
    async with services.db.session() as session:
        await cron_jobs.delete_job(session, principal, id)
    return Response(status_code=204)

"""`/test_framework/{v1,v2}/scenarios/` and `/test_framework/v1/scenarios-external/`.

Fixed paths (`tags/`, `duplicate/`, ...) are registered before `{id}/` so they match first;
the folder actions live in routes/scenario_folders.py, mounted before this router.
"""

from __future__ import annotations

from typing import Any, Literal

from fastapi import APIRouter, Request, Response

from voxtest.api.auth import PrincipalDep
from voxtest.api.deps import ServicesDep
from voxtest.api.pagination import PageDep
from voxtest.api.routing import family, operation
from voxtest.api.wire._generated import (
    DuplicateScenariosRequestWrite,
    PatchedSchemaPostScenarioWrite,
    ScenariosBulkDeleteRequestWrite,
    ScenariosBulkUpdateRequestWrite,
    ScenarioSerializerV2,
    ScenarioSerializerV2Write,
    ScenarioWrite,
    SchemaPostScenarioWrite,
    SchemaScenario,
)
from voxtest.api.wire._generated import Scenario as ScenarioShape
from voxtest.services import scenarios, scenarios_bulk, scenarios_read
from voxtest.services.scenarios_write import merged_body

router = APIRouter(tags=["test_framework"])
V1 = ("/test_framework/v1/scenarios", "/test_framework/v1/scenarios-external")
V2 = ("/test_framework/v2/scenarios",)
ALL = V1 + V2


async def _raw(request: Request) -> Any:
    return await request.json()


@operation(router, "GET", family(*ALL), summary="List scenarios")
async def list_scenarios(
    principal: PrincipalDep,
    services: ServicesDep,
    page: PageDep,
    agent_id: int | None = None,
    project_id: int | None = None,
    assistant_id: str | None = None,
    tags: str | None = None,
    tag_filter_type: Literal["and", "or", "not"] = "or",
    folder_path: str | None = None,
) -> Any:
    filters = {
        "agent_id": agent_id,
        "project_id": project_id,
        "assistant_id": assistant_id,
        "tags": tags,
        "tag_filter_type": tag_filter_type,
        "folder_path": folder_path,
    }
    async with services.db.session() as session:
        return await scenarios.list_scenarios(session, principal, page, filters)


@operation(router, "POST", family(*ALL), status_code=201, summary="Create a scenario")
async def create_scenario(
    body: SchemaPostScenarioWrite, request: Request, principal: PrincipalDep, services: ServicesDep
) -> Any:
    given = merged_body(body.given(), await _raw(request))
    async with services.db.session() as session:
        return await scenarios.create_scenario(session, principal, given, body.missing())


@operation(router, "GET", family(*ALL, suffix="tags/"), summary="Tags used by scenarios")
async def list_tags(
    principal: PrincipalDep,
    services: ServicesDep,
    agent_id: int | None = None,
    project_id: int | None = None,
) -> Any:
    async with services.db.session() as session:
        return await scenarios.all_tags(session, principal, agent_id, project_id)


@operation(router, "POST", family(*V1, suffix="add_tags/"), summary="Add tags to scenarios")
async def add_tags_v1(
    body: ScenarioWrite, request: Request, principal: PrincipalDep, services: ServicesDep
) -> Any:
    """`{"scenarios": [ids], "tags": [...]}` (the reference documents the wrong body)."""
    return await _add_tags(request, principal, services)


@operation(router, "POST", family(*V2, suffix="add_tags/"), summary="Add tags to scenarios")
async def add_tags_v2(
    body: ScenarioSerializerV2Write,
    request: Request,
    principal: PrincipalDep,
    services: ServicesDep,
) -> Any:
    return await _add_tags(request, principal, services)


async def _add_tags(request: Request, principal: PrincipalDep, services: ServicesDep) -> Any:
    raw = await _raw(request)
    async with services.db.session() as session:
        return await scenarios_bulk.add_tags(
            session, principal, raw if isinstance(raw, dict) else {}
        )


@operation(router, "POST", family(*ALL, suffix="adv_update/"), summary="Update many scenarios")
async def bulk_update(
    body: ScenariosBulkUpdateRequestWrite, principal: PrincipalDep, services: ServicesDep
) -> Any:
    body.require()
    async with services.db.session() as session:
        return await scenarios_bulk.update_many(session, principal, body.given())


@operation(
    router,
    "POST",
    family(*ALL, suffix="delete_scenarios/"),
    status_code=204,
    summary="Delete many scenarios",
)
async def bulk_delete(
    body: ScenariosBulkDeleteRequestWrite, principal: PrincipalDep, services: ServicesDep
) -> Response:
    body.require()
    async with services.db.session() as session:
        await scenarios_bulk.delete_many(session, principal, body.given())
    return Response(status_code=204)


@operation(
    router, "POST", family(*ALL, suffix="duplicate/"), status_code=201, summary="Copy scenarios"
)
async def duplicate(
    body: DuplicateScenariosRequestWrite,
    principal: PrincipalDep,
    services: ServicesDep,
    page: PageDep,
) -> Any:
    body.require()
    async with services.db.session() as session:
        return await scenarios_bulk.duplicate(session, principal, body.given(), page)


@operation(router, "GET", family(*ALL, suffix="json_schema/"), summary="Test-suite JSON Schema")
async def json_schema(principal: PrincipalDep, version: str | None = None) -> Any:
    return scenarios.test_suite_schema(version)


@operation(router, "GET", family(*ALL, suffix="{id}/"), summary="Get a scenario")
async def get_scenario(id: int, principal: PrincipalDep, services: ServicesDep) -> Any:
    async with services.db.session() as session:
        row = await scenarios.get_row(session, principal, id)
        return await scenarios_read.serialize(session, row, SchemaScenario)


@operation(router, "PATCH", family(*ALL, suffix="{id}/"), summary="Update a scenario")
async def patch_scenario(
    id: int,
    body: PatchedSchemaPostScenarioWrite,
    request: Request,
    principal: PrincipalDep,
    services: ServicesDep,
) -> Any:
    given = merged_body(body.given(), await _raw(request))
    async with services.db.session() as session:
        return await scenarios.update_scenario(session, principal, id, given, {}, SchemaScenario)


@operation(router, "PUT", family(*V1, suffix="{id}/"), summary="Replace a scenario")
async def put_scenario_v1(
    id: int, body: ScenarioWrite, request: Request, principal: PrincipalDep, services: ServicesDep
) -> Any:
    given = merged_body(body.given(), await _raw(request))
    async with services.db.session() as session:
        return await scenarios.update_scenario(
            session, principal, id, given, body.missing(), ScenarioShape
        )


@operation(router, "PUT", family(*V2, suffix="{id}/"), summary="Replace a scenario")
async def put_scenario_v2(
    id: int,
    body: ScenarioSerializerV2Write,
    request: Request,
    principal: PrincipalDep,
    services: ServicesDep,
) -> Any:
    given = merged_body(body.given(), await _raw(request))
    async with services.db.session() as session:
        return await scenarios.update_scenario(
            session, principal, id, given, body.missing(), ScenarioSerializerV2
        )


@operation(
    router, "DELETE", family(*ALL, suffix="{id}/"), status_code=204, summary="Delete a scenario"
)
async def delete_scenario(id: int, principal: PrincipalDep, services: ServicesDep) -> Response:
    async with services.db.session() as session:
        await scenarios.delete_scenario(session, principal, id)
    return Response(status_code=204)

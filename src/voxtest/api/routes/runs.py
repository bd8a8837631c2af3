"""Running scenarios (`run_scenarios_text/`), results and runs, under every alias."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request

from voxtest.api.auth import PrincipalDep
from voxtest.api.deps import ServicesDep
from voxtest.api.pagination import PageDep
from voxtest.api.routing import family, operation
from voxtest.api.wire._generated import SchemaPostRunScenariosTextWrite
from voxtest.services import results, runs, runs_create

router = APIRouter(tags=["test_framework"])
SCENARIOS = (
    "/test_framework/v1/scenarios",
    "/test_framework/v1/scenarios-external",
    "/test_framework/v2/scenarios",
)
RESULTS = (
    "/test_framework/v1/results",
    "/test_framework/v1/results-external",
    "/test_framework/v2/results",
)
RUNS = ("/test_framework/v1/runs", "/test_framework/v1/runs-external", "/test_framework/v2/runs")


@operation(
    router,
    "POST",
    family(*SCENARIOS, suffix="run_scenarios_text/"),
    status_code=201,
    summary="Run scenarios over text",
)
async def run_scenarios_text(
    body: SchemaPostRunScenariosTextWrite,
    request: Request,
    principal: PrincipalDep,
    services: ServicesDep,
) -> Any:
    async with services.db.session() as session:
        answer = await runs_create.run_scenarios_text(session, principal, body.given())
    executor = getattr(request.app.state, "executor", None)
    if executor is not None:
        executor.wake()
    return answer


@operation(router, "GET", family(*RESULTS), summary="List results")
async def list_results(
    principal: PrincipalDep,
    services: ServicesDep,
    page: PageDep,
    agent_id: int | None = None,
    project_id: int | None = None,
    assistant_id: str | None = None,
    search: str | None = None,
    scenarios: str | None = None,
) -> Any:
    filters = {
        "agent_id": agent_id,
        "project_id": project_id,
        "assistant_id": assistant_id,
        "search": search,
        "scenarios": scenarios,
    }
    async with services.db.session() as session:
        return await results.list_results(session, principal, page, filters)


@operation(router, "GET", family(*RESULTS, suffix="{id}/"), summary="Get a result")
async def get_result(id: int, principal: PrincipalDep, services: ServicesDep) -> Any:
    async with services.db.session() as session:
        return await results.get_result(session, principal, id)


@operation(router, "GET", family(*RUNS), summary="List runs")
async def list_runs(
    principal: PrincipalDep,
    services: ServicesDep,
    page: PageDep,
    result_id: int | None = None,
    agent_id: int | None = None,
    project_id: int | None = None,
    status: str | None = None,
    id__in: str | None = None,
    status__in: str | None = None,
    scenario__id: int | None = None,
    scenario__id__in: str | None = None,
) -> Any:
    filters = {
        "result_id": result_id,
        "agent_id": agent_id,
        "project_id": project_id,
        "status": status,
        "id__in": id__in,
        "status__in": status__in,
        "scenario__id": scenario__id,
        "scenario__id__in": scenario__id__in,
    }
    async with services.db.session() as session:
        return await runs.list_runs(session, principal, page, filters)


@operation(router, "GET", family(*RUNS, suffix="bulk/"), summary="Get several runs")
async def bulk_runs(principal: PrincipalDep, services: ServicesDep, run_ids: str = "") -> Any:
    async with services.db.session() as session:
        return await runs.bulk(session, principal, run_ids)


@operation(router, "GET", family(*RUNS, suffix="{id}/"), summary="Get a run")
async def get_run(id: int, principal: PrincipalDep, services: ServicesDep) -> Any:
    async with services.db.session() as session:
        return await runs.get_run(session, principal, id)

"""Running scenarios (`run_scenarios_text/`, `run_scenarios_with_websockets/`), results and
runs with their actions (rerun, end calls, delete runs), under every alias."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from starlette.responses import Response

from voxtest.api.auth import PrincipalDep
from voxtest.api.deps import ServicesDep
from voxtest.api.pagination import PageDep
from voxtest.api.routing import family, operation
from voxtest.api.wire._generated import (
    RunScenariosWithWebsocketsWrite,
    SchemaPostDeleteRunsWrite,
    SchemaPostRunScenariosChirpWrite,
    SchemaPostRunScenariosTextWrite,
)
from voxtest.runs.driver import RunsDriver
from voxtest.services import (
    results,
    runs,
    runs_cancel,
    runs_chirp,
    runs_create,
    runs_rerun,
    runs_websockets,
)
from voxtest.services.runs_filters import RunFilters

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
    wake_runs(request)
    return answer


@operation(
    router,
    "POST",
    family(*SCENARIOS, suffix="run_scenarios_with_websockets/"),
    status_code=201,
    summary="Run scenarios, each on its own websocket",
)
async def run_scenarios_with_websockets(
    body: RunScenariosWithWebsocketsWrite,
    request: Request,
    principal: PrincipalDep,
    services: ServicesDep,
) -> Any:
    async with services.db.session() as session:
        answer = await runs_websockets.run_scenarios_with_websockets(
            session, principal, body.given()
        )
    wake_runs(request)
    return answer


@operation(
    router,
    "POST",
    family(*SCENARIOS, suffix="run_scenarios_chirp/"),
    status_code=200,
    summary="Run scenarios as voice calls over CHIRP (raw-PCM websocket)",
)
async def run_scenarios_chirp(
    body: SchemaPostRunScenariosChirpWrite,
    request: Request,
    principal: PrincipalDep,
    services: ServicesDep,
) -> Any:
    async with services.db.session() as session:
        answer = await runs_chirp.run_scenarios_chirp(session, principal, body.given())
    wake_runs(request)
    return answer


def _executor(request: Request) -> RunsDriver | None:
    executor: RunsDriver | None = getattr(request.app.state, "executor", None)
    return executor


def wake_runs(request: Request) -> None:
    """New runs were written: this process's executor looks now."""
    executor = _executor(request)
    if executor is not None:
        executor.wake()


def _cancel_here(request: Request, run_ids: Iterable[int]) -> None:
    """Stop at once the runs this process holds (others see `cancel_requested`)."""
    executor = _executor(request)
    if executor is not None:
        executor.cancel(run_ids)


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


@operation(router, "POST", family(*RESULTS, suffix="{id}/rerun/"), summary="Rerun a result")
async def rerun_result(
    id: int, request: Request, principal: PrincipalDep, services: ServicesDep
) -> Any:
    async with services.db.session() as session:
        answer = await runs_rerun.rerun(session, principal, id)
    wake_runs(request)
    return answer


@operation(
    router, "POST", family(*RESULTS, suffix="{id}/end_calls/"), summary="End a result's calls"
)
async def end_calls(
    id: int, request: Request, principal: PrincipalDep, services: ServicesDep
) -> Response:
    async with services.db.session() as session:
        running = await runs_cancel.end_calls(session, principal, id)
    _cancel_here(request, running)
    return Response(status_code=200)


@operation(
    router,
    "POST",
    family(*RESULTS, suffix="{id}/delete_runs/"),
    status_code=204,
    summary="Delete runs of a result",
)
async def delete_runs(
    id: int,
    body: SchemaPostDeleteRunsWrite,
    request: Request,
    principal: PrincipalDep,
    services: ServicesDep,
) -> Response:
    async with services.db.session() as session:
        running = await runs_cancel.delete_runs(session, principal, id, body.given())
    _cancel_here(request, running)
    return Response(status_code=204)


@operation(router, "GET", family(*RUNS), summary="List runs")
async def list_runs(
    principal: PrincipalDep,
    services: ServicesDep,
    page: PageDep,
    filters: Annotated[RunFilters, Depends()],
) -> Any:
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


@operation(router, "POST", family(*RUNS, suffix="{id}/end_call/"), summary="End a run's call")
async def end_call(
    id: int, request: Request, principal: PrincipalDep, services: ServicesDep
) -> Response:
    async with services.db.session() as session:
        running = await runs_cancel.end_call(session, principal, id)
    _cancel_here(request, running)
    return Response(status_code=200)

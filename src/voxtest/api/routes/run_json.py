"""Running a tests-as-code spec (`run_scenarios_json/`), under every alias."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request

from voxtest.api.auth import PrincipalDep
from voxtest.api.deps import ServicesDep
from voxtest.api.routing import family, operation
from voxtest.api.wire._generated import TestSuiteSpecUploadWrite
from voxtest.services import run_json

router = APIRouter(tags=["test_framework"])
SCENARIOS = (
    "/test_framework/v1/scenarios",
    "/test_framework/v1/scenarios-external",
    "/test_framework/v2/scenarios",
)


@operation(
    router,
    "POST",
    family(*SCENARIOS, suffix="run_scenarios_json/"),
    summary="Run test cases from a JSON spec",
)
async def run_scenarios_json(
    body: TestSuiteSpecUploadWrite,
    request: Request,
    principal: PrincipalDep,
    services: ServicesDep,
    dry_run: bool = False,
) -> Any:
    async with services.db.session() as session:
        answer = await run_json.run_scenarios_json(
            session, principal, body.given(), dry_run=dry_run
        )
    executor = getattr(request.app.state, "executor", None)
    if executor is not None and not dry_run:
        executor.wake()
    return answer

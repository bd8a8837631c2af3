"""`run_scenarios_livekit_v2/`: LiveKit voice runs, under every alias."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request

from voxtest.api.auth import PrincipalDep
from voxtest.api.deps import ServicesDep
from voxtest.api.routes.runs import SCENARIOS, wake_runs
from voxtest.api.routing import family, operation
from voxtest.api.wire._generated import RunLivekitScenariosWrite
from voxtest.services import runs_livekit

router = APIRouter(tags=["test_framework"])


@operation(
    router,
    "POST",
    family(*SCENARIOS, suffix="run_scenarios_livekit_v2/"),
    status_code=200,
    summary="Run evaluators against a LiveKit agent (project credentials, v2)",
)
async def run_scenarios_livekit_v2(
    body: RunLivekitScenariosWrite,
    request: Request,
    principal: PrincipalDep,
    services: ServicesDep,
) -> Any:
    body.require()
    async with services.db.session() as session:
        answer = await runs_livekit.run_scenarios_livekit(
            session, services.box, principal, body.given()
        )
    wake_runs(request)
    return answer

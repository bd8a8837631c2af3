"""Production calls coming in: `observe/` (JSON, form or multipart with the recording), the
provider webhooks (`vapi/`, `retell/`, `pipecat/`, `livekit/` `observe/`) and the
custom-provider batch push. Each stored call's evaluation is queued and the process's
`CallLogEvaluations` is woken."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fastapi import APIRouter, Request
from starlette.datastructures import UploadFile
from starlette.responses import Response

from voxtest.api.auth import Principal, PrincipalDep
from voxtest.api.deps import ServicesDep
from voxtest.api.routing import operation
from voxtest.api.wire._generated import CreateCallLogWrite
from voxtest.context import Services
from voxtest.errors import ValidationFailed
from voxtest.services import call_logs_providers as providers
from voxtest.services.call_logs_background import CallLogEvaluations
from voxtest.services.call_logs_ingest import Incoming, Recording, ingest
from voxtest.services.call_logs_read import summary
from voxtest.services.evaluation_background import BackgroundEvaluations
from voxtest.services.evaluation_rerun import mark_for_evaluation
from voxtest.storage.tables import Agent

router = APIRouter(tags=["observability"])

_SCHEMA = CreateCallLogWrite.model_json_schema()
_SCHEMA.pop("title", None)
OBSERVE_BODY: dict[str, Any] = {
    "required": True,
    "content": {
        "application/json": {"schema": _SCHEMA},
        "multipart/form-data": {"schema": _SCHEMA},
        "application/x-www-form-urlencoded": {"schema": _SCHEMA},
    },
}


def _woken(request: Request) -> None:
    holder: CallLogEvaluations | None = getattr(request.app.state, "call_logs", None)
    if holder is not None:
        holder.wake()


async def read_fields(request: Request) -> tuple[dict[str, Any], Recording | None]:
    kind = request.headers.get("content-type", "")
    if kind.startswith(("multipart/form-data", "application/x-www-form-urlencoded")):
        fields: dict[str, Any] = {}
        recording = None
        async with request.form() as form:
            for key, value in form.multi_items():
                if isinstance(value, UploadFile):
                    if key == "voice_recording":
                        recording = Recording(value.filename or "", await value.read())
                    continue
                fields[key] = value if key != "redact_fields" else [*fields.get(key, []), value]
        return fields, recording
    return await json_object(request), None


async def json_object(request: Request, *, empty_ok: bool = False) -> dict[str, Any]:
    """The JSON object the request carries (400 otherwise; `{}` for no body if `empty_ok`)."""
    if empty_ok and not (await request.body()).strip():
        return {}
    try:
        body = await request.json()
    except ValueError as exc:
        raise ValidationFailed({"non_field_errors": [f"JSON parse error - {exc}"]}) from None
    if not isinstance(body, dict):
        raise ValidationFailed({"non_field_errors": ["Expected an object."]})
    return body


@operation(
    router,
    "POST",
    ["/observability/v1/observe/"],
    status_code=201,
    summary="Ingest a production call",
    openapi_extra={"requestBody": OBSERVE_BODY},
)
async def observe(request: Request, principal: PrincipalDep, services: ServicesDep) -> Any:
    fields, recording = await read_fields(request)
    async with services.db.session() as session:
        row = await ingest(
            session, principal, services.settings, Incoming(fields, recording=recording)
        )
        agent = await session.get(Agent, row.agent_id)
        answer = summary(row, agent.name if agent else "")
    _woken(request)
    return answer


async def _webhook(
    request: Request,
    principal: Principal,
    services: Services,
    to_incoming: Callable[[dict[str, Any], int | None], Incoming | None],
) -> Response:
    fields, _ = await read_fields(request)
    agent = request.query_params.get("agent") or request.query_params.get("agent_id")
    incoming = to_incoming(fields, int(agent) if agent and agent.isdigit() else None)
    if incoming is None:
        return Response(status_code=200)  # an event without a finished call
    async with services.db.session() as session:
        if await providers.known_call(session, principal, incoming.fields.get("call_id")):
            return Response(status_code=200)
        await ingest(session, principal, services.settings, incoming)
    _woken(request)
    return Response(status_code=200)


def _run_evaluations(request: Request) -> BackgroundEvaluations:
    """The app's holder of run re-evaluations (shared with the evaluation routes)."""
    holder: BackgroundEvaluations | None = getattr(request.app.state, "evaluations", None)
    if holder is None:
        holder = BackgroundEvaluations(request.app.state.services)
        request.app.state.evaluations = holder
    return holder


@operation(router, "POST", ["/observability/v1/vapi/observe/"], summary="Vapi webhook")
async def vapi_observe(request: Request, principal: PrincipalDep, services: ServicesDep) -> Any:
    return await _webhook(request, principal, services, providers.vapi)


@operation(router, "POST", ["/observability/v1/retell/observe/"], summary="Retell webhook")
async def retell_observe(request: Request, principal: PrincipalDep, services: ServicesDep) -> Any:
    return await _webhook(request, principal, services, providers.retell)


@operation(router, "POST", ["/observability/v1/pipecat/observe/"], summary="Pipecat webhook")
async def pipecat_observe(request: Request, principal: PrincipalDep, services: ServicesDep) -> Any:
    return await _webhook(request, principal, services, providers.pipecat)


@operation(router, "POST", ["/observability/v1/livekit/observe/"], summary="LiveKit webhook")
async def livekit_observe(request: Request, principal: PrincipalDep, services: ServicesDep) -> Any:
    return await _webhook(request, principal, services, providers.livekit)


@operation(
    router,
    "POST",
    ["/test_framework/custom-provider-transcript-webhook/"],
    summary="Push calls of a self-hosted agent",
)
async def custom_provider_push(
    request: Request, principal: PrincipalDep, services: ServicesDep
) -> Any:
    fields, _ = await read_fields(request)
    background = _run_evaluations(request)
    async with services.db.session() as session:
        _agent, to_runs, new_calls = await providers.custom_batch(session, principal, fields)
        for run, turns, call in to_runs:
            await providers.attach_to_run(session, run, turns, call)
        marked = await mark_for_evaluation(
            session, [r.id for r, _, _ in to_runs], background.worker
        )
        for incoming in new_calls:
            if not await providers.known_call(session, principal, incoming.fields.get("call_id")):
                await ingest(session, principal, services.settings, incoming)
    background.evaluate_runs(marked)
    _woken(request)
    return Response(status_code=200)

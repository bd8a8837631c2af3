"""A call's trace (`{id}/trace/`, v1) and reviewers' marks of its critical categories
(`{id}/mark_critical_scenario_wrong/`, `unmark_...`) under every call-log alias."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request

from voxtest.api.auth import Principal, PrincipalDep
from voxtest.api.deps import ServicesDep
from voxtest.api.routes.call_logs import BASES, DETAIL_BODY, details
from voxtest.api.routes.observability import json_object
from voxtest.api.routing import family, operation
from voxtest.context import Services
from voxtest.domain.call_trace import build_spans, derived_trace_id
from voxtest.errors import NotFound
from voxtest.services import call_logs
from voxtest.services.call_logs_critical import apply_mark
from voxtest.services.call_logs_read import agent_names

router = APIRouter(tags=["observability"])


@operation(
    router, "GET", ["/observability/v1/call-logs/{id}/trace/"], summary="A production call's trace"
)
async def call_log_trace(id: int, principal: PrincipalDep, services: ServicesDep) -> Any:
    async with services.db.session() as session:
        row = await call_logs.owned(session, principal, id)
        names = await agent_names(session, [row])
    if not row.transcript:
        raise NotFound("This call has no transcript to trace.")
    trace_id = row.trace_id or derived_trace_id(f"call-log:{row.organization_id}:{row.id}")
    call = {
        "call_log.id": row.id,
        "call.id": row.call_id,
        "agent.id": row.agent_id,
        "agent.name": names.get(row.agent_id, ""),
        "call.ended_reason": row.call_ended_reason or None,
        "call.customer_number": row.customer_number or None,
        "call.success": row.success,
    }
    metrics = list((row.evaluation or {}).get("metrics") or [])
    return {
        "trace_id": trace_id,
        "spans": build_spans(trace_id, row.timestamp, call, row.transcript, metrics),
    }


async def _mark(
    id: int, request: Request, principal: Principal, services: Services, wrong: bool
) -> dict[str, Any]:
    body = await json_object(request, empty_ok=True)
    async with services.db.session() as session:
        row = await call_logs.owned(session, principal, id)
        apply_mark(row, body, wrong)
        await session.flush()
        answer: dict[str, Any] = (await details(session, services, [row]))[0]
    return answer


@operation(
    router,
    "POST",
    family(*BASES, suffix="{id}/mark_critical_scenario_wrong/"),
    summary="Mark a call's critical category as wrongly flagged",
    openapi_extra=DETAIL_BODY,
)
async def mark_critical_scenario_wrong(
    id: int, request: Request, principal: PrincipalDep, services: ServicesDep
) -> Any:
    return await _mark(id, request, principal, services, wrong=True)


@operation(
    router,
    "POST",
    family(*BASES, suffix="{id}/unmark_critical_scenario_wrong/"),
    summary="Take back a wrongly-flagged mark",
    openapi_extra=DETAIL_BODY,
)
async def unmark_critical_scenario_wrong(
    id: int, request: Request, principal: PrincipalDep, services: ServicesDep
) -> Any:
    return await _mark(id, request, principal, services, wrong=False)

"""Call logs under every alias (`/observability/v1/call-logs/`, `-external`, v2): list with
the reference's filters, create (the `observe/` ingest), detail, PATCH of source data,
delete, evaluate again, votes, filter suggestions, and the uploaded recording."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from pydantic import BaseModel
from sqlalchemy import func
from starlette.responses import FileResponse, Response

from voxtest.api.auth import PrincipalDep
from voxtest.api.deps import ServicesDep
from voxtest.api.pagination import PageDep
from voxtest.api.routes.observability import read_fields
from voxtest.api.routing import family, operation
from voxtest.api.wire._generated import (
    CallLogDetailWrite,
    DeleteCallLogsWrite,
    EvaluateMetricsWrite,
    MarkMetricVoteWrite,
    PatchedUpdateCallLogWrite,
    RerunEvaluationWrite,
)
from voxtest.context import Services
from voxtest.errors import NotFound
from voxtest.services import call_logs
from voxtest.services import call_logs_recordings as recordings
from voxtest.services.call_logs_background import CallLogEvaluations
from voxtest.services.call_logs_filters import CallLogFilters, filtered
from voxtest.services.call_logs_ingest import Incoming, ingest
from voxtest.services.call_logs_read import agent_names, detail, summary
from voxtest.storage.tables import CallLog

router = APIRouter(tags=["observability"])
BASES = (
    "/observability/v1/call-logs",
    "/observability/v1/call-logs-external",
    "/observability/v2/call-logs",
)
RECORDING = "/observability/v1/call-logs/{id}/recording/"


def documented_as(model: type[BaseModel]) -> dict[str, Any]:
    """`openapi_extra` documenting a body read from the request as the reference's `model`
    (for several call-log actions the reference's generator fell back to `CallLogDetail`)."""
    schema = model.model_json_schema()
    schema.pop("title", None)
    return {"requestBody": {"content": {"application/json": {"schema": schema}}}}


DETAIL_BODY = documented_as(CallLogDetailWrite)


def wake(request: Request) -> None:
    holder: CallLogEvaluations | None = getattr(request.app.state, "call_logs", None)
    if holder is not None:
        holder.wake()


def _recording_url(services: Services, row: CallLog) -> str:
    if not row.recording_path:
        return ""
    return services.settings.public_base_url.rstrip("/") + RECORDING.format(id=row.id)


async def details(session: Any, services: Services, rows: list[CallLog]) -> list[dict[str, Any]]:
    names = await agent_names(session, rows)
    return [detail(r, names.get(r.agent_id, ""), _recording_url(services, r)) for r in rows]


@operation(router, "GET", family(*BASES), summary="List production calls")
async def list_call_logs(
    page: PageDep,
    principal: PrincipalDep,
    services: ServicesDep,
    filters: Annotated[CallLogFilters, Depends()],
) -> Any:
    async with services.db.session() as session:
        dialect = session.get_bind().dialect.name
        query = filtered(principal, filters, dialect)
        count = await session.scalar(query.with_only_columns(func.count()).order_by(None))
        page.check(count or 0)
        rows = list(
            await session.scalars(
                query.order_by(CallLog.timestamp.desc(), CallLog.id.desc())
                .offset(page.offset)
                .limit(page.page_size)
            )
        )
        names = await agent_names(session, rows)
        return page.respond(count or 0, [summary(r, names.get(r.agent_id, "")) for r in rows])


@operation(
    router,
    "POST",
    family(*BASES),
    status_code=201,
    summary="Create a production call",
    openapi_extra=DETAIL_BODY,
)
async def create_call_log(request: Request, principal: PrincipalDep, services: ServicesDep) -> Any:
    """The same ingest as `observe/`, answered with the call's detail."""
    fields, upload = await read_fields(request)
    async with services.db.session() as session:
        row = await ingest(session, principal, services.settings, Incoming(fields, upload))
        answer = (await details(session, services, [row]))[0]
    wake(request)
    return answer


@operation(router, "GET", family(*BASES, suffix="filters/"), summary="What filters_v2 accepts")
async def filters_vocabulary(principal: PrincipalDep) -> Any:
    return call_logs.vocabulary()


@operation(
    router, "GET", family(*BASES, suffix="filters_call_id/"), summary="Call ids starting with"
)
async def filters_call_id(
    principal: PrincipalDep,
    services: ServicesDep,
    search: str | None = None,
    agent_id: int | None = None,
    project_id: int | None = None,
) -> Any:
    async with services.db.session() as session:
        found = await call_logs.suggestions(
            session, principal, CallLog.call_id, search, agent_id, project_id
        )
    return {"results": found}


@operation(
    router,
    "GET",
    family(*BASES, suffix="filters_customer_number/"),
    summary="Customer numbers starting with",
)
async def filters_customer_number(
    principal: PrincipalDep,
    services: ServicesDep,
    search: str | None = None,
    agent_id: int | None = None,
    project_id: int | None = None,
) -> Any:
    async with services.db.session() as session:
        found = await call_logs.suggestions(
            session, principal, CallLog.customer_number, search, agent_id, project_id
        )
    return {"results": found}


@operation(
    router, "POST", family(*BASES, suffix="evaluate_metrics/"), summary="Evaluate metrics on calls"
)
async def evaluate_metrics(
    body: EvaluateMetricsWrite, request: Request, principal: PrincipalDep, services: ServicesDep
) -> Any:
    async with services.db.session() as session:
        rows = await call_logs.evaluate_metrics(session, principal, body)
        names = await agent_names(session, rows)
        answer = [summary(r, names.get(r.agent_id, "")) for r in rows]
    wake(request)
    return answer


@operation(
    router, "POST", family(*BASES, suffix="rerun_evaluation/"), summary="Evaluate calls again"
)
async def rerun_evaluation(
    body: RerunEvaluationWrite, request: Request, principal: PrincipalDep, services: ServicesDep
) -> Any:
    async with services.db.session() as session:
        rows = await call_logs.rerun(session, principal, body)
        answer = await details(session, services, rows)
    wake(request)
    return answer


@operation(
    router,
    "POST",
    family(*BASES, suffix="delete_call_logs/"),
    status_code=204,
    summary="Delete calls",
)
async def delete_call_logs(
    body: DeleteCallLogsWrite, principal: PrincipalDep, services: ServicesDep
) -> Response:
    async with services.db.session() as session:
        rows = await call_logs.bulk_targets(session, principal, body)
        await call_logs.remove(
            session, services.settings, rows, bool(body.given().get("retain_evaluations"))
        )
    return Response(status_code=204)


@operation(router, "GET", family(*BASES, suffix="{id}/"), summary="A production call")
async def get_call_log(id: int, principal: PrincipalDep, services: ServicesDep) -> Any:
    async with services.db.session() as session:
        row = await call_logs.owned(session, principal, id)
        return (await details(session, services, [row]))[0]


@operation(router, "PATCH", family(*BASES, suffix="{id}/"), summary="Update a call's source data")
async def patch_call_log(
    id: int,
    body: PatchedUpdateCallLogWrite,
    request: Request,
    principal: PrincipalDep,
    services: ServicesDep,
) -> Any:
    async with services.db.session() as session:
        row = await call_logs.owned(session, principal, id)
        queued = await call_logs.patch(session, principal, row, body)
        await session.flush()
        await session.refresh(row)
        answer = (await details(session, services, [row]))[0]
    if queued:
        wake(request)
    return answer


@operation(
    router, "DELETE", family(*BASES, suffix="{id}/"), status_code=204, summary="Delete a call"
)
async def delete_call_log(
    id: int, principal: PrincipalDep, services: ServicesDep, retain_evaluations: bool = False
) -> Response:
    async with services.db.session() as session:
        row = await call_logs.owned(session, principal, id)
        await call_logs.remove(session, services.settings, [row], retain_evaluations)
    return Response(status_code=204)


@operation(
    router,
    "POST",
    family(*BASES, suffix="{id}/mark_metric_vote/"),
    summary="Vote on a call's metric value",
)
async def mark_metric_vote(
    id: int, body: MarkMetricVoteWrite, principal: PrincipalDep, services: ServicesDep
) -> Any:
    async with services.db.session() as session:
        row = await call_logs.owned(session, principal, id)
        await call_logs.vote(session, principal, row, body)
    return {"detail": "Vote recorded."}


@router.get(RECORDING, include_in_schema=False)
async def recording(id: int, principal: PrincipalDep, services: ServicesDep) -> Response:
    async with services.db.session() as session:
        row = await call_logs.owned(session, principal, id)
        path = recordings.path_of(services.settings, row)
    if path is None:
        raise NotFound()
    return FileResponse(
        path, media_type=recordings.MEDIA_TYPES.get(path.suffix, "application/octet-stream")
    )

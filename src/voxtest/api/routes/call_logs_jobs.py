"""Background jobs on call logs under every alias: `export_call_logs/` (+ `_progress/` and
the file's download, for the same organization only) and `create_scenarios/`
(+ `_progress/`). Registered before the `{id}/` routes."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from starlette.responses import FileResponse, Response

from voxtest.api.auth import PrincipalDep
from voxtest.api.deps import ServicesDep
from voxtest.api.routes.call_logs import BASES, documented_as, wake
from voxtest.api.routes.observability import json_object
from voxtest.api.routing import family, operation
from voxtest.api.wire._generated import SchemaPostCreateScenariosWrite
from voxtest.context import Services
from voxtest.errors import NotFound
from voxtest.services import call_logs_jobs as jobs
from voxtest.services.call_logs_export import export_path, queue_export
from voxtest.services.call_logs_filters import CallLogFilters
from voxtest.services.call_logs_retention import EXPIRED
from voxtest.services.call_logs_scenarios import queue_create_scenarios, scenario_list
from voxtest.storage.tables import CallLogJob

router = APIRouter(tags=["observability"])
DOWNLOAD = "/observability/v1/call-logs/exports/{progress_id}/download/"
MEDIA = {"csv": "text/csv; charset=utf-8", "json": "application/json"}


@operation(
    router, "GET", family(*BASES, suffix="export_call_logs/"), summary="Export call logs to a file"
)
async def export_call_logs(
    request: Request,
    principal: PrincipalDep,
    services: ServicesDep,
    filters: Annotated[CallLogFilters, Depends()],
    format: str = "csv",
) -> Any:
    async with services.db.session() as session:
        job = await queue_export(session, principal, filters, format)
        answer = _export_progress(services, job)
    wake(request)
    return answer


@operation(
    router,
    "GET",
    family(*BASES, suffix="export_call_logs_progress/"),
    summary="How far an export is",
)
async def export_call_logs_progress(
    principal: PrincipalDep, services: ServicesDep, progress_id: str | None = None
) -> Any:
    async with services.db.session() as session:
        job = await jobs.owned(session, principal, progress_id, "export")
        return _export_progress(services, job)


@router.get(DOWNLOAD, include_in_schema=False)
async def export_download(
    progress_id: str, principal: PrincipalDep, services: ServicesDep
) -> Response:
    async with services.db.session() as session:
        job = await jobs.owned(session, principal, progress_id, "export")
    path = export_path(services, job)
    if path is None:
        raise NotFound(_expired(services) if job.state == EXPIRED else "The export is not ready.")
    kind = str(job.params.get("format") or "csv")
    return FileResponse(path, media_type=MEDIA[kind], filename=f"call_logs_{job.id}.{kind}")


def _expired(services: Services) -> str:
    hours = services.settings.export_retention_hours
    return (
        f"The export file was deleted {hours:g} hours after it was written "
        "(VOXTEST_EXPORT_RETENTION_HOURS); export again."
    )


def _export_progress(services: Services, job: CallLogJob) -> dict[str, Any]:
    base_url = services.settings.public_base_url
    total = int((job.progress or {}).get("total") or 0)
    exported = int((job.progress or {}).get("exported") or 0)
    done = job.state == "done"
    return {
        "progress_id": job.id,
        "status": job.state,
        "format": job.params.get("format"),
        "total": total,
        "exported": exported,
        "progress": 100 if done else (int(100 * exported / total) if total else 0),
        "download_url": (
            base_url.rstrip("/") + DOWNLOAD.format(progress_id=job.id) if done else None
        ),
        "error": _expired(services) if job.state == EXPIRED else job.error,
    }


@operation(
    router,
    "POST",
    family(*BASES, suffix="create_scenarios/"),
    summary="Scenarios from production calls",
    openapi_extra=documented_as(SchemaPostCreateScenariosWrite),
)
async def create_scenarios(request: Request, principal: PrincipalDep, services: ServicesDep) -> Any:
    raw = await json_object(request)
    async with services.db.session() as session:
        job = await queue_create_scenarios(session, principal, raw)
        answer = {"progress_id": job.id}
    wake(request)
    return answer


@operation(
    router,
    "GET",
    family(*BASES, suffix="create_scenarios_progress/"),
    summary="How far scenario creation is",
)
async def create_scenarios_progress(
    principal: PrincipalDep, services: ServicesDep, progress_id: str | None = None
) -> Any:
    async with services.db.session() as session:
        job = await jobs.owned(session, principal, progress_id, "create_scenarios")
        progress = dict(job.progress or {})
        total = int(progress.get("total_scenarios") or 0)
        completed = int(progress.get("completed_scenarios") or 0)
        failed = int(progress.get("failed_scenarios") or 0)
        errors = list(progress.get("errors") or [])
        if job.state == "failed":  # the job stopped: whatever it did not make failed
            failed = total - completed
            errors.append({"error": job.error})
        made = list(progress.get("scenario_ids") or [])
        # clients poll until completed + failed >= total: the list is there from then on
        finished = job.state in jobs.FINISHED or completed + failed >= total
        return {
            "agent_id": progress.get("agent_id"),
            "completed_scenarios": completed,
            "failed_scenarios": failed,
            "total_scenarios": total,
            "scenarios_list": await scenario_list(session, made) if finished else [],
            "errors": errors,
        }

"""`export_call_logs/`: the list's filtered call logs written to a CSV (or JSON) file by a
background job, kept under `VOXTEST_HOME/exports/<org>/` and served to its organization."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import asdict, fields
from pathlib import Path
from typing import Any

from sqlalchemy import func
from sqlalchemy.ext.asyncio import AsyncSession

from voxtest.api.auth import Principal
from voxtest.context import Services
from voxtest.errors import ValidationFailed
from voxtest.services import call_logs_jobs as jobs
from voxtest.services.call_logs_filters import CallLogFilters, filtered
from voxtest.services.call_logs_read import agent_names, detail
from voxtest.storage.tables import CallLog, CallLogJob

FORMATS = ("csv", "json")
BATCH = 500
COLUMNS = (
    "id",
    "call_id",
    "agent",
    "agent_name",
    "project",
    "timestamp",
    "duration",
    "status",
    "success",
    "is_reviewed",
    "call_ended_reason",
    "customer_number",
    "topic",
    "dropoff_point",
    "feedback",
    "error_message",
    "trace_id",
    "transcript",
    "metrics",
    "metadata",
    "dynamic_variables",
)


async def queue_export(
    session: AsyncSession, principal: Principal, filters: CallLogFilters, kind: str
) -> CallLogJob:
    """Check the filters as the list does (400 now, not in the job), then queue the job."""
    if kind not in FORMATS:
        raise ValidationFailed({"format": [f"Choose one of: {', '.join(FORMATS)}."]})
    query = filtered(principal, filters, session.get_bind().dialect.name)
    total = await session.scalar(query.with_only_columns(func.count()).order_by(None)) or 0
    params = {
        "principal": jobs.principal_params(principal),
        "filters": asdict(filters),
        "format": kind,
    }
    progress = {"total": total, "exported": 0}
    return await jobs.enqueue(session, principal.organization_id, "export", params, progress)


async def run_export(services: Services, job: CallLogJob) -> str | None:
    principal = jobs.principal_of(job)
    known = {f.name for f in fields(CallLogFilters)}
    filters = CallLogFilters(**{k: v for k, v in job.params["filters"].items() if k in known})
    relative = Path("exports") / str(job.organization_id) / f"{job.id}.{job.params['format']}"
    target = services.settings.home / relative
    target.parent.mkdir(parents=True, exist_ok=True)
    records: list[dict[str, Any]] = []
    async with services.db.session() as session:
        query = filtered(principal, filters, session.get_bind().dialect.name)
        query = query.order_by(CallLog.timestamp.desc(), CallLog.id.desc())
        total = await session.scalar(query.with_only_columns(func.count()).order_by(None)) or 0
        offset = 0
        while True:
            rows = list(await session.scalars(query.offset(offset).limit(BATCH)))
            if not rows:
                break
            names = await agent_names(session, rows)
            records += [_record(detail(r, names.get(r.agent_id, ""))) for r in rows]
            offset += len(rows)
            await jobs.save_progress(services.db, job.id, {"total": total, "exported": offset})
    text = _csv(records) if job.params["format"] == "csv" else json.dumps(records, indent=1)
    target.write_text(text, encoding="utf-8")
    await jobs.save_progress(services.db, job.id, {"total": total, "exported": len(records)})
    return str(relative)


def _record(call: dict[str, Any]) -> dict[str, Any]:
    out = {k: call.get(k) for k in COLUMNS if k != "metrics"}
    out["metrics"] = [
        {k: m.get(k) for k in ("id", "name", "type", "score", "value", "explanation")}
        for m in call["evaluation"]["metrics"]
    ]
    return out


def _csv(records: list[dict[str, Any]]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(COLUMNS))
    writer.writeheader()
    for record in records:
        writer.writerow(
            {
                k: json.dumps(v, ensure_ascii=False) if isinstance(v, dict | list) else v
                for k, v in record.items()
            }
        )
    return buffer.getvalue()


def export_path(services: Services, job: CallLogJob) -> Path | None:
    if job.state != "done" or not job.result_path:
        return None
    path = services.settings.home / job.result_path
    return path if path.is_file() else None

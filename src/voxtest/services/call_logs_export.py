"""`export_call_logs/`: the list's filtered call logs written to a CSV (or JSON) file by a
background job, kept under `VOXTEST_HOME/exports/<org>/` and served to its organization."""

from __future__ import annotations

import csv
import json
from dataclasses import asdict, fields
from pathlib import Path
from typing import Any, TextIO

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
    """Write the file batch by batch (a `.part` renamed at the end, so a job taken over after
    a crash starts it again cleanly)."""
    principal = jobs.principal_of(job)
    known = {f.name for f in fields(CallLogFilters)}
    filters = CallLogFilters(**{k: v for k, v in job.params["filters"].items() if k in known})
    kind = job.params["format"]
    relative = Path("exports") / str(job.organization_id) / f"{job.id}.{kind}"
    target = services.settings.home / relative
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(target.suffix + ".part")
    exported = 0
    with partial.open("w", encoding="utf-8", newline="") as out:
        writer = _Writer(out, kind)
        async with services.db.session() as session:
            query = filtered(principal, filters, session.get_bind().dialect.name)
            query = query.order_by(CallLog.timestamp.desc(), CallLog.id.desc())
            total = await session.scalar(query.with_only_columns(func.count()).order_by(None))
            while rows := list(await session.scalars(query.offset(exported).limit(BATCH))):
                names = await agent_names(session, rows)
                for row in rows:
                    writer.write(_record(detail(row, names.get(row.agent_id, ""))))
                exported += len(rows)
                progress = {"total": total or 0, "exported": exported}
                await jobs.save_progress(services.db, job.id, progress)
        writer.close()
    partial.replace(target)
    await jobs.save_progress(services.db, job.id, {"total": exported, "exported": exported})
    return str(relative)


def _record(call: dict[str, Any]) -> dict[str, Any]:
    out = {k: call.get(k) for k in COLUMNS if k != "metrics"}
    out["metrics"] = [
        {k: m.get(k) for k in ("id", "name", "type", "score", "value", "explanation")}
        for m in call["evaluation"]["metrics"]
    ]
    return out


class _Writer:
    """CSV rows (objects and lists as JSON) or the items of one JSON array."""

    def __init__(self, out: TextIO, kind: str) -> None:
        self.out, self.kind, self.count = out, kind, 0
        self.csv = csv.DictWriter(out, fieldnames=list(COLUMNS)) if kind == "csv" else None
        if self.csv is not None:
            self.csv.writeheader()
        else:
            out.write("[")

    def write(self, record: dict[str, Any]) -> None:
        if self.csv is not None:
            self.csv.writerow(
                {
                    k: json.dumps(v, ensure_ascii=False) if isinstance(v, dict | list) else v
                    for k, v in record.items()
                }
            )
        else:
            self.out.write(("," if self.count else "") + "\n" + json.dumps(record))
        self.count += 1

    def close(self) -> None:
        if self.csv is None:
            self.out.write("\n]\n")


def export_path(services: Services, job: CallLogJob) -> Path | None:
    if job.state != "done" or not job.result_path:
        return None
    path = services.settings.home / job.result_path
    return path if path.is_file() else None

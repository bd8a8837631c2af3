"""Call logs as the reference shows them: `CallLogList` items and `CallLogDetail`.

`status` reads `evaluating` while an evaluation is queued or running (the reference's
observe description says so for the first one), then `success`/`failure`, or the review's
`reviewed_*`. Turns of `transcript_object` carry `timestamp` (seconds, the reference's
field) besides the canonical `start_time`, `end_time` and `data`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from voxtest.domain.transcript import Transcript, clock
from voxtest.services.call_logs_critical import categories_of
from voxtest.services.common import iso
from voxtest.storage.tables import Agent, CallLog

EVALUATING = "evaluating"


def wire_status(row: CallLog) -> str:
    if row.review_status:
        return row.review_status
    if row.eval_state != "done":
        return EVALUATING
    return "success" if row.success else "failure"


def refresh_status(row: CallLog) -> None:
    """Keep the stored `status` (filtered on) and `is_reviewed` in step with the rest."""
    row.is_reviewed = row.review_status is not None
    row.status = wire_status(row)


def duration_text(seconds: float | None) -> str:
    return clock(seconds or 0.0)


def turns(row: CallLog) -> list[dict[str, Any]]:
    return [{**t, "timestamp": t.get("start_time", 0.0)} for t in row.transcript or []]


def text(row: CallLog) -> str:
    return Transcript.from_cekura(row.transcript or []).render_text()


def _metric_summary(item: dict[str, Any]) -> dict[str, Any]:
    return {k: item.get(k) for k in ("id", "name", "type", "score", "enum", "value")}


def _common(row: CallLog, agent_name: str) -> dict[str, Any]:
    return {
        "id": row.id,
        "duration": duration_text(row.duration_s),
        "success": row.success,
        "is_reviewed": row.is_reviewed,
        "status": wire_status(row),
        "feedback": row.feedback or "",
        "call_ended_reason": row.call_ended_reason or "",
        "customer_number": row.customer_number or "",
        "agent": row.agent_id,
        "agent_name": agent_name,
        "call_id": row.call_id,
        "trace_id": row.trace_id or "",
        "timestamp": iso(row.timestamp),
        "error_message": row.error_message,
        "dropoff_point": row.dropoff_point or "",
        "topic": row.topic or "",
        "created_at": iso(row.created_at),
        "updated_at": iso(row.updated_at),
        "transcript": text(row),
        "transcript_object": turns(row),
        "evaluation": {"metrics": list((row.evaluation or {}).get("metrics") or [])},
    }


def summary(row: CallLog, agent_name: str) -> dict[str, Any]:
    """A `CallLogList` item."""
    out = _common(row, agent_name)
    out["metrics"] = [_metric_summary(m) for m in out["evaluation"]["metrics"]]
    return out


def detail(row: CallLog, agent_name: str, recording_url: str = "") -> dict[str, Any]:
    """A `CallLogDetail`."""
    return {
        **_common(row, agent_name),
        "voice_recording_url": row.voice_recording_url or recording_url,
        "critical_categories": categories_of(row),
        "agent_id": str(row.agent_id),
        "metadata": dict(row.call_metadata or {}),
        "dynamic_variables": dict(row.dynamic_variables or {}),
        "testing_channel_index": _testing_channel(row),
        "rubric": row.rubric,
        "user_generated_transcript": None,
        "project": row.project_id,
    }


def _testing_channel(row: CallLog) -> int | None:
    main = (row.attrs or {}).get("main_agent_channel_index")
    return None if main is None else 1 - int(main)


async def agent_names(session: AsyncSession, rows: Iterable[CallLog]) -> dict[int, str]:
    ids = {r.agent_id for r in rows}
    if not ids:
        return {}
    found = await session.execute(select(Agent.id, Agent.name).where(Agent.id.in_(ids)))
    return {int(i): str(n) for i, n in found.all()}

"""Call-log actions: read, PATCH of source data, delete, evaluate again, vote, suggestions.

Evaluations are only queued here (`eval_state`); `call_logs_background` does them. A call
whose evaluation is running is left untouched by `rerun_evaluation/`, `evaluate_metrics/` and
`reevaluate_metrics`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from voxtest.api.auth import Principal
from voxtest.api.wire._generated import (
    DeleteCallLogsWrite,
    EvaluateMetricsWrite,
    MarkMetricVoteWrite,
    PatchedUpdateCallLogWrite,
    RerunEvaluationWrite,
)
from voxtest.domain import pii, transcripts
from voxtest.domain.call_log_filters import FIELDS, JSON_ROOTS, OPS, FilterProblem, parse_time
from voxtest.errors import ValidationFailed
from voxtest.services import call_logs_recordings as recordings
from voxtest.services import evaluation_votes, tenancy
from voxtest.services.call_logs_ingest import DUPLICATE
from voxtest.services.call_logs_read import refresh_status
from voxtest.services.common import raise_if
from voxtest.services.organizations import organization_limit
from voxtest.settings import Settings
from voxtest.storage.tables import Agent, CallLog, Metric, Organization

MAX_IDS = 1000
Errors = dict[str, list[str]]


async def owned(session: AsyncSession, principal: Principal, call_log_id: int) -> CallLog:
    return await tenancy.owned(session, principal, CallLog, call_log_id)


def queue(row: CallLog, metric_ids: Sequence[int] | None = None) -> bool:
    """Queue the call's evaluation (all its metrics, or these keeping the others); False when
    its evaluation is running."""
    if row.eval_state == "evaluating":
        return False
    row.eval_state, row.eval_metric_ids = "queued", list(metric_ids) if metric_ids else None
    return True


async def patch(
    session: AsyncSession, principal: Principal, row: CallLog, body: PatchedUpdateCallLogWrite
) -> bool:
    """Apply the source data; True when an evaluation was queued."""
    given = body.given()
    if "call_id" in given and given["call_id"] != row.call_id:
        await _change_call_id(session, principal, row, given["call_id"])
    if "transcript_json" in given:
        kind = given.get("transcript_type") or transcripts.detect(given["transcript_json"])
        try:
            turns = transcripts.normalise(kind, given["transcript_json"])
        except transcripts.TranscriptProblem as exc:
            raise ValidationFailed(
                {"transcript_json": [f"Not a {kind} transcript: {exc}"]}
            ) from None
        row.transcript = pii.redact_transcript(turns, (row.attrs or {}).get("redact_fields") or [])
        row.transcript_type = kind
    if "timestamp" in given:
        try:
            row.timestamp = parse_time(given["timestamp"], "timestamp")
        except FilterProblem:
            raise ValidationFailed({"timestamp": ["Give an ISO 8601 time."]}) from None
    if "duration" in given:
        row.duration_s = float(given["duration"]) * 60.0
    for key in ("call_ended_reason", "customer_number", "feedback"):
        if key in given:
            setattr(row, key, given[key] or "")
    if "metadata" in given:
        row.call_metadata = {**(row.call_metadata or {}), **given["metadata"]}
    if "dynamic_variables" in given:
        row.dynamic_variables = {**(row.dynamic_variables or {}), **given["dynamic_variables"]}
    if "status" in given:
        _review(row, given["status"])
    refresh_status(row)
    return bool(given.get("reevaluate_metrics")) and queue(row)


def _review(row: CallLog, status: str) -> None:
    """A person's outcome: `reviewed_*` marks the call reviewed, `success`/`failure` sets it."""
    if status.startswith("reviewed_"):
        row.review_status = status
        row.success = status == "reviewed_success"
    else:
        row.review_status = None
        row.success = status == "success"
    row.attrs = {**(row.attrs or {}), "human_status": status}


async def _change_call_id(
    session: AsyncSession, principal: Principal, row: CallLog, call_id: str
) -> None:
    org = await session.get(Organization, principal.organization_id)
    if org is not None and organization_limit(org, "allow_duplicate_call_ids"):
        row.call_id, row.unique_call_id = call_id, None
        return
    taken = await session.scalar(
        select(func.count()).where(
            CallLog.organization_id == row.organization_id,
            CallLog.unique_call_id == call_id,
            CallLog.id != row.id,
        )
    )
    if taken:
        raise ValidationFailed({"call_id": [DUPLICATE]})
    row.call_id, row.unique_call_id = call_id, call_id
    try:
        await session.flush()
    except IntegrityError:
        raise ValidationFailed({"call_id": [DUPLICATE]}) from None


async def remove(
    session: AsyncSession, settings: Settings, rows: Sequence[CallLog], retain: bool
) -> None:
    """Delete the calls with their recordings; `retain`: keep each row's evaluation and drop
    only its transcript, recording and source data."""
    for row in rows:
        recordings.remove(settings, row)
        if retain:
            row.transcript, row.call_metadata, row.dynamic_variables = [], {}, {}
            row.voice_recording_url = None
            row.attrs = {**(row.attrs or {}), "source_deleted": True}
    if not retain:
        await session.execute(delete(CallLog).where(CallLog.id.in_([r.id for r in rows])))


async def bulk_targets(
    session: AsyncSession, principal: Principal, body: DeleteCallLogsWrite
) -> list[CallLog]:
    raise_if(body.missing())
    given = body.given()
    ids = _id_list(given.get("call_logs"), "call_logs")
    query = tenancy.visible(principal, CallLog).where(CallLog.id.in_(ids))
    if given.get("agent_id") is not None:
        query = query.where(CallLog.agent_id == given["agent_id"])
    rows = list(await session.scalars(query))
    unknown = sorted(set(ids) - {r.id for r in rows})
    if unknown:
        raise ValidationFailed({"call_logs": [f"Call logs {unknown} do not exist."]})
    return rows


async def evaluate_metrics(
    session: AsyncSession, principal: Principal, body: EvaluateMetricsWrite
) -> list[CallLog]:
    """Queue the chosen metrics on the chosen calls (their other values kept)."""
    errors: Errors = body.missing()
    given = body.given()
    if given.get("agent_id") is None and given.get("project_id") is None:
        errors["agent_id"] = ["Give agent_id or project_id."]
    raise_if(errors)
    ids = _id_list(given["call_logs"], "call_logs")
    metric_ids = _id_list(given["metrics"], "metrics")
    query = tenancy.visible(principal, CallLog).where(CallLog.id.in_(ids))
    if given.get("agent_id") is not None:
        query = query.where(CallLog.agent_id == given["agent_id"])
    if given.get("project_id") is not None:
        query = query.where(CallLog.project_id == given["project_id"])
    rows = list(await session.scalars(query.order_by(CallLog.id)))
    unknown = sorted(set(ids) - {r.id for r in rows})
    if unknown:
        errors["call_logs"] = [f"Call logs {unknown} are not calls of this agent or project."]
    metrics = list(
        await session.scalars(tenancy.visible(principal, Metric).where(Metric.id.in_(metric_ids)))
    )
    outside = sorted(
        set(metric_ids)
        - {
            m.id
            for m in metrics
            if all(m.project_id == r.project_id and m.agent_id in (None, r.agent_id) for r in rows)
        }
    )
    if outside:
        errors["metrics"] = [f"Metrics {outside} do not belong to the calls' agent or project."]
    raise_if(errors)
    for row in rows:
        queue(row, metric_ids)
        refresh_status(row)
    return rows


async def rerun(
    session: AsyncSession, principal: Principal, body: RerunEvaluationWrite
) -> list[CallLog]:
    """Queue every metric again; `success` goes back to null unless the call was reviewed."""
    given = body.given()
    errors: Errors = body.missing("call_logs") if "call_logs" not in given else {}
    if ("agent_id" in given) == ("assistant_id" in given):
        errors["agent_id"] = ["Give agent_id or assistant_id, not both."]
    raise_if(errors)
    agents = tenancy.visible(principal, Agent)
    if "agent_id" in given:
        agents = agents.where(Agent.id == given["agent_id"])
    else:
        agents = agents.where(Agent.assistant_id == str(given["assistant_id"]))
    agent_ids = list(await session.scalars(agents.with_only_columns(Agent.id)))
    if not agent_ids:
        raise ValidationFailed({"agent_id": ["No such agent."]})
    query = tenancy.visible(principal, CallLog).where(CallLog.agent_id.in_(agent_ids))
    if given["call_logs"] != "all":
        ids = _id_list(given["call_logs"], "call_logs")
        query = query.where(CallLog.id.in_(ids))
    rows = list(await session.scalars(query.order_by(CallLog.id)))
    if given["call_logs"] != "all":
        unknown = sorted(set(ids) - {r.id for r in rows})
        if unknown:
            raise ValidationFailed({"call_logs": [f"Call logs {unknown} are not this agent's."]})
    for row in rows:
        if queue(row):
            if not row.is_reviewed:
                row.success = None
            refresh_status(row)
    return rows


async def vote(
    session: AsyncSession, principal: Principal, row: CallLog, body: MarkMetricVoteWrite
) -> None:
    await session.refresh(row, with_for_update=True)
    await evaluation_votes.vote(session, principal, row, body)
    refresh_status(row)


def _id_list(raw: Any, field: str) -> list[int]:
    if isinstance(raw, str) or not isinstance(raw, list) or not raw:
        raise ValidationFailed({field: ["This list may not be empty."]})
    if len(raw) > MAX_IDS:
        raise ValidationFailed({field: [f"Send at most {MAX_IDS} ids at a time."]})
    return list(dict.fromkeys(int(i) for i in raw))


# -- suggestions for the dashboard's filter boxes ------------------------------------------


def vocabulary() -> dict[str, Any]:
    """What `filters_v2` accepts (`filters/`)."""
    ops_by_kind = {
        "bool": ["eq", "neq", "in", "isnull"],
        "int": ["eq", "neq", "gt", "gte", "lt", "lte", "in", "isnull"],
        "number": ["eq", "neq", "gt", "gte", "lt", "lte", "in", "isnull"],
        "time": ["eq", "neq", "gt", "gte", "lt", "lte", "in", "isnull"],
        "text": ["eq", "neq", "contains", "startswith", "in", "isnull"],
        "json": list(OPS),
    }
    fields = [{"field": f, "type": k, "ops": ops_by_kind[k]} for f, k in FIELDS.items()]
    fields += [{"field": f"{r}.<key>", "type": "json", "ops": list(OPS)} for r in JSON_ROOTS]
    return {"operators": ["and", "or"], "ops": list(OPS), "fields": fields}


async def suggestions(
    session: AsyncSession,
    principal: Principal,
    column: Any,
    search: str | None,
    agent_id: int | None,
    project_id: int | None,
    limit: int = 20,
) -> list[str]:
    """Distinct values of `column` (call ids, customer numbers) starting with `search`."""
    query = tenancy.visible(principal, CallLog).with_only_columns(column).where(column != "")
    if search:
        query = query.where(column.startswith(search, autoescape=True))
    if agent_id is not None:
        query = query.where(CallLog.agent_id == agent_id)
    if project_id is not None:
        query = query.where(CallLog.project_id == project_id)
    rows = await session.scalars(query.distinct().order_by(column).limit(limit))
    return list(rows)

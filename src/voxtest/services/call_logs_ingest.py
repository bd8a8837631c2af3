"""Ingesting one production call (`observe/` and the provider webhooks): check, normalise,
redact, store, count for sampling, queue its evaluation.

The transcript is normalised to the canonical format (`voxtest.domain.transcripts`) and
redacted (`voxtest.domain.pii`, the call's `redact_fields` or else the agent's) before anything
is stored. The call is numbered in its project's sampling accumulator in the same
transaction, so the sampled share is exact across processes. The evaluation is queued in the
row (`eval_state`); `call_logs_background` picks it up. A recording URL's download is queued
as a job (`call_logs_fetch`).
"""

from __future__ import annotations

import ipaddress
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

from pydantic import ValidationError
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from voxtest.api.auth import Principal
from voxtest.api.errors import errors_to_drf
from voxtest.api.wire._generated import CreateCallLogWrite
from voxtest.domain import pii, sampling, transcripts
from voxtest.domain.addresses import is_public_address
from voxtest.domain.call_log_filters import FilterProblem, parse_time
from voxtest.errors import ValidationFailed
from voxtest.services import call_logs_recordings as recordings
from voxtest.services import call_logs_sampling, tenancy
from voxtest.services.call_logs_fetch import queue_fetch
from voxtest.services.call_logs_read import refresh_status
from voxtest.services.common import raise_if
from voxtest.services.organizations import organization_limit
from voxtest.settings import Settings
from voxtest.storage.tables import Agent, CallLog, Metric, Organization
from voxtest.storage.tables.base import utcnow
from voxtest.urls import url_problem

Errors = dict[str, list[str]]
DUPLICATE = "A call log with this call_id already exists in your organization."


@dataclass
class Recording:
    """An uploaded recording file (multipart `voice_recording`)."""

    filename: str
    data: bytes


@dataclass
class Incoming:
    """One call as sent, before checks: the body's fields and an uploaded recording."""

    fields: dict[str, Any]
    recording: Recording | None = None
    source: str = "observe"
    extra_attrs: dict[str, Any] = field(default_factory=dict)


def parse_body(fields: Mapping[str, Any]) -> CreateCallLogWrite:
    """The body as the reference's `CreateCallLog`; JSON-valued form fields are decoded."""
    decoded = dict(fields)
    for key in ("transcript_json", "metadata", "dynamic_variables", "redact_fields"):
        value = decoded.get(key)
        if isinstance(value, str) and value.strip()[:1] in ("[", "{"):
            try:
                decoded[key] = json.loads(value)
            except ValueError:
                raise ValidationFailed({key: ["Value must be valid JSON."]}) from None
    try:
        return CreateCallLogWrite.model_validate(decoded)
    except ValidationError as exc:
        raise ValidationFailed(errors_to_drf(list(exc.errors()))) from None  # type: ignore[arg-type]


async def ingest(
    session: AsyncSession, principal: Principal, settings: Settings, incoming: Incoming
) -> CallLog:
    """Store the call with its evaluation queued, or 400 with every problem found."""
    body = parse_body(incoming.fields)
    given = body.given()
    errors: Errors = body.missing()
    agent = await find_agent(session, principal, given, errors)
    turns = _transcript(given, errors)
    when = _timestamp(given.get("timestamp"), errors)
    url = _recording_url(given.get("voice_recording_url"), settings, errors)
    for key in ("metadata", "dynamic_variables"):
        if given.get(key) is not None and not isinstance(given[key], dict):
            errors[key] = [
                f'Expected a dictionary of items but got type "{type(given[key]).__name__}".'
            ]
    metric_ids = await _metric_ids(session, agent, given.get("metric_ids"), errors)
    if incoming.recording is not None:
        errors.update(
            recordings.check(incoming.recording.filename, incoming.recording.data, settings)
        )
    raise_if(errors)
    assert agent is not None
    redact = list(given.get("redact_fields") or _agent_redact_fields(agent))
    org = await session.get(Organization, principal.organization_id)
    unique = (
        None if org and organization_limit(org, "allow_duplicate_call_ids") else given["call_id"]
    )
    if unique is not None and await _exists(session, principal.organization_id, unique):
        raise ValidationFailed({"call_id": [DUPLICATE]})
    stored = pii.redact_transcript(turns, redact)
    row = CallLog(
        organization_id=agent.organization_id,
        project_id=agent.project_id,
        agent_id=agent.id,
        call_id=given["call_id"],
        unique_call_id=unique,
        trace_id=given.get("trace_id") or "",
        timestamp=when or utcnow(),
        duration_s=max((t["end_time"] for t in stored), default=None),
        call_ended_reason=(given.get("call_ended_reason") or "")[:100],
        customer_number=(given.get("customer_number") or "")[:100],
        transcript_type=given.get("transcript_type") or "cekura",
        transcript=stored,
        call_metadata=dict(given.get("metadata") or {}),
        dynamic_variables=dict(given.get("dynamic_variables") or {}),
        voice_recording_url=url,
        feedback=given.get("feedback") or "",
        success=None,
        eval_state="queued",
        attrs={
            "source": incoming.source,
            "assistant_id": given.get("assistant_id"),
            "redact_fields": redact,
            "main_agent_channel_index": given.get("main_agent_channel_index"),
            "metric_ids": metric_ids,
            **incoming.extra_attrs,
        },
    )
    refresh_status(row)
    session.add(row)
    try:
        await session.flush()
    except IntegrityError:
        raise ValidationFailed({"call_id": [DUPLICATE]}) from None
    if incoming.recording is not None:
        row.recording_path = recordings.store(
            settings, row, incoming.recording.filename, incoming.recording.data
        )
    elif url:
        await queue_fetch(session, row)
    number = await call_logs_sampling.next_number(session, agent.project_id)
    rate = await call_logs_sampling.project_rate(session, agent.project_id)
    row.sampled = sampling.is_sampled(number, rate)
    row.attrs = {**row.attrs, "sample_number": number}
    return row


async def find_agent(
    session: AsyncSession,
    principal: Principal,
    given: Mapping[str, Any],
    errors: Errors,
    field: str = "agent",
) -> Agent | None:
    """The caller's agent named by `given[field]` (its id) or `given["assistant_id"]`; a
    problem goes to `errors`."""
    if given.get(field) is not None:
        query = tenancy.visible(principal, Agent).where(Agent.id == given[field])
        found = (await session.scalars(query)).first()
        if found is None:
            errors[field] = [f'Invalid pk "{given[field]}" - object does not exist.']
        return found
    if given.get("assistant_id"):
        query = tenancy.visible(principal, Agent).where(Agent.assistant_id == given["assistant_id"])
        found = (await session.scalars(query.order_by(Agent.id))).first()
        if found is None:
            errors["assistant_id"] = [f"No agent has the assistant id {given['assistant_id']!r}."]
        return found
    errors[field] = [f"Give {field} (the agent's id) or assistant_id."]
    return None


def _transcript(given: Mapping[str, Any], errors: Errors) -> list[dict[str, Any]]:
    kind = given.get("transcript_type") or "cekura"
    data = given.get("transcript_json")
    if kind == transcripts.NO_TRANSCRIPT:
        errors["transcript_type"] = [
            "voxtest does not transcribe recordings; send the call's transcript_json in one of "
            f"the formats {', '.join(transcripts.FORMATS)}."
        ]
        return []
    try:
        return transcripts.normalise(kind, data, given.get("main_agent_channel_index"))
    except transcripts.TranscriptProblem as exc:
        errors["transcript_json"] = [f"Not a {kind} transcript: {exc}"]
        return []


def _timestamp(value: Any, errors: Errors) -> datetime | None:
    if value in (None, ""):
        return None
    try:
        return parse_time(value, "timestamp")
    except FilterProblem:
        errors["timestamp"] = [
            "Datetime has wrong format. Use one of these formats instead: "
            "YYYY-MM-DDThh:mm[:ss[.uuuuuu]][+HH:MM|-HH:MM|Z]."
        ]
        return None


def _recording_url(value: Any, settings: Settings, errors: Errors) -> str | None:
    if not value:
        return None
    problem = url_problem(str(value))
    if problem is None and not settings.allow_private_urls and _literal_private(str(value)):
        problem = "Loopback, private and link-local addresses are not allowed."
    if problem:
        errors["voice_recording_url"] = [problem]
    return str(value)


def _literal_private(url: str) -> bool:
    host = urlsplit(url).hostname or ""
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return not is_public_address(ipaddress.ip_address(host))
    except ValueError:
        return False


async def _metric_ids(
    session: AsyncSession, agent: Agent | None, raw: Any, errors: Errors
) -> list[int] | None:
    if not raw or agent is None:
        return None
    try:
        ids = list(dict.fromkeys(int(p) for p in str(raw).split(",") if p.strip()))
    except ValueError:
        errors["metric_ids"] = ['Give metric ids separated by commas, e.g. "118,119".']
        return None
    rows = await session.scalars(
        select(Metric.id).where(
            Metric.id.in_(ids),
            Metric.project_id == agent.project_id,
            (Metric.agent_id.is_(None)) | (Metric.agent_id == agent.id),
        )
    )
    unknown = sorted(set(ids) - set(rows))
    if unknown:
        errors["metric_ids"] = [f"Metrics {unknown} are not metrics of this agent or its project."]
    return ids


def _agent_redact_fields(agent: Agent) -> list[str]:
    provider = (agent.attrs or {}).get("provider") or {}
    return [k for k in provider.get("redact_fields") or [] if k in pii.TOKENS]


async def _exists(session: AsyncSession, org_id: int, call_id: str) -> bool:
    query = select(CallLog.id).where(
        CallLog.organization_id == org_id, CallLog.unique_call_id == call_id
    )
    return (await session.scalars(query.limit(1))).first() is not None

"""Provider webhooks into call logs (Vapi, Retell, Pipecat, LiveKit) and Cekura's
custom-provider batch push, which also attaches transcripts to simulation runs.

Each webhook body is mapped to `observe/`'s fields and ingested the same way; events that
carry no finished call (Vapi status updates, Retell `call_started`) are acknowledged and
ignored, and a call id already stored is not stored twice (Retell sends `call_ended` then
`call_analyzed`). The agent is found by the provider's assistant id, or `?agent=` in the
webhook URL.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from voxtest.api.auth import Principal
from voxtest.domain.transcripts import TranscriptProblem, custom_provider
from voxtest.domain.transcripts.common import number
from voxtest.errors import ValidationFailed
from voxtest.services import tenancy
from voxtest.services.call_logs_ingest import DUPLICATE, Incoming
from voxtest.storage.tables import Agent, Run
from voxtest.storage.tables.base import utcnow

ATTACH_WINDOW = timedelta(minutes=5)  # a pushed call matches a run that ended this recently


def _present(fields: dict[str, Any]) -> dict[str, Any]:
    """The fields with a value (a webhook's missing values are not nulls sent on purpose)."""
    return {k: v for k, v in fields.items() if v is not None}


def _iso(value: Any) -> str | None:
    moment = number(value)
    if moment is None:
        return None
    seconds = moment / 1000.0 if moment > 1e11 else moment
    return datetime.fromtimestamp(seconds, UTC).isoformat()


def vapi(body: Mapping[str, Any], agent: int | None) -> Incoming | None:
    inner = body.get("message")
    message: Mapping[str, Any] = inner if isinstance(inner, Mapping) else body
    if message.get("type") not in (None, "end-of-call-report"):
        return None
    call = message.get("call") or {}
    artifact = message.get("artifact") or {}
    return Incoming(
        _present(
            {
                "call_id": call.get("id") or message.get("id"),
                "agent": agent,
                "assistant_id": None
                if agent
                else call.get("assistantId") or message.get("assistantId"),
                "transcript_type": "vapi",
                "transcript_json": artifact.get("messages") or message.get("messages") or [],
                "voice_recording_url": artifact.get("recordingUrl") or message.get("recordingUrl"),
                "call_ended_reason": message.get("endedReason"),
                "customer_number": (call.get("customer") or {}).get("number"),
                "timestamp": message.get("startedAt") or call.get("startedAt"),
                "metadata": call.get("metadata") or {},
                "dynamic_variables": (call.get("assistantOverrides") or {}).get("variableValues")
                or {},
            }
        ),
        source="vapi",
    )


def retell(body: Mapping[str, Any], agent: int | None) -> Incoming | None:
    if body.get("event") not in ("call_ended", "call_analyzed"):
        return None
    call = body.get("call") or {}
    inbound = call.get("direction") == "inbound"
    return Incoming(
        _present(
            {
                "call_id": call.get("call_id"),
                "agent": agent,
                "assistant_id": None if agent else call.get("agent_id"),
                "transcript_type": "retell",
                "transcript_json": call.get("transcript_with_tool_calls")
                or call.get("transcript_object")
                or [],
                "voice_recording_url": call.get("recording_url"),
                "call_ended_reason": call.get("disconnection_reason"),
                "customer_number": call.get("from_number") if inbound else call.get("to_number"),
                "timestamp": _iso(call.get("start_timestamp")),
                "metadata": call.get("metadata") or {},
                "dynamic_variables": call.get("retell_llm_dynamic_variables") or {},
            }
        ),
        source="retell",
    )


def pipecat(body: Mapping[str, Any], agent: int | None) -> Incoming | None:
    return _session_webhook(body, agent, "pipecat", ("transcript", "messages", "context"))


def livekit(body: Mapping[str, Any], agent: int | None) -> Incoming | None:
    return _session_webhook(body, agent, "livekit", ("chat_history", "history", "transcript"))


def _session_webhook(
    body: Mapping[str, Any], agent: int | None, kind: str, keys: tuple[str, ...]
) -> Incoming:
    """Pipecat and LiveKit session webhooks: the session's history must be in the body
    (voxtest does not fetch egress buckets)."""
    transcript = next((body[k] for k in keys if body.get(k) is not None), None)
    given_agent = agent if agent is not None else body.get("agent")
    incoming = Incoming(
        _present(
            {
                "call_id": body.get("call_id") or body.get("session_id") or body.get("room_name"),
                "agent": given_agent,
                "assistant_id": None if given_agent is not None else body.get("agent_id"),
                "transcript_type": kind,
                "transcript_json": transcript or [],
                "voice_recording_url": body.get("recording_url") or body.get("voice_recording_url"),
                "call_ended_reason": body.get("ended_reason") or body.get("call_ended_reason"),
                "customer_number": body.get("customer_number") or body.get("phone_number"),
                "timestamp": body.get("started_at") or body.get("timestamp"),
                "metadata": body.get("metadata") or {},
                "dynamic_variables": body.get("dynamic_variables") or {},
                "trace_id": body.get("trace_id") or "",
            }
        ),
        source=kind,
    )
    if transcript is None and body.get("egress_s3_key"):
        incoming.extra_attrs["egress_s3_key"] = body["egress_s3_key"]
    return incoming


# -- the custom-provider batch push ---------------------------------------------------------


async def custom_batch(
    session: AsyncSession, principal: Principal, body: Any
) -> tuple[Agent, list[tuple[Run, list[dict[str, Any]], Mapping[str, Any]]], list[Incoming]]:
    """The push `{agent_id, calls: [...]}` split into transcripts for runs and new calls."""
    if not isinstance(body, Mapping):
        raise ValidationFailed({"non_field_errors": ["Expected an object."]})
    errors: dict[str, Any] = {}
    agent = None
    if body.get("agent_id") is None:
        errors["agent_id"] = ["This field is required."]
    else:
        query = tenancy.visible(principal, Agent).where(Agent.id == _int(body["agent_id"]))
        agent = (await session.scalars(query)).first()
        if agent is None:
            errors["agent_id"] = [f'Invalid pk "{body["agent_id"]}" - object does not exist.']
    calls = body.get("calls")
    if not isinstance(calls, list) or not calls:
        errors["calls"] = ["This list may not be empty."]
    if errors:
        raise ValidationFailed(errors)
    assert agent is not None and isinstance(calls, list)
    to_runs: list[tuple[Run, list[dict[str, Any]], Mapping[str, Any]]] = []
    new_calls: list[Incoming] = []
    problems: list[dict[str, list[str]]] = []
    for call in calls:
        problem: dict[str, list[str]] = {}
        if not isinstance(call, Mapping):
            problems.append({"non_field_errors": ["Expected an object."]})
            continue
        try:
            turns = custom_provider.parse(call.get("messages") or [], call.get("startedAt"))
        except TranscriptProblem as exc:
            problem["messages"] = [str(exc)]
            turns = []
        run = await _matching_run(session, principal, agent, call, problem)
        problems.append(problem)
        if problem:
            continue
        if run is not None:
            to_runs.append((run, turns, call))
        else:
            new_calls.append(_as_call_log(agent, call, turns))
    if any(problems):
        raise ValidationFailed({"calls": problems})
    return agent, to_runs, new_calls


def _int(value: Any) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        raise ValidationFailed({"agent_id": ["A valid integer is required."]}) from None


async def _matching_run(
    session: AsyncSession,
    principal: Principal,
    agent: Agent,
    call: Mapping[str, Any],
    problem: dict[str, list[str]],
) -> Run | None:
    """The run named by `run_id`, or the agent's run that ended within 5 minutes whose number
    is the call's (`to_phone_number` or `from_phone_number`)."""
    if call.get("run_id") is not None:
        query = tenancy.visible(principal, Run).where(
            Run.id == _int(call["run_id"]), Run.agent_id == agent.id
        )
        run = (await session.scalars(query)).first()
        if run is None:
            problem["run_id"] = [f"Run {call['run_id']} is not a run of agent {agent.id}."]
        return run
    numbers = {str(call.get(k)) for k in ("to_phone_number", "from_phone_number") if call.get(k)}
    if not numbers:
        return None
    recent = tenancy.visible(principal, Run).where(
        Run.agent_id == agent.id, Run.created_at >= utcnow() - timedelta(hours=2)
    )
    for run in await session.scalars(recent.order_by(Run.id.desc()).limit(200)):
        ended = run.finished_at
        if ended is not None and ended < utcnow() - ATTACH_WINDOW:
            continue
        if numbers & _run_numbers(run):
            return run
    return None


def _run_numbers(run: Run) -> set[str]:
    details, snap = run.details or {}, run.snapshot or {}
    found = (
        details.get("outbound_number"),
        details.get("inbound_number"),
        details.get("phone_number"),
        snap.get("phone_number"),
        (snap.get("test_profile_data") or {}).get("phone_number"),
    )
    return {str(n) for n in found if n}


def _as_call_log(agent: Agent, call: Mapping[str, Any], turns: list[dict[str, Any]]) -> Incoming:
    inbound = bool((agent.attrs or {}).get("inbound", True))
    customer = call.get("from_phone_number") if inbound else call.get("to_phone_number")
    started = call.get("startedAt")
    return Incoming(
        _present(
            {
                "call_id": str(call.get("id") or ""),
                "agent": agent.id,
                "transcript_type": "cekura",
                "transcript_json": turns,
                "customer_number": customer,
                "call_ended_reason": call.get("endedReason"),
                "timestamp": _iso(started) if isinstance(started, int | float) else started,
                "metadata": call.get("metadata") or {},
                "trace_id": call.get("trace_id") or "",
            }
        ),
        source="custom_provider",
    )


async def attach_to_run(
    session: AsyncSession, run: Run, turns: list[dict[str, Any]], call: Mapping[str, Any]
) -> None:
    """The provider's transcript replaces the run's (its own record is kept in details)."""
    run.transcript = turns
    run.duration_s = max((t["end_time"] for t in turns), default=run.duration_s)
    run.details = {
        **(run.details or {}),
        "provider_call_id": call.get("id"),
        "provider_transcript": True,
        **({"ended_reason": call["endedReason"]} if call.get("endedReason") else {}),
    }
    if call.get("endedReason"):
        run.ended_reason = str(call["endedReason"])[:64]


async def known_call(session: AsyncSession, principal: Principal, call_id: Any) -> bool:
    from voxtest.storage.tables import CallLog

    if not call_id:
        return False
    query = select(CallLog.id).where(
        CallLog.organization_id == principal.organization_id, CallLog.call_id == str(call_id)
    )
    return (await session.scalars(query.limit(1))).first() is not None


__all__ = [
    "DUPLICATE",
    "attach_to_run",
    "custom_batch",
    "known_call",
    "livekit",
    "pipecat",
    "retell",
    "vapi",
]

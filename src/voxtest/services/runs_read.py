"""Runs as the wire shows them (`Run`, `RunList`, the run request's summary)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from pydantic import BaseModel
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from voxtest.api.wire._generated import Run as RunShape
from voxtest.api.wire._generated import RunList
from voxtest.api.wire.base import shaped
from voxtest.domain.transcript import Transcript, clock
from voxtest.services import mock_selection
from voxtest.services.common import iso
from voxtest.storage.tables import Agent, Result, Run

__all__ = ["RunShape", "created_run", "detail", "listed", "serialize_many"]

TERMINAL = frozenset({"completed", "failed", "timeout", "cancelled"})


def duration(run: Run) -> str | None:
    return clock(run.duration_s) if run.duration_s is not None else None


def created_run(run: Run) -> dict[str, Any]:
    """A run in the run request's answer."""
    snap = run.snapshot or {}
    return {
        "id": run.id,
        "status": run.status,
        "scenario": run.scenario_id,
        "inbound_number": None,
        "scenario_name": snap.get("scenario_name"),
        "test_profile_data": snap.get("test_profile_data"),
    }


def text_transcript(run: Run) -> str:
    return Transcript.from_cekura(run.transcript or []).render_text()


def full(
    run: Run,
    agent_name: str | None,
    result_name: str | None,
    run_type: str | None = None,
    mocked_tool_names: list[str] | None = None,
) -> dict[str, Any]:
    """Every field any run shape has; `shaped` cuts it to one."""
    snap = run.snapshot or {}
    profile = snap.get("test_profile_data")
    return {
        "id": run.id,
        "scenario": run.scenario_id,
        "scenario_name": snap.get("scenario_name"),
        "scenario_type": snap.get("scenario_type"),
        "personality": run.personality_id,
        "personality_name": snap.get("personality_name"),
        "agent": run.agent_id,
        "agent_name": agent_name,
        "result_id": run.result_id,
        "result_name": result_name,
        "expected_outcome_prompt": snap.get("expected_outcome_prompt") or "",
        **_evaluated(run),
        "transcript": text_transcript(run),
        "transcript_object": [_turn(t) for t in run.transcript or []],
        "duration": duration(run) or "00:00",
        "status": run.status,
        "metadata": run.details or {},
        "success": run.success,
        "is_reviewed": run.review_status is not None,
        "feedback": "",
        "timestamp": iso(run.created_at),
        "executed_at": iso(run.executed_at),
        "critical_categories": [],
        "error_message": run.error_message or "",
        "scenario_instructions": snap.get("instructions") or "",
        **_voice(run, run_type),
        "test_profile_data": profile,
        "test_profile_name": snap.get("test_profile_name") or "",
        "generated_mock_tool_entries": snap.get("generated_mock_tool_entries") or [],
        "mocked_tool_names": mocked_tool_names or [],
        "agent_number": None,
    }


def _voice(run: Run, run_type: str | None) -> dict[str, Any]:
    """A run's type (its request's, also while pending) and a voice run's recording
    (docs/design/0006-voice-runs.md)."""
    voice = (run.details or {}).get("voice")
    kind = run_type or ("CHIRP" if isinstance(voice, dict) else "Text")
    out: dict[str, Any] = {"run_as_text": kind == "Text", "run_type": kind}
    if not isinstance(voice, dict):
        return out
    recording = voice.get("recording") or {}
    if recording.get("url"):
        out["voice_recording_url"] = recording["url"]
        out["testing_channel_index"] = recording.get("testing_channel_index", 0)
    return out


def _evaluated(run: Run) -> dict[str, Any]:
    """The evaluation fields, present once the run was evaluated."""
    out: dict[str, Any] = {}
    if run.evaluation:
        out["evaluation"] = run.evaluation
    if run.expected_outcome is not None:
        out["expected_outcome"] = run.expected_outcome
    if run.rubric is not None:
        out["rubric"] = run.rubric
    if run.evaluation or run.rubric is not None:  # a person's votes override the judged verdict
        out["evaluation_status"] = run.review_status or ("success" if run.success else "failure")
    return out


def _turn(turn: dict[str, Any]) -> dict[str, Any]:
    """A Cekura-format turn with the fields the reference's `transcript_object` adds."""
    content = str(turn.get("content") or "")
    return {
        **turn,
        "timestamp": turn.get("start_time", 0.0),
        "normalized_content": " ".join(content.lower().split()),
        "comparison_spans": [],
    }


async def serialize_many(
    session: AsyncSession, rows: Sequence[Run], model: type[BaseModel]
) -> list[dict[str, Any]]:
    agent_ids = {r.agent_id for r in rows}
    result_ids = {r.result_id for r in rows}
    agents = dict(
        (await session.execute(select(Agent.id, Agent.name).where(Agent.id.in_(agent_ids)))).all()
    )
    results = {
        result_id: (name, run_type, settings)
        for result_id, name, run_type, settings in await session.execute(
            select(Result.id, Result.name, Result.run_type, Result.run_settings).where(
                Result.id.in_(result_ids)
            )
        )
    }
    tools = await mock_selection.tool_names(session, agent_ids)
    out = []
    for r in rows:
        name, run_type, settings = results.get(r.result_id, (None, None, None))
        mocked = mock_selection.selected(
            (settings or {}).get(mock_selection.FIELD), tools.get(r.agent_id, [])
        )
        out.append(shaped(full(r, agents.get(r.agent_id), name, run_type, mocked), model))
    return out


async def detail(session: AsyncSession, run: Run) -> dict[str, Any]:
    return (await serialize_many(session, [run], RunShape))[0]


async def listed(session: AsyncSession, rows: Sequence[Run]) -> list[dict[str, Any]]:
    return await serialize_many(session, rows, RunList)

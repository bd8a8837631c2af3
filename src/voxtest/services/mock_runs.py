"""The run side of mock tools: a run's per-scenario entries and seed tables, and what its
calls leave on it once the conversation is over.

Seeds: the test profile's `information.mock_state`, then the scenario's
`information_fields.mock_state` (each replaces the tables it names). The expected end state
is the scenario's `information_fields.expected_mock_state`. When the conversation ends,
`settle()` merges the recorded calls into the transcript (`domain.mock_transcript`) and
stores the end state in the run's metadata as `mock_state` (`{tables, expected}`), read by
the "End State Matches" metric and custom code (`data["mock_state"]`).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from voxtest.domain import mock_state
from voxtest.domain.mock_transcript import RecordedCall, merge
from voxtest.runs.store import Finished
from voxtest.storage.db import Database
from voxtest.storage.tables import MockState, MockToolCall, Run, Scenario, TestProfile, Tool

SEED_KEY = "mock_state"
EXPECTED_KEY = "expected_mock_state"


def scenario_entries(run: Run, tool: Tool) -> list[dict[str, Any]]:
    """The run's `generated_mock_tool_entries` for `tool`, as `{input, output}` entries."""
    out = []
    for item in (run.snapshot or {}).get("generated_mock_tool_entries") or []:
        if not isinstance(item, dict) or not isinstance(item.get("new_entry"), dict):
            continue
        if str(item.get("tool_id")) == str(tool.id) or item.get("tool_name") == tool.name:
            out.append(item["new_entry"])
    return out


async def _fields(session: AsyncSession, run: Run) -> dict[str, Any]:
    scenario = await session.get(Scenario, run.scenario_id) if run.scenario_id else None
    attrs = (scenario.attrs or {}) if scenario else (run.snapshot or {})
    fields = attrs.get("information_fields")
    return fields if isinstance(fields, dict) else {}


async def _profile(session: AsyncSession, run: Run) -> dict[str, Any]:
    snap = run.snapshot or {}
    if "test_profile_information" in snap:
        return dict(snap["test_profile_information"] or {})
    row = await session.get(TestProfile, run.test_profile_id) if run.test_profile_id else None
    return dict(row.information or {}) if row else {}


async def seed_tables(session: AsyncSession, run: Run) -> mock_state.Tables:
    profile = await _profile(session, run)
    return mock_state.seed(profile.get(SEED_KEY), (await _fields(session, run)).get(SEED_KEY))


async def settle(db: Database, run_id: int, done: Finished, started_wall: float | None) -> Finished:
    """`done` with the run's mock calls in its transcript and its end state in the details."""
    async with db.session() as session:
        run = await session.get(Run, run_id)
        if run is None:
            return done
        calls = list(
            await session.scalars(
                select(MockToolCall)
                .where(MockToolCall.run_id == run_id)
                .order_by(MockToolCall.at, MockToolCall.id)
            )
        )
        state = await session.get(MockState, run_id)
        tables = state.tables if state else await seed_tables(session, run)
        expected = (await _fields(session, run)).get(EXPECTED_KEY)
    details = dict(done.details)
    if calls:
        details["mock_tool_calls"] = len(calls)
    if tables or state is not None or expected is not None:
        details[SEED_KEY] = {"tables": tables, "expected": expected}
    if not calls or started_wall is None:
        return replace(done, details=details)
    recorded = [
        RecordedCall(
            call_id=c.call_id,
            name=c.tool_name,
            arguments=c.arguments,
            result=c.result,
            mock={"via": c.via, **(c.match or {})},
            offset_s=c.at.timestamp() - started_wall,
        )
        for c in calls
    ]
    return replace(done, transcript=merge(done.transcript, recorded), details=details)

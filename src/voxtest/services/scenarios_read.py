"""Scenarios as the wire shows them, with their related names loaded in a few queries."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from pydantic import BaseModel
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from voxtest.api.wire.base import shaped
from voxtest.services import scenario_refs as refs
from voxtest.services import test_profiles
from voxtest.services.common import iso
from voxtest.storage.tables import (
    Agent,
    Metric,
    Personality,
    Scenario,
    ScenarioMetric,
    ScenarioTag,
    TestProfile,
)

ATTR_DEFAULTS: dict[str, Any] = {
    "instructions": "",
    "first_message": "",
    "simulation_description": "",
    "information_fields": {},
    "expected_outcome_prompt": "",
    "scenario_language": "en",
    "suite_type": "undefined",
    "is_predefined": False,
    "tool_ids": [],
    "generated_mock_tool_entries": None,
    "dynamic_variable_values": None,
    "max_duration": None,
}


async def serialize_many(
    session: AsyncSession, rows: Sequence[Scenario], model: type[BaseModel]
) -> list[dict[str, Any]]:
    """`rows` in the shape of the reference schema `model`."""
    related = await _Related.load(session, rows)
    return [shaped(related.full(row), model) for row in rows]


async def serialize(session: AsyncSession, row: Scenario, model: type[BaseModel]) -> dict[str, Any]:
    return (await serialize_many(session, [row], model))[0]


class _Related:
    """Tags, metrics, names and test profiles of a batch of scenarios."""

    def __init__(self) -> None:
        self.tags: dict[int, list[str]] = {}
        self.metrics: dict[int, list[int]] = {}
        self.metric_names: dict[int, str] = {}
        self.personalities: dict[int, str] = {}
        self.agents: dict[int, str] = {}
        self.profiles: dict[int, dict[str, Any]] = {}

    @classmethod
    async def load(cls, session: AsyncSession, rows: Sequence[Scenario]) -> _Related:
        out = cls()
        ids = [r.id for r in rows]
        if not ids:
            return out
        tag_rows = await session.execute(
            select(ScenarioTag.scenario_id, ScenarioTag.tag).where(ScenarioTag.scenario_id.in_(ids))
        )
        for sid, tag in tag_rows:
            out.tags.setdefault(sid, []).append(tag)
        metric_rows = await session.execute(
            select(ScenarioMetric.scenario_id, ScenarioMetric.metric_id).where(
                ScenarioMetric.scenario_id.in_(ids)
            )
        )
        for sid, mid in metric_rows:
            out.metrics.setdefault(sid, []).append(mid)
        all_metrics = sorted({m for ms in out.metrics.values() for m in ms})
        out.metric_names = await refs.names_by_id(session, Metric, all_metrics)
        out.personalities = await refs.names_by_id(
            session, Personality, [r.personality_id for r in rows if r.personality_id]
        )
        out.agents = await refs.names_by_id(
            session, Agent, [r.agent_id for r in rows if r.agent_id]
        )
        await out._load_profiles(session, rows)
        return out

    async def _load_profiles(self, session: AsyncSession, rows: Sequence[Scenario]) -> None:
        wanted = {r.test_profile_id for r in rows if r.test_profile_id}
        if not wanted:
            return
        profiles = (
            await session.scalars(select(TestProfile).where(TestProfile.id.in_(wanted)))
        ).all()
        names = await refs.names_by_id(session, Agent, [p.agent_id for p in profiles if p.agent_id])
        for p in profiles:
            self.profiles[p.id] = test_profiles.serialize(p, names.get(p.agent_id or 0))

    def full(self, row: Scenario) -> dict[str, Any]:
        """Every field any scenario shape has; `shaped` cuts it to one."""
        attrs = {**ATTR_DEFAULTS, **(row.attrs or {})}
        metrics = sorted(self.metrics.get(row.id, []))
        return {
            "id": row.id,
            "name": row.name,
            "agent": row.agent_id,
            "project": row.project_id,
            "personality": row.personality_id,
            "personality_name": self.personalities.get(row.personality_id or 0),
            "agent_name": self.agents.get(row.agent_id or 0),
            "tags": sorted(self.tags.get(row.id, [])),
            "tool_ids": attrs["tool_ids"],
            "metrics": metrics,
            "metric_names": [self.metric_names[m] for m in metrics if m in self.metric_names],
            "phone_number": None,
            "outbound_phone_number_data": None,
            "first_message": attrs["first_message"],
            "inbound_phone_number": None,
            "inbound_phone_number_data": None,
            "instructions": attrs["instructions"],
            "simulation_description": attrs["simulation_description"],
            "information_fields": attrs["information_fields"],
            "expected_outcome_prompt": attrs["expected_outcome_prompt"],
            "scenario_language": attrs["scenario_language"],
            "scenario_type": row.scenario_type,
            "suite_type": attrs["suite_type"],
            "is_predefined": attrs["is_predefined"],
            "test_profile": row.test_profile_id,
            "test_profile_data": self.profiles.get(row.test_profile_id or 0),
            "dynamic_variable_values": attrs["dynamic_variable_values"],
            "generated_mock_tool_entries": attrs["generated_mock_tool_entries"],
            "folder_path": row.folder_path,
            "max_duration": attrs["max_duration"],
            "created_at": iso(row.created_at),
            "updated_at": iso(row.updated_at),
            "created_by": _key_id(attrs.get("created_by")),
            "last_updated_by": _key_id(attrs.get("last_updated_by")),
        }


def _key_id(value: Any) -> int | None:
    return value if isinstance(value, int) else None

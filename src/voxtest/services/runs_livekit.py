"""`run_scenarios_livekit_v2/`: LiveKit voice runs on the agent's (or project's) saved
LiveKit credentials.

The request names scenarios (each with an optional `publish_data_message`), a frequency
(1-100), optional personality / test profile overrides and `livekit_data` overrides (`url`,
`agent_name`, `config`). Runs are planned like text runs (scenario x frequency x
personalities x test profiles); each run's snapshot keeps its scenario's data message, the
Result keeps the overrides (no secrets) in `connection["livekit"]`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from voxtest.api.auth import Principal
from voxtest.channels.livekit_server import room_config_problem
from voxtest.domain import fanout
from voxtest.domain.fanout import ScenarioChoice
from voxtest.errors import ValidationFailed
from voxtest.security.secretbox import SecretBox
from voxtest.services import livekit_credentials, tenancy
from voxtest.services.common import raise_if
from voxtest.services.runs_create import (
    NewRun,
    check_personalities,
    create,
    new_result,
    profiles_for,
)
from voxtest.services.runs_websockets import agent_of
from voxtest.storage.tables import Agent, Project, Scenario
from voxtest.urls import url_problem

RUN_TYPE = "LiveKit"
OVERRIDE_KEYS = ("url", "agent_name", "config")


def request_problems(body: Mapping[str, Any]) -> dict[str, list[str]]:
    """What is wrong with the request before the database is read."""
    errors: dict[str, list[str]] = {}
    items = body.get("scenarios") or []
    if not items:
        errors["scenarios"] = ["This list may not be empty."]
    elif any(not isinstance(item.get("scenario"), int) for item in items):
        errors["scenarios"] = ['Each item needs its scenario id: {"scenario": 123}.']
    override = body.get("livekit_data") or {}
    if override.get("url"):
        problem = url_problem(override["url"], schemes=("ws", "wss", "http", "https"))
        if problem:
            errors["livekit_data"] = [f"url: {problem}"]
    if override.get("config") is not None:
        problem = room_config_problem(override["config"])
        if problem:
            errors.setdefault("livekit_data", []).append(f"config: {problem}")
    return errors


async def run_scenarios_livekit(
    session: AsyncSession, box: SecretBox, principal: Principal, body: dict[str, Any]
) -> dict[str, Any]:
    raise_if(request_problems(body))
    wanted = [int(item["scenario"]) for item in body["scenarios"]]
    scenarios = await _scenarios(session, principal, wanted)
    agent = await agent_of(session, principal, body.get("agent"), scenarios)
    _check_project(agent, scenarios)
    override = {k: v for k, v in (body.get("livekit_data") or {}).items() if k in OVERRIDE_KEYS}
    project = await session.get(Project, agent.project_id)
    creds = livekit_credentials.saved(box, agent, project).overridden(override)
    missing = creds.missing()
    if missing:
        raise ValidationFailed(
            {"agent": [f"The agent cannot take LiveKit calls: set {', '.join(missing)}."]}
        )
    personality_ids = _merged(body.get("personality_ids"), body.get("personality_id"))
    profile_ids = _merged(body.get("test_profile_ids"), body.get("test_profile_id"))
    await check_personalities(session, agent, personality_ids)
    profiles = await profiles_for(session, principal, agent, profile_ids)
    messages = {
        int(item["scenario"]): item.get("publish_data_message") for item in body["scenarios"]
    }
    planned = fanout.plan_runs(
        [ScenarioChoice(s.id, s.personality_id, s.test_profile_id) for s in scenarios],
        body.get("frequency") or 1,
        personality_ids,
        profile_ids,
    )
    result = new_result(principal, agent, _settings(body), {"livekit": override}, RUN_TYPE)
    result.name = body.get("name") or ""
    result.concurrency_limit = body.get("concurrency_limit")
    new_runs = [
        NewRun(
            plan.scenario_id,
            plan.personality_id,
            plan.test_profile_id,
            extra={"publish_data_message": messages.get(plan.scenario_id or 0)},
        )
        for plan in planned
    ]
    return await create(session, result, {s.id: s for s in scenarios}, new_runs, profiles)


async def _scenarios(
    session: AsyncSession, principal: Principal, wanted: list[int]
) -> list[Scenario]:
    unique = list(dict.fromkeys(wanted))
    query = tenancy.visible(principal, Scenario).where(Scenario.id.in_(unique))
    found = {s.id: s for s in await session.scalars(query)}
    missing = [i for i in unique if i not in found]
    if missing:
        raise ValidationFailed({"scenarios": [f"Invalid scenarios provided: {missing}."]})
    return [found[i] for i in unique]


def _check_project(agent: Agent, scenarios: list[Scenario]) -> None:
    others = [s.id for s in scenarios if s.project_id != agent.project_id]
    if others:
        raise ValidationFailed(
            {"scenarios": [f"Scenarios {others} are not in the agent's project."]}
        )


def _merged(ids: list[int] | None, single: int | None) -> list[int] | None:
    if single is None:
        return ids
    return list(dict.fromkeys([*(ids or []), single]))


def _settings(body: Mapping[str, Any]) -> dict[str, Any]:
    keys = ("frequency", "personality_ids", "test_profile_ids", "concurrency_limit")
    settings = {k: body[k] for k in keys if body.get(k) is not None}
    settings["scenarios"] = [int(item["scenario"]) for item in body["scenarios"]]
    if body.get("mock_tool_names") is not None:
        settings["mock_tool_names"] = body["mock_tool_names"]
    return settings

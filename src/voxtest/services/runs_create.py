"""`run_scenarios_text/`: validate a run request, create its Result and Runs (pending)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from voxtest.api.auth import Principal
from voxtest.domain import fanout
from voxtest.domain.fanout import PlannedRun, ScenarioChoice
from voxtest.errors import NotFound, ValidationFailed
from voxtest.services import runs_read, scenarios_read, tenancy, test_profiles
from voxtest.services.agents import agents_by_assistant_id
from voxtest.services.common import iso, raise_if
from voxtest.storage.tables import (
    Agent,
    AgentPersonality,
    Personality,
    Result,
    Run,
    Scenario,
    ScenarioTag,
    TestProfile,
)
from voxtest.urls import url_problem

SETTINGS_KEYS = (
    "frequency",
    "personality_ids",
    "test_profile_ids",
    "concurrency_limit",
    "websocket_url",
    "mock_tool_names",
    "scenarios",
    "tags",
    "folder_path",
)


async def run_scenarios_text(
    session: AsyncSession, principal: Principal, body: dict[str, Any]
) -> dict[str, Any]:
    """Create the Result and its Runs; the executor picks the runs up from the database."""
    errors = fanout.request_problems(body)
    if body.get("websocket_url"):
        problem = url_problem(body["websocket_url"], schemes=("ws", "wss"))
        if problem:
            errors["websocket_url"] = [problem]
    raise_if(errors)
    agent = await _agent(session, principal, body)
    scenarios = await _scenarios(session, principal, agent, body)
    await _check_personalities(session, agent, body.get("personality_ids"))
    profiles = await _profiles(session, principal, agent, body.get("test_profile_ids"))
    planned = fanout.plan_runs(
        [ScenarioChoice(s.id, s.personality_id, s.test_profile_id) for s in scenarios],
        body.get("frequency") or 1,
        body.get("personality_ids"),
        body.get("test_profile_ids"),
    )
    result = _new_result(principal, agent, body)
    session.add(result)
    await session.flush()
    runs = await _new_runs(session, result, {s.id: s for s in scenarios}, planned, profiles)
    return await _answer(session, result, runs)


async def _agent(session: AsyncSession, principal: Principal, body: dict[str, Any]) -> Agent:
    if body.get("agent_id") is not None:
        try:
            return await tenancy.owned(session, principal, Agent, body["agent_id"])
        except NotFound:
            raise ValidationFailed({"agent_id": ["Agent not found."]}) from None
    ids = await agents_by_assistant_id(session, principal, body["assistant_id"])
    if not ids:
        raise ValidationFailed({"assistant_id": ["No agent has this assistant_id."]})
    return await tenancy.owned(session, principal, Agent, ids[0])


async def _scenarios(
    session: AsyncSession, principal: Principal, agent: Agent, body: dict[str, Any]
) -> list[Scenario]:
    query = tenancy.visible(principal, Scenario).where(Scenario.project_id == agent.project_id)
    if body.get("scenarios"):
        wanted = list(dict.fromkeys(body["scenarios"]))
        found = {s.id: s for s in await session.scalars(query.where(Scenario.id.in_(wanted)))}
        missing = [i for i in wanted if i not in found]
        if missing:
            raise ValidationFailed({"scenarios": [f"Invalid scenarios provided: {missing}."]})
        return [found[i] for i in wanted]
    query = query.where(or_(Scenario.agent_id == agent.id, Scenario.agent_id.is_(None)))
    if body.get("tags"):
        tagged = select(ScenarioTag.scenario_id).where(ScenarioTag.tag.in_(body["tags"]))
        query = query.where(Scenario.id.in_(tagged))
    else:
        if body["project_id"] != agent.project_id:
            raise ValidationFailed({"project_id": ["The agent is not in this project."]})
        path = body["folder_path"]
        query = query.where(
            or_(Scenario.folder_path == path, Scenario.folder_path.startswith(path + "."))
        )
    rows = list((await session.scalars(query.order_by(Scenario.id))).all())
    if not rows:
        raise ValidationFailed({"scenarios": ["No scenarios match the given selection."]})
    return rows


async def _check_personalities(
    session: AsyncSession, agent: Agent, requested: Sequence[int] | None
) -> None:
    if not requested:
        return
    enabled = set(
        await session.scalars(
            select(AgentPersonality.personality_id).where(AgentPersonality.agent_id == agent.id)
        )
    )
    if fanout.unknown_ids(requested, enabled):
        raise ValidationFailed({"personality_ids": [fanout.INVALID_PERSONALITIES]})


async def _profiles(
    session: AsyncSession, principal: Principal, agent: Agent, requested: Sequence[int] | None
) -> dict[int, TestProfile]:
    if not requested:
        return {}
    query = tenancy.visible(principal, TestProfile).where(
        TestProfile.project_id == agent.project_id, TestProfile.id.in_(requested)
    )
    found = {p.id: p for p in await session.scalars(query)}
    if fanout.unknown_ids(requested, set(found)):
        raise ValidationFailed({"test_profile_ids": [fanout.INVALID_TEST_PROFILES]})
    return found


def _new_result(principal: Principal, agent: Agent, body: dict[str, Any]) -> Result:
    settings = {k: body[k] for k in SETTINGS_KEYS if body.get(k) is not None}
    if body.get("websocket_headers"):
        settings["websocket_headers"] = sorted(body["websocket_headers"])  # names only
    return Result(
        organization_id=principal.organization_id,
        project_id=agent.project_id,
        agent_id=agent.id,
        name=body.get("name") or "",
        status="pending",
        run_as_text=True,
        run_type="Text",
        concurrency_limit=body.get("concurrency_limit"),
        run_settings=settings,
        connection={
            "url": body.get("websocket_url"),
            "headers": {str(k): str(v) for k, v in (body.get("websocket_headers") or {}).items()},
        },
    )


async def _new_runs(
    session: AsyncSession,
    result: Result,
    scenarios: dict[int, Scenario],
    planned: list[PlannedRun],
    profiles: dict[int, TestProfile],
) -> list[Run]:
    personality_ids = {p.personality_id for p in planned if p.personality_id}
    names = dict(
        (
            await session.execute(
                select(Personality.id, Personality.name).where(Personality.id.in_(personality_ids))
            )
        ).all()
    )
    missing = {p.test_profile_id for p in planned if p.test_profile_id} - set(profiles)
    if missing:
        rows = await session.scalars(select(TestProfile).where(TestProfile.id.in_(missing)))
        profiles = {**profiles, **{p.id: p for p in rows}}
    runs = [
        Run(
            organization_id=result.organization_id,
            project_id=result.project_id,
            agent_id=result.agent_id,
            result_id=result.id,
            scenario_id=plan.scenario_id,
            personality_id=plan.personality_id,
            test_profile_id=plan.test_profile_id,
            status="pending",
            snapshot=_snapshot(scenarios[plan.scenario_id], names, profiles, plan),
        )
        for plan in planned
    ]
    session.add_all(runs)
    await session.flush()
    return runs


def _snapshot(
    scenario: Scenario,
    personality_names: dict[int, str],
    profiles: dict[int, TestProfile],
    plan: PlannedRun,
) -> dict[str, Any]:
    attrs = {**scenarios_read.ATTR_DEFAULTS, **(scenario.attrs or {})}
    profile = profiles.get(plan.test_profile_id or 0)
    return {
        "scenario_name": scenario.name,
        "scenario_type": scenario.scenario_type,
        "instructions": attrs["instructions"],
        "expected_outcome_prompt": attrs["expected_outcome_prompt"],
        "language": attrs["scenario_language"],
        "max_duration": attrs["max_duration"],
        "generated_mock_tool_entries": attrs["generated_mock_tool_entries"] or [],
        "personality_name": personality_names.get(plan.personality_id or 0),
        "test_profile_name": profile.name if profile else None,
        "test_profile_data": test_profiles.serialize(profile, None) if profile else None,
    }


async def _answer(session: AsyncSession, result: Result, runs: list[Run]) -> dict[str, Any]:
    await session.refresh(result)
    return {
        "id": result.id,
        "agent": result.agent_id,
        "status": result.status,
        "run_as_text": result.run_as_text,
        "runs": [runs_read.created_run(run) for run in runs],
        "created_at": iso(result.created_at),
    }

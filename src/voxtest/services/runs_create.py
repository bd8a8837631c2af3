"""`run_scenarios_text/`: validate a run request, create its Result and Runs (pending).

`create` (a Result and its planned runs) is shared by every way of starting runs:
`run_scenarios_with_websockets/` (`runs_websockets`) and `results/{id}/rerun/` (`runs_rerun`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from voxtest.api.auth import Principal
from voxtest.domain import fanout
from voxtest.domain.fanout import PlannedRun, ScenarioChoice
from voxtest.errors import NotFound, ValidationFailed
from voxtest.services import (
    mock_selection,
    runs_read,
    scenarios_read,
    tenancy,
    test_profiles,
    webhook_events,
)
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


@dataclass(frozen=True)
class NewRun:
    """One run to create: its plan, the websocket URL it dials instead of the result's or
    the agent's, a snapshot to keep as is (a rerun of a run whose scenario is gone), and
    `extra` keys for its snapshot (a LiveKit run's `publish_data_message`)."""

    scenario_id: int | None
    personality_id: int | None
    test_profile_id: int | None
    websocket_url: str | None = None
    snapshot: dict[str, Any] | None = None
    extra: dict[str, Any] | None = None

    @classmethod
    def of(cls, plan: PlannedRun, websocket_url: str | None = None) -> NewRun:
        return cls(plan.scenario_id, plan.personality_id, plan.test_profile_id, websocket_url)


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
    agent = await agent_for(session, principal, body)
    scenarios = await scenarios_for(session, principal, agent, body)
    await check_personalities(session, agent, body.get("personality_ids"))
    profiles = await profiles_for(session, principal, agent, body.get("test_profile_ids"))
    planned = fanout.plan_runs(
        [ScenarioChoice(s.id, s.personality_id, s.test_profile_id) for s in scenarios],
        body.get("frequency") or 1,
        body.get("personality_ids"),
        body.get("test_profile_ids"),
    )
    result = new_result(principal, agent, _settings(body), _connection(body))
    result.name = body.get("name") or ""
    result.concurrency_limit = body.get("concurrency_limit")
    new_runs = [NewRun.of(plan) for plan in planned]
    return await create(session, result, {s.id: s for s in scenarios}, new_runs, profiles)


async def create(
    session: AsyncSession,
    result: Result,
    scenarios: dict[int, Scenario],
    new_runs: Sequence[NewRun],
    profiles: dict[int, TestProfile] | None = None,
) -> dict[str, Any]:
    """Store `result` and its runs (pending); the run request's answer."""
    await mock_selection.check(session, result.agent_id, result.run_settings or {})
    session.add(result)
    await session.flush()
    runs = await _new_runs(session, result, scenarios, new_runs, profiles or {})
    await webhook_events.before_dispatch(session, result, runs)  # result.pre_trigger
    return await _answer(session, result, runs)


async def agent_for(session: AsyncSession, principal: Principal, body: dict[str, Any]) -> Agent:
    if body.get("agent_id") is not None:
        try:
            return await tenancy.owned(session, principal, Agent, body["agent_id"])
        except NotFound:
            raise ValidationFailed({"agent_id": ["Agent not found."]}) from None
    ids = await agents_by_assistant_id(session, principal, body["assistant_id"])
    if not ids:
        raise ValidationFailed({"assistant_id": ["No agent has this assistant_id."]})
    return await tenancy.owned(session, principal, Agent, ids[0])


async def scenarios_for(
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


async def check_personalities(
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


async def profiles_for(
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


def new_result(
    principal: Principal,
    agent: Agent,
    settings: dict[str, Any],
    connection: dict[str, Any],
    run_type: str = "Text",
) -> Result:
    """A pending Result; runs of any `run_type` but "Text" are voice runs."""
    return Result(
        organization_id=principal.organization_id,
        project_id=agent.project_id,
        agent_id=agent.id,
        name="",
        status="pending",
        run_as_text=run_type == "Text",
        run_type=run_type,
        run_settings=settings,
        connection=connection,
    )


def _settings(body: dict[str, Any]) -> dict[str, Any]:
    settings = {k: body[k] for k in SETTINGS_KEYS if body.get(k) is not None}
    if body.get("websocket_headers"):
        settings["websocket_headers"] = sorted(body["websocket_headers"])  # names only
    return settings


def _connection(body: dict[str, Any]) -> dict[str, Any]:
    headers = body.get("websocket_headers") or {}
    return {
        "url": body.get("websocket_url"),
        "headers": {str(k): str(v) for k, v in headers.items()},
    }


async def _new_runs(
    session: AsyncSession,
    result: Result,
    scenarios: dict[int, Scenario],
    new_runs: Sequence[NewRun],
    profiles: dict[int, TestProfile],
) -> list[Run]:
    personality_ids = {new.personality_id for new in new_runs if new.personality_id}
    names = dict(
        (
            await session.execute(
                select(Personality.id, Personality.name).where(Personality.id.in_(personality_ids))
            )
        ).all()
    )
    missing = {new.test_profile_id for new in new_runs if new.test_profile_id} - set(profiles)
    if missing:
        rows = await session.scalars(select(TestProfile).where(TestProfile.id.in_(missing)))
        profiles = {**profiles, **{p.id: p for p in rows}}
    runs = [
        Run(
            organization_id=result.organization_id,
            project_id=result.project_id,
            agent_id=result.agent_id,
            result_id=result.id,
            scenario_id=new.scenario_id,
            personality_id=new.personality_id,
            test_profile_id=new.test_profile_id,
            status="pending",
            snapshot=_run_snapshot(new, scenarios, names, profiles),
        )
        for new in new_runs
    ]
    session.add_all(runs)
    await session.flush()
    return runs


def _run_snapshot(
    new: NewRun,
    scenarios: dict[int, Scenario],
    personality_names: dict[int, str],
    profiles: dict[int, TestProfile],
) -> dict[str, Any]:
    scenario = scenarios.get(new.scenario_id or 0)
    if scenario is None:
        snap = dict(new.snapshot or {})
    else:
        snap = _snapshot(scenario, personality_names, profiles, new)
    snap.pop("websocket_url", None)
    if new.websocket_url:
        snap["websocket_url"] = new.websocket_url
    snap.update(new.extra or {})
    return snap


def _snapshot(
    scenario: Scenario,
    personality_names: dict[int, str],
    profiles: dict[int, TestProfile],
    plan: NewRun,
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

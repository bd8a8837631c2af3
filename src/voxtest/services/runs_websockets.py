"""`run_scenarios_with_websockets/`: each scenario dials its own websocket URL.

    runs = len(scenarios) × frequency   (no personality or test-profile multipliers)

A pair without `websocket_url` dials the agent's chat websocket. The agent is `agent`, or
the scenarios' agent when it is left out.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from voxtest.api.auth import Principal
from voxtest.domain import fanout
from voxtest.domain.fanout import ScenarioChoice
from voxtest.errors import NotFound, ValidationFailed
from voxtest.services import runs_create, tenancy
from voxtest.services.common import raise_if
from voxtest.storage.tables import Agent, Scenario
from voxtest.urls import url_problem

RUN_TYPE = "WebSocket"
SETTINGS_KEYS = ("agent", "frequency", "scenarios", "mock_tool_names")


async def run_scenarios_with_websockets(
    session: AsyncSession, principal: Principal, body: dict[str, Any]
) -> dict[str, Any]:
    raise_if(request_problems(body))
    pairs: list[dict[str, Any]] = body["scenarios"]
    scenarios = await _scenarios(session, principal, [p["scenario"] for p in pairs])
    agent = await agent_of(session, principal, body.get("agent"), list(scenarios.values()))
    outside = [s.id for s in scenarios.values() if s.project_id != agent.project_id]
    if outside:
        raise ValidationFailed({"scenarios": [f"Scenarios not in the agent's project: {outside}."]})
    new_runs = [
        runs_create.NewRun.of(plan, pair.get("websocket_url"))
        for pair in pairs
        for plan in fanout.plan_runs([_choice(scenarios[pair["scenario"]])], body["frequency"])
    ]
    settings: dict[str, Any] = {k: body[k] for k in SETTINGS_KEYS if body.get(k) is not None}
    result = runs_create.new_result(
        principal, agent, settings, {"url": None, "headers": {}}, RUN_TYPE
    )
    return await runs_create.create(session, result, scenarios, new_runs)


def request_problems(body: dict[str, Any]) -> dict[str, list[str]]:
    """The request's rules that need no database, every problem at once."""
    errors: dict[str, list[str]] = {}
    for field in ("scenarios", "frequency"):
        if body.get(field) is None:
            errors[field] = ["This field is required."]
    frequency = body.get("frequency")
    if frequency is not None and not 1 <= frequency <= fanout.MAX_FREQUENCY:
        errors["frequency"] = [f"Ensure this value is between 1 and {fanout.MAX_FREQUENCY}."]
    pairs = body.get("scenarios")
    if pairs is not None:
        problems = [p for pair in pairs if (p := _pair_problem(pair))] or (
            [] if pairs else ["This list may not be empty."]
        )
        if problems:
            errors["scenarios"] = problems
    return errors


def _pair_problem(pair: dict[str, Any]) -> str | None:
    if pair.get("scenario") is None:
        return "Each item needs `scenario` (the scenario's id)."
    url = pair.get("websocket_url")
    if url is None:
        return None
    problem = url_problem(url, schemes=("ws", "wss"))
    return f"websocket_url of scenario {pair['scenario']}: {problem}" if problem else None


def _choice(scenario: Scenario) -> ScenarioChoice:
    return ScenarioChoice(scenario.id, scenario.personality_id, scenario.test_profile_id)


async def _scenarios(
    session: AsyncSession, principal: Principal, wanted: list[int]
) -> dict[int, Scenario]:
    query = tenancy.visible(principal, Scenario).where(Scenario.id.in_(wanted))
    found = {s.id: s for s in await session.scalars(query)}
    missing = [i for i in dict.fromkeys(wanted) if i not in found]
    if missing:
        raise ValidationFailed({"scenarios": [f"Invalid scenarios provided: {missing}."]})
    return found


async def agent_of(
    session: AsyncSession, principal: Principal, agent_id: int | None, scenarios: list[Scenario]
) -> Agent:
    if agent_id is None:
        agent_id = next((s.agent_id for s in scenarios if s.agent_id is not None), None)
        if agent_id is None:
            raise ValidationFailed({"agent": ["None of the scenarios has an agent: send agent."]})
    try:
        return await tenancy.owned(session, principal, Agent, agent_id)
    except NotFound:
        raise ValidationFailed({"agent": ["Agent not found."]}) from None

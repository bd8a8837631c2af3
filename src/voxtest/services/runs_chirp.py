"""`run_scenarios_chirp/`: voice runs over CHIRP against the agent's `telephony.websocket_url`.

`scenarios` may be a list of ids, a number N (the agent's first N scenarios by id) or
`"all"`; otherwise the request is `run_scenarios_text/`'s (tags, folder, personalities, test
profiles, frequency). Runs are stored with run type `CHIRP` and executed by `runs.voice`.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import or_
from sqlalchemy.ext.asyncio import AsyncSession

from voxtest.api.auth import Principal
from voxtest.domain import fanout
from voxtest.domain.fanout import ScenarioChoice
from voxtest.errors import ValidationFailed
from voxtest.services import runs_create, tenancy
from voxtest.services.common import raise_if
from voxtest.storage.tables import Agent, Scenario
from voxtest.urls import url_problem

RUN_TYPE = "CHIRP"
NO_WEBSOCKET = (
    "The agent has no CHIRP websocket: set telephony.websocket_url on the agent, or send "
    "websocket_url with the run request."
)


async def run_scenarios_chirp(
    session: AsyncSession, principal: Principal, body: dict[str, Any]
) -> dict[str, Any]:
    body = _merged_overrides(body)
    selector = body.get("scenarios")
    if isinstance(selector, int | str) and not isinstance(selector, bool):
        errors = _selector_problems(selector)
        raise_if(errors)
        agent = await runs_create.agent_for(session, principal, body)
        body = {**body, "scenarios": await _first_scenarios(session, principal, agent, selector)}
    errors = fanout.request_problems(body)
    if body.get("websocket_url"):
        problem = url_problem(body["websocket_url"], schemes=("ws", "wss"))
        if problem:
            errors["websocket_url"] = [problem]
    raise_if(errors)
    agent = await runs_create.agent_for(session, principal, body)
    telephony = (agent.attrs or {}).get("telephony") or {}
    if not body.get("websocket_url") and not telephony.get("websocket_url"):
        raise ValidationFailed({"websocket_url": [NO_WEBSOCKET]})
    scenarios = await runs_create.scenarios_for(session, principal, agent, body)
    await runs_create.check_personalities(session, agent, body.get("personality_ids"))
    profiles = await runs_create.profiles_for(
        session, principal, agent, body.get("test_profile_ids")
    )
    planned = fanout.plan_runs(
        [ScenarioChoice(s.id, s.personality_id, s.test_profile_id) for s in scenarios],
        body.get("frequency") or 1,
        body.get("personality_ids"),
        body.get("test_profile_ids"),
    )
    settings = {k: body[k] for k in runs_create.SETTINGS_KEYS if body.get(k) is not None}
    connection: dict[str, Any] = {"url": body.get("websocket_url"), "headers": {}}
    result = runs_create.new_result(principal, agent, settings, connection, RUN_TYPE)
    result.run_as_text = False
    result.name = body.get("name") or ""
    result.concurrency_limit = body.get("concurrency_limit")
    new_runs = [runs_create.NewRun.of(plan) for plan in planned]
    return await runs_create.create(
        session, result, {s.id: s for s in scenarios}, new_runs, profiles
    )


def _merged_overrides(body: dict[str, Any]) -> dict[str, Any]:
    """`personality_id` / `test_profile_id` join their lists."""
    out = dict(body)
    for single, many in (
        ("personality_id", "personality_ids"),
        ("test_profile_id", "test_profile_ids"),
    ):
        value = out.pop(single, None)
        if value is not None:
            out[many] = list(dict.fromkeys([*(out.get(many) or []), value]))
    return out


def _selector_problems(selector: int | str) -> dict[str, list[str]]:
    if isinstance(selector, int):
        return {} if selector >= 1 else {"scenarios": ["A number of scenarios must be at least 1."]}
    if selector != "all":
        return {"scenarios": ['Send a list of scenario ids, a number N or "all".']}
    return {}


async def _first_scenarios(
    session: AsyncSession, principal: Principal, agent: Agent, selector: int | str
) -> list[int]:
    query = (
        tenancy.visible(principal, Scenario)
        .where(Scenario.project_id == agent.project_id)
        .where(or_(Scenario.agent_id == agent.id, Scenario.agent_id.is_(None)))
        .order_by(Scenario.id)
    )
    if isinstance(selector, int):
        query = query.limit(selector)
    ids = list((await session.scalars(query.with_only_columns(Scenario.id))).all())
    if not ids:
        raise ValidationFailed({"scenarios": ["The agent has no scenarios to run."]})
    return ids

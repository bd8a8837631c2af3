"""Rows the metric tests need from resources other helpers own (agents, scenarios)."""

from __future__ import annotations

import asyncio
from typing import Any

from tests.conftest import Api
from voxtest.services.metrics_links import enable_on_new_agent
from voxtest.storage.db import Database
from voxtest.storage.tables import Agent, Scenario


def _insert(api: Api, row: Any) -> int:
    async def run() -> int:
        db = Database(api.server.settings)
        try:
            async with db.session() as session:
                session.add(row)
                await session.flush()
                return int(row.id)
        finally:
            await db.dispose()

    return asyncio.run(run())


def organization_id(api: Api) -> int:
    return int(api.get("/user/organizations/").json()[0]["id"])


def new_agent(api: Api, project_id: int, name: str = "Agent", **attrs: Any) -> int:
    return _insert(
        api,
        Agent(organization_id=organization_id(api), project_id=project_id, name=name, attrs=attrs),
    )


def new_scenario(api: Api, project_id: int, name: str = "Scenario") -> int:
    return _insert(
        api, Scenario(organization_id=organization_id(api), project_id=project_id, name=name)
    )


def metric(api: Api, project_id: int, **fields: Any) -> dict[str, Any]:
    """Create a metric through v2 and return its body."""
    body = {
        "project": project_id,
        "name": "Greets the caller",
        "type": "llm_judge",
        "eval_type": "binary",
        "description": "Did the agent greet the caller?",
        **fields,
    }
    r = api.post("/test_framework/v2/metrics/", body)
    assert r.status_code == 201, r.text
    result: dict[str, Any] = r.json()
    return result


def enable_for_new_agent(api: Api, agent_id: int) -> list[int]:
    """What the agent service calls right after creating an agent."""

    async def run() -> list[int]:
        db = Database(api.server.settings)
        try:
            async with db.session() as session:
                agent = await session.get(Agent, agent_id)
                assert agent is not None
                return await enable_on_new_agent(session, agent)
        finally:
            await db.dispose()

    return asyncio.run(run())

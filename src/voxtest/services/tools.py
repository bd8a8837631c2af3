"""Mock tools as their own resource: the project catalogue (`/test_framework/v1/tools/`) and
one agent's tools by name (`/aiagents/{agent_id}/tools/`, `tool/{tool_name}/`, `fork/`).

The wire shape is the reference's `Tool`: `information` is the stored `mock_data`. Editing
a shared tool changes it for every subscriber; `fork/` gives one agent a private copy.
Deleting detaches the tool from the agent (the tool goes once nobody uses it).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from voxtest.api.auth import Principal
from voxtest.api.pagination import PageRequest
from voxtest.errors import NotFound, ValidationFailed
from voxtest.services import agent_tools, tenancy
from voxtest.services.agent_tools import served_via
from voxtest.storage.tables import Agent, AgentTool, Tool

WRITE_FIELDS = ("name", "description", "information", "mock_data", "freetext_params", "served_via")


async def catalogue(
    session: AsyncSession,
    principal: Principal,
    page: PageRequest,
    base_url: str,
    *,
    project_id: int | None,
    agent_id: int | None,
    search: str | None,
) -> dict[str, Any]:
    """The project's tools, most shared first; with `agent_id`, those it could adopt."""
    subscribers = (
        select(AgentTool.tool_id, func.count().label("n")).group_by(AgentTool.tool_id).subquery()
    )
    query = tenancy.visible(principal, Tool).outerjoin(
        subscribers, subscribers.c.tool_id == Tool.id
    )
    if project_id is not None:
        query = query.where(Tool.project_id == project_id)
    if agent_id is not None:
        agent = await tenancy.owned(session, principal, Agent, agent_id)
        mine = select(AgentTool.tool_id).where(AgentTool.agent_id == agent.id)
        query = query.where(Tool.project_id == agent.project_id, Tool.id.not_in(mine))
    if search:
        term = search.strip().removeprefix("c_")
        query = query.where(or_(Tool.name.ilike(f"%{term}%"), Tool.name.ilike(f"%c_{term}%")))
    count = int(await session.scalar(select(func.count()).select_from(query.subquery())) or 0)
    page.check(count)
    rows = await session.scalars(
        query.order_by(func.coalesce(subscribers.c.n, 0).desc(), Tool.id)
        .offset(page.offset)
        .limit(page.page_size)
    )
    return page.respond(count, [await read(session, t, base_url) for t in rows])


async def read(
    session: AsyncSession, tool: Tool, base_url: str, agent_id: int | None = None
) -> dict[str, Any]:
    """The reference's `Tool`; URLs are those of `agent_id` (or its first subscriber)."""
    agents = list(
        await session.execute(
            select(Agent.id, Agent.name)
            .join(AgentTool, AgentTool.agent_id == Agent.id)
            .where(AgentTool.tool_id == tool.id)
            .order_by(Agent.id)
        )
    )
    attrs = tool.attrs or {}
    owner = agent_id if agent_id is not None else (agents[0][0] if agents else None)
    served = served_via(attrs.get("served_via") or {}, owner or 0, tool.name, base_url)
    return {
        "id": tool.id,
        "name": tool.name,
        "description": attrs.get("description") or "",
        "information": attrs.get("mock_data") or [],
        "freetext_params": attrs.get("freetext_params") or [],
        "mock_url": served["url"] if served["type"] == "direct" and owner else None,
        "served_via": served,
        "mcp_server": None,
        "subscriber_count": len(agents),
        "is_shared": len(agents) > 1,
        "subscribers": [{"id": i, "name": n} for i, n in agents],
    }


async def one(session: AsyncSession, principal: Principal, tool_id: int) -> Tool:
    return await tenancy.owned(session, principal, Tool, tool_id)


async def by_name(session: AsyncSession, agent: Agent, name: str) -> Tool:
    for tool in await agent_tools.agent_tools(session, agent.id):
        if tool.name == name:
            return tool
    raise NotFound(f"Agent {agent.id} has no tool named {name}.")


def _item(given: dict[str, Any]) -> dict[str, Any]:
    """A write body in `agent_tools`' item shape (`information` is `mock_data`)."""
    item = {k: given[k] for k in WRITE_FIELDS if k in given}
    if "information" in item:
        item["mock_data"] = item.pop("information")
    return item


def _check(item: dict[str, Any], tool: Tool | None) -> None:
    problems = agent_tools.item_problems(item, tool)
    if "mock_data" in problems:
        problems["information"] = problems.pop("mock_data")
    if problems:
        raise ValidationFailed(problems)


async def create(session: AsyncSession, agent: Agent, given: dict[str, Any]) -> Tool:
    item = _item(given)
    _check(item, None)
    if any(t.name == item["name"] for t in await agent_tools.agent_tools(session, agent.id)):
        raise ValidationFailed({"name": ["This agent already has a tool with this name."]})
    tool = Tool(
        organization_id=agent.organization_id,
        project_id=agent.project_id,
        name=item["name"],
        attrs={**agent_tools.defaults(), **agent_tools.tool_attrs(item)},
    )
    session.add(tool)
    await session.flush()
    session.add(AgentTool(agent_id=agent.id, tool_id=tool.id))
    await session.flush()
    return tool


async def update(session: AsyncSession, agent: Agent, tool: Tool, given: dict[str, Any]) -> Tool:
    item = _item(given)
    _check(item, tool)
    name = item.get("name")
    if name and name != tool.name:
        clash = [t for t in await agent_tools.agent_tools(session, agent.id) if t.name == name]
        if clash:
            raise ValidationFailed({"name": ["This agent already has a tool with this name."]})
        tool.name = name
    tool.attrs = {**(tool.attrs or agent_tools.defaults()), **agent_tools.tool_attrs(item)}
    await session.flush()
    return tool


async def detach(session: AsyncSession, agent: Agent, tool: Tool) -> None:
    mine = [t.id for t in await agent_tools.agent_tools(session, agent.id) if t.id != tool.id]
    await agent_tools.set_subscriptions(session, agent.id, mine)


async def fork(session: AsyncSession, agent: Agent, tool: Tool) -> Tool:
    """A private copy for `agent` when others share `tool`; the tool itself when not."""
    users = await session.scalar(select(func.count()).where(AgentTool.tool_id == tool.id))
    if (users or 0) <= 1:
        return tool
    copy = Tool(
        organization_id=tool.organization_id,
        project_id=tool.project_id,
        name=tool.name,
        attrs=dict(tool.attrs or {}),
    )
    session.add(copy)
    await session.flush()
    mine = [t.id for t in await agent_tools.agent_tools(session, agent.id) if t.id != tool.id]
    await agent_tools.set_subscriptions(session, agent.id, [*mine, copy.id])
    return copy

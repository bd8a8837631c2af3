"""An agent's mock tools: project-level `Tool` rows an agent subscribes to through `AgentTool`.

A write sends the full desired set. Items match an existing tool by `id` (any tool of the
agent's project, which shares it) or by `name` (among the agent's own tools); others are
created. Tools the agent no longer lists are unsubscribed, and deleted once nobody uses them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from voxtest.domain.agent_rules import (
    Errors,
    mock_data_problem,
    served_via_problem,
    tool_name_problem,
)
from voxtest.storage.tables import AgentTool, Tool

TOOL_FIELDS = ("description", "mock_data", "freetext_params", "served_via")


@dataclass
class ToolPlan:
    tool: Tool | None  # None: create
    name: str
    given: dict[str, Any]


async def plan_tools(
    session: AsyncSession, project_id: int, agent_id: int | None, items: Sequence[dict[str, Any]]
) -> tuple[list[ToolPlan], list[Errors] | None]:
    """Match each item to a tool (or a new one) and check it; errors align with the items."""
    mine = {t.name: t for t in await agent_tools(session, agent_id)} if agent_id else {}
    plans: list[ToolPlan] = []
    errors: list[Errors] = []
    seen: set[str] = set()
    for item in items:
        tool, problems = await _match(session, project_id, mine, item)
        name = item.get("name") or (tool.name if tool else "")
        if not problems:
            problems = item_problems(item, tool)
        if name and name in seen:
            problems.setdefault("name", []).append("Each mock tool needs a distinct name.")
        seen.add(name)
        errors.append(problems)
        plans.append(ToolPlan(tool=tool, name=name, given=item))
    return plans, (errors if any(errors) else None)


async def _match(
    session: AsyncSession, project_id: int, mine: dict[str, Tool], item: dict[str, Any]
) -> tuple[Tool | None, Errors]:
    if item.get("id") is not None:
        tool = await session.get(Tool, item["id"])
        if tool is None or tool.project_id != project_id:
            return None, {"id": [f'Invalid pk "{item["id"]}" - object does not exist.']}
        return tool, {}
    return mine.get(item.get("name") or ""), {}


def item_problems(item: dict[str, Any], tool: Tool | None) -> Errors:
    problems: Errors = {}
    if "name" in item or tool is None:
        problem = (
            tool_name_problem(item.get("name"))
            if item.get("name")
            else "This field is required for new tools."
        )
        if problem:
            problems["name"] = [problem]
    if "mock_data" in item and item["mock_data"] is not None:
        problem = mock_data_problem(item["mock_data"])
        if problem:
            problems["mock_data"] = [problem]
    served = item.get("served_via") or {}
    problem = served_via_problem(served)
    if problem:
        problems["served_via"] = [problem]
    return problems


async def apply_tools(
    session: AsyncSession, org_id: int, project_id: int, agent_id: int, plans: list[ToolPlan]
) -> None:
    keep: list[int] = []
    for plan in plans:
        tool = plan.tool or Tool(
            organization_id=org_id, project_id=project_id, name=plan.name, attrs=defaults()
        )
        tool.name = plan.name
        tool.attrs = {**(tool.attrs or defaults()), **tool_attrs(plan.given)}
        if plan.tool is None:
            session.add(tool)
            await session.flush()
        keep.append(tool.id)
    await set_subscriptions(session, agent_id, keep)


def defaults() -> dict[str, Any]:
    return {"description": "", "mock_data": [], "freetext_params": [], "served_via": {}}


def tool_attrs(given: dict[str, Any]) -> dict[str, Any]:
    out = {k: given[k] for k in TOOL_FIELDS if k in given}
    if out.get("mock_data") is None and "mock_data" in out:
        out["mock_data"] = []
    if "served_via" in out:
        served = out["served_via"] or {}
        out["served_via"] = {"type": served.get("type") or "direct"}
        if served.get("mock_index") is not None:
            out["served_via"]["mock_index"] = served["mock_index"]
    return out


async def set_subscriptions(session: AsyncSession, agent_id: int, tool_ids: list[int]) -> None:
    """Subscribe the agent to exactly `tool_ids`; delete tools left without subscribers."""
    current = set(
        await session.scalars(select(AgentTool.tool_id).where(AgentTool.agent_id == agent_id))
    )
    wanted = set(tool_ids)
    session.add_all(AgentTool(agent_id=agent_id, tool_id=t) for t in wanted - current)
    dropped = current - wanted
    if dropped:
        await session.execute(
            delete(AgentTool).where(AgentTool.agent_id == agent_id, AgentTool.tool_id.in_(dropped))
        )
    await session.flush()
    await delete_orphans(session, dropped)


async def delete_orphans(session: AsyncSession, tool_ids: set[int]) -> None:
    if not tool_ids:
        return
    used = set(
        await session.scalars(select(AgentTool.tool_id).where(AgentTool.tool_id.in_(tool_ids)))
    )
    orphans = tool_ids - used
    if orphans:
        await session.execute(delete(Tool).where(Tool.id.in_(orphans)))


async def agent_tools(session: AsyncSession, agent_id: int | None) -> list[Tool]:
    if agent_id is None:
        return []
    rows = await session.scalars(
        select(Tool)
        .join(AgentTool, AgentTool.tool_id == Tool.id)
        .where(AgentTool.agent_id == agent_id)
        .order_by(Tool.id)
    )
    return list(rows)


async def serialize_tools(session: AsyncSession, agent_id: int, base_url: str) -> list[Any]:
    tools = await agent_tools(session, agent_id)
    counts = await _subscriber_counts(session, [t.id for t in tools])
    return [_read(t, agent_id, base_url, counts.get(t.id, 1)) for t in tools]


async def _subscriber_counts(session: AsyncSession, ids: list[int]) -> dict[int, int]:
    if not ids:
        return {}
    rows = await session.execute(
        select(AgentTool.tool_id, func.count())
        .where(AgentTool.tool_id.in_(ids))
        .group_by(AgentTool.tool_id)
    )
    return {int(tool_id): int(n) for tool_id, n in rows}


def _read(tool: Tool, agent_id: int, base_url: str, subscribers: int) -> dict[str, Any]:
    attrs = tool.attrs or {}
    return {
        "id": tool.id,
        "name": tool.name,
        "description": attrs.get("description") or "",
        "mock_data": attrs.get("mock_data") or [],
        "served_via": served_via(attrs.get("served_via") or {}, agent_id, tool.name, base_url),
        "subscriber_count": subscribers,
        "is_shared": subscribers > 1,
    }


def served_via(stored: dict[str, Any], agent_id: int, name: str, base_url: str) -> dict[str, Any]:
    """Where the agent reaches the tool at runtime: its own URL, or a shared MCP endpoint."""
    root = f"{base_url.rstrip('/')}/test_framework/v1/aiagents/{agent_id}"
    if stored.get("type") == "mcp":
        index = int(stored["mock_index"])
        return {"type": "mcp", "mock_index": index, "url": f"{root}/mcp/{index}/"}
    return {"type": "direct", "url": f"{root}/tool/{name}/"}

"""Which of an agent's tools a run mocks: a run request's `mock_tool_names`.

`null` (or absent) mocks every tool attached to the agent, `[]` none, a list only those
named. The request is checked against the agent's tools when the runs are created; a run's
`mocked_tool_names` is the selection among the agent's tools as they are when it is read.
A tool the selection leaves out answers its calls with a tool error saying it is not mocked
in this run (`services.mock_runtime`), as voxtest cannot swap the agent's own tool URLs.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from voxtest.errors import ValidationFailed
from voxtest.storage.tables import AgentTool, Tool

FIELD = "mock_tool_names"


def selection_problem(requested: Any, known: Collection[str]) -> str | None:
    """Why `requested` is not a valid `mock_tool_names` for an agent with tools `known`."""
    if requested is None:
        return None
    if not isinstance(requested, list) or not all(isinstance(n, str) for n in requested):
        return "Expected a list of tool names."
    unknown = [n for n in dict.fromkeys(requested) if n not in known]
    if not unknown:
        return None
    names = ", ".join(sorted(known)) or "(the agent has no mock tools)"
    return f"Unknown tool: {', '.join(unknown)}. Known: {names}"


def selected(requested: Any, known: Iterable[str]) -> list[str]:
    """The tools of `known` a run with this `mock_tool_names` mocks, in `known`'s order."""
    names = list(known)
    if requested is None:
        return names
    wanted = set(requested) if isinstance(requested, list) else set()
    return [n for n in names if n in wanted]


def is_mocked(run_settings: dict[str, Any] | None, name: str) -> bool:
    requested = (run_settings or {}).get(FIELD)
    return requested is None or (isinstance(requested, list) and name in requested)


async def tool_names(session: AsyncSession, agent_ids: Iterable[int]) -> dict[int, list[str]]:
    """Each agent's tool names, in tool order."""
    ids = set(agent_ids)
    out: dict[int, list[str]] = {i: [] for i in ids}
    if not ids:
        return out
    rows = await session.execute(
        select(AgentTool.agent_id, Tool.name)
        .join(Tool, Tool.id == AgentTool.tool_id)
        .where(AgentTool.agent_id.in_(ids))
        .order_by(Tool.id)
    )
    for agent_id, name in rows:
        out[int(agent_id)].append(str(name))
    return out


async def check(session: AsyncSession, agent_id: int, run_settings: dict[str, Any]) -> None:
    """400 `{"mock_tool_names": [...]}` when the request names a tool the agent lacks."""
    requested = run_settings.get(FIELD)
    if requested is None:
        return
    known = (await tool_names(session, [agent_id]))[agent_id]
    problem = selection_problem(requested, known)
    if problem:
        raise ValidationFailed({FIELD: [problem]})

"""Serving one mock tool call: find the agent's tool, tie the call to its run, pick the
answering entry, run a stateful entry's operation, record the call.

A call names its run with the `X-VOXTEST-RUN-ID` header (or `X-VOCERA-RUN-ID`, which the
chat websocket sends the agent on connect, or `?run_id=`). It must then be an in-progress run
of that agent; its result's `mock_tool_names` decides whether the tool is mocked, its
scenario's `generated_mock_tool_entries` answer before the tool's own `mock_data`, and its
stateful tables are its own. Without a run the tool answers from its `mock_data` alone and
stateful entries work on an empty, unkept state.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from voxtest.domain import mock_state
from voxtest.domain.mock_matching import Match, match
from voxtest.errors import NotFound, ValidationFailed
from voxtest.services import mock_runs, mock_selection
from voxtest.services.agent_tools import agent_tools
from voxtest.storage.tables import Agent, MockState, MockToolCall, Result, Run, Tool

RUN_HEADERS = ("x-voxtest-run-id", "x-vocera-run-id")
IN_PROGRESS = ("running",)


@dataclass(frozen=True)
class Served:
    """What the agent gets back: the entry's output, or `error` (the tool error text)."""

    output: Any
    error: str | None = None
    match: dict[str, Any] = field(default_factory=dict)
    mocked: bool = True  # False: the run's mock_tool_names leave this tool to the agent


async def load_agent(session: AsyncSession, agent_id: int) -> Agent:
    """The agent a runtime call addresses; on SQLite the session first takes the write lock,
    as the call will write (a read snapshot cannot be upgraded while another run writes)."""
    if session.get_bind().dialect.name == "sqlite":
        await session.execute(text("UPDATE mock_states SET run_id = run_id WHERE 0"))
    agent = await session.get(Agent, agent_id)
    if agent is None or agent.is_deleted:
        raise NotFound("No agent with this id.")
    return agent


async def mcp_tools(session: AsyncSession, agent_id: int, mock_index: int) -> list[Tool]:
    """The agent's tools served through MCP endpoint `mock_index`."""
    return [t for t in await agent_tools(session, agent_id) if _mock_index(t) == mock_index]


def _mock_index(tool: Tool) -> int | None:
    served = (tool.attrs or {}).get("served_via") or {}
    return int(served["mock_index"]) if served.get("type") == "mcp" else None


async def find_tool(
    session: AsyncSession, agent: Agent, name: str, mock_index: int | None = None
) -> Tool | None:
    for tool in await agent_tools(session, agent.id):
        if tool.name == name and (mock_index is None or _mock_index(tool) == mock_index):
            return tool
    return None


def run_reference(headers: Mapping[str, str], query: Mapping[str, str]) -> str | None:
    for name in RUN_HEADERS:
        if headers.get(name):
            return headers[name].strip()
    return query.get("run_id") or None


async def load_run(session: AsyncSession, agent: Agent, reference: str | None) -> Run | None:
    """The in-progress run of `agent` the call names, None when it names none."""
    if reference is None:
        return None
    run = await session.get(Run, int(reference)) if reference.isdigit() else None
    if run is None or run.agent_id != agent.id or run.status not in IN_PROGRESS:
        raise ValidationFailed(
            {"run_id": [f"{reference} is not an in-progress run of agent {agent.id}."]}
        )
    return run


async def serve(
    session: AsyncSession,
    agent: Agent,
    tool: Tool,
    run: Run | None,
    arguments: Mapping[str, Any],
    *,
    call_id: str | None,
    via: str,
) -> Served:
    served = await _answer(session, tool, run, arguments)
    session.add(
        MockToolCall(
            organization_id=agent.organization_id,
            agent_id=agent.id,
            run_id=run.id if run else None,
            tool_id=tool.id,
            tool_name=tool.name,
            call_id=(call_id or f"mock_{uuid.uuid4().hex[:12]}")[:64],
            via=via,
            arguments=dict(arguments),
            result={"error": served.error} if served.error else served.output,
            match=served.match,
        )
    )
    await session.flush()
    return served


async def _answer(
    session: AsyncSession, tool: Tool, run: Run | None, arguments: Mapping[str, Any]
) -> Served:
    attrs = tool.attrs or {}
    if run is not None and not await _mocked(session, run, tool.name):
        message = f"Error: the tool {tool.name} is not mocked in run {run.id} (mock_tool_names)."
        return Served(None, message, {"error": message}, mocked=False)
    scenario = mock_runs.scenario_entries(run, tool) if run else []
    entries = [*scenario, *(attrs.get("mock_data") or [])]
    freetext = [str(p) for p in attrs.get("freetext_params") or []]
    found = match(tool.name, entries, arguments, freetext)
    if not isinstance(found, Match):
        return Served(None, found.message, {"error": found.message, "closest": found.closest})
    details: dict[str, Any] = {
        "entry": found.index - len(scenario) if found.index >= len(scenario) else found.index,
        "source": "scenario" if found.index < len(scenario) else "mock_data",
        "exact": found.exact,
    }
    if found.ignored:
        details["ignored"] = list(found.ignored)
    op = mock_state.state_op(entries[found.index])
    if op is None:
        return Served(found.output, None, details)
    tables = await _tables(session, run)
    applied = mock_state.apply(op, tables.tables, arguments, found.output, freetext)
    details["operation"] = {"table": op.table, "operation": op.operation, "rows": applied.rows}
    if run is not None and applied.error is None:
        tables.tables = applied.tables
    if applied.error:
        details["error"] = applied.error
    return Served(applied.output, applied.error, details)


async def _mocked(session: AsyncSession, run: Run, name: str) -> bool:
    result = await session.get(Result, run.result_id)
    return mock_selection.is_mocked(result.run_settings if result else None, name)


async def _tables(session: AsyncSession, run: Run | None) -> MockState:
    """The run's state row, locked and seeded on first use; a throwaway one without a run."""
    if run is None:
        return MockState(run_id=0, tables={})
    query = select(MockState).where(MockState.run_id == run.id).with_for_update()
    row = (await session.scalars(query)).first()
    if row is not None:
        return row
    try:
        async with session.begin_nested():
            row = MockState(run_id=run.id, tables=await mock_runs.seed_tables(session, run))
            session.add(row)
    except IntegrityError:  # a concurrent first call seeded it
        row = (await session.scalars(query)).one()
    return row

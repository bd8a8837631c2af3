"""`GET …/aiagents/{agent_id}/tools/mock-status/`: which of an agent's tools voxtest mocks
and at which runtime URL, in the reference's `MockStatusResponse` shape.

In voxtest every tool attached to an agent is mocked (a run's `mock_tool_names` narrows
that per run), so `mock_enabled` says whether the agent has any tool. `mcp_endpoints` groups
the MCP-served tools by `mock_index`; `tool_endpoints` lists the direct webhooks. URLs are
built from `settings.public_base_url`, as `served_via.url` is.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from voxtest.services.agent_tools import agent_tools, served_via
from voxtest.storage.tables import Agent


async def mock_status(session: AsyncSession, agent: Agent, base_url: str) -> dict[str, Any]:
    mcp: dict[int, dict[str, Any]] = {}
    direct: list[dict[str, Any]] = []
    for tool in await agent_tools(session, agent.id):
        served = served_via(
            (tool.attrs or {}).get("served_via") or {}, agent.id, tool.name, base_url
        )
        if served["type"] == "mcp":
            index = int(served["mock_index"])
            endpoint = mcp.setdefault(
                index, {"mock_index": index, "url": served["url"], "tool_names": []}
            )
            endpoint["tool_names"].append(tool.name)
        else:
            direct.append({"tool_name": tool.name, "url": served["url"]})
    provider = (agent.attrs or {}).get("provider") or {}
    return {
        "mock_enabled": bool(mcp or direct),
        "provider": str(provider.get("type")) if provider.get("type") else None,
        "assistant_id": agent.assistant_id,
        "mcp_endpoints": [mcp[i] for i in sorted(mcp)],
        "tool_endpoints": direct,
    }

"""What the mock-tool tests share: an agent with direct and MCP tools, made through the API."""

from __future__ import annotations

from typing import Any

from tests.conftest import Api

ORDERS = [
    {"input": {"order_id": "A1"}, "output": {"status": "shipped"}},
    {"input": {"order_id": "A2", "note": "x"}, "output": {"status": "pending"}},
]
CRM = [{"input": {"email": "ann@example.com"}, "output": {"name": "Ann", "tier": "gold"}}]


def tool_agent(
    api: Api, tools: list[dict[str, Any]] | None = None, **fields: Any
) -> dict[str, Any]:
    """An agent with `get_order` (direct) and `crm_lookup` / `crm_update` (MCP index 1)."""
    body = {
        "name": "Support Bot",
        "description": "Handles support chats.",
        "project": api.default_project_id(),
        "inbound": True,
        "provider": {"type": "self_hosted"},
        "mock_tools": tools
        or [
            {
                "name": "get_order",
                "description": "Look up an order",
                "mock_data": ORDERS,
                "freetext_params": ["note"],
            },
            {
                "name": "crm_lookup",
                "description": "CRM read",
                "mock_data": CRM,
                "served_via": {"type": "mcp", "mock_index": 1},
            },
            {
                "name": "crm_update",
                "description": "CRM write",
                "mock_data": [],
                "served_via": {"type": "mcp", "mock_index": 1},
            },
        ],
        **fields,
    }
    r = api.post("/test_framework/v2/aiagents/", body)
    assert r.status_code == 201, r.text
    agent: dict[str, Any] = r.json()
    return agent


def tool_url(agent: dict[str, Any], name: str) -> str:
    """The path of a tool's `served_via.url` (the server's public base URL is not the test's)."""
    tool = next(t for t in agent["mock_tools"] if t["name"] == name)
    url: str = tool["served_via"]["url"]
    return url[url.index("/test_framework/") :]

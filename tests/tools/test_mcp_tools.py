"""The mock MCP endpoint with the official SDK's client over streamable HTTP, and raw
JSON-RPC for what a client would never send."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import httpx
import pytest
from mcp import Client
from mcp.client.streamable_http import streamable_http_client
from mcp.shared._httpx_utils import create_mcp_http_client
from mcp.shared.exceptions import MCPError

from tests.conftest import Api
from tests.tools.support import tool_agent, tool_url


@asynccontextmanager
async def mcp_client(
    api: Api, path: str, headers: dict[str, str] | None = None, mode: str = "auto"
) -> AsyncIterator[Client]:
    """An SDK client session on `path`; the HTTP client (ours, for the headers) closed after."""
    async with create_mcp_http_client(headers=headers) as http:
        transport = streamable_http_client(api.server.url + path, http_client=http)
        async with Client(transport, mode=mode) as client:
            yield client


@pytest.mark.parametrize("mode", ["auto", "legacy"])
async def test_a_real_mcp_session_lists_and_calls_the_tools(api: Api, mode: str) -> None:
    agent = tool_agent(api)
    path = tool_url(agent, "crm_lookup")
    assert path.endswith(f"/aiagents/{agent['id']}/mcp/1/")
    async with mcp_client(api, path, mode=mode) as client:
        listed = await client.list_tools()
        tools = {t.name: t for t in listed.tools}
        assert set(tools) == {"crm_lookup", "crm_update"}  # get_order is direct, not here
        assert tools["crm_lookup"].input_schema == {
            "type": "object",
            "properties": {"email": {"type": "string"}},
            "required": ["email"],
        }
        assert tools["crm_lookup"].description == "CRM read"
        hit = await client.call_tool("crm_lookup", {"email": " ANN@example.com"})
        assert not hit.is_error
        assert hit.structured_content == {"name": "Ann", "tier": "gold"}
        miss = await client.call_tool("crm_update", {"email": "x"})
        assert miss.is_error
        assert "has no mock data" in miss.content[0].text  # type: ignore[union-attr]
        with pytest.raises(MCPError, match="Unknown tool: get_order"):
            await client.call_tool("get_order", {"order_id": "A1"})


def rpc(api: Api, path: str, body: Any, **kw: Any) -> httpx.Response:
    headers = {"accept": "application/json, text/event-stream", "content-type": "application/json"}
    with httpx.Client(base_url=api.server.url, timeout=10) as raw:
        if isinstance(body, bytes):
            return raw.post(path, content=body, headers=headers, **kw)
        return raw.post(path, json=body, headers=headers, **kw)


def test_malformed_json_rpc_and_oversized_bodies(api: Api) -> None:
    agent = tool_agent(api)
    path = tool_url(agent, "crm_lookup")
    broken = rpc(api, path, b"{not json")
    assert broken.status_code == 400
    assert broken.json()["error"]["code"] == -32700  # parse error
    not_rpc = rpc(api, path, {"hello": "world"})
    assert not_rpc.status_code == 400
    assert "error" in not_rpc.json()
    huge = rpc(
        api, path, {"jsonrpc": "2.0", "id": 1, "method": "tools/list", "pad": "x" * (2 << 20)}
    )
    assert huge.status_code == 413
    nobody = rpc(
        api,
        path.replace(f"/{agent['id']}/", "/999999/"),
        {"jsonrpc": "2.0", "id": 1, "method": "ping"},
    )
    assert nobody.status_code == 404


async def test_an_unknown_run_is_refused(api: Api) -> None:
    agent = tool_agent(api)
    async with mcp_client(
        api, tool_url(agent, "crm_lookup"), {"X-VOXTEST-RUN-ID": "987654"}
    ) as client:
        with pytest.raises(MCPError, match="not an in-progress run"):
            await client.call_tool("crm_lookup", {"email": "ann@example.com"})

"""The mock MCP server: one low-level `mcp` SDK `Server` answering for every agent's
`.../mcp/{mock_index}/` URL over streamable HTTP, stateless (no session survives a request,
so any process of `voxtest serve --workers N` can answer any request) with JSON responses.

`tools/list` lists the agent's tools whose `served_via` is that MCP index, with input schemas
inferred from their mock data (`domain.mock_schema`); `tools/call` serves a call as the
direct webhook does (`services.mock_runtime`): a miss is a tool result with `isError`, an
unknown tool a JSON-RPC error. Bodies over `mock_tools_max_body_bytes` get 413.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import mcp_types as types
from mcp.server.context import ServerRequestContext
from mcp.server.lowlevel.server import Server
from mcp.server.streamable_http_manager import StreamableHTTPSessionManager
from mcp.shared.exceptions import MCPError
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import Receive, Scope, Send

from voxtest import __version__
from voxtest.context import Services
from voxtest.domain.mock_schema import input_schema
from voxtest.errors import ApiError
from voxtest.services import mock_runtime
from voxtest.settings import Settings


def _where(ctx: ServerRequestContext[Any, Any]) -> tuple[Request, Services, int, int]:
    request = ctx.request
    if not isinstance(request, Request):  # pragma: no cover - only served over HTTP
        raise MCPError(types.INTERNAL_ERROR, "The mock MCP server is served over HTTP only.")
    params = request.path_params
    return request, request.app.state.services, int(params["agent_id"]), int(params["mock_index"])


async def _list_tools(
    ctx: ServerRequestContext[Any, Any], params: types.PaginatedRequestParams | None
) -> types.ListToolsResult:
    _, services, agent_id, index = _where(ctx)
    async with services.db.session() as session:
        tools = await mock_runtime.mcp_tools(session, agent_id, index)
    listed = []
    for tool in tools:
        attrs = tool.attrs or {}
        schema = input_schema(attrs.get("mock_data") or [], attrs.get("freetext_params") or [])
        listed.append(
            types.Tool(
                name=tool.name, description=attrs.get("description") or None, input_schema=schema
            )
        )
    return types.ListToolsResult(tools=listed)


async def _call_tool(
    ctx: ServerRequestContext[Any, Any], params: types.CallToolRequestParams
) -> types.CallToolResult:
    request, services, agent_id, index = _where(ctx)
    reference = mock_runtime.run_reference(request.headers, request.query_params)
    async with services.db.session() as session:
        agent = await mock_runtime.load_agent(session, agent_id)
        tool = await mock_runtime.find_tool(session, agent, params.name, index)
        if tool is None:
            raise MCPError(types.INVALID_PARAMS, f"Unknown tool: {params.name}")
        try:
            run = await mock_runtime.load_run(session, agent, reference)
        except ApiError as exc:
            raise MCPError(types.INVALID_PARAMS, json.dumps(exc.detail)) from None
        served = await mock_runtime.serve(
            session,
            agent,
            tool,
            run,
            params.arguments or {},
            call_id=str(ctx.request_id) if ctx.request_id is not None else None,
            via="mcp",
        )
    if served.error:
        return types.CallToolResult(
            content=[types.TextContent(type="text", text=served.error)], is_error=True
        )
    text = served.output if isinstance(served.output, str) else json.dumps(served.output)
    structured = served.output if isinstance(served.output, dict) else None
    return types.CallToolResult(
        content=[types.TextContent(type="text", text=text)], structured_content=structured
    )


def mcp_manager(settings: Settings) -> StreamableHTTPSessionManager:
    server: Server[Any] = Server(
        "voxtest mock tools",
        version=__version__,
        on_list_tools=_list_tools,
        on_call_tool=_call_tool,
    )
    return StreamableHTTPSessionManager(
        server,
        json_response=True,
        stateless=True,
        max_request_body_size=settings.mock_tools_max_body_bytes,
    )


@asynccontextmanager
async def running(settings: Settings) -> AsyncIterator[StreamableHTTPSessionManager]:
    manager = mcp_manager(settings)
    async with manager.run():
        yield manager


class McpResponse(Response):
    """Hands the request to the MCP transport, which sends the answer itself."""

    def __init__(self, manager: StreamableHTTPSessionManager) -> None:
        super().__init__()
        self.manager = manager

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        await self.manager.handle_request(scope, receive, send)

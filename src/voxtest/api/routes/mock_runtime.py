"""The URLs the agent under test calls instead of its real tools (`served_via.url`):

- `POST /test_framework/v1/aiagents/{agent_id}/tool/{tool_name}/`: one tool as a webhook. The
  body is the arguments (`{"order_id": "A1"}`), Vapi's `{"message": {"type": "tool-calls",
  "toolCallList": [...]}}` (answered `{"results": [{toolCallId, result}]}`) or Retell's
  `{"name", "args", "call"}`. The answer (201) is the matched entry's output, or
  `{"error": "..."}` when no entry matches, for the agent to handle like any tool error;
  `{"error": "...", "mocked": false}` when the run's `mock_tool_names` leave the tool out
  (the agent should call its real tool).
- `POST /test_framework/v1/aiagents/{agent_id}/mcp/{mock_index}/`: an MCP server over
  streamable HTTP (`api.mcp_endpoint`).

Authentication is `settings.mock_tools_auth`: none by default, as Cekura (the agent's
platform calls these URLs), or the organization's API key. The run a call belongs to is named
by the `X-VOXTEST-RUN-ID` / `X-VOCERA-RUN-ID` header or `?run_id=` (`services.mock_runtime`).
The CRUD operations on the same path take an API key always (`routes.tools`).
"""

from __future__ import annotations

import json
from typing import Any

from fastapi import APIRouter, Request
from starlette.responses import Response

from voxtest.api.auth import authenticate
from voxtest.api.mcp_endpoint import McpResponse
from voxtest.api.routing import operation
from voxtest.context import Services
from voxtest.errors import NotFound, PayloadTooLarge, ValidationFailed
from voxtest.services import mock_runtime
from voxtest.storage.tables import Agent

router = APIRouter(tags=["test_framework"])
TOOL = "/test_framework/v1/aiagents/{agent_id}/tool/{tool_name}/"
MCP = "/test_framework/v1/aiagents/{agent_id}/mcp/{mock_index}/"


async def check_caller(request: Request, agent: Agent) -> None:
    """The runtime URLs' authentication, as `settings.mock_tools_auth` says."""
    services: Services = request.app.state.services
    if services.settings.mock_tools_auth == "none":
        return
    principal = await authenticate(request, request.headers.get("x-cekura-api-key"))
    if principal.organization_id != agent.organization_id:
        raise NotFound("No agent with this id.")


async def read_body(request: Request, limit: int) -> bytes:
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > limit:
        raise PayloadTooLarge(f"Tool calls may send at most {limit} bytes.")
    body = bytearray()
    async for chunk in request.stream():
        body.extend(chunk)
        if len(body) > limit:
            raise PayloadTooLarge(f"Tool calls may send at most {limit} bytes.")
    return bytes(body)


@operation(
    router, "POST", [TOOL], status_code=201, summary="Execute a mock tool (provider webhook)"
)
async def call_tool(agent_id: int, tool_name: str, request: Request) -> Any:
    services: Services = request.app.state.services
    raw = await read_body(request, services.settings.mock_tools_max_body_bytes)
    try:
        body = json.loads(raw) if raw.strip() else {}
    except ValueError:
        raise ValidationFailed({"detail": ["The body is not valid JSON."]}) from None
    if not isinstance(body, dict):
        raise ValidationFailed({"detail": ["The body must be a JSON object of arguments."]})
    reference = mock_runtime.run_reference(request.headers, request.query_params)
    async with services.db.session() as session:
        agent = await mock_runtime.load_agent(session, agent_id)
        await check_caller(request, agent)
        tool = await mock_runtime.find_tool(session, agent, tool_name)
        if tool is None:
            raise NotFound(f"Agent {agent_id} has no mock tool named {tool_name}.")
        run = await mock_runtime.load_run(session, agent, reference)
        calls = _vapi_calls(body)
        if calls is None:
            arguments, call_id = _flat(body)
            served = await mock_runtime.serve(
                session, agent, tool, run, arguments, call_id=call_id, via="direct"
            )
            if served.error:
                return {"error": served.error, **({} if served.mocked else {"mocked": False})}
            return served.output
        results = []
        for call_id, arguments in calls:
            served = await mock_runtime.serve(
                session, agent, tool, run, arguments, call_id=call_id, via="direct"
            )
            answer: dict[str, Any] = {"toolCallId": call_id}
            if served.error:
                answer["error"] = served.error
            else:
                answer["result"] = _as_text(served.output)
            results.append(answer)
        return {"results": results}


def _vapi_calls(body: dict[str, Any]) -> list[tuple[str, dict[str, Any]]] | None:
    """Vapi's `tool-calls` message as (id, arguments) pairs; None for other bodies."""
    message = body.get("message")
    if not isinstance(message, dict) or message.get("type") != "tool-calls":
        return None
    out = []
    for item in message.get("toolCallList") or message.get("toolCalls") or []:
        if not isinstance(item, dict):
            continue
        arguments = item.get("arguments")
        if arguments is None and isinstance(item.get("function"), dict):
            arguments = item["function"].get("arguments")
        if isinstance(arguments, str):
            try:
                arguments = json.loads(arguments)
            except ValueError:
                arguments = {}
        out.append((str(item.get("id") or ""), arguments if isinstance(arguments, dict) else {}))
    return out


def _flat(body: dict[str, Any]) -> tuple[dict[str, Any], str | None]:
    """Retell's `{name, args, call}` or the arguments themselves."""
    if isinstance(body.get("args"), dict) and ("call" in body or "name" in body):
        return body["args"], None
    return body, None


def _as_text(output: Any) -> str:
    return output if isinstance(output, str) else json.dumps(output)


@operation(router, "POST", [MCP], summary="Mock MCP server (streamable HTTP)")
async def mcp_post(agent_id: int, mock_index: int, request: Request) -> Response:
    return await _mcp(agent_id, request)


async def _mcp(agent_id: int, request: Request) -> Response:
    services: Services = request.app.state.services
    async with services.db.session() as session:
        agent = await mock_runtime.load_agent(session, agent_id)
    await check_caller(request, agent)
    return McpResponse(request.app.state.mcp)


@router.get(MCP, include_in_schema=False)
@router.delete(MCP, include_in_schema=False)
async def mcp_stream(agent_id: int, mock_index: int, request: Request) -> Response:
    """Streamable HTTP's GET (event stream) and DELETE (end session): stateless, so the
    transport answers that there is none."""
    return await _mcp(agent_id, request)

"""`/test_framework/v1/tools/` (the project's mock tools) and an agent's tools by name:
`/test_framework/v1/aiagents/{agent_id}/tools/`, `tool/{tool_name}/` (GET, PATCH, DELETE;
its POST is the runtime webhook, `routes.mock_runtime`), `tool/{tool_name}/fork/` and
`tools/mock-status/` (which tools are mocked, served where)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request, Response

from voxtest.api.auth import PrincipalDep
from voxtest.api.deps import ServicesDep
from voxtest.api.pagination import PageDep
from voxtest.api.routing import operation
from voxtest.api.wire._generated import PatchedToolWrite, ToolWrite
from voxtest.services import agents, tools
from voxtest.services.agent_tools import agent_tools
from voxtest.services.mock_status import mock_status

router = APIRouter(tags=["test_framework"])
CATALOGUE = "/test_framework/v1/tools/"
AGENT = "/test_framework/v1/aiagents/{agent_id}/"


async def _raw(request: Request) -> dict[str, Any]:
    """The body as sent: `served_via` and `mock_data` (the v2 agent's names) are read too."""
    try:
        body = await request.json()
    except ValueError:
        return {}
    return body if isinstance(body, dict) else {}


@operation(router, "GET", [CATALOGUE], summary="List the mock tools in a project")
async def list_tools(
    principal: PrincipalDep,
    services: ServicesDep,
    page: PageDep,
    search: str | None = None,
    project_id: int | None = None,
    agent_id: int | None = None,
) -> Any:
    async with services.db.session() as session:
        return await tools.catalogue(
            session,
            principal,
            page,
            services.settings.public_base_url,
            project_id=project_id,
            agent_id=agent_id,
            search=search,
        )


@operation(router, "GET", [CATALOGUE + "{id}/"], summary="Get one mock tool")
async def get_tool(id: int, principal: PrincipalDep, services: ServicesDep) -> Any:
    async with services.db.session() as session:
        tool = await tools.one(session, principal, id)
        return await tools.read(session, tool, services.settings.public_base_url)


@operation(router, "GET", [AGENT + "tools/"], summary="List an agent's tools")
async def agent_tool_list(agent_id: int, principal: PrincipalDep, services: ServicesDep) -> Any:
    async with services.db.session() as session:
        agent = await agents.get_agent_row(session, principal, agent_id)
        rows = await agent_tools(session, agent.id)
        base = services.settings.public_base_url
        return [await tools.read(session, t, base, agent.id) for t in rows]


@operation(
    router, "GET", [AGENT + "tools/mock-status/"], summary="Current mock-tools state for an agent"
)
async def agent_mock_status(agent_id: int, principal: PrincipalDep, services: ServicesDep) -> Any:
    async with services.db.session() as session:
        agent = await agents.get_agent_row(session, principal, agent_id)
        return await mock_status(session, agent, services.settings.public_base_url)


@operation(router, "POST", [AGENT + "tools/"], status_code=201, summary="Add a tool to an agent")
async def agent_tool_create(
    agent_id: int, body: ToolWrite, request: Request, principal: PrincipalDep, services: ServicesDep
) -> Any:
    body.require()
    given = {**await _raw(request), **body.given()}
    async with services.db.session() as session:
        agent = await agents.get_agent_row(session, principal, agent_id)
        tool = await tools.create(session, agent, given)
        return await tools.read(session, tool, services.settings.public_base_url, agent.id)


@operation(router, "GET", [AGENT + "tool/{tool_name}/"], summary="Get an agent's tool by name")
async def agent_tool_get(
    agent_id: int, tool_name: str, principal: PrincipalDep, services: ServicesDep
) -> Any:
    async with services.db.session() as session:
        agent = await agents.get_agent_row(session, principal, agent_id)
        tool = await tools.by_name(session, agent, tool_name)
        return await tools.read(session, tool, services.settings.public_base_url, agent.id)


@operation(router, "PATCH", [AGENT + "tool/{tool_name}/"], summary="Update an agent's tool by name")
async def agent_tool_patch(
    agent_id: int,
    tool_name: str,
    body: PatchedToolWrite,
    request: Request,
    principal: PrincipalDep,
    services: ServicesDep,
) -> Any:
    given = {**await _raw(request), **body.given()}
    async with services.db.session() as session:
        agent = await agents.get_agent_row(session, principal, agent_id)
        tool = await tools.update(
            session, agent, await tools.by_name(session, agent, tool_name), given
        )
        return await tools.read(session, tool, services.settings.public_base_url, agent.id)


@operation(
    router,
    "DELETE",
    [AGENT + "tool/{tool_name}/"],
    status_code=204,
    summary="Remove a tool from an agent",
)
async def agent_tool_delete(
    agent_id: int, tool_name: str, principal: PrincipalDep, services: ServicesDep
) -> Response:
    async with services.db.session() as session:
        agent = await agents.get_agent_row(session, principal, agent_id)
        await tools.detach(session, agent, await tools.by_name(session, agent, tool_name))
    return Response(status_code=204)


@operation(router, "POST", [AGENT + "tool/{tool_name}/fork/"], summary="Fork a shared tool")
async def agent_tool_fork(
    agent_id: int, tool_name: str, principal: PrincipalDep, services: ServicesDep
) -> Any:
    async with services.db.session() as session:
        agent = await agents.get_agent_row(session, principal, agent_id)
        copy = await tools.fork(session, agent, await tools.by_name(session, agent, tool_name))
        return await tools.read(session, copy, services.settings.public_base_url, agent.id)

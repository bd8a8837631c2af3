"""`/test_framework/v2/aiagents/` (nested provider block) and `/test_framework/v1/aiagents/`
(flat fields). Both versions share the services; only the wire shapes differ."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request, Response
from pydantic import ValidationError as PydanticValidationError

from voxtest.api.auth import Principal, PrincipalDep
from voxtest.api.deps import ServicesDep
from voxtest.api.errors import errors_to_drf
from voxtest.api.pagination import PageDep
from voxtest.api.routes.agent_uploads import UPLOAD_BODY, read_upload
from voxtest.api.routing import operation
from voxtest.api.wire._generated import (
    AIAgentWrite,
    EnableDisablePersonalitiesWrite,
    PatchedSchemaPostAIAgentV2Write,
    PatchedSchemaUpdateAIAgentExternalWrite,
    SchemaPostAIAgentV2Write,
    SchemaPostCopyAgentWrite,
    SchemaUpdateAIAgentExternalWrite,
)
from voxtest.context import Services
from voxtest.errors import PermissionDenied, ValidationFailed
from voxtest.services import agent_children, agents, agents_v1, personality_sets
from voxtest.services.agent_personalities import page_of_personalities
from voxtest.services.agent_writes import lift_seed_fields
from voxtest.storage.tables import Agent

router = APIRouter(tags=["test_framework"])
V1 = "/test_framework/v1/aiagents/"
V2 = "/test_framework/v2/aiagents/"
ITEM = "{id}/"
V2Body = SchemaPostAIAgentV2Write | PatchedSchemaPostAIAgentV2Write
V1Body = AIAgentWrite | SchemaUpdateAIAgentExternalWrite | PatchedSchemaUpdateAIAgentExternalWrite


async def _raw(request: Request) -> Any:
    try:
        return await request.json()
    except ValueError:
        return None


async def _v2_given(request: Request, body: V2Body, errors: dict[str, Any]) -> dict[str, Any]:
    given = body.given()
    lift_seed_fields(await _raw(request), given, errors)
    return given


async def _v1_given(
    session: Any, principal: Principal, body: V1Body, errors: dict[str, Any], row: Agent | None
) -> dict[str, Any]:
    raw = body.given()
    if raw.get("organization") not in (None, principal.organization_id):
        raise PermissionDenied("You can only create agents in your own organization.")
    stored = dict((row.attrs or {}).get("provider") or {}) if row else {}
    given, problems = agents_v1.to_v2(raw, stored)
    errors.update(problems)
    return given


# -- list ------------------------------------------------------------------------------------


async def _list(
    principal: Principal,
    services: Services,
    page: PageDep,
    project_id: int | None,
    q: str | None,
    *,
    v1: bool,
) -> Any:
    async with services.db.session() as session:
        count, rows = await agents.list_rows(session, principal, page, project_id, q)
        serialize = agents_v1.serialize_v1 if v1 else agents.serialize
        return page.respond(count, [await serialize(session, services, r) for r in rows])


@operation(router, "GET", [V2], summary="List agents")
async def list_agents_v2(
    principal: PrincipalDep,
    services: ServicesDep,
    page: PageDep,
    project_id: int | None = None,
    q: str | None = None,
    organization_id: int | None = None,
) -> Any:
    if organization_id not in (None, principal.organization_id):
        return page.respond(0, [])
    return await _list(principal, services, page, project_id, q, v1=False)


@operation(router, "GET", [V1], summary="List agents (v1 fields)")
async def list_agents_v1(
    principal: PrincipalDep,
    services: ServicesDep,
    page: PageDep,
    project_id: int | None = None,
    q: str | None = None,
) -> Any:
    return await _list(principal, services, page, project_id, q, v1=True)


# -- create, read, update, delete ------------------------------------------------------------


@operation(router, "POST", [V2], status_code=201, summary="Create an agent")
async def create_agent_v2(
    request: Request, body: SchemaPostAIAgentV2Write, principal: PrincipalDep, services: ServicesDep
) -> Any:
    errors = body.missing("name", "project")
    given = await _v2_given(request, body, errors)
    async with services.db.session() as session:
        row = await agents.create_agent(session, services, principal, given, errors)
        return await agents.serialize(session, services, row)


@operation(router, "POST", [V1], status_code=201, summary="Create an agent (v1 fields)")
async def create_agent_v1(
    body: AIAgentWrite, principal: PrincipalDep, services: ServicesDep
) -> Any:
    errors = body.missing("project")
    async with services.db.session() as session:
        try:
            given = await _v1_given(session, principal, body, errors, None)
            row = await agents.create_agent(session, services, principal, given, errors)
        except ValidationFailed as exc:
            raise agents_v1.v1_errors(exc) from None
        return await agents_v1.serialize_v1(session, services, row)


@operation(router, "GET", [V2 + ITEM], summary="Get an agent")
async def get_agent_v2(id: int, principal: PrincipalDep, services: ServicesDep) -> Any:
    async with services.db.session() as session:
        row = await agents.get_agent_row(session, principal, id)
        return await agents.serialize(session, services, row)


@operation(router, "GET", [V1 + ITEM], summary="Get an agent (v1 fields)")
async def get_agent_v1(id: int, principal: PrincipalDep, services: ServicesDep) -> Any:
    async with services.db.session() as session:
        row = await agents.get_agent_row(session, principal, id)
        return await agents_v1.serialize_v1(session, services, row)


async def _update_v2(
    request: Request, id: int, body: V2Body, principal: Principal, services: Services, full: bool
) -> Any:
    errors = body.missing("name") if full else {}
    given = await _v2_given(request, body, errors)
    async with services.db.session() as session:
        row = await agents.update_agent(session, services, principal, id, given, errors)
        return await agents.serialize(session, services, row)


@operation(router, "PUT", [V2 + ITEM], summary="Replace an agent")
async def put_agent_v2(
    request: Request,
    id: int,
    body: SchemaPostAIAgentV2Write,
    principal: PrincipalDep,
    services: ServicesDep,
) -> Any:
    return await _update_v2(request, id, body, principal, services, full=True)


@operation(router, "PATCH", [V2 + ITEM], summary="Update an agent")
async def patch_agent_v2(
    request: Request,
    id: int,
    body: PatchedSchemaPostAIAgentV2Write,
    principal: PrincipalDep,
    services: ServicesDep,
) -> Any:
    return await _update_v2(request, id, body, principal, services, full=False)


async def _update_v1(
    id: int, body: V1Body, principal: Principal, services: Services, full: bool
) -> Any:
    errors = body.missing() if full else {}
    async with services.db.session() as session:
        row = await agents.get_agent_row(session, principal, id)
        try:
            given = await _v1_given(session, principal, body, errors, row)
            row = await agents.update_agent(session, services, principal, id, given, errors)
        except ValidationFailed as exc:
            raise agents_v1.v1_errors(exc) from None
        return await agents_v1.serialize_v1(session, services, row)


@operation(router, "PUT", [V1 + ITEM], summary="Replace an agent (v1 fields)")
async def put_agent_v1(
    id: int, body: SchemaUpdateAIAgentExternalWrite, principal: PrincipalDep, services: ServicesDep
) -> Any:
    return await _update_v1(id, body, principal, services, full=True)


@operation(router, "PATCH", [V1 + ITEM], summary="Update an agent (v1 fields)")
async def patch_agent_v1(
    id: int,
    body: PatchedSchemaUpdateAIAgentExternalWrite,
    principal: PrincipalDep,
    services: ServicesDep,
) -> Any:
    return await _update_v1(id, body, principal, services, full=False)


@operation(router, "DELETE", [V1 + ITEM, V2 + ITEM], status_code=204, summary="Delete an agent")
async def delete_agent(
    id: int, principal: PrincipalDep, services: ServicesDep, delete_related: bool = True
) -> Response:
    async with services.db.session() as session:
        await agents.delete_agent(session, principal, id, delete_related)
    return Response(status_code=204)


# -- duplicate -------------------------------------------------------------------------------


@operation(router, "POST", [V2 + "{id}/duplicate/"], status_code=201, summary="Duplicate")
async def duplicate_v2(
    id: int,
    principal: PrincipalDep,
    services: ServicesDep,
    body: SchemaPostCopyAgentWrite | None = None,
) -> Any:
    _refuse_scenarios(body)
    async with services.db.session() as session:
        row = await agents.duplicate_agent(session, principal, id)
        return await agents.serialize(session, services, row)


@operation(router, "POST", [V1 + "{id}/duplicate/"], status_code=201, summary="Duplicate (v1)")
async def duplicate_v1(
    id: int,
    principal: PrincipalDep,
    services: ServicesDep,
    body: SchemaPostCopyAgentWrite | None = None,
) -> Any:
    _refuse_scenarios(body)
    async with services.db.session() as session:
        row = await agents.duplicate_agent(session, principal, id)
        return await agents_v1.serialize_v1(session, services, row)


def _refuse_scenarios(body: SchemaPostCopyAgentWrite | None) -> None:
    if body is not None and body.copy_scenarios:
        raise ValidationFailed(
            {"copy_scenarios": ["Copying scenarios with an agent is not available yet."]}
        )


# -- personalities ---------------------------------------------------------------------------


async def _switch(
    id: int,
    body: EnableDisablePersonalitiesWrite,
    principal: Principal,
    services: Services,
    *,
    on: bool,
) -> Agent:
    body.require()
    async with services.db.session() as session:
        row = await agents.get_agent_row(session, principal, id)
        ids = await personality_sets.resolve_selection(session, principal, body.given())
        switch = personality_sets.enable if on else personality_sets.disable
        await switch(session, agent_id=row.id, ids=ids)
        return row


@operation(router, "POST", [V2 + "{id}/enable_personalities/"])
async def enable_personalities_v2(
    id: int,
    body: EnableDisablePersonalitiesWrite,
    principal: PrincipalDep,
    services: ServicesDep,
    page: PageDep,
) -> Any:
    """Enable personalities on the agent; answers the agent's enabled personalities."""
    row = await _switch(id, body, principal, services, on=True)
    async with services.db.session() as session:
        return await page_of_personalities(session, principal, row.id, page, enabled_only=True)


@operation(router, "POST", [V2 + "{id}/disable_personalities/"])
async def disable_personalities_v2(
    id: int, body: EnableDisablePersonalitiesWrite, principal: PrincipalDep, services: ServicesDep
) -> Any:
    await _switch(id, body, principal, services, on=False)
    return {"message": "Personalities disabled."}


# The reference documents these v1 bodies as the agent (a generator fallback): documented so,
# while the `{personalities, language}` clients actually send is what is read.
V1_SWITCH_DOC = {
    "requestBody": {
        "required": True,
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/AIAgentWrite"}}},
    }
}


@operation(router, "POST", [V1 + "{id}/enable_personalities/"], openapi_extra=V1_SWITCH_DOC)
async def enable_personalities_v1(
    request: Request, id: int, principal: PrincipalDep, services: ServicesDep
) -> Any:
    """Enable personalities on the agent; answers the agent (v1 fields)."""
    selection = await _v1_selection(request)
    row = await _switch(id, selection, principal, services, on=True)
    return await _agent_v1(row.id, principal, services)


@operation(router, "POST", [V1 + "{id}/disable_personalities/"], openapi_extra=V1_SWITCH_DOC)
async def disable_personalities_v1(
    request: Request, id: int, principal: PrincipalDep, services: ServicesDep
) -> Any:
    selection = await _v1_selection(request)
    row = await _switch(id, selection, principal, services, on=False)
    return await _agent_v1(row.id, principal, services)


async def _v1_selection(request: Request) -> EnableDisablePersonalitiesWrite:
    """`{personalities, language}`, as on v2."""
    raw = await _raw(request)
    try:
        return EnableDisablePersonalitiesWrite.model_validate(raw if isinstance(raw, dict) else {})
    except PydanticValidationError as exc:
        raise ValidationFailed(errors_to_drf([dict(e) for e in exc.errors()])) from None


async def _agent_v1(id: int, principal: Principal, services: Services) -> Any:
    async with services.db.session() as session:
        row = await agents.get_agent_row(session, principal, id)
        return await agents_v1.serialize_v1(session, services, row)


@operation(router, "GET", [V2 + "{id}/personalities/"])
async def agent_personalities_v2(
    id: int,
    principal: PrincipalDep,
    services: ServicesDep,
    page: PageDep,
    language: str | None = None,
    enabled_only: bool = False,
) -> Any:
    """The personalities the caller can use, each flagged `enabled` when on for this agent."""
    async with services.db.session() as session:
        row = await agents.get_agent_row(session, principal, id)
        return await page_of_personalities(
            session, principal, row.id, page, language=language, enabled_only=enabled_only
        )


@operation(router, "GET", [V1 + "{id}/personalities/"])
async def agent_personalities_v1(id: int, principal: PrincipalDep, services: ServicesDep) -> Any:
    """The reference answers the agent itself (its `enabled_personalities`)."""
    return await _agent_v1(id, principal, services)


# -- knowledge base upload -------------------------------------------------------------------


@operation(
    router,
    "POST",
    [V1 + "{id}/upload_knowledge_base/", V2 + "{id}/upload_knowledge_base/"],
    status_code=201,
    openapi_extra={"requestBody": UPLOAD_BODY},
)
async def upload_knowledge_base(
    request: Request, id: int, principal: PrincipalDep, services: ServicesDep
) -> Any:
    """Add files (multipart `files`, or JSON `{files: [{name, content_base64}]}`)."""
    new = await read_upload(request)
    async with services.db.session() as session:
        row = await agents.get_agent_row(session, principal, id)
        added = await agent_children.add_files(session, row.id, new)
        base = services.settings.public_base_url
        results = [agent_children.read_file(f, base) for f in added]
    return {"count": len(results), "next": None, "previous": None, "results": results}

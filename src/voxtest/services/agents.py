"""Agents: create, read, update, delete, duplicate; tenancy and the v2 answer shape.

Writes arrive as a v2-shaped dict (`agents_v1` translates the flat v1 fields into it). Every
problem is collected first, then the agent, its secrets and its children are written.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Select, delete, func, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from voxtest.api.auth import Principal
from voxtest.api.pagination import PageRequest
from voxtest.api.wire._generated import AIAgentV2
from voxtest.api.wire.base import shaped
from voxtest.context import Services
from voxtest.errors import ValidationFailed
from voxtest.services import agent_children as children
from voxtest.services import agent_tools as tools
from voxtest.services import metrics_links, personality_sets, tenancy
from voxtest.services.agent_reads import read_v2
from voxtest.services.agent_writes import AgentWrite, check_write
from voxtest.services.common import update_secrets
from voxtest.storage.tables import (
    Agent,
    AgentPersonality,
    AgentTool,
    DynamicVariable,
    KnowledgeBaseFile,
    Metric,
    MetricAgent,
    Scenario,
)
from voxtest.storage.tables.base import utcnow

NOT_AVAILABLE_IMPORT = (
    "Importing an agent's configuration from the provider is not available yet. "
    "Send the agent's fields (name, description, telephony, provider, ...) directly."
)


async def get_agent_row(session: AsyncSession, principal: Principal, agent_id: int) -> Agent:
    """The caller's agent, or 404 (other organizations' agents do not exist for it)."""
    return await tenancy.owned(session, principal, Agent, agent_id)


def _visible(principal: Principal) -> Select[Agent]:
    return tenancy.visible(principal, Agent)


async def agents_by_assistant_id(
    session: AsyncSession, principal: Principal, assistant_id: str
) -> list[int]:
    """Ids of the caller's agents whose provider agent id is `assistant_id`."""
    query = _visible(principal).where(Agent.assistant_id == assistant_id)
    return list((await session.scalars(query.with_only_columns(Agent.id))).all())


async def list_rows(
    session: AsyncSession,
    principal: Principal,
    page: PageRequest,
    project_id: int | None,
    q: str | None,
) -> tuple[int, list[Agent]]:
    query = _visible(principal)
    if project_id is not None:
        query = query.where(Agent.project_id == project_id)
    if q:
        match = Agent.name.ilike(f"%{q.strip()}%")
        query = query.where(or_(match, Agent.id == int(q)) if q.strip().isdigit() else match)
    count = await session.scalar(select(func.count()).select_from(query.subquery()))
    page.check(count or 0)
    rows = await session.scalars(
        query.order_by(Agent.id.desc()).offset(page.offset).limit(page.page_size)
    )
    return count or 0, list(rows)


# -- writes ----------------------------------------------------------------------------------


def refuse_provider_import(given: dict[str, Any]) -> None:
    provider = given.get("provider") or {}
    if provider.get("configure_from_provider"):
        raise ValidationFailed({"provider": {"configure_from_provider": [NOT_AVAILABLE_IMPORT]}})


async def create_agent(
    session: AsyncSession,
    services: Services,
    principal: Principal,
    given: dict[str, Any],
    errors: dict[str, Any],
) -> Agent:
    refuse_provider_import(given)
    if "project" not in given and principal.project_id is not None:
        given["project"] = principal.project_id
        errors.pop("project", None)
    row = Agent(organization_id=principal.organization_id, project_id=0, name="", attrs={})
    write = await check_write(session, services, principal, row, given, errors, creating=True)
    session.add(row)
    await _save(session, services, row, write)
    project_ids = await personality_sets.enabled_ids(session, project_id=row.project_id)
    await personality_sets.enable(session, agent_id=row.id, ids=project_ids)
    await metrics_links.enable_on_new_agent(session, row)
    return row


async def update_agent(
    session: AsyncSession,
    services: Services,
    principal: Principal,
    agent_id: int,
    given: dict[str, Any],
    errors: dict[str, Any],
) -> Agent:
    refuse_provider_import(given)
    row = await get_agent_row(session, principal, agent_id)
    write = await check_write(session, services, principal, row, given, errors, creating=False)
    await _save(session, services, row, write)
    return row


async def _save(session: AsyncSession, services: Services, row: Agent, write: AgentWrite) -> None:
    row.project_id = write.project_id
    row.name = write.name
    row.attrs = write.attrs
    row.assistant_id = (write.attrs.get("provider") or {}).get("agent_id") or None
    row.secrets = update_secrets(services.box, row.secrets, write.secrets)
    await session.flush()
    if write.tools is not None:
        await tools.apply_tools(session, row.organization_id, row.project_id, row.id, write.tools)
    if write.variables is not None:
        await children.apply_variables(session, row.id, write.variables)
    if write.files is not None:
        keep, new = write.files
        await children.apply_files(session, row.id, keep, new)
    row.updated_at = utcnow()  # children count as a change of the agent
    await session.flush()
    await session.refresh(row)


async def delete_agent(
    session: AsyncSession, principal: Principal, agent_id: int, delete_related: bool
) -> None:
    row = await get_agent_row(session, principal, agent_id)
    tool_ids = {t.id for t in await tools.agent_tools(session, row.id)}
    if not delete_related:
        await session.execute(
            update(Scenario).where(Scenario.agent_id == row.id).values(agent_id=None)
        )
    # Its own metrics go with it, each through delete_metric so no rubric rule dangles.
    for metric in await session.scalars(select(Metric).where(Metric.agent_id == row.id)):
        await metrics_links.delete_metric(session, metric)
    await session.execute(delete(Agent).where(Agent.id == row.id))
    await tools.delete_orphans(session, tool_ids)


async def duplicate_agent(session: AsyncSession, principal: Principal, agent_id: int) -> Agent:
    src = await get_agent_row(session, principal, agent_id)
    copy = Agent(
        organization_id=src.organization_id,
        project_id=src.project_id,
        name=f"{src.name} (copy)"[:255],
        attrs=dict(src.attrs or {}),
        secrets=src.secrets,
    )
    session.add(copy)
    await session.flush()
    tool_ids = [t.id for t in await tools.agent_tools(session, src.id)]
    session.add_all(AgentTool(agent_id=copy.id, tool_id=t) for t in tool_ids)
    for var in await session.scalars(
        select(DynamicVariable).where(DynamicVariable.agent_id == src.id)
    ):
        session.add(DynamicVariable(agent_id=copy.id, name=var.name, description=var.description))
    for f in await session.scalars(
        select(KnowledgeBaseFile).where(KnowledgeBaseFile.agent_id == src.id)
    ):
        session.add(
            KnowledgeBaseFile(
                agent_id=copy.id,
                file_name=f.file_name,
                file_type=f.file_type,
                file_size=f.file_size,
                content=f.content,
            )
        )
    ids = await personality_sets.enabled_ids(session, agent_id=src.id)
    session.add_all(AgentPersonality(agent_id=copy.id, personality_id=p) for p in ids)
    # Project metrics enabled on the source are enabled on the copy too.
    enabled = await session.scalars(
        select(MetricAgent.metric_id).where(MetricAgent.agent_id == src.id)
    )
    session.add_all(MetricAgent(metric_id=m, agent_id=copy.id) for m in enabled)
    await session.flush()
    await session.refresh(copy)
    return copy


# -- reading (v2) ----------------------------------------------------------------------------


async def serialize(session: AsyncSession, services: Services, row: Agent) -> dict[str, Any]:
    return shaped(await read_v2(session, services, row), AIAgentV2)

"""What a metric points at: its agent, the agents it is enabled on, scenarios, KB files,
and its rule in the project rubric."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from voxtest.api.auth import Principal
from voxtest.domain.metric_rules import rubric_without
from voxtest.storage.tables import (
    Agent,
    KnowledgeBaseFile,
    Metric,
    MetricAgent,
    Project,
    Scenario,
    ScenarioMetric,
)


def does_not_exist(ids: Iterable[Any]) -> list[str]:
    """DRF's message for primary keys that name nothing the caller can see."""
    return [f'Invalid pk "{i}" - object does not exist.' for i in ids]


async def find_agent(session: AsyncSession, principal: Principal, agent_id: int) -> Agent | None:
    agent = await session.get(Agent, agent_id)
    if (
        agent is None
        or agent.organization_id != principal.organization_id
        or agent.is_deleted
        or (principal.project_id is not None and agent.project_id != principal.project_id)
    ):
        return None
    return agent


async def project_agent_ids(session: AsyncSession, project_id: int) -> set[int]:
    rows = await session.scalars(
        select(Agent.id).where(Agent.project_id == project_id, Agent.is_deleted.is_(False))
    )
    return set(rows.all())


async def unknown_scenarios(session: AsyncSession, project_id: int, ids: list[int]) -> list[int]:
    found = set(
        (
            await session.scalars(
                select(Scenario.id).where(Scenario.id.in_(ids), Scenario.project_id == project_id)
            )
        ).all()
    )
    return [i for i in ids if i not in found]


async def all_scenarios(session: AsyncSession, project_id: int) -> list[int]:
    rows = await session.scalars(select(Scenario.id).where(Scenario.project_id == project_id))
    return list(rows.all())


async def unknown_kb_files(session: AsyncSession, project_id: int, ids: list[int]) -> list[int]:
    found = set(
        (
            await session.scalars(
                select(KnowledgeBaseFile.id)
                .join(Agent, Agent.id == KnowledgeBaseFile.agent_id)
                .where(KnowledgeBaseFile.id.in_(ids), Agent.project_id == project_id)
            )
        ).all()
    )
    return [i for i in ids if i not in found]


async def slug_taken(
    session: AsyncSession, organization_id: int, slug: str, metric_id: int | None
) -> bool:
    query = select(Metric.id).where(Metric.organization_id == organization_id, Metric.slug == slug)
    if metric_id is not None:
        query = query.where(Metric.id != metric_id)
    return await session.scalar(query) is not None


async def set_agents(session: AsyncSession, metric_id: int, agent_ids: Iterable[int]) -> None:
    await session.execute(delete(MetricAgent).where(MetricAgent.metric_id == metric_id))
    session.add_all(MetricAgent(metric_id=metric_id, agent_id=a) for a in sorted(set(agent_ids)))


async def attach_scenarios(
    session: AsyncSession, metric_id: int, scenario_ids: Iterable[int], *, replace: bool
) -> None:
    if replace:
        await session.execute(delete(ScenarioMetric).where(ScenarioMetric.metric_id == metric_id))
        have: set[int] = set()
    else:
        have = set(
            (
                await session.scalars(
                    select(ScenarioMetric.scenario_id).where(ScenarioMetric.metric_id == metric_id)
                )
            ).all()
        )
    session.add_all(
        ScenarioMetric(scenario_id=s, metric_id=metric_id) for s in sorted(set(scenario_ids) - have)
    )


async def rubric_of(session: AsyncSession, project_id: int) -> dict[str, Any]:
    project = await session.get(Project, project_id)
    assert project is not None
    return dict((project.attrs or {}).get("rubric_config") or {})


async def save_rubric(session: AsyncSession, project_id: int, rubric: dict[str, Any]) -> None:
    project = await session.get(Project, project_id)
    assert project is not None
    project.attrs = {**(project.attrs or {}), "rubric_config": rubric}


async def delete_metric(session: AsyncSession, row: Metric) -> None:
    """Delete the metric, its links, and its rule in the project rubric (no dangling rule)."""
    rubric = await rubric_of(session, row.project_id)
    if rubric:
        await save_rubric(session, row.project_id, rubric_without(rubric, [row.id]))
    await session.execute(delete(ScenarioMetric).where(ScenarioMetric.metric_id == row.id))
    await session.execute(delete(MetricAgent).where(MetricAgent.metric_id == row.id))
    await session.execute(delete(Metric).where(Metric.id == row.id))


async def enable_on_new_agent(session: AsyncSession, agent: Agent) -> list[int]:
    """Enable on a just-created agent every project metric marked `add_to_new_agents`."""
    rows = await session.scalars(
        select(Metric).where(Metric.project_id == agent.project_id, Metric.agent_id.is_(None))
    )
    ids = [m.id for m in rows if (m.attrs or {}).get("add_to_new_agents")]
    session.add_all(MetricAgent(metric_id=i, agent_id=agent.id) for i in ids)
    return ids

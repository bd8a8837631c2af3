"""What evaluating a run reads from the database: the call's facts and the metrics to apply.

A simulation run is judged by the metrics attached to its scenario that are enabled on its
agent (an agent-level metric of that agent, or a project-level one enabled for it) and have
`simulation_enabled`; the project's rubric decides `success`. A voice run's recording and
timing record (`details["audio"]` or `details["voice"]`, docs/design/0005-audio-metrics.md)
become `CallFacts.audio`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from voxtest.domain.mock_transcript import expected_tool_names
from voxtest.evaluation.audio import AudioFacts
from voxtest.evaluation.model import CallFacts, MetricSpec
from voxtest.services.metrics_read import DEFAULTS as METRIC_DEFAULTS
from voxtest.storage.tables import Agent, Metric, MetricAgent, Run, ScenarioMetric
from voxtest.storage.tables.agents import KnowledgeBaseFile

KB_TEXT_LIMIT = 200_000  # characters of knowledge base given to the hallucination check


async def call_facts(session: AsyncSession, run: Run, *, home: Path | None = None) -> CallFacts:
    """`home`: VOXTEST_HOME, where relative recording paths are."""
    agent = await session.get(Agent, run.agent_id)
    snap = run.snapshot or {}
    details = run.details or {}
    return CallFacts(
        transcript=tuple(run.transcript or []),
        duration_s=run.duration_s,
        ended_reason=run.ended_reason,
        connected=bool(details.get("connected", True)),
        mode="simulation",
        run_id=run.id,
        agent=await agent_facts(session, agent) if agent is not None else {},
        scenario={
            "name": snap.get("scenario_name") or "",
            "instructions": snap.get("instructions") or "",
            "conditional_action_instructions": snap.get("instructions") or "",
            "expected_outcome_prompt": snap.get("expected_outcome_prompt") or "",
            "expected_tool_calls": list(
                snap.get("expected_tool_calls")
                or expected_tool_names(snap.get("generated_mock_tool_entries"))
            ),
            "tags": list(snap.get("tags") or []),
        },
        test_profile=dict(snap.get("test_profile_data") or {}),
        metadata=dict(details),
        timestamp=(run.executed_at or run.created_at).isoformat(),
        audio=AudioFacts.from_details(details, home=home),
    )


async def agent_facts(session: AsyncSession, agent: Agent) -> dict[str, Any]:
    attrs = agent.attrs or {}
    files = await session.scalars(
        select(KnowledgeBaseFile).where(KnowledgeBaseFile.agent_id == agent.id)
    )
    knowledge: list[dict[str, str]] = []
    budget = KB_TEXT_LIMIT
    for f in files:
        text = f.content.decode("utf-8", errors="replace")[:budget]
        budget -= len(text)
        knowledge.append({"name": f.file_name, "text": text})
    return {
        "id": agent.id,
        "name": agent.name,
        "description": attrs.get("description") or "",
        "language": attrs.get("language") or "",
        "inbound": attrs.get("inbound"),
        "contact_number": attrs.get("contact_number") or "",
        "knowledge_base": knowledge,
        "topic_nodes": attrs.get("topic_nodes") or {},
        "dropoff_nodes": attrs.get("dropoff_nodes") or {},
        "mock_tools": [t.get("name") for t in attrs.get("mock_tools") or [] if isinstance(t, dict)],
    }


async def run_metrics(session: AsyncSession, run: Run) -> list[MetricSpec]:
    """The metrics this run is judged by, oldest first."""
    if run.scenario_id is None:
        return []
    enabled_here = or_(
        Metric.agent_id == run.agent_id,
        Metric.id.in_(select(MetricAgent.metric_id).where(MetricAgent.agent_id == run.agent_id)),
    )
    rows = await session.scalars(
        select(Metric)
        .join(ScenarioMetric, ScenarioMetric.metric_id == Metric.id)
        .where(ScenarioMetric.scenario_id == run.scenario_id, enabled_here)
        .order_by(Metric.id)
    )
    return [metric_spec(m) for m in rows if _attr(m, "simulation_enabled")]


def metric_spec(metric: Metric) -> MetricSpec:
    return MetricSpec(
        id=metric.id,
        name=metric.name,
        type=metric.type,
        eval_type=metric.eval_type,
        description=str(_attr(metric, "description") or _attr(metric, "prompt") or ""),
        enum_values=tuple(str(v) for v in _attr(metric, "enum_values") or ()),
        evaluation_trigger=str(_attr(metric, "evaluation_trigger") or "always"),
        evaluation_trigger_prompt=str(_attr(metric, "evaluation_trigger_prompt") or ""),
        trigger_type=str(_attr(metric, "trigger_type") or "llm_judge"),
        evaluation_trigger_custom_code=str(_attr(metric, "evaluation_trigger_custom_code") or ""),
        custom_code=str(_attr(metric, "custom_code") or ""),
        function_name=str(_attr(metric, "function_name") or ""),
        code=str(_attr(metric, "vocera_defined_metric_code") or ""),
        configuration=dict(_attr(metric, "configuration") or {}),
    )


def _attr(metric: Metric, key: str) -> Any:
    return (metric.attrs or {}).get(key, METRIC_DEFAULTS.get(key))

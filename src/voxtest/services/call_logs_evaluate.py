"""Evaluating one call log: its facts and metrics, the pipeline, the stored outcome.

A call log is judged by its agent's metrics with `observability_enabled` (an agent-level
metric of that agent, or a project-level one enabled for it), or by the `metric_ids` sent
with it, or, after `evaluate_metrics/`, by the chosen metrics with its other values kept.
When the sampling accumulator left the call out, metrics with `sampling_enabled` get a
"Sampling skipped" placeholder (not applicable) instead of a verdict; explicit requests are
never sampled. The project's rubric decides `success`, which a reviewed call keeps.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from voxtest.context import Services
from voxtest.domain.sampling import SKIPPED
from voxtest.evaluation.llm_metrics import LlmMetricJudge
from voxtest.evaluation.llm_metrics_ask import JudgeCache
from voxtest.evaluation.model import CallFacts, MetricSpec, MetricValue
from voxtest.evaluation.pipeline import Evaluation, evaluate_call
from voxtest.runs.evaluation_inputs import agent_facts, metric_spec
from voxtest.services.call_logs_events import on_call_log_evaluated
from voxtest.services.call_logs_read import refresh_status
from voxtest.services.evaluation_review import apply_votes
from voxtest.services.metrics_links import rubric_of
from voxtest.services.metrics_read import DEFAULTS as METRIC_DEFAULTS
from voxtest.storage.tables import Agent, CallLog, Metric, MetricAgent

log = logging.getLogger(__name__)


async def evaluate_one(
    services: Services, cache: JudgeCache, call_log_id: int, worker: str
) -> None:
    """Evaluate a call log this worker claimed and store the outcome (never raises for it)."""
    try:
        outcome: Evaluation | str | None = await _evaluate(services, cache, call_log_id)
    except Exception as exc:  # a bug must leave the call log readable, with the reason
        log.exception("evaluating call log %s failed", call_log_id)
        outcome = f"voxtest could not evaluate this call: {exc}"
    if outcome is not None:
        await _store(services, call_log_id, worker, outcome)


async def _evaluate(services: Services, cache: JudgeCache, call_log_id: int) -> Evaluation | None:
    async with services.db.session() as session:
        row = await session.get(CallLog, call_log_id)
        if row is None:
            return None
        facts = await call_facts(session, row)
        chosen = row.eval_metric_ids
        specs = await metrics_for(session, row)
        kept = [
            MetricValue.from_wire(m)
            for m in (row.evaluation or {}).get("metrics") or []
            if chosen is not None and m.get("id") not in chosen
        ]
        skipped_ids = set()
        if chosen is None and not (row.attrs or {}).get("metric_ids") and not row.sampled:
            skipped_ids = {s.id for s in specs if _sampled_metric(await session.get(Metric, s.id))}
        rubric = await rubric_of(session, row.project_id)
    kept += [_skipped(s) for s in specs if s.id in skipped_ids]
    judged = [s for s in specs if s.id not in skipped_ids]
    judge = LlmMetricJudge.from_settings(services.settings, cache)
    try:
        return await evaluate_call(facts, judged, rubric, judge=judge, kept=kept)
    finally:
        await judge.model.aclose()


async def _store(
    services: Services, call_log_id: int, worker: str, outcome: Evaluation | str
) -> None:
    async with services.db.session() as session:
        row = await session.get(CallLog, call_log_id, with_for_update=True)
        if row is None or row.claimed_by != worker or row.eval_state != "evaluating":
            return  # deleted, or taken over by another process meanwhile
        if isinstance(outcome, str):
            row.error_message = outcome
            if not row.is_reviewed:
                row.success = False
        else:
            row.evaluation = outcome.evaluation_wire()
            row.rubric = outcome.rubric
            if not row.is_reviewed:
                row.success = outcome.success
        row.eval_state, row.claimed_by, row.heartbeat_at = "done", None, None
        row.eval_metric_ids = None
        await apply_votes(session, row)
        refresh_status(row)
        await on_call_log_evaluated(session, row)


async def call_facts(session: AsyncSession, row: CallLog) -> CallFacts:
    agent = await session.get(Agent, row.agent_id)
    return CallFacts(
        transcript=tuple(row.transcript or []),
        duration_s=row.duration_s,
        ended_reason=row.call_ended_reason or None,
        connected=True,
        mode="observability",
        call_log_id=row.id,
        agent=await agent_facts(session, agent) if agent is not None else {},
        metadata=dict(row.call_metadata or {}),
        dynamic_variables=dict(row.dynamic_variables or {}),
        timestamp=row.timestamp.isoformat(),
        provider_call_id=row.call_id,
    )


async def metrics_for(session: AsyncSession, row: CallLog) -> list[MetricSpec]:
    """The metrics to evaluate now, oldest first (see the module docstring)."""
    asked: Sequence[Any] | None = row.eval_metric_ids or (row.attrs or {}).get("metric_ids")
    if asked:
        rows = await session.scalars(
            select(Metric)
            .where(Metric.id.in_([int(i) for i in asked]), Metric.project_id == row.project_id)
            .order_by(Metric.id)
        )
        return [metric_spec(m) for m in rows]
    enabled_here = or_(
        Metric.agent_id == row.agent_id,
        Metric.id.in_(select(MetricAgent.metric_id).where(MetricAgent.agent_id == row.agent_id)),
    )
    rows = await session.scalars(
        select(Metric).where(Metric.project_id == row.project_id, enabled_here).order_by(Metric.id)
    )
    return [metric_spec(m) for m in rows if _flag(m, "observability_enabled")]


def _flag(metric: Metric | None, key: str) -> bool:
    if metric is None:
        return False
    return bool((metric.attrs or {}).get(key, METRIC_DEFAULTS.get(key)))


def _sampled_metric(metric: Metric | None) -> bool:
    return _flag(metric, "sampling_enabled")


def _skipped(spec: MetricSpec) -> MetricValue:
    return MetricValue(
        metric_id=spec.id,
        name=spec.name,
        eval_type=spec.eval_type,
        not_applicable=True,
        explanation=(SKIPPED,),
        type=spec.type,
        function_name=spec.function_name,
        code=spec.code,
    )

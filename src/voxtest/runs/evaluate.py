"""Evaluate a run: read its facts and metrics, run the evaluation pipeline, store the result.

Runs right after the conversation (status `evaluating` meanwhile) and again on request
(`results/{id}/evaluate_metrics/`). Failures of single metrics are data on the metric; a
failure of the whole step (a bug, the database) is recorded in the run's details under
`evaluation_error` and the run keeps its conversation's status.
"""

from __future__ import annotations

import logging
from collections.abc import Collection

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from voxtest.context import Services
from voxtest.evaluation.llm_metrics import LlmMetricJudge
from voxtest.evaluation.llm_metrics_ask import JudgeCache, MemoryJudgeCache
from voxtest.evaluation.model import MetricSpec, MetricValue
from voxtest.evaluation.pipeline import evaluate_call
from voxtest.runs import store
from voxtest.runs.evaluation_inputs import call_facts, metric_spec, run_metrics
from voxtest.services.metrics_links import rubric_of
from voxtest.storage.tables import Metric, Run

log = logging.getLogger(__name__)


class RunEvaluator:
    """Evaluates runs with the configured judge model; its answers are cached per process."""

    def __init__(self, services: Services, cache: JudgeCache | None = None) -> None:
        self.services = services
        self.cache = cache or MemoryJudgeCache()

    async def evaluate(
        self, run_id: int, worker: str | None, only: Collection[int] | None = None
    ) -> None:
        """Evaluate run `run_id` and store it. `only`: evaluate just these metric ids (of the
        run's project, attached to its scenario or not) and keep the run's other values."""
        try:
            evaluated = await self._evaluate(run_id, only)
        except Exception as exc:  # a bug must leave the run readable, with the reason
            log.exception("evaluating run %s failed", run_id)
            error = f"voxtest could not evaluate this run: {exc}"
            evaluated = store.Evaluated(None, None, None, False, error)
        if evaluated is not None:
            await store.store_evaluation(self.services.db, run_id, worker, evaluated)

    async def _evaluate(self, run_id: int, only: Collection[int] | None) -> store.Evaluated | None:
        async with self.services.db.session() as session:
            run = await session.get(Run, run_id)
            if run is None:
                return None
            facts = await call_facts(session, run, home=self.services.settings.home)
            specs = await (
                run_metrics(session, run) if only is None else chosen_metrics(session, run, only)
            )
            rubric = await rubric_of(session, run.project_id)
            kept = [
                MetricValue.from_wire(m)
                for m in (run.evaluation or {}).get("metrics") or []
                if only is not None and m.get("id") not in only
            ]
        judge = LlmMetricJudge.from_settings(self.services.settings, self.cache)
        try:
            evaluation = await evaluate_call(facts, specs, rubric, judge=judge, kept=kept)
        finally:
            await judge.model.aclose()
        return store.Evaluated(
            evaluation=evaluation.evaluation_wire(),
            expected_outcome=evaluation.expected_outcome,
            rubric=evaluation.rubric,
            success=evaluation.success,
        )


async def chosen_metrics(
    session: AsyncSession, run: Run, metric_ids: Collection[int]
) -> list[MetricSpec]:
    """The metrics of the run's project asked for by id, oldest first (deleted ones skipped)."""
    rows = await session.scalars(
        select(Metric)
        .where(Metric.id.in_(list(metric_ids)), Metric.project_id == run.project_id)
        .order_by(Metric.id)
    )
    return [metric_spec(m) for m in rows]

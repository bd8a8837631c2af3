"""Evaluate a run: read its facts and metrics, run the evaluation pipeline, store the result.

Runs right after the conversation (status `evaluating` meanwhile) and again on request
(`results/{id}/evaluate_metrics/`). Failures of single metrics are data on the metric; a
failure of the whole step (a bug, the database) is recorded in the run's details under
`evaluation_error` and the run keeps its conversation's status.
"""

from __future__ import annotations

import logging
from collections.abc import Collection

from voxtest.context import Services
from voxtest.evaluation.llm_metrics import LlmMetricJudge
from voxtest.evaluation.llm_metrics_ask import JudgeCache, MemoryJudgeCache
from voxtest.evaluation.model import MetricValue
from voxtest.evaluation.pipeline import evaluate_call
from voxtest.runs import store
from voxtest.runs.evaluation_inputs import call_facts, run_metrics
from voxtest.services.metrics_links import rubric_of
from voxtest.storage.tables import Run

log = logging.getLogger(__name__)


class RunEvaluator:
    """Evaluates runs with the configured judge model; its answers are cached per process."""

    def __init__(self, services: Services, cache: JudgeCache | None = None) -> None:
        self.services = services
        self.cache = cache or MemoryJudgeCache()

    async def evaluate(
        self, run_id: int, worker: str | None, only: Collection[int] | None = None
    ) -> None:
        """Evaluate run `run_id` and store it. `only`: evaluate just these metric ids and keep
        the run's other metric values."""
        try:
            evaluated = await self._evaluate(run_id, only)
        except Exception as exc:  # a bug must leave the run readable, with the reason
            log.exception("evaluating run %s failed", run_id)
            evaluated = store.Evaluated(
                {"metrics": []}, None, None, False, f"voxtest could not evaluate this run: {exc}"
            )
        if evaluated is not None:
            await store.store_evaluation(self.services.db, run_id, worker, evaluated)

    async def _evaluate(self, run_id: int, only: Collection[int] | None) -> store.Evaluated | None:
        async with self.services.db.session() as session:
            run = await session.get(Run, run_id)
            if run is None:
                return None
            facts = await call_facts(session, run)
            specs = await run_metrics(session, run)
            rubric = await rubric_of(session, run.project_id)
            kept = [
                MetricValue.from_wire(m)
                for m in (run.evaluation or {}).get("metrics") or []
                if only is not None and m.get("id") not in only
            ]
        if only is not None:
            specs = [s for s in specs if s.id in only]
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

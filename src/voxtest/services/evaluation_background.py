"""What a serving process evaluates after answering the request: metrics evaluated again on
finished runs (`evaluate_metrics/`) and metric previews.

One holder per app (made on first use); its tasks run on the server's event loop. Runs being
evaluated again are `evaluating`, claimed by the holder's worker name and heartbeated like
runs being played, so if the process stops the executors' sweep gives them their status back
with a note to evaluate them again (`runs.store.fail_abandoned`); an unfinished preview reads
as failed once it stops making progress (`evaluation_preview.STALE`).
"""

from __future__ import annotations

import asyncio
import logging
import uuid
from collections.abc import Coroutine, Sequence
from typing import Any

from voxtest.context import Services
from voxtest.evaluation.llm_metrics import LlmMetricJudge
from voxtest.runs import store
from voxtest.runs.evaluate import RunEvaluator
from voxtest.services.evaluation_preview import PreviewPlan, run_preview

log = logging.getLogger(__name__)

PARALLEL_RUNS = 4  # runs evaluated at once (each judges its metrics in parallel too)


class BackgroundEvaluations:
    def __init__(self, services: Services, *, parallel_runs: int = PARALLEL_RUNS) -> None:
        self.services = services
        self.worker = f"evaluate-{uuid.uuid4().hex[:12]}"
        self.evaluator = RunEvaluator(services)
        self.slots = asyncio.Semaphore(parallel_runs)
        self.tasks: set[asyncio.Task[None]] = set()

    def reevaluate(self, run_ids: Sequence[int], metric_ids: Sequence[int]) -> None:
        """Evaluate `metric_ids` again on runs this holder marked `evaluating`."""
        if run_ids:
            self._spawn(self._reevaluate(list(run_ids), frozenset(metric_ids)))

    def evaluate_runs(self, run_ids: Sequence[int]) -> None:
        """Evaluate runs this holder marked `evaluating` with all their metrics (a transcript
        pushed by the agent's platform replaced theirs)."""
        if run_ids:
            self._spawn(self._reevaluate(list(run_ids), None))

    def preview(self, plan: PreviewPlan) -> None:
        self._spawn(self._preview(plan))

    async def stop(self) -> None:
        """Cancel what is still going (the app is stopping); a cut re-evaluation is given its
        status back by the next sweep, a cut preview reads as failed."""
        for task in list(self.tasks):
            task.cancel()
        await asyncio.gather(*self.tasks, return_exceptions=True)

    def _spawn(self, work: Coroutine[Any, Any, None]) -> None:
        task = asyncio.create_task(work)
        self.tasks.add(task)
        task.add_done_callback(self.tasks.discard)

    async def _reevaluate(self, run_ids: list[int], metric_ids: frozenset[int] | None) -> None:
        beats = asyncio.create_task(self._heartbeats(run_ids))
        try:
            await asyncio.gather(*(self._reevaluate_run(r, metric_ids) for r in run_ids))
        finally:
            beats.cancel()

    async def _reevaluate_run(self, run_id: int, metric_ids: frozenset[int] | None) -> None:
        async with self.slots:
            await self.evaluator.evaluate(run_id, self.worker, only=metric_ids)

    async def _heartbeats(self, run_ids: list[int]) -> None:
        """Stamp the runs while they are evaluated (finished ones are no longer `evaluating`
        and are left alone)."""
        while True:
            await asyncio.sleep(self.services.settings.run_heartbeat_seconds)
            try:
                await store.heartbeat(self.services.db, self.worker, run_ids)
            except Exception:
                log.exception("evaluation heartbeat failed")

    async def _preview(self, plan: PreviewPlan) -> None:
        judge = LlmMetricJudge.from_settings(self.services.settings, self.evaluator.cache)
        try:
            await run_preview(self.services.db, plan, judge)
        finally:
            await judge.model.aclose()

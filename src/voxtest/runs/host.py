"""`RunHost`: what a process does for the runs it holds, however it came to hold them.

- `play(run_id)` holds the conversation of a run this process claimed, stores its outcome,
  then evaluates it (status `evaluating` meanwhile; `runs.evaluate`). Cancelled runs are
  stored as they are, not evaluated.
- **Heartbeats.** Every `heartbeat_s` it stamps its running runs and fails runs whose
  heartbeat is older than `stale_after` (left by a dead process): "voxtest restarted while
  this run was in progress".
- **Cancellation.** Each conversation is its own task (`conversations`); `cancel()` ends it,
  the conversation closes its socket and the run is stored `cancelled` with what was said so
  far. Every `sweep_s` the host also cancels the runs it holds that were flagged
  `cancel_requested` (or deleted) in the database by a request another process served.

The embedded executor (`runs.executor`) and the distributed worker (`jobs.worker`) both hold
runs through one `RunHost`; they differ only in how runs reach it.
"""

from __future__ import annotations

import asyncio
import dataclasses
import logging
import uuid
from collections.abc import Iterable
from datetime import timedelta

from voxtest.context import Services
from voxtest.runs import store
from voxtest.runs.evaluate import RunEvaluator
from voxtest.runs.execute import execute, failed
from voxtest.runs.live import Watch, cancelled
from voxtest.runs.plan import RunPlan, load_plan
from voxtest.services import mock_runs
from voxtest.storage.tables import Run

log = logging.getLogger(__name__)


class RunHost:
    def __init__(
        self,
        services: Services,
        *,
        heartbeat_s: float | None = None,
        stale_after: timedelta | None = None,
        sweep_s: float = 1.0,
        name: str = "voxtest",
    ) -> None:
        settings = services.settings
        self.services = services
        self.worker = f"{name}-{uuid.uuid4().hex[:12]}"
        self.heartbeat_s = heartbeat_s or settings.run_heartbeat_seconds
        self.stale_after = stale_after or timedelta(seconds=settings.run_stale_after_seconds)
        self.sweep_s = sweep_s
        self.running: set[int] = set()
        self.conversations: dict[int, asyncio.Task[store.Finished]] = {}
        self._cancelling: set[int] = set()  # asked before their conversation started
        self.evaluator = RunEvaluator(services)

    def cancel(self, run_ids: Iterable[int]) -> None:
        """End the conversations of `run_ids` this process holds; others are ignored."""
        for run_id in run_ids:
            if run_id not in self.running:
                continue
            self._cancelling.add(run_id)
            task = self.conversations.get(run_id)
            if task is not None:
                task.cancel()

    async def play(self, run_id: int) -> None:
        """Hold the conversation of claimed run `run_id` and store how it ended."""
        self.running.add(run_id)
        try:
            watch = Watch()
            done = await self._converse(run_id, watch)
            done = await mock_runs.settle(self.services.db, run_id, done, watch.connected_wall())
            if done.status == "cancelled":
                await store.finish(self.services.db, run_id, self.worker, done)
            elif await store.to_evaluation(self.services.db, run_id, self.worker, done):
                await self.evaluator.evaluate(run_id, self.worker)
        except Exception:
            log.exception("run %s could not be stored", run_id)
        finally:
            self.running.discard(run_id)
            self.conversations.pop(run_id, None)
            self._cancelling.discard(run_id)

    async def heartbeats(self) -> None:
        """Forever: stamp held runs, fail runs whose process died."""
        while True:
            await asyncio.sleep(self.heartbeat_s)
            try:
                await store.heartbeat(self.services.db, self.worker, self.running)
                await store.fail_abandoned(self.services.db, self.stale_after)
            except Exception:
                log.exception("run heartbeat failed")

    async def cancel_sweeps(self) -> None:
        """Forever: cancel held runs that another process asked to end (or deleted)."""
        while True:
            await asyncio.sleep(self.sweep_s)
            if not self.conversations:
                continue
            try:
                held = list(self.conversations)
                self.cancel(await store.to_cancel(self.services.db, self.worker, held))
            except Exception:
                log.exception("checking for cancelled runs failed")

    async def _converse(self, run_id: int, watch: Watch) -> store.Finished:
        """The conversation as its own task, so `cancel()` can end it alone."""
        task = asyncio.create_task(self._execute(run_id, watch), name=f"conversation-{run_id}")
        self.conversations[run_id] = task
        if run_id in self._cancelling:
            task.cancel()
        try:
            return await task
        except asyncio.CancelledError:
            me = asyncio.current_task()
            if me is not None and me.cancelling():
                raise  # the process is stopping, not a user cancelling
            return await watch.cancelled()

    async def _execute(self, run_id: int, watch: Watch) -> store.Finished:
        try:
            async with self.services.db.session() as session:
                run = await session.get(Run, run_id)
                if run is None:
                    raise LookupError("The run was deleted.")
                if run.cancel_requested:
                    return cancelled()
                plan = _with_run_url(await load_plan(session, self.services.box, run), run)
            return await execute(plan, self.services.settings, watch)
        except Exception as exc:  # a bug or a vanished row must still end the run visibly
            log.exception("run %s failed", run_id)
            return failed(f"voxtest could not execute this run: {exc}")


def _with_run_url(plan: RunPlan, run: Run) -> RunPlan:
    """A run made with its own websocket URL (`run_scenarios_with_websockets/`) dials it."""
    url = (run.snapshot or {}).get("websocket_url")
    return dataclasses.replace(plan, url=str(url)) if url else plan

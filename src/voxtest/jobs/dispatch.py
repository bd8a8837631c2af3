"""`Dispatcher`: reserves waiting runs within limits and defers one procrastinate job for each.

It also repairs what a crash can leave behind:
- the job of a reserved run was taken by a worker that died before starting the run
  (procrastinate reports it stalled): the job is marked failed and the run goes back to the
  queue, since nothing of it happened yet;
- a process died between reserving runs and deferring their jobs: reservations older than
  `redeliver_after` are deferred again (the per-run queueing lock makes that idempotent).
- a worker died while playing runs: they are failed once their heartbeat is stale (also
  done by every worker's `RunHost`), so a run never stays `running` with no worker left.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Iterable
from datetime import timedelta

import procrastinate
from procrastinate.exceptions import AlreadyEnqueued

from voxtest.context import Services
from voxtest.jobs.queue import QUEUE, TASK
from voxtest.runs import store

log = logging.getLogger(__name__)


class Dispatcher:
    def __init__(
        self,
        services: Services,
        app: procrastinate.App,
        *,
        poll_s: float = 1.0,
        repair_s: float = 5.0,
        redeliver_after: timedelta = timedelta(seconds=30),
        batch: int = 200,
    ) -> None:
        self.services, self.app = services, app
        self.poll_s, self.repair_s, self.batch = poll_s, repair_s, batch
        self.redeliver_after = redeliver_after
        self.stalled_after = services.settings.run_stale_after_seconds
        self._wake = asyncio.Event()
        self._main: asyncio.Task[None] | None = None

    def wake(self) -> None:
        """Runs were written or a slot was freed: dispatch now."""
        self._wake.set()

    def cancel(self, run_ids: Iterable[int]) -> None:
        """Runs are held by worker processes; they see `cancel_requested` in the database."""

    async def start(self) -> None:
        self._main = asyncio.create_task(self.run_forever(), name="voxtest-dispatcher")

    async def stop(self) -> None:
        if self._main is not None:
            self._main.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._main
            self._main = None

    async def run_forever(self) -> None:
        loop = asyncio.get_running_loop()
        next_repair = loop.time()
        while True:
            try:
                if loop.time() >= next_repair:
                    await self.repair()
                    next_repair = loop.time() + self.repair_s
                while await self.dispatch_once() >= self.batch:
                    pass
            except Exception:  # the database may blip; try again at the next poll
                log.exception("dispatching runs failed")
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), self.poll_s)
            self._wake.clear()

    async def dispatch_once(self) -> int:
        ids = await store.claim(
            self.services.db,
            "dispatcher",
            self.batch,
            reserve=True,
            starts_per_second=self.services.settings.run_starts_per_second,
        )
        await self.defer(ids)
        return len(ids)

    async def defer(self, run_ids: list[int]) -> None:
        """One job per run; a run's queueing lock keeps a second job out while one waits."""
        if not run_ids:
            return
        manager = self.app.job_manager
        try:
            await manager.batch_defer_jobs_async([_job(i) for i in run_ids])
            return
        except AlreadyEnqueued:  # some already have a waiting job: defer the others one by one
            pass
        for run_id in run_ids:
            with contextlib.suppress(AlreadyEnqueued):
                await manager.defer_job_async(_job(run_id))

    async def repair(self) -> None:
        await store.fail_abandoned(self.services.db, timedelta(seconds=self.stalled_after))
        stalled = await self.app.job_manager.get_stalled_jobs(
            task_name=TASK, seconds_since_heartbeat=self.stalled_after
        )
        lost: list[int] = []
        for job in stalled:
            await self.app.job_manager.finish_job(
                job, status=procrastinate.jobs.Status.FAILED, delete_job=False
            )
            lost.append(int(str(job.task_kwargs["run_id"])))
        await store.release_reserved(self.services.db, lost)
        await self.defer(await store.reserved_since(self.services.db, self.redeliver_after))


def _job(run_id: int) -> procrastinate.jobs.Job:
    return procrastinate.jobs.Job(
        queue=QUEUE,
        lock=None,
        queueing_lock=f"run-{run_id}",
        task_name=TASK,
        task_kwargs={"run_id": run_id},
    )

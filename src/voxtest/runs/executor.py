"""The embedded executor: asyncio workers inside `voxtest serve` that take waiting runs from
the database (the default; `VOXTEST_JOBS=embedded`).

- **State lives in the database.** A run request only writes pending runs; the dispatcher
  claims them (`store.claim`, a conditional update, so several processes on one database
  never execute a run twice) and hands each to the process's `RunHost` as a task.
- **Limits.** A claim respects the request's `concurrency_limit` and the organization's
  `max_concurrent_chat_runs_limit`, counted from the database across processes; runs held
  back turn `in_queue`. `max_parallel` caps one process.
- **Restarts, cancellation:** see `runs.host`.
- **Shutdown.** `stop()` cancels the dispatcher and the running conversations (they close
  their sockets); their runs keep `running` and are failed by the next process's sweep.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Iterable
from datetime import timedelta

from voxtest.context import Services
from voxtest.runs import store
from voxtest.runs.host import RunHost

log = logging.getLogger(__name__)


class Executor:
    def __init__(
        self,
        services: Services,
        *,
        max_parallel: int = 64,
        poll_s: float = 1.0,
        heartbeat_s: float | None = None,
        stale_after: timedelta | None = None,
        sweep_s: float = 1.0,
    ) -> None:
        self.services = services
        self.host = RunHost(
            services, heartbeat_s=heartbeat_s, stale_after=stale_after, sweep_s=sweep_s
        )
        self.max_parallel, self.poll_s = max_parallel, poll_s
        self._wake = asyncio.Event()
        self._main: asyncio.Task[None] | None = None

    @property
    def worker(self) -> str:
        return self.host.worker

    @property
    def running(self) -> set[int]:
        return self.host.running

    def wake(self) -> None:
        """New runs were written: look now rather than at the next poll."""
        self._wake.set()

    def cancel(self, run_ids: Iterable[int]) -> None:
        self.host.cancel(run_ids)

    async def start(self) -> None:
        await store.fail_abandoned(self.services.db, self.host.stale_after)
        started = asyncio.Event()
        self._main = asyncio.create_task(self._serve(started), name=f"{self.worker}-executor")
        await started.wait()

    async def stop(self) -> None:
        if self._main is not None:
            self._main.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._main
            self._main = None

    async def _serve(self, started: asyncio.Event) -> None:
        async with asyncio.TaskGroup() as group:
            group.create_task(self.host.heartbeats())
            group.create_task(self.host.cancel_sweeps())
            started.set()
            await self._dispatch_forever(group)

    async def _dispatch_forever(self, group: asyncio.TaskGroup) -> None:
        while True:
            try:
                free = self.max_parallel - len(self.host.running)
                pace = self.services.settings.run_starts_per_second
                claimed = await store.claim(
                    self.services.db, self.worker, free, starts_per_second=pace
                )
                for run_id in claimed:
                    self.host.running.add(run_id)  # counted before its task starts
                    group.create_task(self._play(run_id), name=f"run-{run_id}")
            except Exception:  # the database may blip; try again at the next poll
                log.exception("claiming runs failed")
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), self.poll_s)
            self._wake.clear()

    async def _play(self, run_id: int) -> None:
        try:
            await self.host.play(run_id)
        finally:
            self.wake()  # a slot is free

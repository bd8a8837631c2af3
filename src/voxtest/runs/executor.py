"""The in-process executor: asyncio workers that take waiting runs from the database.

- **State lives in the database.** A run request only writes pending runs; the dispatcher
  claims them (`store.claim`, a conditional update, so several processes on one database
  never execute a run twice) and each run is a task in the executor's `TaskGroup`.
- **Limits.** A claim respects the request's `concurrency_limit` and the organization's
  `max_concurrent_chat_runs_limit`, counted from the database across processes; runs held
  back turn `in_queue`. `max_parallel` caps one process.
- **Restarts.** Each process heartbeats its running runs; a run whose heartbeat is older than
  `stale_after` was left by a dead process and is failed ("voxtest restarted while this run
  was in progress"), at start and on every sweep.
- **Shutdown.** `stop()` cancels the dispatcher and the running conversations (they close
  their sockets); their runs keep `running` and are failed by the next process's sweep.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import uuid
from datetime import timedelta

from voxtest.context import Services
from voxtest.runs import store
from voxtest.runs.execute import execute, failed
from voxtest.runs.plan import load_plan
from voxtest.storage.tables import Run

log = logging.getLogger(__name__)


class Executor:
    def __init__(
        self,
        services: Services,
        *,
        max_parallel: int = 64,
        poll_s: float = 1.0,
        heartbeat_s: float = 10.0,
        stale_after: timedelta = timedelta(seconds=60),
    ) -> None:
        self.services = services
        self.worker = f"voxtest-{uuid.uuid4().hex[:12]}"
        self.max_parallel, self.poll_s, self.heartbeat_s = max_parallel, poll_s, heartbeat_s
        self.stale_after = stale_after
        self.running: set[int] = set()
        self._wake = asyncio.Event()
        self._group: asyncio.TaskGroup | None = None
        self._main: asyncio.Task[None] | None = None

    def wake(self) -> None:
        """New runs were written: look now rather than at the next poll."""
        self._wake.set()

    async def start(self) -> None:
        await store.fail_abandoned(self.services.db, self.stale_after)
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
            self._group = group
            group.create_task(self._heartbeats())
            started.set()
            await self._dispatch_forever(group)

    async def _dispatch_forever(self, group: asyncio.TaskGroup) -> None:
        while True:
            try:
                for run_id in await store.claim(
                    self.services.db, self.worker, self.max_parallel - len(self.running)
                ):
                    self.running.add(run_id)
                    group.create_task(self._run(run_id), name=f"run-{run_id}")
            except Exception:  # the database may blip; try again at the next poll
                log.exception("claiming runs failed")
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), self.poll_s)
            self._wake.clear()

    async def _heartbeats(self) -> None:
        while True:
            await asyncio.sleep(self.heartbeat_s)
            try:
                await store.heartbeat(self.services.db, self.worker, self.running)
                await store.fail_abandoned(self.services.db, self.stale_after)
            except Exception:
                log.exception("run heartbeat failed")

    async def _run(self, run_id: int) -> None:
        try:
            done = await self._execute(run_id)
            await store.finish(self.services.db, run_id, self.worker, done)
        except Exception:
            log.exception("run %s could not be stored", run_id)
        finally:
            self.running.discard(run_id)
            self.wake()  # a slot is free

    async def _execute(self, run_id: int) -> store.Finished:
        try:
            async with self.services.db.session() as session:
                run = await session.get(Run, run_id)
                if run is None:
                    raise LookupError("The run was deleted.")
                plan = await load_plan(session, self.services.box, run)
            return await execute(plan, self.services.settings)
        except Exception as exc:  # a bug or a vanished row must still end the run visibly
            log.exception("run %s failed", run_id)
            return failed(f"voxtest could not execute this run: {exc}")

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
- **Cancellation.** Each run's conversation is its own task (`conversations`, run id -> task);
  `cancel()` cancels it, the conversation closes its socket and the run is stored `cancelled`
  with what was said so far. `end_call/` sets `runs.cancel_requested` in the database too:
  every `sweep_s` each process cancels the runs it holds that were flagged or deleted, so a
  request served by another process (`voxtest serve --workers`) reaches the run.
- **Shutdown.** `stop()` cancels the dispatcher and the running conversations (they close
  their sockets); their runs keep `running` and are failed by the next process's sweep.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import logging
import uuid
from collections.abc import Iterable
from datetime import timedelta

from voxtest.context import Services
from voxtest.runs import store
from voxtest.runs.execute import execute, failed
from voxtest.runs.live import Watch, cancelled
from voxtest.runs.plan import RunPlan, load_plan
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
        sweep_s: float = 1.0,
    ) -> None:
        self.services = services
        self.worker = f"voxtest-{uuid.uuid4().hex[:12]}"
        self.max_parallel, self.poll_s, self.heartbeat_s = max_parallel, poll_s, heartbeat_s
        self.stale_after, self.sweep_s = stale_after, sweep_s
        self.running: set[int] = set()
        self.conversations: dict[int, asyncio.Task[store.Finished]] = {}
        self._cancelling: set[int] = set()  # asked before their conversation started
        self._wake = asyncio.Event()
        self._group: asyncio.TaskGroup | None = None
        self._main: asyncio.Task[None] | None = None

    def wake(self) -> None:
        """New runs were written: look now rather than at the next poll."""
        self._wake.set()

    def cancel(self, run_ids: Iterable[int]) -> None:
        """End the conversations of `run_ids` this process holds; others are ignored."""
        for run_id in run_ids:
            if run_id not in self.running:
                continue
            self._cancelling.add(run_id)
            task = self.conversations.get(run_id)
            if task is not None:
                task.cancel()

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
            group.create_task(self._cancel_sweeps())
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

    async def _cancel_sweeps(self) -> None:
        """Cancel held runs that another process asked to end (or deleted)."""
        while True:
            await asyncio.sleep(self.sweep_s)
            if not self.conversations:
                continue
            try:
                held = list(self.conversations)
                self.cancel(await store.to_cancel(self.services.db, self.worker, held))
            except Exception:
                log.exception("checking for cancelled runs failed")

    async def _run(self, run_id: int) -> None:
        try:
            done = await self._converse(run_id)
            await store.finish(self.services.db, run_id, self.worker, done)
        except Exception:
            log.exception("run %s could not be stored", run_id)
        finally:
            self.running.discard(run_id)
            self.conversations.pop(run_id, None)
            self._cancelling.discard(run_id)
            self.wake()  # a slot is free

    async def _converse(self, run_id: int) -> store.Finished:
        """The conversation as its own task, so `cancel()` can end it alone."""
        watch = Watch()
        task = asyncio.create_task(self._execute(run_id, watch), name=f"conversation-{run_id}")
        self.conversations[run_id] = task
        if run_id in self._cancelling:
            task.cancel()
        try:
            return await task
        except asyncio.CancelledError:
            me = asyncio.current_task()
            if me is not None and me.cancelling():
                raise  # the executor is stopping, not a user cancelling
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
            return await execute(plan, self.services.settings, watch.wrap)
        except Exception as exc:  # a bug or a vanished row must still end the run visibly
            log.exception("run %s failed", run_id)
            return failed(f"voxtest could not execute this run: {exc}")


def _with_run_url(plan: RunPlan, run: Run) -> RunPlan:
    """A run made with its own websocket URL (`run_scenarios_with_websockets/`) dials it."""
    url = (run.snapshot or {}).get("websocket_url")
    return dataclasses.replace(plan, url=str(url)) if url else plan

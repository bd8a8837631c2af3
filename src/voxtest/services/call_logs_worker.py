"""The loop that runs call-log jobs in every serving process (see `call_logs_jobs`).

Each kind has a handler `(services, job)` that records its own progress and returns the file
it produced (or None); a handler that raises fails its job with the message. Queueing wakes
the loop; otherwise it looks every `VOXTEST_CALL_LOG_POLL_SECONDS`. A clean stop gives
unfinished jobs back.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import uuid
from collections.abc import Awaitable, Callable
from datetime import timedelta

from voxtest.context import Services
from voxtest.services import call_logs_jobs as jobs
from voxtest.services.call_logs_export import run_export
from voxtest.services.call_logs_fetch import run_fetch
from voxtest.services.call_logs_scenarios import run_create_scenarios
from voxtest.storage.tables import CallLogJob

log = logging.getLogger(__name__)
Handler = Callable[[Services, CallLogJob], Awaitable[str | None]]
HANDLERS: dict[str, Handler] = {
    "export": run_export,
    "create_scenarios": run_create_scenarios,
    "recording": run_fetch,
}
CAPACITY = 2


class CallLogJobs:
    def __init__(self, services: Services) -> None:
        self.services = services
        self.worker = f"calllogjobs-{uuid.uuid4().hex[:12]}"
        self.held: set[str] = set()
        self.tasks: set[asyncio.Task[None]] = set()
        self._wake = asyncio.Event()
        self._loop: asyncio.Task[None] | None = None

    def start(self) -> None:
        self._loop = asyncio.create_task(self._run())

    def wake(self) -> None:
        self._wake.set()

    async def stop(self) -> None:
        running = [t for t in (self._loop, *self.tasks) if t is not None]
        for task in running:
            task.cancel()
        await asyncio.gather(*running, return_exceptions=True)
        with contextlib.suppress(Exception):  # the database may be gone already
            await jobs.release(self.services.db, self.worker)

    async def _run(self) -> None:
        settings = self.services.settings
        last_beat = asyncio.get_running_loop().time()
        while True:
            try:
                free = CAPACITY - len(self.held)
                if free > 0:
                    stale = timedelta(seconds=settings.run_stale_after_seconds)
                    for job_id in await jobs.claim(self.services.db, self.worker, free, stale):
                        self._spawn(job_id)
                now = asyncio.get_running_loop().time()
                if self.held and now - last_beat >= settings.run_heartbeat_seconds:
                    await jobs.heartbeat(self.services.db, self.worker, self.held)
                    last_beat = now
            except asyncio.CancelledError:
                raise
            except Exception:
                log.exception("call-log job loop failed; trying again")
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), settings.call_log_poll_seconds)
            self._wake.clear()

    def _spawn(self, job_id: str) -> None:
        self.held.add(job_id)
        task = asyncio.create_task(self._one(job_id))
        self.tasks.add(task)
        task.add_done_callback(self.tasks.discard)

    async def _one(self, job_id: str) -> None:
        try:
            await run_job(self.services, job_id)
        finally:
            self.held.discard(job_id)
            self.wake()


async def run_job(services: Services, job_id: str) -> None:
    """Run one claimed job to its end, failing it when its handler raises."""
    async with services.db.session() as session:
        job = await session.get(CallLogJob, job_id)
        if job is None:
            return
        session.expunge(job)
    handler = HANDLERS.get(job.kind)
    try:
        if handler is None:
            raise RuntimeError(f"Unknown job kind {job.kind!r}.")
        produced = await handler(services, job)
    except asyncio.CancelledError:
        raise
    except Exception as exc:
        log.warning("call-log job %s (%s) failed: %s", job.id, job.kind, exc)
        await jobs.finish(services.db, job.id, error=str(exc) or type(exc).__name__)
    else:
        await jobs.finish(services.db, job.id, result_path=produced)

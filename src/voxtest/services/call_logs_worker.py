"""The loop that runs call-log jobs in every serving process (see `call_logs_jobs`).

Each kind has a handler `(services, job)` that records its own progress and returns the
file it produced (or None); a handler that raises fails its job with the message. The loop
is `call_logs_loop.ClaimLoop`: queueing wakes it, otherwise it looks every
`VOXTEST_CALL_LOG_POLL_SECONDS`; a clean stop gives unfinished jobs back.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import astuple
from datetime import timedelta

from voxtest.context import Services
from voxtest.services import call_logs_jobs as jobs
from voxtest.services import call_logs_retention as retention
from voxtest.services.call_logs_export import run_export
from voxtest.services.call_logs_fetch import run_fetch
from voxtest.services.call_logs_loop import ClaimLoop
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


class CallLogJobs(ClaimLoop[str]):
    prefix = "calllogjobs"

    def __init__(self, services: Services) -> None:
        super().__init__(services, CAPACITY)
        self._swept_at: float | None = None

    async def claim(self, limit: int, stale_after: timedelta) -> list[str]:
        return await jobs.claim(self.services.db, self.worker, limit, stale_after)

    async def heartbeat(self, held: set[str]) -> None:
        await jobs.heartbeat(self.services.db, self.worker, held)

    async def release(self) -> None:
        await jobs.release(self.services.db, self.worker)

    async def handle(self, key: str) -> None:
        await run_job(self.services, key)

    async def tidy(self) -> None:
        """Old exports and abandoned uploads are deleted (`call_logs_retention`)."""
        now = asyncio.get_running_loop().time()
        if self._swept_at is None or now - self._swept_at >= retention.SWEEP_EVERY_S:
            self._swept_at = now
            swept = await retention.sweep(self.services)
            if swept.exports or swept.uploads:
                log.info("deleted %d expired exports, %d abandoned uploads", *astuple(swept))


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

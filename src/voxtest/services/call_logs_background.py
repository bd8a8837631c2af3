"""Evaluating queued call logs in every serving process, with the job state in the database.

A call log waits `queued`; a process claims a batch with one conditional UPDATE (so two
processes never take the same one), marks them `evaluating` under its worker name and stamps
them while it works. A process that dies leaves stale stamps: after
`VOXTEST_RUN_STALE_AFTER_SECONDS` any process claims those again, so a restart loses no
evaluation. Ingests wake the loop; otherwise it looks every `VOXTEST_CALL_LOG_POLL_SECONDS`.
On a clean stop the process gives its unfinished claims back (`queued`). The same holder
runs the call-log jobs (`call_logs_worker`: exports, scenarios, recording downloads).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import uuid
from datetime import timedelta

from sqlalchemy import and_, or_, select, update

from voxtest.context import Services
from voxtest.evaluation.llm_metrics_ask import MemoryJudgeCache
from voxtest.services.call_logs_evaluate import evaluate_one
from voxtest.services.call_logs_worker import CallLogJobs
from voxtest.storage.db import Database
from voxtest.storage.tables import CallLog
from voxtest.storage.tables.base import utcnow

log = logging.getLogger(__name__)


class CallLogEvaluations:
    def __init__(self, services: Services) -> None:
        self.services = services
        self.worker = f"calllogs-{uuid.uuid4().hex[:12]}"
        self.cache = MemoryJudgeCache()
        self.capacity = services.settings.call_log_evaluations
        self.held: set[int] = set()
        self.tasks: set[asyncio.Task[None]] = set()
        self._wake = asyncio.Event()
        self._loop: asyncio.Task[None] | None = None
        self.jobs = CallLogJobs(services)

    def start(self) -> None:
        self._loop = asyncio.create_task(self._run())
        self.jobs.start()

    def wake(self) -> None:
        self._wake.set()
        self.jobs.wake()

    async def stop(self) -> None:
        await self.jobs.stop()
        for task in [t for t in (self._loop, *self.tasks) if t is not None]:
            task.cancel()
        await asyncio.gather(*(t for t in (self._loop, *self.tasks) if t), return_exceptions=True)
        with contextlib.suppress(Exception):  # the database may be gone already
            await release(self.services.db, self.worker)

    async def _run(self) -> None:
        settings = self.services.settings
        beat_every = settings.run_heartbeat_seconds
        last_beat = asyncio.get_running_loop().time()
        while True:
            try:
                free = self.capacity - len(self.held)
                if free > 0:
                    stale = timedelta(seconds=settings.run_stale_after_seconds)
                    for call_log_id in await claim(self.services.db, self.worker, free, stale):
                        self._spawn(call_log_id)
                now = asyncio.get_running_loop().time()
                if self.held and now - last_beat >= beat_every:
                    await heartbeat(self.services.db, self.worker, self.held)
                    last_beat = now
            except asyncio.CancelledError:
                raise
            except Exception:
                log.exception("call-log evaluation loop failed; trying again")
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), settings.call_log_poll_seconds)
            self._wake.clear()

    def _spawn(self, call_log_id: int) -> None:
        self.held.add(call_log_id)
        task = asyncio.create_task(self._one(call_log_id))
        self.tasks.add(task)
        task.add_done_callback(self.tasks.discard)

    async def _one(self, call_log_id: int) -> None:
        try:
            await evaluate_one(self.services, self.cache, call_log_id, self.worker)
        finally:
            self.held.discard(call_log_id)
            self.wake()  # a slot is free


async def claim(db: Database, worker: str, limit: int, stale_after: timedelta) -> list[int]:
    """Take up to `limit` queued (or abandoned) call logs for `worker`, oldest first."""
    now = utcnow()
    claimable = or_(
        CallLog.eval_state == "queued",
        and_(CallLog.eval_state == "evaluating", CallLog.heartbeat_at < now - stale_after),
    )
    async with db.session() as session:
        ids = list(
            await session.scalars(
                select(CallLog.id).where(claimable).order_by(CallLog.id).limit(limit)
            )
        )
        if not ids:
            return []
        taken = await session.scalars(
            update(CallLog)
            .where(CallLog.id.in_(ids), claimable)
            .values(eval_state="evaluating", claimed_by=worker, heartbeat_at=now)
            .returning(CallLog.id)
            .execution_options(synchronize_session=False)
        )
        return sorted(taken)


async def heartbeat(db: Database, worker: str, ids: set[int]) -> None:
    async with db.session() as session:
        await session.execute(
            update(CallLog)
            .where(CallLog.id.in_(list(ids)), CallLog.claimed_by == worker)
            .values(heartbeat_at=utcnow())
            .execution_options(synchronize_session=False)
        )


async def release(db: Database, worker: str) -> None:
    """Give back what `worker` still holds (a clean stop)."""
    async with db.session() as session:
        await session.execute(
            update(CallLog)
            .where(CallLog.claimed_by == worker, CallLog.eval_state == "evaluating")
            .values(eval_state="queued", claimed_by=None, heartbeat_at=None)
            .execution_options(synchronize_session=False)
        )

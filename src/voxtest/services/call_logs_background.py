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

from datetime import timedelta

from sqlalchemy import and_, or_, select, update

from voxtest.context import Services
from voxtest.evaluation.llm_metrics_ask import MemoryJudgeCache
from voxtest.services.call_logs_evaluate import evaluate_one
from voxtest.services.call_logs_loop import ClaimLoop
from voxtest.services.call_logs_worker import CallLogJobs
from voxtest.storage.db import Database
from voxtest.storage.tables import CallLog
from voxtest.storage.tables.base import utcnow


class CallLogEvaluations(ClaimLoop[int]):
    prefix = "calllogs"

    def __init__(self, services: Services) -> None:
        super().__init__(services, services.settings.call_log_evaluations)
        self.cache = MemoryJudgeCache()
        self.jobs = CallLogJobs(services)

    def start(self) -> None:
        super().start()
        self.jobs.start()

    def wake(self) -> None:
        super().wake()
        self.jobs.wake()

    async def stop(self) -> None:
        await self.jobs.stop()
        await super().stop()

    async def claim(self, limit: int, stale_after: timedelta) -> list[int]:
        return await claim(self.services.db, self.worker, limit, stale_after)

    async def heartbeat(self, held: set[int]) -> None:
        await heartbeat(self.services.db, self.worker, held)

    async def release(self) -> None:
        await release(self.services.db, self.worker)

    async def handle(self, key: int) -> None:
        await evaluate_one(self.services, self.cache, key, self.worker)


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

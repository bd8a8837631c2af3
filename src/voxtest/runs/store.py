"""The executor's database work: claiming runs within limits, heartbeats, abandoned runs,
cancellation requests, storing outcomes (each Result's status follows its runs:
`runs.result_state`).

Claims are conditional updates (`... WHERE status IN (pending, in_queue)`), so when several
processes share one database each run is executed once; on PostgreSQL a transaction-scoped
advisory lock serializes the claiming itself, so limits hold when processes claim at once.

With distributed workers (`voxtest.jobs`) a claim *reserves* runs instead: they stay
`in_queue`, marked `claimed_by = RESERVED`, count against the limits, and a job is deferred
for each; the worker that takes the job starts the run (`start_reserved`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import timedelta
from typing import Any

from sqlalchemy import func, or_, select, text, update
from sqlalchemy.ext.asyncio import AsyncSession

from voxtest.runs.result_state import (
    TERMINAL,
    WAITING,
    refresh_results,
    results_running,
)
from voxtest.services.evaluation_review import apply_votes
from voxtest.services.organizations import organization_limit
from voxtest.storage.db import Database
from voxtest.storage.tables import Organization, Result, Run
from voxtest.storage.tables.base import utcnow

HELD = ("running", "evaluating")  # a process is working on the run
ABANDONED = "voxtest restarted while this run was in progress"
ORG_LIMIT_KEY = "max_concurrent_chat_runs_limit"
BATCH = 500
RUN_CANCELLED_BY_USER = "run-cancelled-by-user"
CONVERSATION_STATUS = "conversation_status"  # details key while a run is evaluated
EVALUATION_CUT = (
    "voxtest restarted while this run was being evaluated; evaluate it again with "
    "evaluate_metrics/."
)
RESERVED = "dispatched"  # claimed_by of a run reserved for a worker's job, not started yet
_CLAIM_LOCK = 0x766F78_52554E  # "voxRUN": advisory lock id serializing claims on PostgreSQL


@dataclass(frozen=True)
class Finished:
    """What a run produced, ready to store."""

    status: str
    ended_reason: str | None
    error_message: str | None
    duration_s: float | None
    transcript: list[dict[str, Any]]
    details: dict[str, Any]


async def claim(
    db: Database, worker: str, free_slots: int, *, reserve: bool = False, starts_per_second: int = 0
) -> list[int]:
    """Runs this worker may start now, marked `running` (or, with `reserve`, reserved for a
    job); those held back by a limit become `in_queue`. With `starts_per_second`, an
    organization's runs claimed in the last second count against that pace."""
    if free_slots <= 0:
        return []
    async with db.session() as session:
        if db.engine.dialect.name == "postgresql":
            await session.execute(text(f"SELECT pg_advisory_xact_lock({_CLAIM_LOCK})"))
        waiting = (
            await session.execute(
                select(Run.id, Run.result_id, Run.organization_id, Run.status)
                .where(Run.status.in_(WAITING), Run.claimed_by.is_(None))
                .order_by(Run.id)
                .limit(BATCH)
            )
        ).all()
        if not waiting:
            return []
        limits = await _Limits.load(session, waiting, starts_per_second)
        claimed: list[int] = []
        queued: list[int] = []
        for run_id, result_id, org_id, status in waiting:
            if len(claimed) >= free_slots or not limits.allows(org_id, result_id):
                if status == "pending":
                    queued.append(run_id)
                continue
            if await _claim_one(session, run_id, RESERVED if reserve else worker):
                limits.take(org_id, result_id)
                claimed.append(run_id)
        await _mark(session, queued, "in_queue", WAITING[:1])
        await results_running(session, claimed)
        return claimed


async def _claim_one(session: AsyncSession, run_id: int, claimant: str) -> bool:
    now = utcnow()
    values: dict[str, Any] = {"claimed_by": claimant, "heartbeat_at": now, "claimed_at": now}
    if claimant == RESERVED:
        values["status"] = "in_queue"
    else:
        values.update(status="running", executed_at=now)
    done = await session.execute(
        update(Run)
        .where(Run.id == run_id, Run.status.in_(WAITING), Run.claimed_by.is_(None))
        .values(**values)
    )
    return bool(getattr(done, "rowcount", 0))


async def start_reserved(db: Database, run_id: int, worker: str) -> bool:
    """The worker holding the job of reserved run `run_id` starts it; False when the run is
    no longer reserved (cancelled, deleted, or started by a duplicate job)."""
    now = utcnow()
    async with db.session() as session:
        done = await session.execute(
            update(Run)
            .where(Run.id == run_id, Run.status == "in_queue", Run.claimed_by == RESERVED)
            .values(status="running", claimed_by=worker, heartbeat_at=now, executed_at=now)
        )
        return bool(getattr(done, "rowcount", 0))


async def reserved_since(db: Database, before: timedelta) -> list[int]:
    """Runs reserved longer than `before` ago and still not started."""
    cutoff = utcnow() - before
    async with db.session() as session:
        rows = await session.scalars(
            select(Run.id).where(
                Run.status == "in_queue", Run.claimed_by == RESERVED, Run.heartbeat_at < cutoff
            )
        )
        return list(rows)


async def release_reserved(db: Database, run_ids: Iterable[int]) -> None:
    """Give reserved runs back to the queue (their job was lost before the run started)."""
    ids = list(run_ids)
    if ids:
        async with db.session() as session:
            await session.execute(
                update(Run)
                .where(Run.id.in_(ids), Run.status == "in_queue", Run.claimed_by == RESERVED)
                .values(claimed_by=None, heartbeat_at=None)
            )


class _Limits:
    """Running counts against the organization's and each request's concurrency caps."""

    def __init__(self) -> None:
        self.org_running: Counter[int] = Counter()
        self.result_running: Counter[int] = Counter()
        self.org_cap: dict[int, int] = {}
        self.result_cap: dict[int, int | None] = {}
        self.org_started: Counter[int] = Counter()  # claimed within the last second
        self.starts_per_second = 0

    @classmethod
    async def load(
        cls, session: AsyncSession, waiting: Iterable[Any], starts_per_second: int = 0
    ) -> _Limits:
        out = cls()
        out.starts_per_second = starts_per_second
        rows = list(waiting)
        orgs = {r[2] for r in rows}
        results = {r[1] for r in rows}
        for org in await session.scalars(select(Organization).where(Organization.id.in_(orgs))):
            out.org_cap[org.id] = int(organization_limit(org, ORG_LIMIT_KEY))
        caps = await session.execute(
            select(Result.id, Result.concurrency_limit).where(Result.id.in_(results))
        )
        out.result_cap = dict(caps.all())
        held = or_(Run.status == "running", Run.claimed_by == RESERVED)
        running = await session.execute(
            select(Run.organization_id, Run.result_id, func.count())
            .where(held, Run.status.not_in(TERMINAL), Run.organization_id.in_(orgs))
            .group_by(Run.organization_id, Run.result_id)
        )
        for org_id, result_id, count in running:
            out.org_running[org_id] += count
            out.result_running[result_id] += count
        if starts_per_second:
            recent = await session.execute(
                select(Run.organization_id, func.count())
                .where(
                    Run.organization_id.in_(orgs),
                    Run.claimed_at >= utcnow() - timedelta(seconds=1),
                )
                .group_by(Run.organization_id)
            )
            out.org_started.update(dict(recent.all()))
        return out

    def allows(self, org_id: int, result_id: int) -> bool:
        cap = self.result_cap.get(result_id)
        if cap is not None and self.result_running[result_id] >= cap:
            return False
        if self.starts_per_second and self.org_started[org_id] >= self.starts_per_second:
            return False
        return self.org_running[org_id] < self.org_cap.get(org_id, 1)

    def take(self, org_id: int, result_id: int) -> None:
        self.org_running[org_id] += 1
        self.result_running[result_id] += 1
        self.org_started[org_id] += 1


async def heartbeat(db: Database, worker: str, run_ids: Iterable[int]) -> None:
    ids = list(run_ids)
    if not ids:
        return
    async with db.session() as session:
        await session.execute(
            update(Run)
            .where(Run.id.in_(ids), Run.claimed_by == worker, Run.status.in_(HELD))
            .values(heartbeat_at=utcnow())
        )


async def fail_abandoned(db: Database, stale_after: timedelta) -> list[int]:
    """Fail runs left `running` by a process whose heartbeat stopped (it died or restarted).

    They are failed, not re-queued: the agent already took part of the conversation, and
    playing it again could repeat its side effects (bookings, messages). A run left
    `evaluating` keeps its conversation's status, with a note that evaluation was cut short
    (`evaluate_metrics/` runs it again)."""
    cutoff = utcnow() - stale_after
    async with db.session() as session:
        stale = list(
            await session.execute(
                select(Run.id, Run.status, Run.details).where(
                    Run.status.in_(HELD), Run.heartbeat_at < cutoff
                )
            )
        )
        for run_id, status, details in stale:
            values: dict[str, Any] = {"finished_at": utcnow()}
            if status == "running":
                values.update(status="failed", error_message=ABANDONED)
            else:
                details = dict(details or {})
                values["status"] = details.pop(CONVERSATION_STATUS, "completed")
                values["details"] = {**details, "evaluation_error": EVALUATION_CUT}
            await session.execute(
                update(Run)
                .where(Run.id == run_id, Run.status == status, Run.heartbeat_at < cutoff)
                .values(**values)
            )
        ids = [row[0] for row in stale]
        await refresh_results(session, ids)
        return ids


async def request_cancel(session: AsyncSession, run_ids: Iterable[int]) -> list[int]:
    """Cancel `run_ids`: waiting runs end `cancelled` now, never started; running ones are
    flagged `cancel_requested` for the process that holds them. Finished runs are left alone.
    Returns the running ids (the caller's own executor may cancel them at once)."""
    ids = list(run_ids)
    if not ids:
        return []
    await session.execute(
        update(Run)
        .where(Run.id.in_(ids), Run.status.not_in(TERMINAL))
        .values(cancel_requested=True)
    )
    await session.execute(
        update(Run)
        .where(Run.id.in_(ids), Run.status.in_(WAITING))
        .values(
            status="cancelled",
            ended_reason=RUN_CANCELLED_BY_USER,
            error_message="The run was cancelled by a user before it started.",
            details={"ended_reason": RUN_CANCELLED_BY_USER, "connected": False},
            finished_at=utcnow(),
        )
    )
    await refresh_results(session, ids)
    running = select(Run.id).where(Run.id.in_(ids), Run.status == "running")
    return list(await session.scalars(running))


async def to_cancel(db: Database, worker: str, held: list[int]) -> list[int]:
    """Of the runs `worker` holds, those to stop: flagged `cancel_requested`, deleted, or no
    longer its running run (failed as abandoned by another process)."""
    if not held:
        return []
    async with db.session() as session:
        keep = set(
            await session.scalars(
                select(Run.id).where(
                    Run.id.in_(held),
                    Run.claimed_by == worker,
                    Run.status.in_(HELD),
                    Run.cancel_requested.is_(False),
                )
            )
        )
    return [run_id for run_id in held if run_id not in keep]


async def finish(db: Database, run_id: int, worker: str, done: Finished) -> None:
    """Store the conversation's outcome as final (a run that is not evaluated)."""
    await _store_conversation(db, run_id, worker, done, done.status)


async def to_evaluation(db: Database, run_id: int, worker: str, done: Finished) -> bool:
    """Store the conversation's outcome and mark the run `evaluating`; False when the run is
    no longer this worker's (deleted, or failed as abandoned)."""
    details = {**done.details, CONVERSATION_STATUS: done.status}
    stored = replace(done, details=details)
    return await _store_conversation(db, run_id, worker, stored, "evaluating")


async def _store_conversation(
    db: Database, run_id: int, worker: str, done: Finished, status: str
) -> bool:
    async with db.session() as session:
        stored = await session.execute(
            update(Run)
            .where(Run.id == run_id, Run.claimed_by == worker, Run.status == "running")
            .values(
                status=status,
                ended_reason=done.ended_reason,
                error_message=done.error_message,
                duration_s=done.duration_s,
                transcript=done.transcript,
                details=done.details,
                finished_at=utcnow(),
                heartbeat_at=utcnow(),
            )
        )
        await refresh_results(session, [run_id])
        return bool(getattr(stored, "rowcount", 0))


async def store_evaluation(
    db: Database, run_id: int, worker: str | None, evaluated: Evaluated
) -> None:
    """Write a run's evaluation; a run that was `evaluating` gets its conversation's status.
    `worker` None: a re-evaluation of a finished run (`evaluate_metrics/`)."""
    async with db.session() as session:
        run = await session.get(Run, run_id, with_for_update=True)
        if run is None or (worker is not None and run.claimed_by != worker):
            return
        details = dict(run.details or {})
        details.pop("evaluation_error", None)
        if evaluated.error is not None:
            details["evaluation_error"] = evaluated.error
        if run.status == "evaluating":
            run.status = str(details.pop(CONVERSATION_STATUS, "completed"))
        run.details = details
        if evaluated.evaluation is not None:  # None: evaluating failed, keep what was there
            run.evaluation = evaluated.evaluation
            run.expected_outcome = evaluated.expected_outcome
            run.rubric = evaluated.rubric
            run.success = evaluated.success
        if run.metric_votes:  # people's votes stay on the new values (services.evaluation_review)
            await apply_votes(session, run)
        await session.flush()
        await refresh_results(session, [run_id])


@dataclass(frozen=True)
class Evaluated:
    """What evaluating a run produced, in the shapes stored on it (`evaluation` None: the
    evaluation failed as a whole, `error` says why, the run keeps its previous values)."""

    evaluation: dict[str, Any] | None
    expected_outcome: dict[str, Any] | None
    rubric: list[dict[str, Any]] | None
    success: bool
    error: str | None = None


async def _mark(session: AsyncSession, ids: list[int], status: str, only: tuple[str, ...]) -> None:
    if ids:
        await session.execute(
            update(Run).where(Run.id.in_(ids), Run.status.in_(only)).values(status=status)
        )

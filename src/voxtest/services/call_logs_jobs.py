"""Background jobs on call logs (exports, scenarios from calls, recording downloads), kept
in `call_log_jobs` rows: queueing one, reading one for its organization, and the claim /
stamp / give-back steps of the loop in `call_logs_worker`.

A job waits `queued`; a process claims it with one conditional UPDATE, marks it `running`
under its worker name and stamps it while it works. A job whose stamp went stale (its
process died) is claimed again, at most `MAX_ATTEMPTS` times, so a restart loses none.
"""

from __future__ import annotations

import uuid
from datetime import timedelta
from typing import Any

from sqlalchemy import and_, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from voxtest.api.auth import Principal
from voxtest.errors import NotFound, ValidationFailed
from voxtest.storage.db import Database
from voxtest.storage.tables import CallLogJob
from voxtest.storage.tables.base import utcnow

MAX_ATTEMPTS = 3
FINISHED = ("done", "failed")


def principal_params(principal: Principal) -> dict[str, Any]:
    """Who asked, kept with the job so it runs with the same scope."""
    return {
        "organization_id": principal.organization_id,
        "project_id": principal.project_id,
        "key_id": principal.key_id,
    }


def principal_of(job: CallLogJob) -> Principal:
    who = job.params["principal"]
    return Principal(who["organization_id"], who["project_id"], who["key_id"])


async def enqueue(
    session: AsyncSession,
    organization_id: int,
    kind: str,
    params: dict[str, Any],
    progress: dict[str, Any] | None = None,
) -> CallLogJob:
    job = CallLogJob(
        id=str(uuid.uuid4()),
        organization_id=organization_id,
        kind=kind,
        state="queued",
        params=params,
        progress=progress or {},
    )
    session.add(job)
    await session.flush()
    return job


async def owned(
    session: AsyncSession, principal: Principal, job_id: str | None, kind: str
) -> CallLogJob:
    """The caller's job of `kind`, 400 without an id, 404 when it is not theirs."""
    if not job_id:
        raise ValidationFailed({"progress_id": ["This field is required."]})
    try:
        key = str(uuid.UUID(str(job_id)))
    except ValueError:
        raise ValidationFailed({"progress_id": ["Must be a valid UUID."]}) from None
    job = await session.get(CallLogJob, key)
    if job is None or job.kind != kind or job.organization_id != principal.organization_id:
        raise NotFound("No such job.")
    return job


async def save_progress(db: Database, job_id: str, progress: dict[str, Any]) -> None:
    async with db.session() as session:
        await session.execute(
            update(CallLogJob)
            .where(CallLogJob.id == job_id)
            .values(progress=progress, heartbeat_at=utcnow())
            .execution_options(synchronize_session=False)
        )


async def finish(
    db: Database, job_id: str, *, error: str | None = None, result_path: str | None = None
) -> None:
    async with db.session() as session:
        job = await session.get(CallLogJob, job_id)
        if job is None:
            return
        job.state = "failed" if error else "done"
        job.error = error
        job.result_path = result_path or job.result_path
        job.claimed_by = None


def _claimable(stale_after: timedelta) -> Any:
    now = utcnow()
    return or_(
        CallLogJob.state == "queued",
        and_(CallLogJob.state == "running", CallLogJob.heartbeat_at < now - stale_after),
    )


async def claim(db: Database, worker: str, limit: int, stale_after: timedelta) -> list[str]:
    """Take up to `limit` queued (or abandoned) jobs for `worker`, oldest first; an abandoned
    job out of attempts is failed instead."""
    async with db.session() as session:
        await session.execute(
            update(CallLogJob)
            .where(_claimable(stale_after), CallLogJob.attempts >= MAX_ATTEMPTS)
            .values(state="failed", error="The job was interrupted too many times.")
            .execution_options(synchronize_session=False)
        )
        ids = list(
            await session.scalars(
                select(CallLogJob.id)
                .where(_claimable(stale_after))
                .order_by(CallLogJob.created_at)
                .limit(limit)
            )
        )
        if not ids:
            return []
        taken = await session.scalars(
            update(CallLogJob)
            .where(CallLogJob.id.in_(ids), _claimable(stale_after))
            .values(
                state="running",
                claimed_by=worker,
                heartbeat_at=utcnow(),
                attempts=CallLogJob.attempts + 1,
            )
            .returning(CallLogJob.id)
            .execution_options(synchronize_session=False)
        )
        return sorted(taken)


async def heartbeat(db: Database, worker: str, ids: set[str]) -> None:
    async with db.session() as session:
        await session.execute(
            update(CallLogJob)
            .where(CallLogJob.id.in_(list(ids)), CallLogJob.claimed_by == worker)
            .values(heartbeat_at=utcnow())
            .execution_options(synchronize_session=False)
        )


async def release(db: Database, worker: str) -> None:
    """Give back what `worker` still holds (a clean stop)."""
    async with db.session() as session:
        await session.execute(
            update(CallLogJob)
            .where(CallLogJob.claimed_by == worker, CallLogJob.state == "running")
            .values(
                state="queued",
                claimed_by=None,
                heartbeat_at=None,
                attempts=CallLogJob.attempts - 1,
            )
            .execution_options(synchronize_session=False)
        )

"""Firing due cron jobs: exactly one process fires each tick, through the same path as
`run_scenarios_text/`.

A process claims a due job by moving its `next_run_at` on with a conditional update (`WHERE
next_run_at = <the due value it read>`): of several processes reading the same due job, one
update matches. The new `next_run_at` is the first tick after now, so after downtime a job
fires once, not once per missed tick (docs/design/0007-webhooks-and-schedules.md). The result
is created in the claiming transaction; if the job cannot start (its scenarios are gone), the
tick is still spent, the job's `last_error` says why and the cron-failure notice goes out.
"""

from __future__ import annotations

import logging
from datetime import datetime
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from voxtest.api.auth import Principal
from voxtest.domain.schedule import next_tick, ticks_missed
from voxtest.errors import ApiError
from voxtest.services import notices, runs_create
from voxtest.storage.db import Database
from voxtest.storage.tables import CronJob, CronJobResult, Project
from voxtest.storage.tables.base import utcnow

log = logging.getLogger(__name__)
BATCH = 20


async def fire_due(db: Database, now: datetime | None = None) -> list[int]:
    """Fire the due active jobs this process wins; the ids of the results it created."""
    now = now or utcnow()
    async with db.session() as session:
        due = (
            await session.execute(
                select(CronJob.id, CronJob.next_run_at)
                .where(CronJob.is_active.is_(True), CronJob.next_run_at <= now)
                .order_by(CronJob.next_run_at)
                .limit(BATCH)
            )
        ).all()
    created: list[int] = []
    for job_id, due_at in due:
        if due_at is None:
            continue
        try:
            async with db.session() as session:
                result_id = await fire_one(session, job_id, due_at, now)
        except Exception:
            log.exception("cron job %s could not be fired", job_id)
            continue
        if result_id is not None:
            created.append(result_id)
    return created


async def fire_one(
    session: AsyncSession, job_id: int, due_at: datetime, now: datetime
) -> int | None:
    """Claim the tick `due_at` of job `job_id` and start its run; the result id, or None when
    another process claimed it first (or the job could not start)."""
    job = await session.get(CronJob, job_id)
    if job is None or not job.is_active:
        return None
    following = next_tick(job.crontab_expression, job.timezone, now)
    claimed = await session.execute(
        update(CronJob)
        .where(CronJob.id == job_id, CronJob.next_run_at == due_at, CronJob.is_active.is_(True))
        .values(next_run_at=following, last_run_at=now)
        .execution_options(synchronize_session=False)
    )
    if not getattr(claimed, "rowcount", 0):
        return None
    await session.refresh(job)
    attrs = dict(job.attrs or {})
    attrs["missed_ticks"] = ticks_missed(job.crontab_expression, job.timezone, due_at, now)
    try:
        async with session.begin_nested():
            answer = await runs_create.run_scenarios_text(session, _principal(job), _body(job))
    except ApiError as exc:
        attrs["last_error"] = _reason(exc)
        job.attrs = attrs
        project = await session.get(Project, job.project_id)
        if project is not None:
            reason = attrs["last_error"]
            notify_on = str(attrs.get("notify_on") or "never")
            notices.cron_fire_failed(session, project, job, notify_on, reason, now.isoformat())
        return None
    attrs.pop("last_error", None)
    attrs["last_result_id"] = answer["id"]
    job.attrs = attrs
    session.add(
        CronJobResult(
            result_id=answer["id"],
            cron_job_id=job.id,
            notify_on=str(attrs.get("notify_on") or "never"),
        )
    )
    await session.flush()
    return int(answer["id"])


def _principal(job: CronJob) -> Principal:
    """The job acts with its project's rights (key_id 0: no API key)."""
    return Principal(organization_id=job.organization_id, project_id=job.project_id, key_id=0)


def _body(job: CronJob) -> dict[str, Any]:
    attrs = job.attrs or {}
    body: dict[str, Any] = {
        "agent_id": job.agent_id,
        "name": job.name or f"Cron job {job.id}",
        "frequency": attrs.get("frequency") or 1,
        "personality_ids": attrs.get("personalities") or None,
        "concurrency_limit": attrs.get("concurrency_limit"),
    }
    if attrs.get("scenarios"):
        body["scenarios"] = list(attrs["scenarios"])
    else:
        body["tags"] = list(attrs.get("tags") or [])
    return body


def _reason(exc: ApiError) -> str:
    detail: Any = getattr(exc, "detail", None) or str(exc)
    if isinstance(detail, dict):
        return "; ".join(
            f"{k}: {v if isinstance(v, str) else ' '.join(map(str, v))}" for k, v in detail.items()
        )
    return str(detail)

"""The delivery outbox: events written with the change they report, claimed and sent by any
process, retried with back-off, and kept as the project's delivery log.

- `enqueue` adds a row inside the caller's transaction (so an event exists if and only if
  its change was committed).
- `claim_due` leases due rows to one process with a conditional update (`FOR UPDATE SKIP
  LOCKED` first on PostgreSQL), so concurrent deliverers never send the same row at once; a
  process that dies mid-send leaves a lease that expires, and the row is sent again (at least
  once, with the same idempotency key).
- `record` stores an attempt's outcome: delivered, failed for good, or due again later.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from sqlalchemy import or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from voxtest.domain.delivery_policy import RetryPolicy
from voxtest.security.secretbox import SecretBox
from voxtest.settings import Settings
from voxtest.storage.db import Database
from voxtest.storage.tables import Delivery, Run
from voxtest.storage.tables.base import utcnow

PENDING, DELIVERED, FAILED = "pending", "delivered", "failed"
PRE_TRIGGER = "result.pre_trigger"
PRE_TRIGGER_HOLD = "pre-trigger"  # claimed_by of runs waiting for their result's pre-trigger
CLAIM_BATCH = 50


@dataclass(frozen=True)
class Outgoing:
    """A claimed row, detached from its session."""

    id: int
    project_id: int
    agent_id: int | None
    result_id: int | None
    event_type: str
    channel: str
    target: str
    secret_from: str
    payload: dict[str, Any]
    idempotency_key: str
    attempts: int


def policy(settings: Settings, event_type: str) -> RetryPolicy:
    """The retry rules of an event: `result.pre_trigger` holds runs back, so it gets
    `pre_trigger_retries` more tries; every other event `webhook_max_attempts`."""
    attempts = (
        settings.pre_trigger_retries + 1
        if event_type == PRE_TRIGGER
        else settings.webhook_max_attempts
    )
    return RetryPolicy(
        max_attempts=attempts,
        base_s=settings.webhook_retry_base_seconds,
        cap_s=settings.webhook_retry_max_seconds,
    )


def timeout(settings: Settings, event_type: str) -> float:
    if event_type == PRE_TRIGGER:
        return settings.pre_trigger_timeout_seconds
    return settings.webhook_timeout_seconds


def box_of(session: AsyncSession) -> SecretBox:
    """The secret box of the running services (`Services.start` puts it on the database)."""
    found = maybe_box(session)
    if found is None:
        raise RuntimeError("session not made by a started voxtest.context.Services")
    return found


def maybe_box(session: AsyncSession) -> SecretBox | None:
    found = session.info.get("box")
    return found if isinstance(found, SecretBox) else None


def settings_of(session: AsyncSession) -> Settings:
    """The settings of the database this session belongs to (`storage.db.Database`)."""
    found = session.info.get("settings")
    if not isinstance(found, Settings):
        raise RuntimeError("session not made by voxtest.storage.db.Database")
    return found


def enqueue(
    session: AsyncSession,
    *,
    organization_id: int,
    project_id: int,
    event_type: str,
    target: str,
    payload: dict[str, Any],
    idempotency_key: str,
    channel: str = "webhook",
    secret_from: str = "",
    agent_id: int | None = None,
    result_id: int | None = None,
) -> Delivery:
    row = Delivery(
        organization_id=organization_id,
        project_id=project_id,
        agent_id=agent_id,
        result_id=result_id,
        event_type=event_type,
        channel=channel,
        target=target,
        secret_from=secret_from,
        payload=payload,
        idempotency_key=idempotency_key,
        status=PENDING,
        attempts=0,
        next_attempt_at=utcnow(),
    )
    session.add(row)
    return row


async def claim_due(db: Database, worker: str, *, limit: int = CLAIM_BATCH) -> list[Outgoing]:
    """Lease up to `limit` due rows to `worker` (lease: twice the attempt's timeout plus a
    margin, so a live sender always records before another may take the row)."""
    now = utcnow()
    async with db.session() as session:
        due = (
            select(Delivery)
            .where(
                Delivery.status == PENDING,
                Delivery.next_attempt_at <= now,
                or_(Delivery.lease_until.is_(None), Delivery.lease_until < now),
            )
            .order_by(Delivery.next_attempt_at, Delivery.id)
            .limit(limit)
        )
        if db.engine.dialect.name == "postgresql":
            due = due.with_for_update(skip_locked=True)
        claimed: list[Outgoing] = []
        for row in (await session.scalars(due)).all():
            lease = now + timedelta(seconds=timeout(db.settings, row.event_type) * 2 + 30)
            done = await session.execute(
                update(Delivery)
                .where(
                    Delivery.id == row.id,
                    Delivery.status == PENDING,
                    or_(Delivery.lease_until.is_(None), Delivery.lease_until < now),
                )
                .values(lease_until=lease, claimed_by=worker)
                .execution_options(synchronize_session=False)
            )
            if getattr(done, "rowcount", 0):
                claimed.append(_outgoing(row))
        return claimed


def _outgoing(row: Delivery) -> Outgoing:
    return Outgoing(
        id=row.id,
        project_id=row.project_id,
        agent_id=row.agent_id,
        result_id=row.result_id,
        event_type=row.event_type,
        channel=row.channel,
        target=row.target,
        secret_from=row.secret_from,
        payload=dict(row.payload or {}),
        idempotency_key=row.idempotency_key,
        attempts=row.attempts,
    )


async def record(
    db: Database,
    settings: Settings,
    item: Outgoing,
    worker: str,
    status_code: int | None,
    error: str | None,
) -> str:
    """Store one attempt of `item` (still leased to `worker`); the row's new status."""
    now = utcnow()
    attempt = item.attempts + 1
    ok = status_code is not None and 200 <= status_code < 300
    values: dict[str, Any] = {
        "attempts": attempt,
        "response_code": status_code,
        "last_error": None if ok else error,
        "last_attempt_at": now,
        "lease_until": None,
        "claimed_by": None,
    }
    rules = policy(settings, item.event_type)
    if ok:
        values.update(status=DELIVERED, delivered_at=now)
    elif rules.gives_up(attempt, status_code):
        values["status"] = FAILED
    else:
        wait = rules.delay(attempt, random.random())
        values["next_attempt_at"] = now + timedelta(seconds=wait)
    async with db.session() as session:
        done = await session.execute(
            update(Delivery)
            .where(Delivery.id == item.id, Delivery.claimed_by == worker)
            .values(**values)
        )
        final = values.get("status") in (DELIVERED, FAILED)
        if final and item.event_type == PRE_TRIGGER and item.result_id is not None:
            await release_runs(session, item.result_id)
    if not getattr(done, "rowcount", 0):
        return PENDING  # the lease expired and another process took the row over
    return str(values.get("status", PENDING))


async def hold_runs(session: AsyncSession, result_id: int) -> None:
    """Keep the result's waiting runs from being claimed until its pre-trigger is answered."""
    await session.execute(
        update(Run)
        .where(Run.result_id == result_id, Run.status == "pending", Run.claimed_by.is_(None))
        .values(claimed_by=PRE_TRIGGER_HOLD)
    )


async def release_runs(session: AsyncSession, result_id: int) -> None:
    await session.execute(
        update(Run)
        .where(Run.result_id == result_id, Run.claimed_by == PRE_TRIGGER_HOLD)
        .values(claimed_by=None)
    )


async def replay(session: AsyncSession, row: Delivery) -> None:
    """Send `row` again from a fresh set of attempts, keeping its idempotency key."""
    row.status = PENDING
    row.attempts = 0
    row.next_attempt_at = utcnow()
    row.lease_until = None
    row.claimed_by = None
    row.delivered_at = None
    await session.flush()

"""Webhooks, schedules and notifications: the delivery outbox, cron jobs, and the marks that
keep alerts to one per occasion across processes.

`Delivery` is a transactional outbox: an event is written in the same transaction as the
change it reports (a result finishing, a call log evaluated), and any process's deliverer
sends it later, at least once, retrying with back-off; the row is also the delivery log.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from voxtest.storage.tables.base import Base, IdMixin, TimestampMixin


class Delivery(IdMixin, TimestampMixin, Base):
    """One event to one destination: a webhook URL, email recipients or a Slack webhook."""

    __tablename__ = "deliveries"
    __table_args__ = (Index("ix_deliveries_status_next", "status", "next_attempt_at"),)

    organization_id: Mapped[int] = mapped_column(
        ForeignKey("organizations.id", ondelete="CASCADE"), index=True
    )
    project_id: Mapped[int] = mapped_column(
        ForeignKey("projects.id", ondelete="CASCADE"), index=True
    )
    agent_id: Mapped[int | None] = mapped_column(ForeignKey("agents.id", ondelete="SET NULL"))
    result_id: Mapped[int | None] = mapped_column(
        ForeignKey("results.id", ondelete="CASCADE"), index=True
    )
    """The result whose runs wait for this delivery (`result.pre_trigger`)."""
    event_type: Mapped[str] = mapped_column(String(64))
    channel: Mapped[str] = mapped_column(String(16), default="webhook")
    """`webhook`, `email` or `slack`."""
    target: Mapped[str] = mapped_column(Text)
    """The URL called, or the email recipients (comma-separated)."""
    secret_from: Mapped[str] = mapped_column(String(16), default="")
    """Whose `webhook_secret` goes in `X-CEKURA-SECRET`: `agent`, `project` or none."""
    payload: Mapped[dict[str, Any]] = mapped_column(default=dict)
    idempotency_key: Mapped[str] = mapped_column(String(128), index=True)
    status: Mapped[str] = mapped_column(String(16), default="pending")
    """`pending` (waiting for its next attempt), `delivered` or `failed` (gave up)."""
    attempts: Mapped[int] = mapped_column(default=0)
    """Attempts since it was written (or last replayed); the limits come from settings."""
    next_attempt_at: Mapped[datetime]
    lease_until: Mapped[datetime | None]
    """While a process is sending it: other processes leave it alone until then."""
    claimed_by: Mapped[str | None] = mapped_column(String(64))
    response_code: Mapped[int | None]
    last_error: Mapped[str | None] = mapped_column(Text)
    last_attempt_at: Mapped[datetime | None]
    delivered_at: Mapped[datetime | None]


class CronJob(IdMixin, TimestampMixin, Base):
    """A schedule that starts a run of an agent's scenarios (`/schedules/v1/cron-jobs/`)."""

    __tablename__ = "cron_jobs"

    organization_id: Mapped[int] = mapped_column(
        ForeignKey("organizations.id", ondelete="CASCADE"), index=True
    )
    project_id: Mapped[int] = mapped_column(
        ForeignKey("projects.id", ondelete="CASCADE"), index=True
    )
    agent_id: Mapped[int] = mapped_column(ForeignKey("agents.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(default="")
    crontab_expression: Mapped[str]
    timezone: Mapped[str] = mapped_column(String(64), default="UTC")
    is_active: Mapped[bool] = mapped_column(default=True)
    next_run_at: Mapped[datetime | None] = mapped_column(index=True)
    """The next tick; a scheduler fires the job by moving it on with a conditional update."""
    last_run_at: Mapped[datetime | None]
    attrs: Mapped[dict[str, Any]] = mapped_column(default=dict)
    """scenarios, tags, personalities, frequency, concurrency_limit, execution_mode,
    run_as_text, notify_on, created_via, and the last firing's outcome."""


class CronJobResult(Base):
    """A result a cron job started (`is_cronjob`); kept when the job is deleted."""

    __tablename__ = "cron_job_results"

    result_id: Mapped[int] = mapped_column(
        ForeignKey("results.id", ondelete="CASCADE"), primary_key=True
    )
    cron_job_id: Mapped[int | None] = mapped_column(
        ForeignKey("cron_jobs.id", ondelete="SET NULL"), index=True
    )
    notify_on: Mapped[str] = mapped_column(String(16), default="never")


class NotificationMark(Base):
    """When an alert or report was last sent, by key (`daily:<project>:<date>`,
    `no_calls:<project>`, `frequent:<project>:<number>`). Inserting a key is how one process
    of many claims a once-only notice."""

    __tablename__ = "notification_marks"

    key: Mapped[str] = mapped_column(String(255), primary_key=True)
    last_at: Mapped[datetime]


class CallSighting(IdMixin, Base):
    """A production call seen (`call_log.completed`): what the frequent-calls and no-calls
    alerts and the daily report count."""

    __tablename__ = "call_sightings"
    __table_args__ = (Index("ix_call_sightings_project_seen", "project_id", "seen_at"),)

    organization_id: Mapped[int] = mapped_column(
        ForeignKey("organizations.id", ondelete="CASCADE"), index=True
    )
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id", ondelete="CASCADE"))
    agent_id: Mapped[int | None] = mapped_column(ForeignKey("agents.id", ondelete="SET NULL"))
    customer_number: Mapped[str | None] = mapped_column(String(32), index=True)
    success: Mapped[bool | None]
    seen_at: Mapped[datetime]

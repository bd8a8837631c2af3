"""Production calls (call logs) ingested by `observe/`, and the sampling accumulator.

A call log's evaluation is a job kept in its row: `eval_state` is `queued` until a serving
process claims it (`evaluating`, with `claimed_by`/`heartbeat_at` like runs), then `done`.
A process that dies mid-evaluation leaves a stale heartbeat and any process claims the call
log again, so a restart loses nothing. `unique_call_id` holds the call id while the
organization refuses duplicates (NULL otherwise): the unique constraint does the rest.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from voxtest.storage.tables.base import Base, IdMixin, TimestampMixin


class CallLog(IdMixin, TimestampMixin, Base):
    __tablename__ = "call_logs"
    __table_args__ = (
        UniqueConstraint("organization_id", "unique_call_id"),
        Index("ix_call_logs_project_id_timestamp", "project_id", "timestamp"),
        Index("ix_call_logs_eval_state_id", "eval_state", "id"),
    )

    organization_id: Mapped[int] = mapped_column(
        ForeignKey("organizations.id", ondelete="CASCADE"), index=True
    )
    project_id: Mapped[int] = mapped_column(
        ForeignKey("projects.id", ondelete="CASCADE"), index=True
    )
    agent_id: Mapped[int] = mapped_column(ForeignKey("agents.id", ondelete="CASCADE"), index=True)
    call_id: Mapped[str] = mapped_column(String(100), index=True)
    unique_call_id: Mapped[str | None] = mapped_column(String(100))
    trace_id: Mapped[str] = mapped_column(String(32), default="")
    timestamp: Mapped[datetime]
    """When the call occurred (the ingest time when not given)."""
    duration_s: Mapped[float | None]
    call_ended_reason: Mapped[str] = mapped_column(String(100), default="", index=True)
    customer_number: Mapped[str] = mapped_column(String(100), default="", index=True)
    transcript_type: Mapped[str] = mapped_column(String(16), default="cekura")
    transcript: Mapped[list[Any]] = mapped_column(default=list)
    """The canonical Cekura-format transcript, redacted before it was stored."""
    call_metadata: Mapped[dict[str, Any]] = mapped_column("metadata", default=dict)
    dynamic_variables: Mapped[dict[str, Any]] = mapped_column(default=dict)
    voice_recording_url: Mapped[str | None] = mapped_column(Text)
    recording_path: Mapped[str | None] = mapped_column(Text)
    """An uploaded recording, relative to VOXTEST_HOME."""
    feedback: Mapped[str] = mapped_column(Text, default="")
    error_message: Mapped[str | None] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(32), default="evaluating", index=True)
    """`evaluating`, then `success`/`failure` from the evaluation, `reviewed_*` once reviewed."""
    success: Mapped[bool | None]
    is_reviewed: Mapped[bool] = mapped_column(default=False)
    review_status: Mapped[str | None] = mapped_column(String(32))
    """`reviewed_success`/`reviewed_failure` from metric votes (see evaluation_review)."""
    evaluation: Mapped[dict[str, Any]] = mapped_column(default=dict)
    rubric: Mapped[list[Any] | None]
    metric_votes: Mapped[dict[str, Any]] = mapped_column(default=dict)
    topic: Mapped[str] = mapped_column(String(1000), default="")
    dropoff_point: Mapped[str] = mapped_column(String(1000), default="")
    eval_state: Mapped[str] = mapped_column(String(16), default="queued")
    """`queued` | `evaluating` | `done` (see the module docstring)."""
    eval_metric_ids: Mapped[list[Any] | None]
    """Evaluate only these metrics (keeping the other values); None: the call's metrics."""
    sampled: Mapped[bool] = mapped_column(default=True)
    """Whether the project's sampled metrics evaluate this call (domain.sampling)."""
    claimed_by: Mapped[str | None] = mapped_column(String(64))
    heartbeat_at: Mapped[datetime | None]
    attrs: Mapped[dict[str, Any]] = mapped_column(default=dict)
    """The rest: assistant_id, redact_fields applied, main_agent_channel_index, metric_ids
    asked for at ingest, the provider's raw webhook kind."""


class SamplingCounter(Base):
    """Production calls ingested per project, the sampling accumulator's count."""

    __tablename__ = "sampling_counters"

    project_id: Mapped[int] = mapped_column(
        ForeignKey("projects.id", ondelete="CASCADE"), primary_key=True
    )
    calls: Mapped[int] = mapped_column(default=0)


class CallLogJob(TimestampMixin, Base):
    """A background job on call logs: an export, scenarios from calls, a recording download.

    Like call-log evaluations the state is the row: `queued`, then `running` under
    `claimed_by` with `heartbeat_at` stamps (a dead process's job is claimed again after
    the stale delay), then `done` or `failed` with `error`. `id` is the `progress_id`.
    """

    __tablename__ = "call_log_jobs"
    __table_args__ = (Index("ix_call_log_jobs_state_created_at", "state", "created_at"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    organization_id: Mapped[int] = mapped_column(
        ForeignKey("organizations.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(32))
    """`export` | `create_scenarios` | `recording`."""
    state: Mapped[str] = mapped_column(String(16), default="queued")
    params: Mapped[dict[str, Any]] = mapped_column(default=dict)
    progress: Mapped[dict[str, Any]] = mapped_column(default=dict)
    result_path: Mapped[str | None] = mapped_column(Text)
    """A produced file, relative to VOXTEST_HOME."""
    error: Mapped[str | None] = mapped_column(Text)
    attempts: Mapped[int] = mapped_column(default=0)
    claimed_by: Mapped[str | None] = mapped_column(String(64))
    heartbeat_at: Mapped[datetime | None]

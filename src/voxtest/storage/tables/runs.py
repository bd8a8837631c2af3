"""Results (one run request) and runs (one conversation each), with the executor's claim.

A run's `claimed_by`/`heartbeat_at` say which process executes it and that it is alive;
`voxtest.runs.executor` reads them to fail runs a dead process left `running`.
`cancel_requested` asks whichever process holds a running run to end it (`end_call/`).
A metric preview is an unsaved metric's trial on a few runs, kept until polled.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from voxtest.storage.tables.base import Base, IdMixin, TimestampMixin


class Result(IdMixin, TimestampMixin, Base):
    __tablename__ = "results"

    organization_id: Mapped[int] = mapped_column(
        ForeignKey("organizations.id", ondelete="CASCADE"), index=True
    )
    project_id: Mapped[int] = mapped_column(
        ForeignKey("projects.id", ondelete="CASCADE"), index=True
    )
    agent_id: Mapped[int] = mapped_column(ForeignKey("agents.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(1024), default="")
    status: Mapped[str] = mapped_column(String(32), default="pending", index=True)
    run_as_text: Mapped[bool] = mapped_column(default=True)
    run_type: Mapped[str | None] = mapped_column(String(32))
    concurrency_limit: Mapped[int | None]
    run_settings: Mapped[dict[str, Any]] = mapped_column(default=dict)
    """The request's overrides as sent (wire `run_settings`), secrets left out."""
    connection: Mapped[dict[str, Any]] = mapped_column(default=dict)
    """Where the runs connect: `{url, headers}` overrides of the request (never returned)."""


class Run(IdMixin, TimestampMixin, Base):
    __tablename__ = "runs"
    __table_args__ = (Index("ix_runs_status_id", "status", "id"),)

    organization_id: Mapped[int] = mapped_column(
        ForeignKey("organizations.id", ondelete="CASCADE"), index=True
    )
    project_id: Mapped[int] = mapped_column(
        ForeignKey("projects.id", ondelete="CASCADE"), index=True
    )
    agent_id: Mapped[int] = mapped_column(ForeignKey("agents.id", ondelete="CASCADE"), index=True)
    result_id: Mapped[int] = mapped_column(ForeignKey("results.id", ondelete="CASCADE"), index=True)
    scenario_id: Mapped[int | None] = mapped_column(
        ForeignKey("scenarios.id", ondelete="SET NULL"), index=True
    )
    personality_id: Mapped[int | None] = mapped_column(
        ForeignKey("personalities.id", ondelete="SET NULL"), index=True
    )
    test_profile_id: Mapped[int | None] = mapped_column(
        ForeignKey("test_profiles.id", ondelete="SET NULL")
    )
    status: Mapped[str] = mapped_column(String(32), default="pending")
    success: Mapped[bool] = mapped_column(default=False)
    ended_reason: Mapped[str | None] = mapped_column(String(64), index=True)
    error_message: Mapped[str | None] = mapped_column(Text)
    duration_s: Mapped[float | None]
    executed_at: Mapped[datetime | None]
    finished_at: Mapped[datetime | None]
    claimed_by: Mapped[str | None] = mapped_column(String(64))
    heartbeat_at: Mapped[datetime | None]
    claimed_at: Mapped[datetime | None]
    """When a process claimed (or the dispatcher reserved) the run: paces run starts."""
    cancel_requested: Mapped[bool] = mapped_column(default=False)
    transcript: Mapped[list[Any]] = mapped_column(default=list)
    """The Cekura-format transcript (`transcript_object`)."""
    details: Mapped[dict[str, Any]] = mapped_column(default=dict)
    """Wire `metadata`: ended_reason, connect attempts, latencies."""
    evaluation: Mapped[dict[str, Any]] = mapped_column(default=dict)
    """Wire `evaluation`: `{"metrics": [...]}` once the run was evaluated."""
    expected_outcome: Mapped[dict[str, Any] | None]
    """`{score, explanation[], outcome_alignments[]}` when the scenario has an expected outcome."""
    rubric: Mapped[list[Any] | None]
    """The project rubric applied to this run: one entry per rule, with `passed`."""
    snapshot: Mapped[dict[str, Any]] = mapped_column(default=dict)
    """What the run was made from, frozen at creation: scenario name, type and instructions,
    personality name, test profile data."""
    metric_votes: Mapped[dict[str, Any]] = mapped_column(default=dict)
    """People's votes on its metric values (`mark_metric_vote/`), by metric id:
    `{thumbs_up, expected_value, feedback}`."""
    review_status: Mapped[str | None] = mapped_column(String(32))
    """`reviewed_success`/`reviewed_failure` once voted on: the rubric's verdict with the
    voted values in place of the judged ones (wire `evaluation_status`, `is_reviewed`)."""


class MetricPreview(TimestampMixin, Base):
    """An unsaved metric tried on a few runs in the background (`metrics/preview/`), polled
    by its id (`metrics/preview-progress/`) from any process."""

    __tablename__ = "metric_previews"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    organization_id: Mapped[int] = mapped_column(
        ForeignKey("organizations.id", ondelete="CASCADE"), index=True
    )
    project_id: Mapped[int | None] = mapped_column(ForeignKey("projects.id", ondelete="CASCADE"))
    """The project of the key that started it (None for an organization key)."""
    status: Mapped[str] = mapped_column(String(16), default="in_progress")
    total: Mapped[int] = mapped_column(default=0)
    results: Mapped[list[Any]] = mapped_column(default=list)
    """One entry per evaluated run, in the order the runs were asked for."""
    error: Mapped[str | None] = mapped_column(Text)

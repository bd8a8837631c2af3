"""Metrics: LLM-judged, code and predefined, scoped to a project or an agent."""

from __future__ import annotations

from typing import Any

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from voxtest.storage.tables.base import Base, IdMixin, TimestampMixin


class Metric(IdMixin, TimestampMixin, Base):
    __tablename__ = "metrics"
    __table_args__ = (UniqueConstraint("organization_id", "slug"),)

    organization_id: Mapped[int] = mapped_column(
        ForeignKey("organizations.id", ondelete="CASCADE"), index=True
    )
    project_id: Mapped[int] = mapped_column(
        ForeignKey("projects.id", ondelete="CASCADE"), index=True
    )
    agent_id: Mapped[int | None] = mapped_column(ForeignKey("agents.id", ondelete="CASCADE"))
    name: Mapped[str]
    slug: Mapped[str | None] = mapped_column(String(255))
    type: Mapped[str] = mapped_column(String(32), default="llm_judge")
    eval_type: Mapped[str] = mapped_column(String(48), default="binary")
    attrs: Mapped[dict[str, Any]] = mapped_column(default=dict)


class MetricAgent(Base):
    """Agents a project-level metric is enabled on."""

    __tablename__ = "metric_agents"

    metric_id: Mapped[int] = mapped_column(
        ForeignKey("metrics.id", ondelete="CASCADE"), primary_key=True
    )
    agent_id: Mapped[int] = mapped_column(
        ForeignKey("agents.id", ondelete="CASCADE"), primary_key=True
    )

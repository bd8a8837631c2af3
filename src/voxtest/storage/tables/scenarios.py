"""Scenarios (evaluators), their folders and tags, and test profiles."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from voxtest.storage.tables.base import Base, IdMixin, TimestampMixin, utcnow


class TestProfile(IdMixin, TimestampMixin, Base):
    __tablename__ = "test_profiles"
    __test__ = False  # not a pytest class

    organization_id: Mapped[int] = mapped_column(
        ForeignKey("organizations.id", ondelete="CASCADE"), index=True
    )
    project_id: Mapped[int] = mapped_column(
        ForeignKey("projects.id", ondelete="CASCADE"), index=True
    )
    agent_id: Mapped[int | None] = mapped_column(ForeignKey("agents.id", ondelete="CASCADE"))
    name: Mapped[str]
    information: Mapped[dict[str, Any]] = mapped_column(default=dict)
    created_by: Mapped[str | None]
    last_updated_by: Mapped[str | None]


class ScenarioFolder(IdMixin, Base):
    __tablename__ = "scenario_folders"
    __table_args__ = (UniqueConstraint("project_id", "path"),)

    project_id: Mapped[int] = mapped_column(
        ForeignKey("projects.id", ondelete="CASCADE"), index=True
    )
    path: Mapped[str] = mapped_column(String(1024))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class Scenario(IdMixin, TimestampMixin, Base):
    __tablename__ = "scenarios"

    organization_id: Mapped[int] = mapped_column(
        ForeignKey("organizations.id", ondelete="CASCADE"), index=True
    )
    project_id: Mapped[int] = mapped_column(
        ForeignKey("projects.id", ondelete="CASCADE"), index=True
    )
    agent_id: Mapped[int | None] = mapped_column(
        ForeignKey("agents.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(1024))
    scenario_type: Mapped[str] = mapped_column(String(32), default="instruction")
    folder_path: Mapped[str | None] = mapped_column(String(1024), index=True)
    personality_id: Mapped[int | None] = mapped_column(
        ForeignKey("personalities.id", ondelete="SET NULL")
    )
    test_profile_id: Mapped[int | None] = mapped_column(
        ForeignKey("test_profiles.id", ondelete="SET NULL")
    )
    attrs: Mapped[dict[str, Any]] = mapped_column(default=dict)


class ScenarioTag(Base):
    __tablename__ = "scenario_tags"

    scenario_id: Mapped[int] = mapped_column(
        ForeignKey("scenarios.id", ondelete="CASCADE"), primary_key=True
    )
    tag: Mapped[str] = mapped_column(primary_key=True, index=True)


class ScenarioMetric(Base):
    __tablename__ = "scenario_metrics"

    scenario_id: Mapped[int] = mapped_column(
        ForeignKey("scenarios.id", ondelete="CASCADE"), primary_key=True
    )
    metric_id: Mapped[int] = mapped_column(
        ForeignKey("metrics.id", ondelete="CASCADE"), primary_key=True
    )

"""Organizations, API keys, projects and personalities."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from voxtest.storage.tables.base import Base, IdMixin, TimestampMixin


class Organization(IdMixin, TimestampMixin, Base):
    __tablename__ = "organizations"

    name: Mapped[str] = mapped_column(unique=True)
    attrs: Mapped[dict[str, Any]] = mapped_column(default=dict)


class ApiKey(IdMixin, Base):
    __tablename__ = "api_keys"

    organization_id: Mapped[int] = mapped_column(
        ForeignKey("organizations.id", ondelete="CASCADE"), index=True
    )
    project_id: Mapped[int | None] = mapped_column(ForeignKey("projects.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(default="")
    key_hash: Mapped[str] = mapped_column(String(64), unique=True)
    hint: Mapped[str] = mapped_column(String(32))
    revoked: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime]
    last_used_at: Mapped[datetime | None]


class Project(IdMixin, TimestampMixin, Base):
    __tablename__ = "projects"

    organization_id: Mapped[int] = mapped_column(
        ForeignKey("organizations.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str]
    is_deleted: Mapped[bool] = mapped_column(default=False)
    attrs: Mapped[dict[str, Any]] = mapped_column(default=dict)
    secrets: Mapped[bytes | None]


class Personality(IdMixin, TimestampMixin, Base):
    """A simulated caller's voice and behaviour. Global when organization_id is null."""

    __tablename__ = "personalities"

    organization_id: Mapped[int | None] = mapped_column(
        ForeignKey("organizations.id", ondelete="CASCADE"), index=True
    )
    project_id: Mapped[int | None] = mapped_column(ForeignKey("projects.id", ondelete="CASCADE"))
    name: Mapped[str]
    language: Mapped[str] = mapped_column(String(16), default="en")
    is_predefined: Mapped[bool] = mapped_column(default=False)
    forked_from_id: Mapped[int | None] = mapped_column(
        ForeignKey("personalities.id", ondelete="SET NULL")
    )
    attrs: Mapped[dict[str, Any]] = mapped_column(default=dict)


class ProjectPersonality(Base):
    """The personalities enabled in a project."""

    __tablename__ = "project_personalities"
    project_id: Mapped[int] = mapped_column(
        ForeignKey("projects.id", ondelete="CASCADE"), primary_key=True
    )
    personality_id: Mapped[int] = mapped_column(
        ForeignKey("personalities.id", ondelete="CASCADE"), primary_key=True
    )

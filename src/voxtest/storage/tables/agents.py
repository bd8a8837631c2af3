"""Agents under test and what hangs off them: tools, dynamic variables, knowledge base."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from voxtest.storage.tables.base import Base, IdMixin, TimestampMixin, utcnow


class Agent(IdMixin, TimestampMixin, Base):
    __tablename__ = "agents"

    organization_id: Mapped[int] = mapped_column(
        ForeignKey("organizations.id", ondelete="CASCADE"), index=True
    )
    project_id: Mapped[int] = mapped_column(
        ForeignKey("projects.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str]
    assistant_id: Mapped[str | None] = mapped_column(index=True)
    """The provider's id for this agent (`provider.agent_id`); scenarios and metrics find
    agents by it."""
    is_deleted: Mapped[bool] = mapped_column(default=False)
    attrs: Mapped[dict[str, Any]] = mapped_column(default=dict)
    secrets: Mapped[bytes | None]


class AgentPersonality(Base):
    """The personalities enabled on an agent."""

    __tablename__ = "agent_personalities"

    agent_id: Mapped[int] = mapped_column(
        ForeignKey("agents.id", ondelete="CASCADE"), primary_key=True
    )
    personality_id: Mapped[int] = mapped_column(
        ForeignKey("personalities.id", ondelete="CASCADE"), primary_key=True
    )


class DynamicVariable(IdMixin, Base):
    __tablename__ = "dynamic_variables"
    __table_args__ = (UniqueConstraint("agent_id", "name"),)

    agent_id: Mapped[int] = mapped_column(ForeignKey("agents.id", ondelete="CASCADE"), index=True)
    name: Mapped[str]
    description: Mapped[str] = mapped_column(String(2000), default="")


class KnowledgeBaseFile(IdMixin, Base):
    __tablename__ = "knowledge_base_files"

    agent_id: Mapped[int] = mapped_column(ForeignKey("agents.id", ondelete="CASCADE"), index=True)
    file_name: Mapped[str]
    file_type: Mapped[str] = mapped_column(String(16))
    file_size: Mapped[int]
    content: Mapped[bytes]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Tool(IdMixin, TimestampMixin, Base):
    """A mock tool: project-level, shared by the agents that subscribe to it."""

    __tablename__ = "tools"

    organization_id: Mapped[int] = mapped_column(
        ForeignKey("organizations.id", ondelete="CASCADE"), index=True
    )
    project_id: Mapped[int] = mapped_column(
        ForeignKey("projects.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(64))
    attrs: Mapped[dict[str, Any]] = mapped_column(default=dict)


class AgentTool(Base):
    __tablename__ = "agent_tools"

    agent_id: Mapped[int] = mapped_column(
        ForeignKey("agents.id", ondelete="CASCADE"), primary_key=True
    )
    tool_id: Mapped[int] = mapped_column(
        ForeignKey("tools.id", ondelete="CASCADE"), primary_key=True
    )

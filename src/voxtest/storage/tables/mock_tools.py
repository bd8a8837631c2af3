"""What mock tools did during runs: every call served (`MockToolCall`) and each run's
stateful-mock tables (`MockState`).

A call with no run (the agent sent no run id) is kept with `run_id` None, for its agent.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from voxtest.storage.tables.base import Base, IdMixin, JsonType, utcnow


class MockToolCall(IdMixin, Base):
    """One call of a mock tool: what was asked, which entry answered, what was returned."""

    __tablename__ = "mock_tool_calls"
    __table_args__ = (Index("ix_mock_tool_calls_run_at", "run_id", "at"),)

    organization_id: Mapped[int] = mapped_column(
        ForeignKey("organizations.id", ondelete="CASCADE"), index=True
    )
    agent_id: Mapped[int] = mapped_column(ForeignKey("agents.id", ondelete="CASCADE"), index=True)
    run_id: Mapped[int | None] = mapped_column(ForeignKey("runs.id", ondelete="CASCADE"))
    tool_id: Mapped[int | None] = mapped_column(ForeignKey("tools.id", ondelete="SET NULL"))
    tool_name: Mapped[str] = mapped_column(String(64))
    call_id: Mapped[str] = mapped_column(String(64))
    """The id the agent gave the call (VAPI `toolCallList[].id`, MCP request id) or ours."""
    via: Mapped[str] = mapped_column(String(16))  # "direct" or "mcp"
    arguments: Mapped[dict[str, Any]] = mapped_column(default=dict)
    result: Mapped[Any] = mapped_column(JsonType, nullable=True)
    match: Mapped[dict[str, Any]] = mapped_column(default=dict)
    """`{entry, exact, source, ignored}` or `{error}`; `operation` for stateful tools."""
    at: Mapped[datetime] = mapped_column(default=utcnow)


class MockState(Base):
    """A run's stateful-mock tables `{table: [row, ...]}`, seeded on its first tool call."""

    __tablename__ = "mock_states"

    run_id: Mapped[int] = mapped_column(ForeignKey("runs.id", ondelete="CASCADE"), primary_key=True)
    tables: Mapped[dict[str, Any]] = mapped_column(default=dict)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

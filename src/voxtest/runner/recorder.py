"""The transcript of a call as it happens, with each reply's latency measured at the channel.

Times are seconds since the call connected. A Main Agent turn's latency is the time from the
caller's latest message being sent to the first frame of the agent's reply (a tool log or
the message itself) arriving; it is stored as `data["latency_ms"]`. Agent messages that
answer no caller message (a greeting, a second message in a row) carry no latency.
Metadata the agent attached is kept as `data["metadata"]`.
"""

from __future__ import annotations

from typing import Any

from voxtest.channels.base import AgentText, ToolCall, ToolResult
from voxtest.domain.transcript import (
    FUNCTION_CALL,
    FUNCTION_CALL_RESULT,
    MAIN_AGENT,
    TESTING_AGENT,
    Transcript,
    Turn,
)


class TranscriptRecorder:
    def __init__(self, call_started_at: float) -> None:
        self.call_started_at = call_started_at
        self.turns: list[Turn] = []
        self.messages = 0  # Testing Agent and Main Agent turns
        self.agent_messages = 0
        self._sent_at: float | None = None  # the caller's latest message still unanswered
        self._reply_started_at: float | None = None

    def transcript(self) -> Transcript:
        return Transcript(tuple(self.turns))

    def caller_message(self, text: str, sent_at: float) -> None:
        self._sent_at, self._reply_started_at = sent_at, None
        if text:
            self._add(TESTING_AGENT, text, sent_at)

    def agent_message(self, event: AgentText) -> None:
        self._reply_frame(event.at)
        data: dict[str, Any] = {}
        if self._reply_started_at is not None and self._sent_at is not None:
            data["latency_ms"] = round((self._reply_started_at - self._sent_at) * 1000, 1)
            self._sent_at, self._reply_started_at = None, None
        if event.metadata:
            data["metadata"] = dict(event.metadata)
        self.agent_messages += 1
        self._add(MAIN_AGENT, event.text, event.at, data)

    def tool_call(self, event: ToolCall) -> None:
        self._reply_frame(event.at)
        data = {"id": event.id, "name": event.name, "arguments": event.arguments}
        self._add(FUNCTION_CALL, "", event.at, data)

    def tool_result(self, event: ToolResult) -> None:
        self._reply_frame(event.at)
        self._add(FUNCTION_CALL_RESULT, "", event.at, {"id": event.id, "result": event.result})

    def _reply_frame(self, at: float) -> None:
        """Note the first agent frame after the caller's latest message."""
        if self._sent_at is not None and self._reply_started_at is None and at >= self._sent_at:
            self._reply_started_at = at

    def _add(self, role: str, content: str, at: float, data: dict[str, Any] | None = None) -> None:
        offset = round(max(0.0, at - self.call_started_at), 3)
        self.turns.append(Turn(role, content, offset, offset, data or {}))
        if role in (TESTING_AGENT, MAIN_AGENT):
            self.messages += 1

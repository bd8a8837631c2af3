"""`ScriptedChannel`: an agent that plays scripted replies on virtual time, and `FakeClock`.

Replies are consumed in order. A reply is released by the caller's next message (`send`
without `end_call`) and arrives `delay_s` later; a reply marked `unprompted` follows the
previous reply (or the connection, at the head of the list: a greeting) without waiting
for the caller. `receive(timeout)` jumps the clock to the next due event, or by `timeout`
when none is due in time, so a 10-minute call runs in microseconds.

    channel = ScriptedChannel(
        [ScriptedReply("Hi, how can I help?", unprompted=True), ScriptedReply("Sure.", 0.3)],
        clock=FakeClock(),
    )
"""

from __future__ import annotations

import asyncio
import heapq
import itertools
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from voxtest.channels.base import (
    AgentEndedCall,
    AgentText,
    ChannelCapabilities,
    ChannelError,
    ChannelEvent,
    Closed,
    ConnectionLost,
    ToolCall,
    ToolResult,
)

CAPABILITIES = ChannelCapabilities(text=True, audio=False, tool_events=True, barge_in=False)


class FakeClock:
    """Virtual monotonic time: `sleep` and `advance` move it instantly."""

    def __init__(self, start: float = 1000.0) -> None:
        self._now = start

    def now(self) -> float:
        return self._now

    async def sleep(self, seconds: float) -> None:
        self.advance(seconds)
        await asyncio.sleep(0)

    def advance(self, seconds: float) -> None:
        self._now += max(0.0, seconds)


@dataclass(frozen=True)
class ScriptedTool:
    id: str
    name: str
    arguments: Any = field(default_factory=dict)
    result: Any = None


@dataclass(frozen=True)
class ScriptedReply:
    """What the agent does once: tool calls (each logged with its result), then `text`
    (None: no message), then hang up (`end_call`) or drop the connection (`drop`)."""

    text: str | None = None
    delay_s: float = 0.0
    tools: tuple[ScriptedTool, ...] = ()
    metadata: Mapping[str, Any] = field(default_factory=dict)
    end_call: bool = False
    drop: bool = False
    unprompted: bool = False


@dataclass(frozen=True)
class SentMessage:
    text: str
    end_call: bool
    at: float


class ScriptedChannel:
    """A first-class fake `Channel` driven by `ScriptedReply`s and a `FakeClock`."""

    capabilities = CAPABILITIES

    def __init__(
        self,
        replies: Iterable[ScriptedReply],
        *,
        clock: FakeClock,
        connect_errors: Sequence[ChannelError] = (),
    ) -> None:
        self.clock = clock
        self.sent: list[SentMessage] = []
        self.connect_attempts = 0
        self.closed = False
        self._replies = list(replies)
        self._connect_errors = list(connect_errors)
        self._due: list[tuple[float, int, ChannelEvent]] = []  # heap by due time
        self._order = itertools.count()
        self._ended: Closed | None = None

    @property
    def address(self) -> str:
        return "scripted://agent"

    async def connect(self) -> None:
        self.connect_attempts += 1
        if self._connect_errors:
            raise self._connect_errors.pop(0)
        self._release_unprompted(self.clock.now())

    async def send(self, text: str, *, end_call: bool = False) -> float:
        if self.closed or self._ended is not None:
            raise ConnectionLost("The call is not connected.")
        at = self.clock.now()
        self.sent.append(SentMessage(text, end_call, at))
        if not end_call and self._replies:
            reply = self._replies.pop(0)
            self._schedule(reply, at + reply.delay_s)
            self._release_unprompted(at + reply.delay_s)
        return at

    async def receive(self, timeout: float) -> ChannelEvent | None:  # noqa: ASYNC109 (virtual time)
        await asyncio.sleep(0)
        if self._ended is not None:
            return self._ended
        deadline = self.clock.now() + max(0.0, timeout)
        if not self._due or self._due[0][0] > deadline:
            self.clock.advance(deadline - self.clock.now())
            return None
        due, _, event = heapq.heappop(self._due)
        self.clock.advance(due - self.clock.now())
        if isinstance(event, Closed):
            self._ended = event
        return event

    async def close(self) -> None:
        self.closed = True

    # -- scheduling ------------------------------------------------------------------------

    def _release_unprompted(self, after: float) -> None:
        while self._replies and self._replies[0].unprompted:
            reply = self._replies.pop(0)
            after += reply.delay_s
            self._schedule(reply, after)

    def _schedule(self, reply: ScriptedReply, at: float) -> None:
        for event in _events_of(reply, at):
            heapq.heappush(self._due, (at, next(self._order), event))


def _events_of(reply: ScriptedReply, at: float) -> list[ChannelEvent]:
    events: list[ChannelEvent] = []
    for tool in reply.tools:
        events += [
            ToolCall(tool.id, tool.name, tool.arguments, at),
            ToolResult(tool.id, tool.result, at),
        ]
    if reply.text is not None:
        events.append(AgentText(reply.text, dict(reply.metadata), at))
    if reply.end_call:
        events.append(AgentEndedCall(at))
    if reply.drop:
        events.append(Closed(1006, "the connection dropped", at))
    return events

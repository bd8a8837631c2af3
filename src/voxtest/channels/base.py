"""The `Channel` protocol every transport to an agent under test implements, and its events.

A channel is one call: `connect()`, then `send()` the caller's messages and `receive()` what
the agent does, then `close()`. Every instant (the send instant `send` returns, each event's
`at`) is read from the injected `Clock`, so a runner can measure latency and the tests can
run on virtual time.

    ChannelError(message, retryable)
     ├── ConnectRefused   the agent refused us (HTTP 401/403): a wrong secret, never retried
     ├── InvalidAddress   the URL cannot be dialled as given, never retried
     ├── Unreachable      no answer, connection refused, timeout, 5xx: worth retrying
     └── ConnectionLost   the connection broke while sending
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol, TypeAlias

from voxtest.errors import VoxtestError

# -- time ------------------------------------------------------------------------------------


class Clock(Protocol):
    """Monotonic seconds, and waiting on them (virtual in tests)."""

    def now(self) -> float: ...

    async def sleep(self, seconds: float) -> None: ...


class SystemClock:
    """The event loop's real monotonic time."""

    def now(self) -> float:
        return time.monotonic()

    async def sleep(self, seconds: float) -> None:
        await asyncio.sleep(max(0.0, seconds))


# -- capabilities and events -----------------------------------------------------------------


@dataclass(frozen=True)
class ChannelCapabilities:
    text: bool
    audio: bool
    tool_events: bool  # the agent reports its tool calls on the channel
    barge_in: bool  # either side can interrupt the other


@dataclass(frozen=True)
class AgentText:
    """A message from the agent; `metadata` merges any metadata-only frames before it."""

    text: str
    metadata: Mapping[str, Any] = field(default_factory=dict)
    at: float = 0.0


@dataclass(frozen=True)
class ToolCall:
    id: str
    name: str
    arguments: Any
    at: float = 0.0


@dataclass(frozen=True)
class ToolResult:
    id: str
    result: Any
    at: float = 0.0


@dataclass(frozen=True)
class AgentEndedCall:
    at: float = 0.0


@dataclass(frozen=True)
class Closed:
    """The connection is over. `code` is the websocket close code (1006: dropped, no close
    frame); once closed, `receive` keeps returning this event."""

    code: int
    reason: str = ""
    at: float = 0.0

    @property
    def normal(self) -> bool:
        return self.code in (1000, 1001)


ChannelEvent: TypeAlias = AgentText | ToolCall | ToolResult | AgentEndedCall | Closed


# -- errors ----------------------------------------------------------------------------------


class ChannelError(VoxtestError):
    """A transport failure, worded for the user; `retryable` says whether to dial again."""

    def __init__(self, message: str, retryable: bool) -> None:
        super().__init__(message)
        self.message = message
        self.retryable = retryable


class ConnectRefused(ChannelError):
    def __init__(self, message: str) -> None:
        super().__init__(message, retryable=False)


class InvalidAddress(ChannelError):
    def __init__(self, message: str) -> None:
        super().__init__(message, retryable=False)


class Unreachable(ChannelError):
    def __init__(self, message: str) -> None:
        super().__init__(message, retryable=True)


class ConnectionLost(ChannelError):
    def __init__(self, message: str) -> None:
        super().__init__(message, retryable=False)


# -- the protocol ----------------------------------------------------------------------------


class Channel(Protocol):
    """One call to the agent under test."""

    @property
    def capabilities(self) -> ChannelCapabilities: ...

    @property
    def address(self) -> str:
        """Where the channel dials, for messages to the user (no secrets)."""
        ...

    async def connect(self) -> None:
        """Open the call; raises ChannelError. May be called again after a failure."""

    async def send(self, text: str, *, end_call: bool = False) -> float:
        """Send the caller's message (hanging up with it when `end_call`); returns the send
        instant on the channel's clock. Raises ConnectionLost if the call is gone."""
        ...

    async def receive(self, timeout: float) -> ChannelEvent | None:  # noqa: ASYNC109 (virtual time)
        """The next event, or None when `timeout` seconds pass without one."""
        ...

    async def close(self) -> None:
        """Hang up and release the connection; idempotent."""

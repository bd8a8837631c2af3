"""What a run said so far, kept outside the conversation so a cancelled run still has it.

`LiveChannel` wraps the channel a text conversation talks through and records every message
and tool frame that passes. When a user ends the call (`end_call/`) the conversation's task
is cancelled mid-await; its own transcript dies with it, this one is stored (`cancelled`).
A voice run instead hands `Watch.hold` a reader of its call (transcript, closed recording
and timing record), read the same way.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from voxtest.channels.base import (
    AgentText,
    Channel,
    ChannelCapabilities,
    ChannelEvent,
    Clock,
    SystemClock,
    ToolCall,
    ToolResult,
)
from voxtest.runner.recorder import TranscriptRecorder
from voxtest.runs.store import RUN_CANCELLED_BY_USER, Finished

ChannelFactory = Callable[[], Channel]

CANCELLED_MESSAGE = "The run was cancelled by a user."


class LiveChannel:
    """A `Channel` that forwards to `inner` and records the conversation as it goes."""

    def __init__(self, inner: Channel, clock: Clock | None = None) -> None:
        self.inner = inner
        self.clock = clock or SystemClock()
        self.recorder: TranscriptRecorder | None = None  # set once connected
        self.connected_wall: float | None = None  # wall-clock seconds at connection

    @property
    def capabilities(self) -> ChannelCapabilities:
        return self.inner.capabilities

    @property
    def address(self) -> str:
        return self.inner.address

    async def connect(self) -> None:
        await self.inner.connect()
        self.recorder = TranscriptRecorder(self.clock.now())
        self.connected_wall = time.time()  # tool calls served elsewhere are placed from it

    async def send(self, text: str, *, end_call: bool = False) -> float:
        sent_at = await self.inner.send(text, end_call=end_call)
        if self.recorder is not None:
            self.recorder.caller_message(text, sent_at)
        return sent_at

    async def receive(self, timeout: float) -> ChannelEvent | None:  # noqa: ASYNC109 (virtual time)
        event = await self.inner.receive(timeout)
        if self.recorder is not None:
            _record(self.recorder, event)
        return event

    async def close(self) -> None:
        await self.inner.close()

    def cancelled(self) -> Finished:
        """The run as it stood when a user cancelled it."""
        recorder = self.recorder
        duration = round(self.clock.now() - recorder.call_started_at, 3) if recorder else 0.0
        transcript = recorder.transcript().to_cekura() if recorder else []
        return cancelled(transcript, duration, connected=recorder is not None)


class Watch:
    """Opens a run's channel as a `LiveChannel` and keeps it, to read the transcript of a
    run that is cancelled."""

    def __init__(self) -> None:
        self.channel: LiveChannel | None = None
        self.voice: Callable[[], Finished] | None = None

    def hold(self, read: Callable[[], Finished]) -> None:
        """A voice call is up: `read()` says what it had said, as a cancelled run."""
        self.voice = read

    def wrap(self, open_channel: ChannelFactory) -> ChannelFactory:
        def opened() -> Channel:
            self.channel = LiveChannel(open_channel())
            return self.channel

        return opened

    def connected_wall(self) -> float | None:
        """When the latest channel connected, on the wall clock (None: it never did)."""
        return self.channel.connected_wall if self.channel is not None else None

    async def cancelled(self) -> Finished:
        """Close the channel (idempotent: the conversation may have closed it) and say what
        the run had said."""
        if self.voice is not None:  # the call's own task closed its socket and recording
            return self.voice()
        if self.channel is None:
            return cancelled()
        await self.channel.close()
        return self.channel.cancelled()


def _record(recorder: TranscriptRecorder, event: ChannelEvent | None) -> None:
    if isinstance(event, AgentText):
        recorder.agent_message(event)
    elif isinstance(event, ToolCall):
        recorder.tool_call(event)
    elif isinstance(event, ToolResult):
        recorder.tool_result(event)


def cancelled(
    transcript: list[dict[str, Any]] | None = None,
    duration_s: float = 0.0,
    *,
    connected: bool = False,
) -> Finished:
    """A run a user cancelled (`run-cancelled-by-user`), with what it said before."""
    return Finished(
        status="cancelled",
        ended_reason=RUN_CANCELLED_BY_USER,
        error_message=CANCELLED_MESSAGE,
        duration_s=duration_s,
        transcript=list(transcript or []),
        details={"ended_reason": RUN_CANCELLED_BY_USER, "connected": connected},
    )

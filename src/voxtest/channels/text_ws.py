"""Cekura's self-hosted chat websocket as a `Channel` (frames from `protocols.chat_ws`).

A reader task owned by the channel timestamps every frame the moment it arrives, so latency
is measured at the socket even when the runner is busy (judging, paraphrasing). The
keepalive (ping every 30 s, 10 s pong timeout) is the websockets library's, set from the
protocol's constants.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from websockets.asyncio.client import ClientConnection
from websockets.exceptions import (
    ConnectionClosed,
)

from voxtest.channels.base import (
    AgentEndedCall,
    AgentText,
    ChannelCapabilities,
    ChannelEvent,
    Clock,
    Closed,
    ConnectionLost,
    InvalidAddress,
    SystemClock,
    ToolCall,
    ToolResult,
)
from voxtest.channels.dialing import (
    CLOSE_ABNORMAL,
    Wording,
    close_of,
    open_websocket,
)
from voxtest.protocols import chat_ws
from voxtest.protocols.chat_ws import (
    Content,
    EndCall,
    FrameError,
    FunctionCall,
    FunctionCallResult,
    MetadataOnly,
)
from voxtest.urls import url_problem

CAPABILITIES = ChannelCapabilities(text=True, audio=False, tool_events=True, barge_in=False)

WORDING = Wording(
    "websocket", f"the secret ({chat_ws.HEADER_SECRET}) and headers configured for this agent"
)


@dataclass(frozen=True)
class RunIds:
    """What the agent learns about the run from the `X-VOCERA-*` headers."""

    scenario_id: str | None = None
    result_id: str | None = None
    run_id: str | None = None


def connection_headers(
    *,
    agent_headers: Mapping[str, str] | None = None,
    profile_variables: Mapping[str, Any] | None = None,
    secret: str | None = None,
    ids: RunIds | None = None,
) -> dict[str, str]:
    """The upgrade headers: the agent's own, test-profile keys starting with `X-`, then the
    `X-VOCERA-*` ones (which nothing else may override)."""
    headers = dict(agent_headers or {})
    for key, value in (profile_variables or {}).items():
        if key.upper().startswith("X-") and value is not None:
            headers[key] = str(value)
    ids = ids or RunIds()
    vocera = {
        chat_ws.HEADER_SECRET: secret,
        chat_ws.HEADER_SCENARIO_ID: ids.scenario_id,
        chat_ws.HEADER_RESULT_ID: ids.result_id,
        chat_ws.HEADER_RUN_ID: ids.run_id,
    }
    lowered = {name.lower() for name in vocera}
    headers = {k: v for k, v in headers.items() if k.lower() not in lowered}
    headers.update({name: value for name, value in vocera.items() if value is not None})
    return headers


class TextWebsocketChannel:
    """One chat over Cekura's websocket protocol to the agent at `url` (ws:// or wss://)."""

    capabilities = CAPABILITIES

    def __init__(
        self,
        url: str,
        *,
        headers: Mapping[str, str] | None = None,
        secret: str | None = None,
        ids: RunIds | None = None,
        profile_variables: Mapping[str, Any] | None = None,
        clock: Clock | None = None,
        open_timeout_s: float = 10.0,
        ping_interval_s: float = chat_ws.PING_INTERVAL_SECONDS,
        ping_timeout_s: float = chat_ws.PING_TIMEOUT_SECONDS,
        allow_private: bool = True,
    ) -> None:
        self.url = url
        self.headers = connection_headers(
            agent_headers=headers, profile_variables=profile_variables, secret=secret, ids=ids
        )
        self.clock: Clock = clock or SystemClock()
        self.open_timeout_s = open_timeout_s
        self.allow_private = allow_private
        self.ping_interval_s = ping_interval_s
        self.ping_timeout_s = ping_timeout_s
        self._ws: ClientConnection | None = None
        self._reader: asyncio.Task[None] | None = None
        self._events: asyncio.Queue[ChannelEvent] = asyncio.Queue()
        self._closed: Closed | None = None
        self._metadata: dict[str, Any] = {}  # from metadata-only frames, for the next message

    @property
    def address(self) -> str:
        return self.url

    async def connect(self) -> None:
        problem = url_problem(self.url, schemes=("ws", "wss"))
        if problem is not None:
            raise InvalidAddress(f"The agent's websocket URL is not usable: {problem}")
        self._ws = await self._open()
        self._events, self._closed, self._metadata = asyncio.Queue(), None, {}
        self._reader = asyncio.create_task(self._read_frames(self._ws))

    async def send(self, text: str, *, end_call: bool = False) -> float:
        if self._closed is not None:
            code, reason = self._closed.code, self._closed.reason
            raise ConnectionLost(f"The agent's connection closed (code {code}: {reason}).")
        if self._ws is None:
            raise ConnectionLost("The call is not connected.")
        frame = chat_ws.end_call_frame(text) if end_call else chat_ws.content_frame(text)
        try:
            await self._ws.send(frame)
        except ConnectionClosed as exc:
            raise ConnectionLost(f"The agent's connection closed ({_describe(exc)}).") from None
        return self.clock.now()

    async def receive(self, timeout: float) -> ChannelEvent | None:  # noqa: ASYNC109 (virtual time)
        if not self._events.empty():
            return self._events.get_nowait()
        if self._closed is not None:
            return self._closed
        try:
            return await asyncio.wait_for(self._events.get(), max(0.0, timeout))
        except TimeoutError:
            return None

    async def close(self) -> None:
        ws, reader = self._ws, self._reader
        if ws is not None:
            await ws.close(chat_ws.CLOSE_NORMAL, "call ended by caller")
        if reader is not None:
            reader.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await reader
        self._ws, self._reader = None, None

    # -- connecting ------------------------------------------------------------------------

    async def _open(self) -> ClientConnection:
        return await open_websocket(
            self.url,
            dict(self.headers),
            self.open_timeout_s,
            WORDING,
            allow_private=self.allow_private,
            ping_interval=self.ping_interval_s,
            ping_timeout=self.ping_timeout_s,
            close_timeout=chat_ws.END_CALL_GRACE_SECONDS,
        )

    # -- reading ---------------------------------------------------------------------------

    async def _read_frames(self, ws: ClientConnection) -> None:
        """Turn frames into timestamped events until the connection ends."""
        code, reason = CLOSE_ABNORMAL, "the connection dropped"
        try:
            async for message in ws:
                at = self.clock.now()
                try:
                    frame = chat_ws.parse_frame(message)
                except FrameError as exc:
                    code, reason = chat_ws.CLOSE_INVALID_FRAME, f"invalid frame from agent: {exc}"
                    await ws.close(code, reason[:120])
                    break
                for event in self._events_of(frame, at):
                    self._events.put_nowait(event)
            else:
                code, reason = ws.close_code or CLOSE_ABNORMAL, ws.close_reason or ""
        except ConnectionClosed as exc:
            code, reason = close_of(exc, "the connection dropped")
        except Exception as exc:  # a bug here must still end the call visibly
            code, reason = 1011, f"the caller failed reading frames: {exc!r}"[:120]
            await ws.close(code, reason)
        self._closed = Closed(code, reason, self.clock.now())
        self._events.put_nowait(self._closed)

    def _events_of(self, frame: chat_ws.Frame, at: float) -> list[ChannelEvent]:
        if isinstance(frame, MetadataOnly):
            self._metadata.update(frame.metadata)
            return []
        if isinstance(frame, Content):
            metadata = {**self._metadata, **(frame.metadata or {})}
            self._metadata = {}
            return [AgentText(frame.text, metadata, at)]
        if isinstance(frame, FunctionCall):
            return [ToolCall(frame.id, frame.name, frame.arguments, at)]
        if isinstance(frame, FunctionCallResult):
            return [ToolResult(frame.id, frame.result, at)]
        last_words: list[ChannelEvent] = []
        if isinstance(frame, EndCall) and frame.content:
            last_words.append(AgentText(frame.content, self._metadata, at))
        return [*last_words, AgentEndedCall(at)]


def _describe(exc: ConnectionClosed) -> str:
    code, reason = close_of(exc, "the connection dropped")
    return f"code {code}{': ' + reason if reason else ''}"

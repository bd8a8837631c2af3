"""CHIRP, Cekura's raw-PCM voice websocket, as an `AudioChannel` (wire format in
`protocols.chirp`).

Binary frames are `pcm_s16le` 16 kHz mono audio both ways; text frames are JSON events. A
reader task owned by the channel stamps every frame on the caller's clock the moment it
arrives. An event the agent sends that is not valid CHIRP is answered with `session.error`
(the call goes on). Close codes become `Closed` reasons a user can act on.

`dial` connects with CHIRP's bounded retries and says the outcome: REJECTED (HTTP 401/403 on
the upgrade, never retried), INCOMPLETED (unreachable after `MAX_RETRIES` retries with
back-off), or connected (the call's own end decides COMPLETED vs INCOMPLETED).
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Mapping
from dataclasses import dataclass

from websockets.asyncio.client import ClientConnection
from websockets.exceptions import ConnectionClosed

from voxtest.channels.audio import (
    AgentAudio,
    AgentError,
    AgentSpeechEvent,
    AudioChannel,
    AudioEvent,
)
from voxtest.channels.base import (
    ChannelCapabilities,
    ChannelError,
    Clock,
    Closed,
    ConnectionLost,
    ConnectRefused,
    InvalidAddress,
    SystemClock,
)
from voxtest.channels.dialing import (
    CLOSE_ABNORMAL,
    Wording,
    close_of,
    open_websocket,
)
from voxtest.protocols import chirp
from voxtest.urls import url_problem

CAPABILITIES = ChannelCapabilities(text=False, audio=True, tool_events=False, barge_in=True)
CLOSE_MEANINGS = {
    chirp.CLOSE_NORMAL: "the call ended normally",
    chirp.CLOSE_POLICY_VIOLATION: "the agent closed for a policy violation (bad auth or protocol)",
    chirp.CLOSE_INTERNAL_ERROR: "the agent closed on an internal error",
    CLOSE_ABNORMAL: "the connection dropped without a close frame",
}

WORDING = Wording("CHIRP", "the agent's telephony.websocket_auth username and password", "call")


def close_reason(code: int, reason: str) -> str:
    """A close code and the agent's reason, in words."""
    meaning = CLOSE_MEANINGS.get(code, f"closed with code {code}")
    return f"{meaning}: {reason}" if reason else meaning


@dataclass(frozen=True)
class BasicAuth:
    username: str
    password: str


class ChirpChannel:
    """One CHIRP call to the agent at `url` (ws:// or wss://)."""

    capabilities = CAPABILITIES

    def __init__(
        self,
        url: str,
        *,
        auth: BasicAuth | None = None,
        headers: Mapping[str, str] | None = None,
        clock: Clock | None = None,
        open_timeout_s: float = 10.0,
        allow_private: bool = True,
    ) -> None:
        self.url = url
        self.headers = dict(headers or {})
        if auth is not None:
            self.headers.update(chirp.basic_auth_header(auth.username, auth.password))
        self.clock: Clock = clock or SystemClock()
        self.open_timeout_s = open_timeout_s
        self.allow_private = allow_private
        self.errors_answered = 0  # invalid agent events answered with session.error
        self._ws: ClientConnection | None = None
        self._reader: asyncio.Task[None] | None = None
        self._events: asyncio.Queue[AudioEvent] = asyncio.Queue()
        self._closed: Closed | None = None

    @property
    def address(self) -> str:
        return self.url

    async def connect(self) -> None:
        problem = url_problem(self.url, schemes=("ws", "wss"))
        if problem is not None:
            raise InvalidAddress(f"The agent's CHIRP websocket URL is not usable: {problem}")
        self._ws = await self._open()
        self._events, self._closed = asyncio.Queue(), None
        self._reader = asyncio.create_task(self._read_frames(self._ws))

    async def send_audio(self, pcm: bytes) -> float:
        problem = chirp.audio_frame_problem(pcm)
        if problem is not None:
            raise ValueError(problem)
        if self._closed is not None:
            raise ConnectionLost(f"The agent's connection closed ({self._describe_closed()}).")
        if self._ws is None:
            raise ConnectionLost("The call is not connected.")
        at = self.clock.now()
        try:
            await self._ws.send(pcm)
        except ConnectionClosed as exc:
            code, reason = close_of(exc)
            raise ConnectionLost(f"The agent's connection closed ({close_reason(code, reason)}).")
        return at

    async def receive(self, timeout: float) -> AudioEvent | None:  # noqa: ASYNC109 (virtual time)
        if not self._events.empty():
            return self._events.get_nowait()
        if self._closed is not None:
            return self._closed
        try:  # asyncio.timeout, not wait_for: no task per frame (it runs 50 times a second)
            async with asyncio.timeout(max(0.0, timeout)):
                return await self._events.get()
        except TimeoutError:
            return None

    def pending(self) -> list[AudioEvent]:
        """Every event already received, without waiting."""
        events: list[AudioEvent] = []
        while not self._events.empty():
            events.append(self._events.get_nowait())
        return events

    async def close(self) -> None:
        ws, reader = self._ws, self._reader
        if ws is not None:
            await ws.close(chirp.CLOSE_NORMAL, "call ended by caller")
        if reader is not None:
            reader.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await reader
        self._ws, self._reader = None, None

    def _describe_closed(self) -> str:
        assert self._closed is not None
        return close_reason(self._closed.code, self._closed.reason)

    # -- connecting ------------------------------------------------------------------------

    async def _open(self) -> ClientConnection:
        return await open_websocket(
            self.url,
            dict(self.headers),
            self.open_timeout_s,
            WORDING,
            allow_private=self.allow_private,
            max_size=2**20,
            compression=None,  # raw PCM does not compress; deflate costs CPU per frame
            close_timeout=2.0,
        )

    # -- reading ---------------------------------------------------------------------------

    async def _read_frames(self, ws: ClientConnection) -> None:
        code, reason = CLOSE_ABNORMAL, ""
        try:
            async for message in ws:
                at = self.clock.now()
                if isinstance(message, bytes):
                    await self._on_audio(ws, message, at)
                else:
                    await self._on_event(ws, message, at)
            code, reason = ws.close_code or CLOSE_ABNORMAL, ws.close_reason or ""
        except ConnectionClosed as exc:
            code, reason = close_of(exc)
        except Exception as exc:  # a bug here must still end the call visibly
            code, reason = chirp.CLOSE_INTERNAL_ERROR, f"the caller failed reading: {exc!r}"[:120]
            await ws.close(code, reason)
        self._closed = Closed(code, reason, self.clock.now())
        self._events.put_nowait(self._closed)

    async def _on_audio(self, ws: ClientConnection, frame: bytes, at: float) -> None:
        problem = chirp.audio_frame_problem(frame)
        if problem is None:
            self._events.put_nowait(AgentAudio(frame, at))
        else:
            await self._answer_error(ws, chirp.INVALID_AUDIO_FRAME, problem)

    async def _on_event(self, ws: ClientConnection, text: str, at: float) -> None:
        try:
            event = chirp.parse_event(text)
        except chirp.EventError as exc:
            await self._answer_error(ws, exc.code, str(exc))
            return
        data = dict(event.data)
        if event.type == chirp.SESSION_ERROR:
            self._events.put_nowait(AgentError(str(data["code"]), str(data.get("message", "")), at))
            return
        kind = "started" if event.type == chirp.SPEECH_STARTED else "completed"
        utterance = data.get("utterance_id")
        self._events.put_nowait(
            AgentSpeechEvent(kind, str(utterance) if utterance is not None else None, at, data)
        )

    async def _answer_error(self, ws: ClientConnection, code: str, message: str) -> None:
        self.errors_answered += 1
        with contextlib.suppress(ConnectionClosed):
            await ws.send(chirp.session_error(code, message[:200]).to_json())


# -- dialling with CHIRP's retries -----------------------------------------------------------


@dataclass(frozen=True)
class Dialled:
    """How dialling went: connected, or the outcome and why not."""

    connected: bool
    attempts: int
    outcome: chirp.Outcome | None = None  # REJECTED / INCOMPLETED when not connected
    error: str | None = None


async def dial(
    channel: AudioChannel,
    clock: Clock,
    *,
    retries: int = chirp.MAX_RETRIES,
    backoff_s: float = 0.5,
) -> Dialled:
    """Connect, retrying retryable failures `retries` times with doubling back-off."""
    last = ""
    for attempt in range(1, retries + 2):
        if attempt > 1:
            await clock.sleep(backoff_s * 2 ** (attempt - 2))
        try:
            await channel.connect()
            return Dialled(True, attempt)
        except ConnectRefused as exc:
            return Dialled(False, attempt, chirp.REJECTED, exc.message)
        except ChannelError as exc:
            if not exc.retryable:
                return Dialled(False, attempt, chirp.INCOMPLETED, exc.message)
            last = exc.message
    tries = retries + 1
    return Dialled(False, tries, chirp.INCOMPLETED, f"{last} Gave up after {tries} attempts.")

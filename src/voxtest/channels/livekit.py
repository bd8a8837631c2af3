"""`LiveKitChannel`: a voice call to an agent in a LiveKit room (an `AudioChannel`).

`connect()` does what a LiveKit call needs, in order:
1. checks the server's address (public hosts only unless `allow_private_urls`);
2. creates the room and dispatches the named agent into it (`livekit_server`, server SDK);
3. mints the caller's token and joins as the caller, publishing a microphone track
   (`RoomConnector`: the real-time SDK in production, `livekit_fake` in tests);
4. waits for the agent to be in the room, then publishes `publish_data_message` as a
   reliable data packet (strings as UTF-8, anything else as JSON).

Then `send_audio` publishes caller frames (16 kHz mono) and `receive` maps the room:
the agent's audio -> `AgentAudio` (16 kHz mono, `livekit_audio`), its `lk.agent.state`
entering/leaving `speaking` -> `AgentSpeechEvent` started/completed, the agent leaving ->
`Closed(1000)`, the room ending -> `Closed(1000)`, the connection failing -> `Closed(1006)`.
`close()` leaves and deletes the room.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import uuid
from collections import deque
from urllib.parse import urlsplit

from voxtest import net
from voxtest.channels.audio import AgentAudio, AgentSpeechEvent, AudioEvent
from voxtest.channels.base import (
    ChannelCapabilities,
    ChannelError,
    Clock,
    Closed,
    ConnectionLost,
    InvalidAddress,
    SystemClock,
    Unreachable,
)
from voxtest.channels.livekit_audio import AgentAudioConverter, caller_frame
from voxtest.channels.livekit_server import LiveKitServer, LiveKitTarget, caller_token
from voxtest.channels.livekit_transport import (
    AttributesChanged,
    AudioReceived,
    ParticipantJoined,
    ParticipantLeft,
    RoomClosed,
    RoomConnection,
    RoomConnector,
    RoomEvent,
)
from voxtest.domain.livekit_agent import STATE_ATTRIBUTE, AgentSpeech
from voxtest.urls import url_problem

CAPABILITIES = ChannelCapabilities(text=False, audio=True, tool_events=False, barge_in=True)
CALLER_IDENTITY = "voxtest-caller"
DATA_TOPIC = "voxtest"


def data_payload(message: object) -> bytes:
    """`publish_data_message` as the bytes of the data packet."""
    if isinstance(message, str):
        return message.encode()
    return json.dumps(message, separators=(",", ":")).encode()


class LiveKitChannel:
    """One call in a room of its own (`room` defaults to a fresh `voxtest-<hex>` name)."""

    def __init__(
        self,
        target: LiveKitTarget,
        connector: RoomConnector,
        *,
        clock: Clock | None = None,
        room: str | None = None,
        metadata: dict[str, str] | None = None,
        join_timeout_s: float = 20.0,
        allow_private: bool = False,
    ) -> None:
        self.target = target
        self.connector = connector
        self.clock = clock or SystemClock()
        self.room = room or f"voxtest-{uuid.uuid4().hex[:16]}"
        self.metadata = json.dumps(metadata or {}, sort_keys=True)
        self.join_timeout_s = join_timeout_s
        self.allow_private = allow_private
        self.agent_identity: str | None = None
        self._server: LiveKitServer | None = None
        self._connection: RoomConnection | None = None
        self._pending: deque[RoomEvent] = deque()
        self._out: deque[AudioEvent] = deque()  # mapped, not yet returned
        self._speech = AgentSpeech()
        self._audio = AgentAudioConverter()
        self._closed: Closed | None = None

    @property
    def capabilities(self) -> ChannelCapabilities:
        return CAPABILITIES

    @property
    def address(self) -> str:
        return f"{self.target.url} (room {self.room})"

    async def connect(self) -> None:
        await self.close()
        self._closed, self._pending, self._out = None, deque(), deque()
        self._speech, self._audio = AgentSpeech(), AgentAudioConverter()
        await _check_address(self.target.url, self.allow_private)
        self._server = LiveKitServer(self.target)
        try:
            await self._server.create_room(self.room)
            await self._server.dispatch(self.room, self.metadata)
            token = caller_token(self.target, self.room, CALLER_IDENTITY)
            self._connection = await self.connector.connect(self.target.url, token)
            await self._await_agent()
            if self.target.publish_data_message is not None:
                payload = data_payload(self.target.publish_data_message)
                await self._connection.publish_data(payload, topic=DATA_TOPIC)
        except BaseException:
            await self.close()
            raise

    async def send_audio(self, pcm: bytes) -> float:
        if self._connection is None or self._closed is not None:
            raise ConnectionLost("The LiveKit call is over.")
        await self._connection.publish_audio(caller_frame(pcm))
        return self.clock.now()

    async def receive(self, timeout: float) -> AudioEvent | None:  # noqa: ASYNC109 (virtual time)
        deadline = self.clock.now() + timeout
        while not self._out and self._closed is None:
            event = await self._next(deadline - self.clock.now())
            if event is None:
                return None
            self._out.extend(self._map(event))
        return self._out.popleft() if self._out else self._closed

    async def close(self) -> None:
        connection, self._connection = self._connection, None
        server, self._server = self._server, None
        if connection is not None:
            await connection.disconnect()
        if server is not None:
            with contextlib.suppress(ChannelError):  # the room times out empty anyway
                await server.delete_room(self.room)
            await server.aclose()
        if self._closed is None and connection is not None:
            self._closed = Closed(1000, "the caller hung up", at=self.clock.now())

    # -- internals ----------------------------------------------------------------------------

    async def _await_agent(self) -> None:
        """Read the room until an agent is in it; what came before it is kept for receive."""
        deadline = self.clock.now() + self.join_timeout_s
        seen: list[RoomEvent] = []
        while self.agent_identity is None:
            event = await self._next(deadline - self.clock.now())
            if event is None:
                name = self.target.agent_name
                raise Unreachable(
                    f"No agent joined LiveKit room {self.room} within {self.join_timeout_s:g} s"
                    + (f" (dispatched {name!r})." if name else ".")
                )
            if isinstance(event, RoomClosed):
                why = event.reason
                raise Unreachable(f"The LiveKit room closed before the agent joined: {why}")
            if isinstance(event, ParticipantJoined) and event.agent:
                self.agent_identity = event.identity
            seen.append(event)
        self._pending.extend(seen)

    async def _next(self, timeout: float) -> RoomEvent | None:  # noqa: ASYNC109
        if self._pending:
            return self._pending.popleft()
        if self._connection is None or timeout <= 0:
            return None
        try:
            return await asyncio.wait_for(self._connection.next_event(), timeout)
        except TimeoutError:
            return None

    def _map(self, event: RoomEvent) -> list[AudioEvent]:
        """What a room event means for the call. The end of an utterance (or of the call)
        first flushes the audio the resampler still holds."""
        now = self.clock.now()
        if isinstance(event, RoomClosed):
            self._closed = Closed(1000 if event.normal else 1006, event.reason, at=now)
            return [*self._tail(now), self._closed]
        if getattr(event, "identity", None) != self.agent_identity:
            return []  # another participant (a second agent's audio is not this call's)
        if isinstance(event, AudioReceived):
            pcm = self._audio.convert(event.frame)
            return [AgentAudio(pcm, at=now)] if pcm else []
        if isinstance(event, ParticipantJoined | AttributesChanged):
            state = event.attributes.get(STATE_ATTRIBUTE)
            change = self._speech.update(state)
            if change is None:
                return []
            utterance = self._speech.utterance_id
            speech = AgentSpeechEvent(change, utterance, at=now, data={"state": state})
            return [*self._tail(now), speech] if change == "completed" else [speech]
        if isinstance(event, ParticipantLeft):
            self._closed = Closed(1000, "the agent left the room", at=now)
            return [*self._tail(now), self._closed]
        return []

    def _tail(self, now: float) -> list[AudioEvent]:
        pcm = self._audio.flush()
        return [AgentAudio(pcm, at=now)] if pcm else []


async def _check_address(url: str, allow_private: bool) -> None:
    """The server is dialled only at a valid ws(s)/http(s) URL of a public host (unless
    private addresses are allowed)."""
    problem = url_problem(url, schemes=("ws", "wss", "http", "https"))
    if problem:
        raise InvalidAddress(f"The LiveKit URL {url!r} cannot be dialled: {problem}")
    if allow_private:
        return
    host = urlsplit(url).hostname or ""
    try:
        await net.resolve(host, None, allow_private=False, setting=net.PRIVATE_AGENT_URLS_SETTING)
    except net.Unresolvable as exc:
        raise Unreachable(f"{exc} (the LiveKit server)") from None
    except net.DialFailed as exc:
        raise InvalidAddress(str(exc)) from None

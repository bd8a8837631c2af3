"""`FakeLiveKit`: an in-process LiveKit room with a scripted agent, for tests (a
`RoomConnector`, like httpx's MockTransport).

The agent joins as a participant of kind agent, says its greeting (if any), and answers each
caller turn: once the caller has sent voiced audio followed by `silence_frames` silent
frames, it goes `thinking` -> `speaking`, sends `reply_ms` of a tone as 10 ms frames at
48 kHz stereo (as WebRTC delivers them), then `listening`. After `leave_after` replies it
leaves the room. Everything it received is recorded: tokens, caller frames, data packets.

    fake = FakeLiveKit(FakeAgent(greeting_ms=200, reply_ms=300, leave_after=2))
    channel = LiveKitChannel(target, fake, allow_private=True)
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field

import numpy as np
from livekit import rtc

from voxtest.channels.base import ConnectionLost, ConnectRefused
from voxtest.channels.livekit_transport import (
    AttributesChanged,
    AudioReceived,
    ParticipantJoined,
    ParticipantLeft,
    RoomClosed,
    RoomEvent,
)
from voxtest.domain.livekit_agent import STATE_ATTRIBUTE

AGENT_IDENTITY = "agent-AJ_fake"
AGENT_RATE, AGENT_CHANNELS, AGENT_FRAME_MS = 48_000, 2, 10
VOICED_RMS = 200.0


@dataclass
class FakeAgent:
    greeting_ms: int = 0
    reply_ms: int = 200
    silence_frames: int = 3  # caller frames of silence that end a caller turn
    leave_after: int | None = None  # replies, then the agent leaves
    joins: bool = True
    tone_hz: float = 440.0
    also_in_room: tuple[str, ...] = ()  # other (non-agent) participants already there


@dataclass
class FakeLiveKit:
    """The connector; `rooms` are the connections it made, newest last."""

    agent: FakeAgent = field(default_factory=FakeAgent)
    refuse: bool = False
    rooms: list[FakeRoom] = field(default_factory=list)

    async def connect(self, url: str, token: str) -> FakeRoom:
        if self.refuse:
            raise ConnectRefused("The fake LiveKit room refused the token.")
        room = FakeRoom(self.agent, url, token)
        self.rooms.append(room)
        room.start()
        return room


class FakeRoom:
    """One joined room: the caller's side, and the scripted agent in it."""

    def __init__(self, agent: FakeAgent, url: str, token: str) -> None:
        self.agent, self.url, self.token = agent, url, token
        self.events: asyncio.Queue[RoomEvent] = asyncio.Queue()
        self.caller_frames: list[rtc.AudioFrame] = []
        self.data: list[tuple[bytes, str]] = []
        self.replies = 0
        self.disconnected = False
        self._voiced = False
        self._silent = 0
        self._phase = 0.0

    def start(self) -> None:
        for identity in self.agent.also_in_room:
            self._emit(ParticipantJoined(identity, agent=False))
            self._emit(AudioReceived(identity, self._tone_frame()))
        if not self.agent.joins:
            return
        self._emit(ParticipantJoined(AGENT_IDENTITY, True, {STATE_ATTRIBUTE: "initializing"}))
        self._state("listening")
        if self.agent.greeting_ms:
            self._speak(self.agent.greeting_ms)

    # -- RoomConnection ---------------------------------------------------------------------

    async def publish_audio(self, frame: rtc.AudioFrame) -> None:
        if self.disconnected:
            raise ConnectionLost("The fake room is closed.")
        self.caller_frames.append(frame)
        samples = np.frombuffer(frame.data, dtype=np.int16).astype(float)
        voiced = bool(samples.size) and float(np.sqrt(np.mean(samples**2))) > VOICED_RMS
        if voiced:
            self._voiced, self._silent = True, 0
            return
        self._silent += 1
        if self._voiced and self._silent >= self.agent.silence_frames:
            self._voiced, self._silent = False, 0
            self._answer()

    async def publish_data(self, payload: bytes, *, topic: str = "") -> None:
        if self.disconnected:
            raise ConnectionLost("The fake room is closed.")
        self.data.append((payload, topic))

    async def next_event(self) -> RoomEvent:
        return await self.events.get()

    async def disconnect(self) -> None:
        if not self.disconnected:
            self.disconnected = True
            self._emit(RoomClosed("client_initiated"))

    # -- the agent --------------------------------------------------------------------------

    def drop(self) -> None:
        """The connection fails (as a network loss would end it)."""
        self.disconnected = True
        self._emit(RoomClosed("signal_close", normal=False))

    def _answer(self) -> None:
        self.replies += 1
        self._state("thinking")
        self._speak(self.agent.reply_ms)
        if self.agent.leave_after is not None and self.replies >= self.agent.leave_after:
            self._emit(ParticipantLeft(AGENT_IDENTITY, agent=True))

    def _speak(self, ms: int) -> None:
        self._state("speaking")
        for _ in range(ms // AGENT_FRAME_MS):
            self._emit(AudioReceived(AGENT_IDENTITY, self._tone_frame()))
        self._state("listening")

    def _state(self, state: str) -> None:
        self._emit(AttributesChanged(AGENT_IDENTITY, {STATE_ATTRIBUTE: state}))

    def _tone_frame(self) -> rtc.AudioFrame:
        n = AGENT_RATE * AGENT_FRAME_MS // 1000
        t = self._phase + np.arange(n) / AGENT_RATE
        self._phase += n / AGENT_RATE
        wave = (6000 * np.sin(2 * np.pi * self.agent.tone_hz * t)).astype("<i2")
        stereo = np.repeat(wave, AGENT_CHANNELS).tobytes()
        return rtc.AudioFrame(stereo, AGENT_RATE, AGENT_CHANNELS, n)

    def _emit(self, event: RoomEvent) -> None:
        self.events.put_nowait(event)

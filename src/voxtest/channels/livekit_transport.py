"""The seam between `LiveKitChannel` and a LiveKit room: a small transport protocol.

The channel needs only this of a room: join it with a token, publish caller frames and
data packets, and read what happens in it as a stream of `RoomEvent`s. `livekit_rtc`
implements it with the official real-time SDK (WebRTC); `livekit_fake` implements it in
process, so the whole call loop runs in tests without a LiveKit server.

    RoomConnector.connect(url, token) -> RoomConnection   (raises ChannelError)
    RoomConnection.publish_audio(frame) / publish_data(payload, topic) / next_event()
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Protocol, TypeAlias

from livekit import rtc


@dataclass(frozen=True)
class ParticipantJoined:
    """Someone is in the room (also reported for those already there when we joined)."""

    identity: str
    agent: bool
    attributes: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class AttributesChanged:
    identity: str
    attributes: Mapping[str, str]


@dataclass(frozen=True)
class AudioReceived:
    """A frame of a remote participant's subscribed audio track."""

    identity: str
    frame: rtc.AudioFrame


@dataclass(frozen=True)
class ParticipantLeft:
    identity: str
    agent: bool


@dataclass(frozen=True)
class RoomClosed:
    """We are out of the room: `normal` when the room ended or we left, not when the
    connection failed."""

    reason: str
    normal: bool = True


RoomEvent: TypeAlias = (
    ParticipantJoined | AttributesChanged | AudioReceived | ParticipantLeft | RoomClosed
)


class RoomConnection(Protocol):
    """The caller's side of a joined room."""

    async def publish_audio(self, frame: rtc.AudioFrame) -> None:
        """Send a frame on the caller's microphone track. Raises ConnectionLost."""

    async def publish_data(self, payload: bytes, *, topic: str = "") -> None:
        """Send a reliable data packet to the room. Raises ConnectionLost."""

    async def next_event(self) -> RoomEvent:
        """The next thing that happened in the room (waits for it)."""
        ...

    async def disconnect(self) -> None:
        """Leave the room; idempotent."""


class RoomConnector(Protocol):
    async def connect(self, url: str, token: str) -> RoomConnection:
        """Join the room the token names, with a published microphone track. Raises
        ChannelError (Unreachable when the server does not answer)."""
        ...

"""`RtcConnector`: the transport of a real LiveKit call, with the official real-time SDK
(`livekit` rtc, WebRTC in its bundled native library).

Joining: `rtc.Room.connect(url, token)`, then the caller's microphone track is published from
an `rtc.AudioSource` at 16 kHz mono (the SDK resamples for Opus). Every remote audio track is
subscribed automatically; each is read with an `rtc.AudioStream` at 48 kHz (WebRTC's own rate,
no resampling in the SDK) and reported frame by frame as `AudioReceived`. Room callbacks
become `RoomEvent`s on one queue that `next_event` reads.

Not exercised in voxtest's own tests (no LiveKit server can run there): see docs/voice.md.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Mapping

from livekit import rtc

from voxtest.channels.base import ConnectionLost, ConnectRefused, Unreachable
from voxtest.channels.livekit_transport import (
    AttributesChanged,
    AudioReceived,
    ParticipantJoined,
    ParticipantLeft,
    RoomClosed,
    RoomEvent,
)
from voxtest.speech.base import SAMPLE_RATE

log = logging.getLogger(__name__)

AGENT_AUDIO_RATE = 48_000
NORMAL_ENDS = {
    rtc.DisconnectReason.CLIENT_INITIATED,
    rtc.DisconnectReason.ROOM_DELETED,
    rtc.DisconnectReason.ROOM_CLOSED,
    rtc.DisconnectReason.PARTICIPANT_REMOVED,
}


def _is_agent(participant: rtc.RemoteParticipant) -> bool:
    return participant.kind == rtc.ParticipantKind.PARTICIPANT_KIND_AGENT


class RtcConnection:
    """A joined `rtc.Room` as a `RoomConnection`."""

    def __init__(self, room: rtc.Room, timeout_s: float) -> None:
        self.room = room
        self.timeout_s = timeout_s
        self.events: asyncio.Queue[RoomEvent] = asyncio.Queue()
        self.source = rtc.AudioSource(SAMPLE_RATE, 1)
        self._readers: set[asyncio.Task[None]] = set()
        self._closed = False
        room.on("participant_connected", self._joined)
        room.on("participant_disconnected", self._left)
        room.on("participant_attributes_changed", self._attributes)
        room.on("track_subscribed", self._subscribed)
        room.on("disconnected", self._disconnected)

    async def join(self, url: str, token: str) -> None:
        options = rtc.RoomOptions(auto_subscribe=True, connect_timeout=self.timeout_s)
        try:
            await self.room.connect(url, token, options)
        except rtc.ConnectError as exc:
            message = f"Cannot join the LiveKit room at {url}: {exc.message}"
            if "401" in exc.message or "unauthorized" in exc.message.lower():
                raise ConnectRefused(message) from None
            raise Unreachable(message) from None
        track = rtc.LocalAudioTrack.create_audio_track("voxtest-caller", self.source)
        publish = rtc.TrackPublishOptions(source=rtc.TrackSource.SOURCE_MICROPHONE)
        await self.room.local_participant.publish_track(track, publish)
        for participant in self.room.remote_participants.values():
            self._joined(participant)
            for publication in participant.track_publications.values():
                if publication.track is not None and publication.subscribed:
                    self._subscribed(publication.track, publication, participant)

    async def publish_audio(self, frame: rtc.AudioFrame) -> None:
        try:
            await self.source.capture_frame(frame)
        except Exception as exc:  # the SDK raises plain exceptions from its FFI
            raise ConnectionLost(f"LiveKit audio could not be sent: {exc}") from None

    async def publish_data(self, payload: bytes, *, topic: str = "") -> None:
        try:
            await self.room.local_participant.publish_data(payload, reliable=True, topic=topic)
        except Exception as exc:
            raise ConnectionLost(f"LiveKit data could not be sent: {exc}") from None

    async def next_event(self) -> RoomEvent:
        return await self.events.get()

    async def disconnect(self) -> None:
        if self._closed:
            return
        self._closed = True
        for task in list(self._readers):
            task.cancel()
        with contextlib.suppress(Exception):
            await self.room.disconnect()
        with contextlib.suppress(Exception):
            await self.source.aclose()

    # -- room callbacks (run on the event loop) ---------------------------------------------

    def _joined(self, participant: rtc.RemoteParticipant) -> None:
        self.events.put_nowait(
            ParticipantJoined(participant.identity, _is_agent(participant), _attrs(participant))
        )

    def _left(self, participant: rtc.RemoteParticipant) -> None:
        self.events.put_nowait(ParticipantLeft(participant.identity, _is_agent(participant)))

    def _attributes(self, _changed: Mapping[str, str], participant: rtc.Participant) -> None:
        self.events.put_nowait(AttributesChanged(participant.identity, _attrs(participant)))

    def _subscribed(
        self,
        track: rtc.Track,
        _publication: rtc.RemoteTrackPublication,
        participant: rtc.RemoteParticipant,
    ) -> None:
        if track.kind != rtc.TrackKind.KIND_AUDIO:
            return
        task = asyncio.create_task(self._read(track, participant.identity))
        self._readers.add(task)
        task.add_done_callback(self._readers.discard)

    def _disconnected(self, reason: rtc.DisconnectReason.ValueType) -> None:
        name = rtc.DisconnectReason.Name(reason)
        self.events.put_nowait(RoomClosed(name.lower(), normal=reason in NORMAL_ENDS))

    async def _read(self, track: rtc.Track, identity: str) -> None:
        stream = rtc.AudioStream(track, sample_rate=AGENT_AUDIO_RATE, num_channels=1)
        try:
            async for event in stream:
                self.events.put_nowait(AudioReceived(identity, event.frame))
        except Exception:
            log.exception("reading a LiveKit audio track failed")
        finally:
            await stream.aclose()


def _attrs(participant: rtc.Participant) -> dict[str, str]:
    return dict(participant.attributes or {})


class RtcConnector:
    """Joins rooms with the real-time SDK."""

    def __init__(self, timeout_s: float = 10.0) -> None:
        self.timeout_s = timeout_s

    async def connect(self, url: str, token: str) -> RtcConnection:
        connection = RtcConnection(rtc.Room(), self.timeout_s)
        try:
            await connection.join(url, token)
        except BaseException:
            await connection.disconnect()
            raise
        return connection

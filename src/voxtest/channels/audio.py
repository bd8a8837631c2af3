"""The `AudioChannel` protocol: a real-time voice call to the agent under test.

Like `channels.base.Channel` but carrying audio: the caller sends `pcm_s16le` 16 kHz mono
frames in real time and receives the agent's frames and events. Every instant is read from
the injected `Clock`, so timing is measured on the caller's own clock.

Transports: CHIRP (`channels.chirp`, raw PCM over a websocket), LiveKit (`channels.livekit`),
and `channels.fake_audio` for tests. Failures raise the `ChannelError` tree of
`channels.base` (ConnectRefused -> CHIRP "REJECTED", Unreachable -> "INCOMPLETED").
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol, TypeAlias

from voxtest.channels.base import ChannelCapabilities, Closed


@dataclass(frozen=True)
class AgentAudio:
    """A frame of the agent's audio (pcm_s16le 16 kHz mono) and when it arrived."""

    pcm: bytes
    at: float = 0.0


@dataclass(frozen=True)
class AgentSpeechEvent:
    """A transport-level event about the agent's speech: CHIRP `speech.started` /
    `speech.completed` (`utterance_id`), LiveKit's agent state changes."""

    kind: str  # "started" | "completed"
    utterance_id: str | None = None
    at: float = 0.0
    data: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class AgentError:
    """The agent reported an error without closing (CHIRP `session.error`)."""

    code: str
    message: str = ""
    at: float = 0.0


AudioEvent: TypeAlias = AgentAudio | AgentSpeechEvent | AgentError | Closed


class AudioChannel(Protocol):
    """One voice call."""

    @property
    def capabilities(self) -> ChannelCapabilities: ...

    @property
    def address(self) -> str:
        """Where the channel dials, for messages to the user (no secrets)."""
        ...

    async def connect(self) -> None:
        """Open the call; raises ChannelError. May be called again after a failure."""

    async def send_audio(self, pcm: bytes) -> float:
        """Send caller audio now (whole samples; the caller paces frames in real time);
        returns the instant the frame left, on the channel's clock. Raises ConnectionLost."""
        ...

    async def receive(self, timeout: float) -> AudioEvent | None:  # noqa: ASYNC109 (virtual time)
        """The next event, or None when `timeout` seconds pass without one."""
        ...

    async def close(self) -> None:
        """Hang up; idempotent."""

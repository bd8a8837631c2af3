"""A minimal voice loop for driving an `AudioChannel` in tests (the real one is
`voxtest.runner.voice_call`): speak a turn as 20 ms frames followed by silence, then collect
what the agent does until its utterance completes or the call closes."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from voxtest.channels.audio import AgentAudio, AgentSpeechEvent, AudioChannel, AudioEvent
from voxtest.channels.base import Closed
from voxtest.speech.base import FRAME_BYTES, SAMPLE_RATE

SILENCE = bytes(FRAME_BYTES)


def voiced_frames(ms: int, hz: float = 220.0) -> list[bytes]:
    n = SAMPLE_RATE * ms // 1000
    wave = (5000 * np.sin(2 * np.pi * hz * np.arange(n) / SAMPLE_RATE)).astype("<i2").tobytes()
    return [wave[i : i + FRAME_BYTES] for i in range(0, len(wave), FRAME_BYTES)]


@dataclass
class Heard:
    """What the agent did in one turn."""

    events: list[AudioEvent] = field(default_factory=list)

    @property
    def audio(self) -> bytes:
        return b"".join(e.pcm for e in self.events if isinstance(e, AgentAudio))

    @property
    def speech(self) -> list[tuple[str, str | None]]:
        return [(e.kind, e.utterance_id) for e in self.events if isinstance(e, AgentSpeechEvent)]

    @property
    def closed(self) -> Closed | None:
        return next((e for e in self.events if isinstance(e, Closed)), None)


async def listen(channel: AudioChannel, quiet_s: float = 5.0) -> Heard:
    """Events until the agent's utterance completes, the call closes, or `quiet_s` pass
    with nothing."""
    heard = Heard()
    while True:
        event = await channel.receive(quiet_s)
        if event is None:
            return heard
        heard.events.append(event)
        if isinstance(event, Closed):
            return heard
        if isinstance(event, AgentSpeechEvent) and event.kind == "completed":
            return heard


async def speak(channel: AudioChannel, ms: int = 200, silence_frames: int = 3) -> list[float]:
    """The caller's turn; the instants each frame left."""
    sent = [await channel.send_audio(frame) for frame in voiced_frames(ms)]
    sent += [await channel.send_audio(SILENCE) for _ in range(silence_frames)]
    return sent

"""Audio between voxtest's format and LiveKit's frames.

voxtest speaks `pcm_s16le` 16 kHz mono (`speech.base`). LiveKit carries `rtc.AudioFrame`s
(int16 interleaved, any rate and channel count; WebRTC decodes Opus at 48 kHz). Caller audio
goes out as 16 kHz mono frames (the SDK's AudioSource resamples for the encoder); the
agent's frames come back through `AgentAudioConverter`: down-mixed to mono, then resampled
to 16 kHz with the SDK's own resampler (soxr, in the bundled native library, no network).
"""

from __future__ import annotations

import numpy as np
from livekit import rtc

from voxtest.speech.base import SAMPLE_RATE, SAMPLE_WIDTH


def caller_frame(pcm: bytes) -> rtc.AudioFrame:
    """Caller audio (pcm_s16le 16 kHz mono, whole samples) as a LiveKit frame."""
    if len(pcm) % SAMPLE_WIDTH:
        raise ValueError("caller audio must hold whole 16-bit samples")
    return rtc.AudioFrame(pcm, SAMPLE_RATE, 1, len(pcm) // SAMPLE_WIDTH)


def downmix(pcm: bytes, channels: int) -> bytes:
    """Interleaved int16 audio of `channels` channels as mono (the channels' mean)."""
    if channels == 1:
        return pcm
    samples = np.frombuffer(pcm, dtype="<i2").reshape(-1, channels)
    mono = samples.astype(np.int32).mean(axis=1)
    return bytes(np.round(mono).astype("<i2").tobytes())


class AgentAudioConverter:
    """The agent's frames as voxtest audio. One per stream: the resampler keeps state
    across frames (no clicks at frame edges); a change of input rate flushes it and
    starts another."""

    def __init__(self) -> None:
        self._rate = SAMPLE_RATE  # the rate of the open resampler (16 kHz: none needed)
        self._resampler: rtc.AudioResampler | None = None

    def convert(self, frame: rtc.AudioFrame) -> bytes:
        """The frame as pcm_s16le 16 kHz mono; may be empty while the resampler fills."""
        mono = downmix(bytes(frame.data.cast("B")), frame.num_channels)
        held = self.flush() if frame.sample_rate != self._rate else b""
        if frame.sample_rate == SAMPLE_RATE:
            return held + mono
        if self._resampler is None:
            self._rate = frame.sample_rate
            self._resampler = rtc.AudioResampler(frame.sample_rate, SAMPLE_RATE, num_channels=1)
        return held + b"".join(_pcm(out) for out in self._resampler.push(bytearray(mono)))

    def flush(self) -> bytes:
        """What the resampler still holds, at the end of the stream."""
        if self._resampler is None:
            return b""
        out = b"".join(_pcm(f) for f in self._resampler.flush())
        self._resampler, self._rate = None, SAMPLE_RATE
        return out


def _pcm(frame: rtc.AudioFrame) -> bytes:
    return bytes(frame.data.cast("B"))

"""A stereo call recording written to disk as the call goes (memory stays bounded).

Channel `caller_index` holds the caller's frames at their send instants, the other the agent's
audio as it played out; both start at the call's first instant. Samples are interleaved and
appended to a WAV file as soon as both channels reach them; `close()` pads the shorter
channel with silence and finishes the header.
"""

from __future__ import annotations

import wave
from pathlib import Path

import numpy as np

from voxtest.speech.base import SAMPLE_RATE, SAMPLE_WIDTH


class StereoWavRecorder:
    def __init__(self, path: Path, origin: float, *, caller_index: int = 0) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self.origin = origin
        self.caller_index = caller_index
        self._wav = wave.open(str(path), "wb")
        self._wav.setnchannels(2)
        self._wav.setsampwidth(SAMPLE_WIDTH)
        self._wav.setframerate(SAMPLE_RATE)
        self._pending: list[bytearray] = [bytearray(), bytearray()]
        self._written = 0  # stereo frames written
        self._caller_samples = 0  # caller channel length so far
        self.closed = False

    @property
    def duration_s(self) -> float:
        return self._written / SAMPLE_RATE

    def caller(self, pcm: bytes, at: float) -> None:
        """A caller frame sent at `at` (gaps before it become silence)."""
        position = int(round((at - self.origin) * SAMPLE_RATE))
        gap = position - self._caller_samples
        if gap > 0:
            self._pending[self.caller_index] += b"\x00\x00" * gap
            self._caller_samples += gap
        self._pending[self.caller_index] += pcm
        self._caller_samples += len(pcm) // SAMPLE_WIDTH
        self._flush()

    def agent(self, pcm: bytes) -> None:
        """The agent's audio, contiguous from the call's start (a `Playout`'s samples)."""
        self._pending[1 - self.caller_index] += pcm
        self._flush()

    def close(self) -> None:
        if self.closed:
            return
        left, right = self._pending
        longest = max(len(left), len(right))
        left += b"\x00" * (longest - len(left))
        right += b"\x00" * (longest - len(right))
        self._flush()
        self._wav.close()
        self.closed = True

    def _flush(self) -> None:
        left, right = self._pending
        count = min(len(left), len(right)) // SAMPLE_WIDTH
        if not count:
            return
        out = np.empty(count * 2, dtype="<i2")
        out[0::2] = np.frombuffer(bytes(left[: count * 2]), dtype="<i2")
        out[1::2] = np.frombuffer(bytes(right[: count * 2]), dtype="<i2")
        self._wav.writeframes(out.tobytes())
        del left[: count * 2]
        del right[: count * 2]
        self._written += count

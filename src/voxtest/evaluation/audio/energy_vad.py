"""The default voice activity detector: frame energy with hysteresis, pure numpy.

Speech starts at the first of `min_speech_frames` consecutive frames louder than
`threshold_dbfs` and ends after the last loud frame once `hangover_frames` quiet ones
followed (short pauses inside a sentence do not split it). Reported instants are the frames'
edges: exact to one frame (20 ms), no bias to correct. Implements
`voxtest.speech.base.VoiceActivityDetector`.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from voxtest.speech.base import FRAME_MS, SAMPLE_RATE, VadEvent

THRESHOLD_DBFS = -45.0
FULL_SCALE = 32768.0


def frame_dbfs(frames: npt.NDArray[np.int16]) -> npt.NDArray[np.float64]:
    """RMS level of each row of `frames` in dB relative to full scale (−inf for digital zero)."""
    x = frames.astype(np.float64) / FULL_SCALE
    power: npt.NDArray[np.float64] = np.mean(x * x, axis=-1)
    with np.errstate(divide="ignore"):
        level: npt.NDArray[np.float64] = 10.0 * np.log10(power)
    return level


class EnergyVad:
    """Streaming energy detector over one speaker's audio (any sample rate)."""

    def __init__(
        self,
        sample_rate: int = SAMPLE_RATE,
        *,
        threshold_dbfs: float = THRESHOLD_DBFS,
        min_speech_frames: int = 3,
        hangover_frames: int = 15,
    ) -> None:
        self.frame = sample_rate * FRAME_MS // 1000
        self.threshold = threshold_dbfs
        self.min_speech = min_speech_frames
        self.hangover = hangover_frames
        self._pending = np.zeros(0, dtype=np.int16)
        self._frames_seen = 0  # frames classified so far
        self._speaking = False
        self._run_start = 0  # first loud frame of the current loud run (before speech began)
        self._run = 0  # consecutive loud frames
        self._quiet = 0  # consecutive quiet frames while speaking
        self._last_loud_end = 0  # frame index after the last loud frame

    def feed(self, pcm: bytes) -> Sequence[VadEvent]:
        return self.feed_samples(np.frombuffer(pcm, dtype="<i2").astype(np.int16, copy=False))

    def feed_samples(self, samples: npt.NDArray[np.int16]) -> list[VadEvent]:
        data = np.concatenate((self._pending, samples)) if self._pending.size else samples
        whole = len(data) - len(data) % self.frame
        self._pending = data[whole:].copy()
        if whole == 0:
            return []
        loud = frame_dbfs(data[:whole].reshape(-1, self.frame)) > self.threshold
        return self._classify(loud)

    def flush(self) -> Sequence[VadEvent]:
        events: list[VadEvent] = []
        if self._pending.size:
            tail = self._pending
            self._pending = np.zeros(0, dtype=np.int16)
            loud = bool(frame_dbfs(tail[np.newaxis, :])[0] > self.threshold)
            events += self._classify(np.array([loud]), last_len=len(tail))
        if self._speaking:
            self._speaking = False
            events.append(VadEvent("end", self._end_sample()))
        return events

    def _classify(self, loud: npt.NDArray[np.bool_], last_len: int | None = None) -> list[VadEvent]:
        events: list[VadEvent] = []
        for is_loud in loud.tolist():
            index = self._frames_seen
            self._frames_seen += 1
            if is_loud:
                self._run = self._run + 1 if self._run else 1
                if self._run == 1:
                    self._run_start = index
                self._quiet = 0
                self._last_loud_end = index + 1
                self._last_len = last_len
                if not self._speaking and self._run >= self.min_speech:
                    self._speaking = True
                    events.append(VadEvent("start", self._run_start * self.frame))
                continue
            self._run = 0
            if self._speaking:
                self._quiet += 1
                if self._quiet >= self.hangover:
                    self._speaking = False
                    events.append(VadEvent("end", self._end_sample()))
        return events

    _last_len: int | None = None

    def _end_sample(self) -> int:
        """Sample after the last loud frame (a short final frame counts its own length)."""
        if self._last_len is not None:
            return (self._last_loud_end - 1) * self.frame + self._last_len
        return self._last_loud_end * self.frame

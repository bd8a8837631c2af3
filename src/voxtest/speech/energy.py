"""`EnergyVad`: a cheap energy-gate VAD (numpy only) for tests and benchmark comparison.

A 10 ms frame is speech when its RMS level is at or above `threshold_dbfs` (default -45
dBFS, the gate the research note uses as ground truth on clean TTS audio); the probability
is a soft step 3 dB wide around it, so the segmenter's hysteresis still applies. It knows
nothing of voices (and needs 400 ms of silence to end a turn: Piper's comma pauses
reach 300 ms): any sound above the gate (noise, music, DTMF) is "speech". Use Silero
for agent audio; use this where the audio is clean and synthetic, or to compare.
"""

from __future__ import annotations

import numpy as np

from voxtest.speech.audio import Floats
from voxtest.speech.framing import FramedVad
from voxtest.speech.vad_segmenter import VadTuning

ENERGY_FRAME_SAMPLES = 160  # 10 ms
DEFAULT_THRESHOLD_DBFS = -45.0


def energy_tuning(**overrides: float) -> VadTuning:
    """The energy gate's default tuning (no bias: the gate defines the reference edges)."""
    values: dict[str, float] = {"min_speech_ms": 60.0, "min_silence_ms": 400.0}
    values.update(overrides)
    return VadTuning(frame_samples=ENERGY_FRAME_SAMPLES, **values)


class EnergyVad(FramedVad):
    """Speech where the level is above a fixed gate."""

    def __init__(
        self, threshold_dbfs: float = DEFAULT_THRESHOLD_DBFS, tuning: VadTuning | None = None
    ) -> None:
        super().__init__(tuning or energy_tuning())
        self.threshold_dbfs = threshold_dbfs

    def probability(self, frame: Floats) -> float:
        power = float(np.mean(np.square(frame, dtype=np.float64)))
        level = 10.0 * float(np.log10(power)) if power > 0 else -200.0
        return float(1.0 / (1.0 + np.exp(-(level - self.threshold_dbfs))))

"""The hysteresis segmenter on scripted probabilities, and the energy VAD on tone bursts."""

from __future__ import annotations

import numpy as np

from voxtest.speech.audio import to_pcm
from voxtest.speech.base import VadEvent
from voxtest.speech.energy import EnergyVad
from voxtest.speech.vad_segmenter import FrameSegmenter, VadTuning

# 10 ms frames (160 samples): min speech 3 frames, min silence 5 frames
TUNING = VadTuning(frame_samples=160, min_speech_ms=30, min_silence_ms=50)


def run(probabilities: list[float], tuning: VadTuning = TUNING) -> list[tuple[str, int]]:
    segmenter = FrameSegmenter(tuning)
    events: list[VadEvent] = []
    for p in probabilities:
        events += segmenter.push(p)
    events += segmenter.finish()
    return [(e.kind, e.sample) for e in events]


def test_speech_is_placed_where_it_began_and_stopped() -> None:
    probs = [0.0] * 10 + [0.9] * 20 + [0.0] * 10
    assert run(probs) == [("start", 1600), ("end", 4800)]


def test_blips_shorter_than_min_speech_are_dropped() -> None:
    assert run([0.0, 0.9, 0.9, 0.0, 0.0, 0.9, 0.0] + [0.0] * 10) == []


def test_gaps_shorter_than_min_silence_are_merged() -> None:
    probs = [0.9] * 5 + [0.0] * 4 + [0.9] * 5 + [0.0] * 5
    assert run(probs) == [("start", 0), ("end", 14 * 160)]


def test_hysteresis_holds_speech_between_the_thresholds() -> None:
    probs = [0.0, 0.6, 0.4, 0.4, 0.4, 0.4, 0.2, 0.2, 0.2, 0.2, 0.2]
    assert run(probs) == [("start", 160), ("end", 6 * 160)]
    assert run([0.0, 0.4, 0.4, 0.4, 0.4]) == []  # never reached the on threshold


def test_bias_is_subtracted_and_events_stay_ordered() -> None:
    tuning = VadTuning(frame_samples=160, min_speech_ms=30, min_silence_ms=50,
                       start_bias_ms=5, end_bias_ms=80)  # fmt: skip
    probs = [0.0] * 10 + [0.9] * 3 + [0.0] * 10
    assert run(probs, tuning) == [("start", 1600 - 80), ("end", 1600 - 80 + 1)]
    long = [0.0] * 10 + [0.9] * 20 + [0.0] * 10
    assert run(long, tuning) == [("start", 1520), ("end", 4800 - 1280)]


def test_finish_closes_open_and_confirms_pending_speech() -> None:
    assert run([0.0] * 3 + [0.9] * 10) == [("start", 480), ("end", 13 * 160)]
    assert run([0.0] * 3 + [0.9] * 3) == [("start", 480), ("end", 6 * 160)]


def test_energy_vad_on_tone_bursts_is_frame_exact_in_any_chunking() -> None:
    t = np.arange(8000) / 16_000
    burst = (0.3 * np.sin(2 * np.pi * 300 * t)).astype(np.float32)  # 0.5 s
    quiet = np.zeros(16_000, np.float32)
    pcm = to_pcm(np.concatenate([quiet, burst, quiet, burst, quiet]))
    for chunk in (640, 333 * 2, len(pcm)):
        vad = EnergyVad()
        events: list[VadEvent] = []
        for at in range(0, len(pcm), chunk):
            events += vad.feed(pcm[at : at + chunk])
        events += vad.flush()
        assert [(e.kind, e.sample) for e in events] == [
            ("start", 16_000), ("end", 24_000), ("start", 40_000), ("end", 48_000),
        ]  # fmt: skip

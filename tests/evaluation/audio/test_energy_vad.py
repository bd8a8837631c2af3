"""The energy detector finds bursts at known instants, exact to a frame, however it is fed."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.evaluation.audio.synth import FRAME_S, RATE, Burst, render
from voxtest.evaluation.audio.energy_vad import EnergyVad
from voxtest.speech.base import VadEvent, VoiceActivityDetector

BURSTS = [Burst(0, 0.5, 1.25), Burst(0, 1.6, 2.013, hz=0), Burst(0, 3.0, 3.1)]
MONO = render(BURSTS, 4.0)[:, 0].copy()


def spans(events: list[VadEvent]) -> list[tuple[float, float]]:
    starts = [e.at_s for e in events if e.kind == "start"]
    ends = [e.at_s for e in events if e.kind == "end"]
    assert len(starts) == len(ends)
    return list(zip(starts, ends, strict=True))


def run(vad: VoiceActivityDetector, chunks: list[bytes]) -> list[VadEvent]:
    events: list[VadEvent] = []
    for chunk in chunks:
        events += vad.feed(chunk)
    return events + list(vad.flush())


def test_tones_and_noise_bursts_are_found_within_a_frame() -> None:
    found = spans(run(EnergyVad(), [MONO.tobytes()]))
    assert len(found) == 3
    for (start, end), burst in zip(found, BURSTS, strict=True):
        assert abs(start - burst.start) <= FRAME_S
        assert abs(end - burst.end) <= FRAME_S


def test_a_pause_shorter_than_the_hangover_does_not_split_speech() -> None:
    samples = render([Burst(0, 0.5, 1.0), Burst(0, 1.15, 1.5)], 2.0)[:, 0].copy()
    assert spans(run(EnergyVad(), [samples.tobytes()])) == [(0.5, 1.5)]


def test_a_click_shorter_than_the_minimum_speech_is_ignored() -> None:
    samples = render([Burst(0, 0.5, 0.53)], 1.0)[:, 0].copy()
    assert run(EnergyVad(), [samples.tobytes()]) == []


def test_speech_running_to_the_end_is_closed_by_flush() -> None:
    samples = render([Burst(0, 0.5, 1.01)], 1.01)[:, 0].copy()
    found = spans(run(EnergyVad(), [samples.tobytes()]))
    assert found == [(0.5, 1.01)]


@settings(max_examples=40, deadline=None)
@given(st.lists(st.integers(min_value=1, max_value=len(MONO) - 1), max_size=12))
def test_the_events_do_not_depend_on_how_the_stream_is_cut(cuts: list[int]) -> None:
    bounds = [0, *sorted(set(cuts)), len(MONO)]
    chunks = [MONO[a:b].tobytes() for a, b in zip(bounds, bounds[1:], strict=False)]
    assert run(EnergyVad(), chunks) == run(EnergyVad(), [MONO.tobytes()])


def test_other_sample_rates_keep_times_in_samples_of_that_rate() -> None:
    rate = 8000
    samples = np.zeros(rate * 2, dtype=np.int16)
    samples[rate // 2 : rate] = (8000 * np.sin(np.arange(rate // 2) * 0.3)).astype(np.int16)
    events = run(EnergyVad(rate), [samples.tobytes()])
    assert [(e.kind, e.sample / rate) for e in events] == [("start", 0.5), ("end", 1.0)]
    assert RATE == 16_000

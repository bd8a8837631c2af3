"""The speech test doubles: tones decode back to the words, the energy VAD is sample-exact."""

from __future__ import annotations

import asyncio

import pytest

from voxtest.speech.base import FRAME_BYTES, SAMPLE_RATE, VadEvent, Voice
from voxtest.speech.fake import (
    CHAR_SAMPLES,
    GAP_SAMPLES,
    EnergyVad,
    ToneSynthesizer,
    decode_tones,
    synthesize_tones,
)

SILENCE_100MS = b"\x00\x00" * (SAMPLE_RATE // 10)


def test_tones_round_trip_with_word_times() -> None:
    pcm = SILENCE_100MS + synthesize_tones("Hello, I'm Sam 42!") + SILENCE_100MS
    heard = decode_tones(pcm)
    assert heard.text == "hello i'm sam 42"
    first, second = heard.words[0], heard.words[1]
    assert first.start == 0.1
    assert first.end == pytest.approx(0.1 + 5 * CHAR_SAMPLES / SAMPLE_RATE)
    assert second.start == pytest.approx(first.end + GAP_SAMPLES / SAMPLE_RATE)


def test_synthesizer_speaks_nothing_for_no_words() -> None:
    assert asyncio.run(ToneSynthesizer().synthesize(" ,. ", Voice())) == b""


def test_energy_vad_finds_exact_onset_and_offset_across_frames() -> None:
    speech = synthesize_tones("yes")
    stream = SILENCE_100MS + speech + SILENCE_100MS * 3
    vad = EnergyVad(hangover_s=0.12)
    events: list[VadEvent] = []
    for at in range(0, len(stream), FRAME_BYTES):
        events += vad.feed(stream[at : at + FRAME_BYTES])
    assert [e.kind for e in events] == ["start", "end"]
    assert events[0].sample == SAMPLE_RATE // 10
    assert events[1].sample == SAMPLE_RATE // 10 + len(speech) // 2


def test_energy_vad_bridges_the_gap_between_words_and_flushes() -> None:
    vad = EnergyVad(hangover_s=0.12)
    events = list(vad.feed(synthesize_tones("two words")))
    assert [e.kind for e in events] == ["start"]
    assert [e.kind for e in vad.flush()] == ["end"]
    assert vad.flush() == []

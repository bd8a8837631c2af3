"""Reading the run's `details["audio"]` record."""

from __future__ import annotations

from pathlib import Path

from voxtest.evaluation.audio import AudioFacts
from voxtest.evaluation.model import MAIN_AGENT, TESTING_AGENT

RECORD = {
    "recording_path": "recordings/run-1.wav",
    "testing_channel_index": 1,
    "duration_s": 12.5,
    "turns": [
        {"role": TESTING_AGENT, "start": 0.5, "end": 2.0, "text": "Hello", "heard": "hello"},
        {"role": MAIN_AGENT, "start": 2.5, "end": 4.0, "text": "Hi there"},
        {"role": "Function Call", "start": 3, "end": 3},
        {"role": MAIN_AGENT, "start": 5.0, "end": 4.0},
    ],
}


def test_relative_recording_paths_are_under_home_and_bad_turns_are_skipped() -> None:
    facts = AudioFacts.from_json(RECORD, home=Path("/srv/voxtest"))
    assert facts is not None
    assert facts.recording_path == Path("/srv/voxtest/recordings/run-1.wav")
    assert facts.testing_channel_index == 1
    assert [(t.role, t.start, t.end) for t in facts.turns] == [
        (TESTING_AGENT, 0.5, 2.0),
        (MAIN_AGENT, 2.5, 4.0),
    ]
    assert facts.turns[0].heard == "hello"
    assert facts.timed_segments() == {TESTING_AGENT: ((0.5, 2.0),), MAIN_AGENT: ((2.5, 4.0),)}


def test_explicit_segments_win_over_turn_spans() -> None:
    record = {**RECORD, "segments": {MAIN_AGENT: [[2.6, 3.0], [3.2, 4.0]], TESTING_AGENT: []}}
    facts = AudioFacts.from_json(record)
    assert facts is not None
    assert facts.recording_path == Path("recordings/run-1.wav")
    assert facts.timed_segments() == {TESTING_AGENT: (), MAIN_AGENT: ((2.6, 3.0), (3.2, 4.0))}


def test_nothing_usable_is_no_audio_facts() -> None:
    assert AudioFacts.from_json(None) is None
    assert AudioFacts.from_json({"turns": [], "testing_channel_index": 0}) is None
    assert AudioFacts.from_json({"recording_path": "   "}) is None


def test_round_trip_through_json() -> None:
    facts = AudioFacts.from_json(RECORD, home=Path("/h"))
    assert facts is not None
    assert AudioFacts.from_json(facts.to_json()) == facts

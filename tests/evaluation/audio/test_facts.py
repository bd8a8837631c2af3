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


VOICE_RECORD = {
    "version": 1,
    "recording": {"path": "recordings/1/42.wav", "sample_rate": 16000, "channels": 2,
                  "testing_channel_index": 0, "duration_s": 41.22},
    "turns": [
        {"role": TESTING_AGENT, "text": "I'd like to book.", "start_s": 3.1, "end_s": 5.02,
         "frames": 97},
        {"role": MAIN_AGENT, "text": "Sure.", "start_s": 5.61, "end_s": 7.4, "latency_ms": 590.0},
    ],
    "vad_events": [{"kind": "start", "at_s": 5.61}],
}  # fmt: skip


def test_the_voice_loops_record_is_read_when_there_is_no_audio_record() -> None:
    facts = AudioFacts.from_details({"voice": VOICE_RECORD}, home=Path("/h"))
    assert facts is not None
    assert facts.recording_path == Path("/h/recordings/1/42.wav")
    assert facts.duration_s == 41.22
    assert [(t.role, t.start, t.end, t.text) for t in facts.turns] == [
        (TESTING_AGENT, 3.1, 5.02, "I'd like to book."),
        (MAIN_AGENT, 5.61, 7.4, "Sure."),
    ]
    preferred = AudioFacts.from_details({"voice": VOICE_RECORD, "audio": RECORD})
    assert preferred is not None and preferred.testing_channel_index == 1
    assert AudioFacts.from_details({"connected": True}) is None

"""Every audio metric on a synthetic call with known instants: exact to one frame (20 ms).

    caller  0.5–2.0        4.5–6.0   6.5–7.5
    agent         2.6–4.0      5.5–7.0              19.5–20.0   (then silence to 21 s)

Latency 600 ms and 12 s; the agent interrupts the caller at 5.5 s, the caller interrupts the
agent at 6.5 s and the agent stops 0.5 s later; 12 s of mutual silence (dead air).
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import pytest

from tests.evaluation.audio.synth import FRAME_S, Burst, recording
from tests.evaluation.test_deterministic import catalogue_spec
from voxtest.evaluation.audio import AudioFacts, TurnTiming
from voxtest.evaluation.audio.analysis import analysis_of, prepare
from voxtest.evaluation.deterministic import evaluate
from voxtest.evaluation.model import MAIN_AGENT, TESTING_AGENT, CallFacts, MetricValue

CALLER = [(0.5, 2.0), (4.5, 6.0), (6.5, 7.5)]
AGENT = [(2.6, 4.0), (5.5, 7.0), (19.5, 20.0)]
AGENT_WORDS = ["Sure, what day suits you?", "We have Tuesday at 10 or 11.", "Goodbye then."]
FRAME_MS = FRAME_S * 1000


def transcript() -> tuple[dict[str, Any], ...]:
    rows = [
        {"role": TESTING_AGENT, "content": "words", "start_time": s, "end_time": e}
        for s, e in CALLER
    ]
    rows += [
        {"role": MAIN_AGENT, "content": text, "start_time": s, "end_time": e}
        for (s, e), text in zip(AGENT, AGENT_WORDS, strict=True)
    ]
    return tuple(sorted(rows, key=lambda r: r["start_time"]))


@pytest.fixture(scope="module")
def wav(tmp_path_factory: pytest.TempPathFactory) -> Path:
    bursts = [Burst(0, s, e, hz=0) for s, e in CALLER] + [Burst(1, s, e, hz=180) for s, e in AGENT]
    return recording(tmp_path_factory.mktemp("audio") / "call.wav", bursts, 21.0)


def call(audio: AudioFacts) -> CallFacts:
    return CallFacts(transcript=transcript(), duration_s=21.0, audio=audio)


def from_recording(wav: Path) -> CallFacts:
    return prepare(call(AudioFacts(recording_path=wav, testing_channel_index=0)))


def from_timing_record() -> CallFacts:
    turns = [TurnTiming(TESTING_AGENT, s, e) for s, e in CALLER]
    turns += [TurnTiming(MAIN_AGENT, s, e) for s, e in AGENT]
    return call(AudioFacts(turns=tuple(turns), duration_s=21.0))


def value(function_name: str, facts: CallFacts, **configuration: Any) -> MetricValue:
    result = evaluate(catalogue_spec(function_name, **configuration), facts)
    assert result.error is None, result.error
    return result


@pytest.fixture(params=["recording", "timing_record"])
def facts(request: pytest.FixtureRequest, wav: Path) -> CallFacts:
    return from_recording(wav) if request.param == "recording" else from_timing_record()


def test_segments_come_from_the_recording_within_a_frame(wav: Path) -> None:
    analysis = analysis_of(from_recording(wav))
    assert analysis is not None and analysis.segments_from == "recording"
    for found, known in ((analysis.caller, CALLER), (analysis.agent, AGENT)):
        assert len(found) == len(known)
        for (s, e), (ks, ke) in zip(found, known, strict=True):
            assert abs(s - ks) <= FRAME_S and abs(e - ke) <= FRAME_S
    assert analysis.duration_s == 21.0


def test_latency_with_percentiles(facts: CallFacts) -> None:
    latency = value("get_latency", facts)
    assert latency.score == pytest.approx((600 + 12000) / 2, abs=FRAME_MS)
    assert latency.extra["percentiles"]["p50"] == pytest.approx(6300, abs=FRAME_MS)
    assert set(latency.extra["percentiles"]) == {"p25", "p50", "p75", "p90", "p95", "p99"}
    data = latency.extra["latency_data"]
    assert [d["speaker"] for d in data] == [MAIN_AGENT, MAIN_AGENT]
    assert data[0]["latency"] == pytest.approx(600, abs=FRAME_MS)
    assert data[1]["start_time"] == pytest.approx(19.5, abs=FRAME_S)


def test_interruptions_both_ways_and_the_stop_time(facts: CallFacts) -> None:
    ai = value("count_ai_interrupting_user", facts)
    assert ai.score == 1.0
    assert ai.extra["interruptions"][0]["start_time"] == pytest.approx(5.5, abs=FRAME_S)
    user = value("count_user_interrupting_ai", facts)
    assert user.score == 1.0
    assert user.extra["interruptions"][0]["start_time"] == pytest.approx(6.5, abs=FRAME_S)
    stop = value("get_stop_time_after_interruption", facts)
    assert stop.score == pytest.approx(500, abs=2 * FRAME_MS)
    score = value("get_interruption_score", facts)
    assert score.score == pytest.approx(5 * (1 - 1 / 3), abs=0.01)
    assert score.extra["agent_turns"] == 3


def test_talk_ratio_and_words_per_minute(facts: CallFacts) -> None:
    ratio = value("get_talk_ratio", facts)
    assert ratio.score == pytest.approx(3.4 / 7.4, abs=0.01)
    wpm = value("get_words_per_minute", facts)
    assert wpm.extra["words"] == 5 + 7 + 2  # "10 or 11" are three words
    assert wpm.score == pytest.approx(14 / (3.4 / 60), rel=0.02)


def test_silence_and_dead_air_are_found(facts: CallFacts) -> None:
    silence = value("detect_silence", facts)
    assert silence.passed is False
    [gap] = silence.extra["silences"]
    assert gap["start_time"] == pytest.approx(7.5, abs=FRAME_S)
    assert gap["duration"] == pytest.approx(12.0, abs=2 * FRAME_S)
    assert value("detect_silence", facts, silence_duration=15).passed is True
    infra = value("check_infra_issues", facts)
    assert infra.passed is False
    assert [i["kind"] for i in infra.extra["issues"]] == ["no_response"]
    assert value("check_infra_issues", facts, infra_issues_timeout=13).passed is True


def test_average_pitch_needs_the_recording(wav: Path) -> None:
    pitch = value("get_average_pitch", from_recording(wav))
    assert pitch.score == pytest.approx(180, abs=1)
    assert value("get_average_pitch", from_timing_record()).not_applicable


def test_segments_from_the_timing_record_gate_the_recordings_pitch(wav: Path) -> None:
    timed = from_timing_record()
    assert timed.audio is not None
    both = prepare(
        dataclasses.replace(timed, audio=dataclasses.replace(timed.audio, recording_path=wav))
    )
    latency = value("get_latency", both)
    assert latency.extra["segments_from"] == "timing_record"
    assert latency.score == (600 + 12000) / 2  # the record's instants, exactly
    assert value("get_average_pitch", both).score == pytest.approx(180, abs=1)


def test_infrastructure_issues_from_the_signal(tmp_path: Path) -> None:
    bursts = [Burst(0, 0.5, 2.0), Burst(1, 2.5, 4.0, level=3.0)]  # the agent clips
    path = recording(tmp_path / "clipped.wav", bursts, 5.0)
    infra = value("check_infra_issues", from_recording_of(path))
    assert [i["kind"] for i in infra.extra["issues"]] == ["clipping"]
    assert infra.extra["issues"][0]["channel"] == MAIN_AGENT
    one_way = recording(tmp_path / "one-way.wav", [Burst(0, 0.5, 2.0), Burst(0, 3, 4)], 5.0)
    infra = value("check_infra_issues", from_recording_of(one_way))
    kinds = [i["kind"] for i in infra.extra["issues"]]
    assert "one_way_audio" in kinds and infra.passed is False


def from_recording_of(path: Path) -> CallFacts:
    return prepare(CallFacts(duration_s=None, audio=AudioFacts(recording_path=path)))


def test_transcription_accuracy_pools_the_caller_turns() -> None:
    turns = (
        TurnTiming(
            TESTING_AGENT,
            0,
            1,
            text="I'd like 2 cleanings please.",
            heard="id like two cleanings please",
        ),
        TurnTiming(TESTING_AGENT, 2, 3, text="On Tuesday morning", heard="on thursday morning"),
        TurnTiming(MAIN_AGENT, 1.2, 1.8, text="Sure."),
    )
    accuracy = value("get_transcription_accuracy", call(AudioFacts(turns=turns)))
    assert accuracy.extra["wer"] == pytest.approx(1 / 8, abs=1e-4)
    assert accuracy.score == 87.5
    assert [t["wer"] for t in accuracy.extra["turns"]] == [0.0, pytest.approx(1 / 3, abs=1e-4)]
    unheard = (TurnTiming(TESTING_AGENT, 0, 1, text="hello"),)
    assert value("get_transcription_accuracy", call(AudioFacts(turns=unheard))).not_applicable


def test_an_unreadable_recording_without_a_timing_record_is_an_error(tmp_path: Path) -> None:
    facts = call(AudioFacts(recording_path=tmp_path / "gone.wav"))
    talk = evaluate(catalogue_spec("get_talk_ratio"), facts)
    assert talk.error is not None and "does not exist" in talk.error
    # Latency falls back to the transcript's times (none measured here: N/A, not an error)
    assert evaluate(catalogue_spec("get_latency"), facts).not_applicable


def test_the_swapped_channel_index_swaps_the_speakers(tmp_path: Path, wav: Path) -> None:
    swapped = prepare(call(AudioFacts(recording_path=wav, testing_channel_index=1)))
    analysis = analysis_of(swapped)
    assert analysis is not None
    assert analysis.agent[0][0] == pytest.approx(CALLER[0][0], abs=FRAME_S)

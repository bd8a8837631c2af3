"""The `data` dict of custom_code metrics: Cekura's keys per mode, other metrics by name."""

from __future__ import annotations

from typing import Any

from voxtest.evaluation.code_data import build_code_data
from voxtest.evaluation.model import CallFacts, MetricValue

TRANSCRIPT: tuple[dict[str, Any], ...] = (
    {"role": "Testing Agent", "content": "Hi", "start_time": 0.5, "end_time": 1.5},
    {"role": "Main Agent", "content": "Hello.", "start_time": 2.0, "end_time": 3.0,
     "latency_ms": 500},
    {"role": "Function Call", "content": "", "start_time": 3.0, "end_time": 3.0,
     "data": {"id": "c1", "name": "book", "arguments": "{}"}},
    {"role": "Testing Agent", "content": "Book me", "start_time": 64.0, "end_time": 66.0},
    {"role": "Main Agent", "content": "Done.", "start_time": 67.5, "end_time": 68.0,
     "latency_ms": 1500},
    {"role": "Main Agent", "content": "Anything else?", "start_time": 69.0, "end_time": 70.0},
)  # fmt: skip
BOTH = {
    "transcript", "transcript_json", "call_duration", "call_end_reason", "voice_recording",
    "agent_description", "date", "timestamp", "metadata", "recording_data",
    "Average Latency (in ms)", "latency_data", "explanation", "mock_state",
}  # fmt: skip
SIMULATION = {
    "tags", "provider_call_id", "provider_call_data", "cekura_transcript_json", "test_profile",
    "run_id", "expected_outcome", "expected_outcome_explanation",
}  # fmt: skip
OBSERVABILITY = {"topic", "dynamic_variables", "call_log_id"}


def facts(**changes: Any) -> CallFacts:
    base: dict[str, Any] = {
        "transcript": TRANSCRIPT,
        "duration_s": 70.0,
        "ended_reason": "main-agent-ended-call",
        "run_id": 7,
        "agent": {"name": "Clinic", "description": "Books appointments."},
        "scenario": {"tags": ["booking"], "instructions": "Book for Monday."},
        "test_profile": {"name": "Ana"},
        "metadata": {"tier": "gold"},
        "dynamic_variables": {"customer": "Ana"},
        "timestamp": "2026-03-01T09:30:00+00:00",
        "provider_call_id": "prov-1",
        "provider_call_data": {"region": "eu"},
    }
    return CallFacts(**{**base, **changes})


def value(name: str, eval_type: str = "numeric", **fields: Any) -> MetricValue:
    return MetricValue(metric_id=len(name), name=name, eval_type=eval_type, **fields)


def test_simulation_has_both_mode_and_simulation_keys_only() -> None:
    data = build_code_data(facts(), [])
    assert set(data) == BOTH | SIMULATION
    assert data["run_id"] == 7
    assert data["tags"] == ["booking"]
    assert data["test_profile"] == {"name": "Ana"}
    assert data["provider_call_id"] == "prov-1"
    assert data["provider_call_data"] == {"region": "eu"}
    assert data["expected_outcome"] is None and data["expected_outcome_explanation"] == []


def test_observability_has_both_mode_and_observability_keys_only() -> None:
    topic = value("Topic of Call", "enum", value="billing", function_name="get_topic_of_call")
    data = build_code_data(facts(mode="observability", run_id=None, call_log_id=12), [topic])
    assert set(data) == BOTH | OBSERVABILITY | {"Topic of Call"}
    assert data["call_log_id"] == 12
    assert data["dynamic_variables"] == {"customer": "Ana"}
    assert data["topic"] == "billing"


def test_call_context_keys() -> None:
    data = build_code_data(facts(), [])
    assert data["call_duration"] == 70.0
    assert data["call_end_reason"] == "main-agent-ended-call"
    assert data["agent_description"] == "Books appointments."
    assert data["date"] == "2026-03-01"
    assert data["timestamp"] == "2026-03-01T09:30:00+00:00"
    assert data["metadata"] == {"tier": "gold"}
    assert data["voice_recording"] is None


def test_transcript_text_and_json_carry_mm_ss_times() -> None:
    data = build_code_data(facts(), [])
    lines = data["transcript"].splitlines()
    assert lines[0] == "[00:00] Testing Agent: Hi"
    assert lines[3] == "[01:04] Testing Agent: Book me"
    assert '"name":"book"' in lines[2]  # a tool turn without text shows its data
    assert data["transcript_json"][3] == {**TRANSCRIPT[3], "time": "01:04"}
    assert data["cekura_transcript_json"][1] == {
        "role": "Main Agent",
        "content": "Hello.",
        "timestamp": 2.0,
    }


def test_latency_keys_from_measured_agent_turns() -> None:
    data = build_code_data(facts(), [])
    assert data["latency_data"] == [
        {"latency": 500.0, "speaker": "Main Agent", "start_time": 2.0},
        {"latency": 1500.0, "speaker": "Main Agent", "start_time": 67.5},
    ]
    assert data["Average Latency (in ms)"] == 1000.0


def test_no_measured_latency_gives_none_and_empty_list() -> None:
    data = build_code_data(facts(transcript=TRANSCRIPT[:1]), [])
    assert data["Average Latency (in ms)"] is None
    assert data["latency_data"] == []


def test_recording_data_segments_per_speaker_without_audio() -> None:
    recording = build_code_data(facts(), [])["recording_data"]
    assert recording["has_audio_data"] is False
    assert recording["total_duration"] == 70.0
    assert recording["main_speaking"] == [[2.0, 3.0], [67.5, 68.0], [69.0, 70.0]]
    assert recording["testing_speaking"] == [[0.5, 1.5], [64.0, 66.0]]


def test_other_metrics_by_exact_name_with_explanations() -> None:
    values = [
        value("Customer Satisfaction", "continuous_qualitative", score=4.5,
              explanation=("Happy", "Resolved")),
        value("Politeness", "binary", score=5.0, passed=True, explanation=("Polite",)),
        value("Sentiment", "enum", value="positive", explanation=("Upbeat",)),
        value("Skipped", "binary", not_applicable=True, explanation=("Not relevant.",)),
        value("Broken", "numeric", error="judge_failed", explanation=("Could not evaluate",)),
    ]  # fmt: skip
    data = build_code_data(facts(), values)
    assert data["Customer Satisfaction"] == 4.5
    assert data["Politeness"] == 5.0
    assert data["Sentiment"] == "positive"
    assert data["Skipped"] is None
    assert data["Broken"] is None
    assert data["explanation"]["Customer Satisfaction"] == ["Happy", "Resolved"]
    assert data["explanation"]["Skipped"] == ["Not relevant."]


def test_a_metric_named_like_a_key_does_not_replace_it() -> None:
    data = build_code_data(facts(), [value("transcript", score=1.0, explanation=("x",))])
    assert data["transcript"].startswith("[00:00] Testing Agent: Hi")
    assert data["explanation"]["transcript"] == ["x"]


def test_expected_outcome_comes_from_the_expected_outcome_metric() -> None:
    outcome = value(
        "Expected Outcome",
        "binary",
        score=0.0,
        passed=False,
        explanation=("Not booked.", "0 of 1 part(s) met."),
        function_name="evaluate_expected_outcome",
    )
    data = build_code_data(facts(), [outcome])
    assert data["expected_outcome"] == 0.0
    assert data["expected_outcome_explanation"] == ["Not booked.", "0 of 1 part(s) met."]


def test_unknown_call_values_are_none() -> None:
    data = build_code_data(CallFacts(), [])
    assert data["date"] is None and data["timestamp"] is None
    assert data["call_duration"] is None and data["run_id"] is None
    assert data["transcript"] == "" and data["transcript_json"] == []

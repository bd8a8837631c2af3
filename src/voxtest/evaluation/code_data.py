"""The `data` dict a custom_code metric reads, built from a call's facts and the other metrics.

Cekura's keys (docs: metrics/python-metric), in both modes: `transcript` (`[mm:ss] Role:
text` lines), `transcript_json` (the turns, each with its `time` as `mm:ss`), `call_duration`
(s), `call_end_reason`, `voice_recording` (None), `agent_description`, `date` (YYYY-MM-DD)
and `timestamp` (ISO 8601) of the call, `metadata`, `recording_data` (speaking segments: from
a voice call's audio analysis, else the turns' times), "Average Latency (in ms)" and
`latency_data` (`[{latency, speaker, start_time}]`: a voice call's replies measured on the
audio, else the agent turns whose latency was measured). Observability only: `topic` (the
topic metric's value), `dynamic_variables`, `call_log_id`. Simulation only: `tags` (the
scenario's), `provider_call_id`, `provider_call_data`, `cekura_transcript_json` (`{role,
content, timestamp}`), `test_profile`, `run_id`, `expected_outcome` and
`expected_outcome_explanation` (the expected-outcome metric's score and explanation).
Unknown values are None. Pure: no I/O (the audio analysis is done before).

Every other metric's result is `data["Metric Name"]` (the score; the value for enum-like
metrics; None when it was N/A or failed) and its explanation `data["explanation"]["Metric
Name"]`. A metric named like one of the keys above does not replace it (its explanation is
still there).
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable, Mapping
from typing import Any

from voxtest.domain.transcript import clock
from voxtest.evaluation.audio.analysis import AudioAnalysis
from voxtest.evaluation.audio.segments import replies
from voxtest.evaluation.model import ENUM_TYPES, MAIN_AGENT, TESTING_AGENT, CallFacts, MetricValue
from voxtest.evaluation.prompt_vars import call_date, render_transcript

AVERAGE_LATENCY = "Average Latency (in ms)"
EXPECTED_OUTCOME = "evaluate_expected_outcome"  # the predefined metric's function (and legacy type)
TOPIC = ("get_topic_of_call", "observability_topics")


def build_code_data(facts: CallFacts, values: Iterable[MetricValue]) -> dict[str, Any]:
    """`data` for a custom_code metric on this call, after the metrics in `values` ran."""
    values = list(values)
    data: dict[str, Any] = {value.name: _result(value) for value in values}
    data.update(_both_modes(facts))
    if facts.mode == "observability":
        data.update(_observability_only(facts, values))
    else:
        data.update(_simulation_only(facts, values))
    data["explanation"] = {value.name: list(value.explanation) for value in values}
    return data


def _result(value: MetricValue) -> Any:
    if value.not_applicable or value.error is not None:
        return None
    return value.value if value.eval_type in ENUM_TYPES else value.score


def _both_modes(facts: CallFacts) -> dict[str, Any]:
    analysis = _analysis(facts)
    latencies = _audio_latency(analysis) if analysis else _latency_data(facts.transcript)
    return {
        "transcript": render_transcript(facts.transcript),
        "transcript_json": [{**turn, "time": clock(_start(turn))} for turn in facts.transcript],
        "call_duration": facts.duration_s,
        "call_end_reason": facts.ended_reason,
        "voice_recording": None,
        "agent_description": facts.agent.get("description", ""),
        "date": call_date(facts.timestamp) or None,
        "timestamp": facts.timestamp or None,
        "metadata": dict(facts.metadata),
        "mock_state": (facts.metadata.get("mock_state") or {}).get("tables"),
        "recording_data": _audio_recording(facts, analysis) if analysis else _recording_data(facts),
        AVERAGE_LATENCY: (
            statistics.fmean(item["latency"] for item in latencies) if latencies else None
        ),
        "latency_data": latencies,
    }


def _observability_only(facts: CallFacts, values: list[MetricValue]) -> dict[str, Any]:
    topic = next((v.value for v in values if _is(v, *TOPIC) and v.value), None)
    return {
        "topic": topic,
        "dynamic_variables": dict(facts.dynamic_variables),
        "call_log_id": facts.call_log_id,
    }


def _simulation_only(facts: CallFacts, values: list[MetricValue]) -> dict[str, Any]:
    outcome = next((v for v in values if _is(v, EXPECTED_OUTCOME)), None)
    return {
        "tags": list(facts.scenario.get("tags") or []),
        "provider_call_id": facts.provider_call_id or None,
        "provider_call_data": dict(facts.provider_call_data),
        "cekura_transcript_json": [
            {"role": t.get("role"), "content": t.get("content") or "", "timestamp": _start(t)}
            for t in facts.transcript
        ],
        "test_profile": dict(facts.test_profile),
        "run_id": facts.run_id,
        "expected_outcome": _result(outcome) if outcome else None,
        "expected_outcome_explanation": list(outcome.explanation) if outcome else [],
    }


def _is(value: MetricValue, *kinds: str) -> bool:
    return value.function_name in kinds or value.eval_type in kinds


def _start(turn: Mapping[str, Any]) -> float:
    return _seconds(turn.get("start_time")) or 0.0


def _seconds(raw: Any) -> float | None:
    if isinstance(raw, bool) or not isinstance(raw, int | float):
        return None
    return float(raw)


def _latency_data(transcript: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    return [
        {"latency": float(turn["latency_ms"]), "speaker": MAIN_AGENT, "start_time": _start(turn)}
        for turn in transcript
        if turn.get("role") == MAIN_AGENT and _seconds(turn.get("latency_ms")) is not None
    ]


def _recording_data(facts: CallFacts) -> dict[str, Any]:
    return {
        "has_audio_data": False,
        "sample_rate": None,
        "shape": None,
        "separable_channels": False,
        "total_duration": facts.duration_s,
        "main_speaking": _segments(facts.turns(MAIN_AGENT)),
        "testing_speaking": _segments(facts.turns(TESTING_AGENT)),
    }


def _segments(turns: Iterable[Mapping[str, Any]]) -> list[list[float]]:
    segments = []
    for turn in turns:
        start = _start(turn)
        end = _seconds(turn.get("end_time"))
        segments.append([start, max(start, end if end is not None else start)])
    return segments


def _analysis(facts: CallFacts) -> AudioAnalysis | None:
    analysis = facts.audio.analysis if facts.audio is not None else None
    return analysis if analysis is not None and analysis.segments_from != "none" else None


def _audio_latency(analysis: AudioAnalysis) -> list[dict[str, Any]]:
    return [
        {
            "latency": round(r.gap_s * 1000, 1),
            "speaker": MAIN_AGENT,
            "start_time": round(r.agent_start, 3),
        }
        for r in replies(analysis.caller, analysis.agent)
    ]


def _audio_recording(facts: CallFacts, analysis: AudioAnalysis) -> dict[str, Any]:
    assert facts.audio is not None
    read = analysis.signal is not None
    duration = analysis.duration_s
    rate = facts.audio.sample_rate
    return {
        "has_audio_data": read,
        "sample_rate": rate if read else None,
        "shape": [round(duration * rate), 2] if read and duration else None,
        "separable_channels": read,
        "total_duration": duration if duration is not None else facts.duration_s,
        "main_speaking": [[s, e] for s, e in analysis.agent],
        "testing_speaking": [[s, e] for s, e in analysis.caller],
    }

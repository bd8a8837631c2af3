"""Latency, Infrastructure Issues and Detect Silence from turn timings."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from voxtest.evaluation.deterministic import evaluate
from voxtest.evaluation.model import (
    FUNCTION_CALL,
    FUNCTION_CALL_RESULT,
    MAIN_AGENT,
    TESTING_AGENT,
    CallFacts,
    MetricSpec,
)
from voxtest.evaluation.timing import infra_issues, latency, percentiles, silence
from voxtest.runner import limits

LATENCY = MetricSpec(14, "Latency (in ms)", "custom_code", "numeric", function_name="get_latency")
INFRA = MetricSpec(19, "Infrastructure Issues", "custom_code", function_name="check_infra_issues")
SILENCE = MetricSpec(18, "Detect Silence", "custom_code", function_name="detect_silence")


def turn(role: str, start: float, end: float | None = None, **data: Any) -> dict[str, Any]:
    return {
        "role": role,
        "content": "" if role in (FUNCTION_CALL, FUNCTION_CALL_RESULT) else "words",
        "start_time": start,
        "end_time": start if end is None else end,
        "data": data,
    }


def caller(start: float, end: float | None = None) -> dict[str, Any]:
    return turn(TESTING_AGENT, start, end)


def agent(start: float, end: float | None = None, **data: Any) -> dict[str, Any]:
    return turn(MAIN_AGENT, start, end, **data)


def facts(*turns: dict[str, Any], **fields: Any) -> CallFacts:
    return CallFacts(transcript=tuple(turns), **fields)


def configured(spec: MetricSpec, **configuration: Any) -> MetricSpec:
    return MetricSpec(spec.id, spec.name, spec.type, spec.eval_type,
                      function_name=spec.function_name, configuration=configuration)  # fmt: skip


# -- Latency ---------------------------------------------------------------------------------


def test_latency_averages_main_agent_turns_with_percentiles() -> None:
    call = facts(
        caller(0), agent(1, latency_ms=100), caller(2), agent(3, latency_ms=200),
        caller(4), agent(5, latency_ms=300), caller(6), agent(7, latency_ms=400),
        caller(8), agent(9, latency_ms=500),
    )  # fmt: skip
    value = latency(LATENCY, call)
    assert value.score == 300.0
    assert value.passed is None and not value.not_applicable
    assert value.extra["percentiles"] == {
        "p25": 200.0, "p50": 300.0, "p75": 400.0, "p90": 460.0, "p95": 480.0, "p99": 496.0,
    }  # fmt: skip
    assert value.extra["latency_data"][1] == {
        "latency": 200.0,
        "speaker": MAIN_AGENT,
        "start_time": 3.0,
    }
    assert "300 ms over 5 agent replies" in value.explanation[0]


def test_latency_reads_top_level_latency_and_ignores_unmeasured_and_bad_values() -> None:
    top_level = {**agent(4), "latency_ms": 900}
    call = facts(
        agent(0),  # a greeting: answers nobody, no latency
        caller(1),
        agent(2, latency_ms=300),
        top_level,
        agent(5, latency_ms=-5),
        agent(6, latency_ms=True),
        agent(7, latency_ms=float("nan")),
        {**caller(8), "latency_ms": 99999},  # only Main Agent turns count
    )
    value = latency(LATENCY, call)
    assert value.score == 600.0
    assert [d["latency"] for d in value.extra["latency_data"]] == [300.0, 900.0]


def test_latency_single_reply_has_every_percentile_equal() -> None:
    value = latency(LATENCY, facts(caller(0), agent(1, latency_ms=1234.5)))
    assert set(value.extra["percentiles"].values()) == {1234.5}


@pytest.mark.parametrize(
    "call",
    [facts(), facts(caller(0), agent(1)), facts(agent(0, latency_ms=None))],
    ids=["empty", "unmeasured", "null"],
)
def test_latency_is_not_applicable_without_a_measured_reply(call: CallFacts) -> None:
    value = latency(LATENCY, call)
    assert value.not_applicable and value.score is None
    assert value.to_wire()["extra"]["not_applicable"] is True


@given(st.lists(st.floats(0, 1e6, allow_nan=False), min_size=1, max_size=50))
def test_percentiles_rise_with_rank_and_stay_within_the_samples(values: list[float]) -> None:
    ranks = [0, 25, 50, 75, 90, 95, 99, 100]
    marks = percentiles(values, ranks)
    ordered = [marks[r] for r in ranks]
    assert ordered == sorted(ordered)
    assert marks[0] == min(values) and marks[100] == max(values)
    assert percentiles(list(reversed(values)), ranks) == marks


@given(st.lists(st.floats(0, 1e5, allow_nan=False), min_size=1, max_size=30))
def test_latency_average_lies_between_the_fastest_and_slowest_reply(values: list[float]) -> None:
    call = facts(*(agent(i, latency_ms=v) for i, v in enumerate(values)))
    value = latency(LATENCY, call)
    assert value.score is not None
    assert round(min(values), 1) <= value.score <= round(max(values), 1)
    marks = list(value.extra["percentiles"].values())
    assert marks == sorted(marks)


def test_percentiles_reject_no_values_and_bad_ranks() -> None:
    with pytest.raises(ValueError):
        percentiles([], [50])
    with pytest.raises(ValueError):
        percentiles([1.0], [101])


# -- Infrastructure Issues -------------------------------------------------------------------


def test_infra_passes_when_the_agent_answers_in_time() -> None:
    value = infra_issues(INFRA, facts(caller(0, 2), agent(3.5), caller(5), agent(14.9)))
    assert value.passed is True and value.score == 5.0
    assert value.extra["infra_issues"] is False and value.extra["issues"] == []


def test_infra_fails_when_the_agent_answers_after_the_timeout() -> None:
    value = infra_issues(INFRA, facts(caller(0, 2), agent(3), caller(10, 11), agent(23.5)))
    assert value.passed is False and value.score == 0.0
    assert value.extra["infra_issues"] is True
    (issue,) = value.extra["issues"]
    assert issue["kind"] == "no_response"
    assert issue["caller_turn_start_time"] == 10.0 and issue["waited_s"] == 12.5
    assert "12.5 s" in value.explanation[0]


@pytest.mark.parametrize(("reply_at", "passed"), [(12.0, True), (12.001, False)])
def test_infra_timeout_is_strict_and_counted_from_the_end_of_the_caller_turn(
    reply_at: float, passed: bool
) -> None:
    assert infra_issues(INFRA, facts(caller(0, 2), agent(reply_at))).passed is passed


def test_infra_timeout_comes_from_the_configuration() -> None:
    call = facts(caller(0), agent(6))
    assert infra_issues(INFRA, call).passed is True
    assert infra_issues(configured(INFRA, infra_issues_timeout=5), call).passed is False
    assert infra_issues(configured(INFRA, infra_issues_timeout="5"), call).passed is False


def test_infra_counts_a_tool_log_as_the_agent_responding() -> None:
    lookup = turn(FUNCTION_CALL, 2, id="c1", name="lookup")
    call = facts(caller(0), lookup, agent(15), caller(16), duration_s=17)
    assert infra_issues(INFRA, call).extra["issues"] == []


def test_infra_measures_a_repeated_caller_turn_from_the_first_one() -> None:
    value = infra_issues(INFRA, facts(caller(0), caller(12), agent(13)))
    assert [i["caller_turn_start_time"] for i in value.extra["issues"]] == [0.0]
    assert value.extra["issues"][0]["waited_s"] == 13.0


@pytest.mark.parametrize(("duration", "passed"), [(15.0, False), (1.5, True), (None, True)])
def test_infra_judges_a_last_unanswered_turn_by_how_long_the_call_stayed_open(
    duration: float | None, passed: bool
) -> None:
    value = infra_issues(INFRA, facts(caller(0), agent(1), caller(3), duration_s=duration))
    assert value.passed is passed


@pytest.mark.parametrize(
    "reason",
    [
        limits.MAIN_AGENT_DID_NOT_ANSWER,
        limits.MAIN_AGENT_SILENCE_TIMED_OUT,
        limits.TESTING_AGENT_DID_NOT_CONNECT,
        limits.CONNECTION_DROPPED,
        "sip-call-failed",
    ],
)
def test_infra_fails_on_agent_side_end_reasons(reason: str) -> None:
    value = infra_issues(INFRA, facts(caller(0), agent(1), ended_reason=reason))
    assert value.passed is False
    assert value.extra["issues"][0]["ended_reason"] == reason


@pytest.mark.parametrize(
    "reason",
    [
        limits.MAIN_AGENT_ENDED_CALL,
        limits.TESTING_AGENT_ENDED_CALL,
        limits.EXCEEDED_MAX_DURATION,
        limits.EXCEEDED_MAX_MESSAGES,
        limits.TESTING_AGENT_PIPELINE_ERROR,  # our side, not the agent's infrastructure
        None,
    ],
)
def test_infra_passes_on_normal_end_reasons(reason: str | None) -> None:
    assert infra_issues(INFRA, facts(caller(0), agent(1), ended_reason=reason)).passed is True


def test_infra_fails_when_the_call_did_not_connect() -> None:
    value = infra_issues(INFRA, facts(connected=False))
    assert value.passed is False and value.extra["issues"][0]["kind"] == "not_connected"


def test_infra_skips_turns_without_times() -> None:
    untimed_agent = {"role": MAIN_AGENT, "content": "hi"}
    call = facts({"role": TESTING_AGENT, "content": "hello"}, caller(0), untimed_agent)
    assert infra_issues(INFRA, call).passed is True


@given(
    st.lists(st.floats(0, 60, allow_nan=False), min_size=1, max_size=12),
    st.floats(0.5, 30),
    st.floats(0, 30),
)
def test_a_longer_infra_timeout_never_turns_a_pass_into_a_failure(
    gaps: list[float], timeout: float, more: float
) -> None:
    turns, clock = [], 0.0
    for i, gap in enumerate(gaps):
        clock += gap
        turns.append(caller(clock) if i % 2 == 0 else agent(clock))
    call = facts(*turns)
    strict = infra_issues(configured(INFRA, infra_issues_timeout=timeout), call)
    lenient = infra_issues(configured(INFRA, infra_issues_timeout=timeout + more), call)
    assert len(lenient.extra["issues"]) <= len(strict.extra["issues"])
    assert strict.passed is False or lenient.passed is True


# -- Detect Silence --------------------------------------------------------------------------


def test_silence_fails_on_a_gap_longer_than_silence_duration() -> None:
    value = silence(SILENCE, facts(caller(0, 1), agent(2, 3), caller(14.5, 15), duration_s=16))
    assert value.passed is False and value.score == 0.0
    assert value.extra["silences"] == [{"start_time": 3.0, "end_time": 14.5, "duration": 11.5}]
    assert "11.5 s" in value.explanation[0]


@pytest.mark.parametrize(("gap", "passed"), [(10.0, True), (10.01, False)])
def test_silence_must_be_strictly_longer_than_the_limit(gap: float, passed: bool) -> None:
    assert silence(SILENCE, facts(caller(0, 1), agent(1 + gap))).passed is passed


def test_silence_counts_the_start_and_the_end_of_the_call() -> None:
    assert silence(SILENCE, facts(agent(11), caller(12))).passed is False
    assert silence(SILENCE, facts(agent(1), caller(2), duration_s=13)).passed is False
    assert silence(SILENCE, facts(agent(1), caller(2), duration_s=11)).passed is True


def test_tool_logs_do_not_break_a_silence() -> None:
    call = facts(caller(0), turn(FUNCTION_CALL, 5, id="1", name="x"), agent(11))
    assert silence(SILENCE, call).passed is False


def test_silence_is_measured_from_the_end_of_the_longest_overlapping_turn() -> None:
    # the agent talks over a short caller turn: nobody is silent until 30 s
    call = facts(agent(0, 30), caller(5, 6), caller(35))
    assert silence(SILENCE, call).passed is True


def test_silence_duration_comes_from_the_configuration() -> None:
    call = facts(caller(0), agent(4))
    assert silence(SILENCE, call).passed is True
    assert silence(configured(SILENCE, silence_duration=3), call).passed is False


def test_silence_without_timed_turns() -> None:
    assert silence(SILENCE, facts()).not_applicable
    assert silence(SILENCE, facts({"role": MAIN_AGENT, "content": "hi"})).not_applicable
    assert silence(SILENCE, facts(duration_s=30)).passed is False  # a call nobody spoke in
    assert silence(SILENCE, facts(duration_s=5)).passed is True


@given(
    st.lists(st.tuples(st.floats(0, 100), st.floats(0, 20)), max_size=15),
    st.floats(0.5, 20),
    st.floats(0, 20),
)
def test_a_longer_silence_duration_never_finds_more_silences(
    spans: list[tuple[float, float]], threshold: float, more: float
) -> None:
    call = facts(*(caller(start, start + length) for start, length in spans), duration_s=130)
    strict = silence(configured(SILENCE, silence_duration=threshold), call)
    lenient = silence(configured(SILENCE, silence_duration=threshold + more), call)
    assert len(lenient.extra["silences"]) <= len(strict.extra["silences"])
    for gap in strict.extra["silences"]:
        assert gap["duration"] > threshold - 1e-3
        assert not any(s < gap["end_time"] and s + n > gap["start_time"] for s, n in spans)


# -- configuration errors --------------------------------------------------------------------


@pytest.mark.parametrize("bad", [0, -3, "soon", True, float("inf")])
@pytest.mark.parametrize(
    ("spec", "key"), [(INFRA, "infra_issues_timeout"), (SILENCE, "silence_duration")]
)
def test_a_bad_configuration_value_is_an_error_value(spec: MetricSpec, key: str, bad: Any) -> None:
    value = evaluate(configured(spec, **{key: bad}), facts(caller(0), agent(1)))
    assert value.error is not None and key in value.error
    assert value.score is None and value.passed is None
    assert value.to_wire()["extra"]["error"] == value.error

"""The deterministic metrics' registry: selection by function_name, errors as values."""

from __future__ import annotations

from typing import Any, cast

import pytest

from voxtest.evaluation.deterministic import (
    EVALUATORS,
    NEEDS_AUDIO,
    evaluate,
    evaluate_all,
    is_deterministic,
)
from voxtest.evaluation.model import MAIN_AGENT, TESTING_AGENT, CallFacts, MetricSpec
from voxtest.services.metric_catalogue import BY_FUNCTION

CALL = CallFacts(
    transcript=(
        {"role": TESTING_AGENT, "content": "hi", "start_time": 0.0, "end_time": 0.0},
        {"role": MAIN_AGENT, "content": "hello", "start_time": 0.8, "end_time": 0.8,
         "data": {"latency_ms": 800.0}},
    ),
    duration_s=2.0,
)  # fmt: skip


def catalogue_spec(function_name: str, **configuration: Any) -> MetricSpec:
    entry = BY_FUNCTION[function_name]
    return MetricSpec(
        id=100 + entry.id,
        name=entry.name,
        type=entry.type,
        eval_type=entry.eval_type,
        function_name=entry.function_name,
        code=entry.code,
        configuration=configuration or dict(entry.configuration),
    )


def test_every_evaluator_is_a_catalogue_metric() -> None:
    assert set(EVALUATORS) <= set(BY_FUNCTION)
    assert set(EVALUATORS) == {
        "get_latency",
        "check_infra_issues",
        "detect_silence",
        "check_tool_call_success",
        "get_mock_tool_call_accuracy",
        "check_end_state_matches",
        "count_ai_interrupting_user",
        "count_user_interrupting_ai",
        "get_stop_time_after_interruption",
        "get_interruption_score",
        "get_talk_ratio",
        "get_words_per_minute",
        "get_average_pitch",
        "get_transcription_accuracy",
    }


@pytest.mark.parametrize("function_name", sorted(EVALUATORS))
def test_values_carry_the_metric_identity_and_fit_its_eval_type(function_name: str) -> None:
    spec = catalogue_spec(function_name)
    value = evaluate(spec, CALL)
    assert (value.metric_id, value.name, value.eval_type) == (spec.id, spec.name, spec.eval_type)
    assert (value.function_name, value.code, value.type) == (
        spec.function_name,
        spec.code,
        spec.type,
    )
    assert value.error is None
    wire = value.to_wire()
    assert wire["extra"]["function_name"] == function_name
    assert wire["extra"]["vocera_defined_metric_code"] == spec.code
    if value.not_applicable:
        assert value.score is None
    elif spec.eval_type == "binary":
        assert (value.score, value.passed) in ((5.0, True), (0.0, False))
    else:
        assert value.passed is None and isinstance(value.score, float)


def test_the_sample_call_gives_the_expected_values() -> None:
    values = {v.function_name: v for v in evaluate_all(map(catalogue_spec, EVALUATORS), CALL)}
    assert values["get_latency"].score == 800.0
    assert values["check_infra_issues"].passed is True
    assert values["detect_silence"].passed is True
    assert values["check_tool_call_success"].not_applicable
    assert values["get_mock_tool_call_accuracy"].not_applicable


def test_evaluate_all_leaves_metrics_that_need_a_model() -> None:
    specs = [
        catalogue_spec("check_hallucination"),
        catalogue_spec("get_latency"),
        catalogue_spec("get_talk_ratio"),
        MetricSpec(1, "custom", description="judge it"),
    ]
    values = evaluate_all(specs, CALL)
    assert [v.function_name for v in values] == ["get_latency", "get_talk_ratio"]
    assert not is_deterministic(specs[0]) and is_deterministic(specs[1])
    assert values[1].not_applicable and values[1].explanation == (NEEDS_AUDIO,)


def test_evaluate_refuses_a_metric_it_does_not_know() -> None:
    with pytest.raises(KeyError):
        evaluate(catalogue_spec("get_csat"), CALL)


def test_a_configuration_without_the_key_falls_back_to_the_catalogue_default() -> None:
    spec = catalogue_spec("detect_silence", unrelated=1)
    value = evaluate(spec, CALL)
    assert value.error is None and value.extra["silence_duration"] == 10.0


def test_an_evaluator_crashing_on_malformed_facts_gives_an_error_value() -> None:
    garbage = CallFacts(transcript=(cast(dict[str, Any], "not a turn"),))
    value = evaluate(catalogue_spec("get_latency"), garbage)
    assert value.error is not None and "attribute" in value.error
    assert value.explanation == (f"Could not evaluate: {value.error}",)

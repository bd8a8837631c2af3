"""Turning what the sandbox reported into a metric value or a trigger decision (pure)."""

from __future__ import annotations

import signal
from typing import Any

import pytest

from voxtest.evaluation.model import MetricSpec
from voxtest.evaluation.sandbox_outcome import (
    SandboxReport,
    metric_value,
    report_from,
    trigger_decision,
)


def spec(eval_type: str = "binary", **fields: Any) -> MetricSpec:
    return MetricSpec(id=3, name="Custom", type="custom_code", eval_type=eval_type, **fields)


def ok(result: Any, *explanation: str) -> SandboxReport:
    return SandboxReport(result=result, explanation=explanation)


@pytest.mark.parametrize(
    ("result", "score", "passed"),
    [(True, 5.0, True), (False, 0.0, False), (5, 5.0, True), (0, 0.0, False)],
)
def test_binary_results_become_5_or_0(result: Any, score: float, passed: bool) -> None:
    value = metric_value(spec("binary_workflow_adherence"), ok(result, "why"))
    assert (value.score, value.passed, value.explanation) == (score, passed, ("why",))
    assert value.type == "custom_code" and value.error is None


def test_binary_rejects_other_numbers() -> None:
    value = metric_value(spec("binary"), ok(3))
    assert value.error == "invalid_result" and value.score is None
    assert value.explanation == (
        "A binary metric needs _result True or False (or 5 or 0); the custom code set 3.",
    )


def test_numeric_takes_any_finite_number() -> None:
    assert metric_value(spec("numeric"), ok(1234.5)).score == 1234.5
    assert metric_value(spec("numeric"), ok("12")).error == "invalid_result"


def test_continuous_must_be_within_0_and_5() -> None:
    assert metric_value(spec("continuous_qualitative"), ok(4.25)).score == 4.25
    value = metric_value(spec("continuous_qualitative"), ok(7))
    assert value.error == "invalid_result"
    assert "from 0 to 5; the custom code set 7" in value.explanation[0]


def test_enum_must_be_one_of_the_values() -> None:
    kinds = spec("enum", enum_values=("good", "bad"))
    assert metric_value(kinds, ok("good")).value == "good"
    value = metric_value(kinds, ok("meh"))
    assert value.error == "invalid_result" and value.value is None
    assert value.explanation == ("_result must be one of: good, bad; the custom code set 'meh'.",)


def test_valid_skip_explanation_makes_the_metric_not_applicable() -> None:
    value = metric_value(spec(), ok(False, "VALID_SKIP: caller hung up first", "detail"))
    assert value.not_applicable and value.score is None and value.passed is None
    assert value.explanation == ("caller hung up first", "detail")


def test_none_result_is_not_applicable() -> None:
    value = metric_value(spec(), ok(None))
    assert value.not_applicable and value.error is None


def test_a_failure_is_the_metric_error_with_its_message() -> None:
    report = SandboxReport(failure="cpu_limit", message="Stopped: too much CPU.")
    value = metric_value(spec(), report)
    assert (value.error, value.explanation, value.score) == (
        "cpu_limit",
        ("Stopped: too much CPU.",),
        None,
    )


def test_trigger_wants_a_bool() -> None:
    assert trigger_decision(ok(True, "booking call")).should_run is True
    assert trigger_decision(ok(False)).should_run is False
    odd = trigger_decision(ok("yes"))
    assert (odd.should_run, odd.error) == (False, "invalid_result")
    failed = trigger_decision(SandboxReport(failure="wall_limit", message="Stopped."))
    assert (failed.should_run, failed.error, failed.explanation) == (
        False,
        "wall_limit",
        ("Stopped.",),
    )


def test_worker_killed_after_its_cpu_limit_is_a_cpu_limit() -> None:
    report = report_from({"type": "exit", "code": -signal.SIGKILL, "cpu_seconds": 2.01}, 2)
    assert report.failure == "cpu_limit"
    assert report.message == (
        "Stopped: the custom code used more than 2 s of CPU time (the sandbox's limit)."
    )


def test_worker_ended_otherwise_is_a_crash() -> None:
    segv = report_from({"type": "exit", "code": -signal.SIGSEGV, "cpu_seconds": 0.1}, 2)
    assert (segv.failure, segv.message) == (
        "crashed",
        "The custom code's process was ended by SIGSEGV.",
    )
    quiet = report_from({"type": "exit", "code": 3, "cpu_seconds": 0.1}, 2)
    assert "exit code 3" in quiet.message


def test_unexpected_message_is_a_sandbox_error() -> None:
    assert report_from({"type": "hello"}, 2).failure == "sandbox_error"

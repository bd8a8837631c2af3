"""What a sandbox run produced, and how it becomes a metric's value or a trigger's decision.

Pure: `SandboxReport` is what the child reported (or why it ended without reporting);
`metric_value` types `_result` by the metric's eval_type (binary → 5/0 and `passed`,
numeric, continuous 0–5, enum within `enum_values`), honours `VALID_SKIP:` explanations and
`_result = None` (N/A); `trigger_decision` wants a bool.
"""

from __future__ import annotations

import math
import signal
from dataclasses import dataclass, field
from typing import Any

from voxtest.evaluation.model import (
    BINARY_TYPES,
    ENUM_TYPES,
    FAIL_SCORE,
    PASS_SCORE,
    MetricSpec,
    MetricValue,
)

SKIP_PREFIX = "VALID_SKIP:"
CONTINUOUS_TYPES = frozenset({"continuous_qualitative"})
UNEXPECTED = frozenset({"crashed", "sandbox_error"})  # explained with the end of stderr


@dataclass(frozen=True)
class SandboxReport:
    """The user's `_result` and `_explanation`, or `failure` (a kind such as `cpu_limit`,
    `wall_limit`, `memory_limit`, `output_limit`, `sandbox_violation`, `code_error`,
    `invalid_result`) with its human `message`. `layers`: the OS layers that were in force."""

    result: Any = None
    explanation: tuple[str, ...] = ()
    failure: str | None = None
    message: str = ""
    layers: dict[str, bool] = field(default_factory=dict)


@dataclass(frozen=True)
class TriggerDecision:
    """Whether a metric with a custom-code trigger should run on this call."""

    should_run: bool
    explanation: tuple[str, ...] = ()
    error: str | None = None


def report_from(message: dict[str, Any], cpu_limit_seconds: int) -> SandboxReport:
    """The report in the child's last message: a result, an error, or how its worker ended."""
    layers = message.get("layers")
    layers = layers if isinstance(layers, dict) else {}
    kind = message.get("type")
    if kind == "result":
        explanation = message.get("explanation")
        items = explanation if isinstance(explanation, list) else []
        return SandboxReport(
            result=message.get("result"),
            explanation=tuple(str(item) for item in items),
            layers=layers,
        )
    if kind == "error":
        return SandboxReport(
            failure=str(message.get("kind")), message=str(message.get("message")), layers=layers
        )
    if kind == "exit":
        code, cpu_seconds = message.get("code"), message.get("cpu_seconds")
        if isinstance(code, int) and isinstance(cpu_seconds, int | float):
            return _exited(code, cpu_seconds, cpu_limit_seconds)
    return failure("sandbox_error", f"The sandbox sent an unexpected message {kind!r}.")


def _exited(code: int, cpu_seconds: float, cpu_limit_seconds: int) -> SandboxReport:
    """The worker ended without reporting: the CPU limit's SIGKILL, or a crash."""
    if code in (-signal.SIGKILL, -signal.SIGXCPU) and cpu_seconds >= cpu_limit_seconds:
        return failure(
            "cpu_limit",
            f"Stopped: the custom code used more than {cpu_limit_seconds} s of CPU time "
            "(the sandbox's limit).",
        )
    if code < 0:
        name = signal.Signals(-code).name
        return failure("crashed", f"The custom code's process was ended by {name}.")
    return failure(
        "crashed", f"The custom code's process ended without a result (exit code {code})."
    )


def failure(kind: str, message: str) -> SandboxReport:
    return SandboxReport(failure=kind, message=message)


def metric_value(spec: MetricSpec, report: SandboxReport) -> MetricValue:
    if report.failure:
        return _value(spec, error=report.failure, explanation=(report.message,))
    explanation = report.explanation
    if explanation and explanation[0].startswith(SKIP_PREFIX):
        reason = explanation[0][len(SKIP_PREFIX) :].strip()
        return _value(spec, not_applicable=True, explanation=(reason, *explanation[1:]))
    if report.result is None:
        unset = ("The custom code set _result to None: not applicable.",)
        return _value(spec, not_applicable=True, explanation=explanation or unset)
    try:
        return _typed(spec, report.result, explanation)
    except ValueError as exc:
        return _value(spec, error="invalid_result", explanation=(str(exc),))


def _typed(spec: MetricSpec, result: Any, explanation: tuple[str, ...]) -> MetricValue:
    kind = spec.eval_type
    if kind in BINARY_TYPES:
        passed = _passed(result)
        score = PASS_SCORE if passed else FAIL_SCORE
        return _value(spec, score=score, passed=passed, explanation=explanation)
    if kind in ENUM_TYPES:
        if not isinstance(result, str):
            raise ValueError(
                f"An enum metric needs a string _result; the custom code set {result!r}."
            )
        if spec.enum_values and result not in spec.enum_values:
            allowed = ", ".join(spec.enum_values)
            raise ValueError(f"_result must be one of: {allowed}; the custom code set {result!r}.")
        return _value(spec, value=result, explanation=explanation)
    number = _number(result)
    if number is None:
        raise ValueError(f"A {kind} metric needs a number; the custom code set {result!r}.")
    if kind in CONTINUOUS_TYPES and not 0 <= number <= 5:
        raise ValueError(
            f"A continuous metric needs a number from 0 to 5; the custom code set {result!r}."
        )
    return _value(spec, score=number, explanation=explanation)


def _passed(result: Any) -> bool:
    if isinstance(result, bool):
        return result
    number = _number(result)
    if number in (PASS_SCORE, FAIL_SCORE):
        return number == PASS_SCORE
    raise ValueError(
        f"A binary metric needs _result True or False (or 5 or 0); the custom code set {result!r}."
    )


def _number(result: Any) -> float | None:
    if isinstance(result, bool) or not isinstance(result, int | float):
        return None
    return float(result) if math.isfinite(result) else None


def _value(spec: MetricSpec, **fields: Any) -> MetricValue:
    return MetricValue(
        metric_id=spec.id, name=spec.name, eval_type=spec.eval_type, type="custom_code", **fields
    )


def trigger_decision(report: SandboxReport) -> TriggerDecision:
    if report.failure:
        return TriggerDecision(False, (report.message,), error=report.failure)
    if not isinstance(report.result, bool):
        message = f"The trigger code must set _result to True or False; it set {report.result!r}."
        return TriggerDecision(False, (message,), error="invalid_result")
    return TriggerDecision(report.result, report.explanation)

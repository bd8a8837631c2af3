"""Building `MetricValue`s for a metric, reading its configuration and a transcript's times.

Shared by the deterministic evaluators (`timing`, `tools`). Binary metrics follow Cekura's
encoding: passed → score 5, failed → score 0.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from voxtest.evaluation.model import FAIL_SCORE, PASS_SCORE, MetricSpec, MetricValue
from voxtest.services.metric_catalogue import by_function


def _value(spec: MetricSpec, **fields: Any) -> MetricValue:
    return MetricValue(
        metric_id=spec.id,
        name=spec.name,
        eval_type=spec.eval_type,
        type=spec.type,
        function_name=spec.function_name,
        code=spec.code,
        **fields,
    )


def binary(
    spec: MetricSpec, passed: bool, explanation: list[str], extra: dict[str, Any]
) -> MetricValue:
    return _value(
        spec,
        score=PASS_SCORE if passed else FAIL_SCORE,
        passed=passed,
        explanation=tuple(explanation),
        extra=extra,
    )


def scored(
    spec: MetricSpec, score: float, explanation: list[str], extra: dict[str, Any]
) -> MetricValue:
    """A numeric or continuous (0–5) result."""
    return _value(spec, score=score, explanation=tuple(explanation), extra=extra)


def not_applicable(spec: MetricSpec, reason: str) -> MetricValue:
    return _value(spec, not_applicable=True, explanation=(reason,))


def failed(spec: MetricSpec, error: str) -> MetricValue:
    """Evaluating went wrong: the failure is the metric's result, not a crashed run."""
    return _value(spec, error=error, explanation=(f"Could not evaluate: {error}",))


def positive_setting(spec: MetricSpec, key: str) -> float:
    """A positive number from the metric's configuration, else the catalogue's default.

    Raises ValueError when the configured value is not a positive number."""
    raw = spec.configuration.get(key)
    if raw is None:
        entry = by_function(spec.function_name)
        raw = entry.configuration.get(key) if entry else None
    if raw is None:
        raise ValueError(f"configuration {key!r} is not set and has no default")
    number = _number(raw)
    if number is None or number <= 0:
        raise ValueError(f"configuration {key!r} must be a positive number, got {raw!r}")
    return number


def seconds(turn: Mapping[str, Any], key: str) -> float | None:
    """A turn's `start_time` or `end_time` in seconds; None when absent or not a number."""
    return _number(turn.get(key))


def span(turn: Mapping[str, Any]) -> tuple[float, float] | None:
    """A turn's (start, end) in seconds; end defaults to start. None when it has no start."""
    start = seconds(turn, "start_time")
    if start is None:
        return None
    end = seconds(turn, "end_time")
    return start, max(start, end if end is not None else start)


def _number(raw: Any) -> float | None:
    if isinstance(raw, bool):
        return None
    if isinstance(raw, int | float):
        return float(raw) if math.isfinite(raw) else None
    if isinstance(raw, str):
        try:
            return _number(float(raw))
        except ValueError:
            return None
    return None

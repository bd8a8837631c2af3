"""Reading judge answers into metric values, per eval type.

    binary                  {"value": true|false}   -> score 5 (pass) / 0 (fail), passed
    continuous_qualitative  {"value": 0..5}         -> score
    numeric                 {"value": <number>}     -> score
    enum                    {"value": "<one of>"}   -> value (matched case-insensitively)

Legacy eval type names map onto these (`judged_eval_type`). Readers raise `AnswerProblem`
with a message meant for the model, which gets one chance to repair its answer.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from voxtest.domain.metric_rules import canonical_eval_type
from voxtest.domain.rubric import BINARY_EVAL_TYPES, ENUM_EVAL_TYPES
from voxtest.evaluation.llm_metrics_ask import AnswerProblem, JudgeFailed, explanation_lines
from voxtest.evaluation.model import FAIL_SCORE, PASS_SCORE, MetricSpec, MetricValue

# CleanMetricDescriptionRequest's older vocabulary (boolean, rating) and the UI's names
OLDER_NAMES = {"boolean": "binary", "rating": "continuous_qualitative"}
TRUE_WORDS = frozenset({"true", "yes", "pass", "passed", "met", "y"})
FALSE_WORDS = frozenset({"false", "no", "fail", "failed", "not met", "n"})


@dataclass(frozen=True)
class Reading:
    """What an answer says, before it becomes a `MetricValue` of a particular metric."""

    score: float | None = None
    value: str | None = None
    passed: bool | None = None
    explanation: tuple[str, ...] = ()
    extra: Mapping[str, Any] = field(default_factory=dict)
    not_applicable: bool = False


def judged_eval_type(eval_type: str) -> str | None:
    """The canonical eval type a judge answers for `eval_type`, or None when unknown."""
    name = OLDER_NAMES.get(eval_type, canonical_eval_type(eval_type))
    if name in BINARY_EVAL_TYPES:
        return "binary"
    if name in ENUM_EVAL_TYPES:
        return "enum"
    if name in ("continuous_qualitative", "numeric"):
        return str(name)
    return None


def as_bool(raw: Any, what: str = "value") -> bool:
    if isinstance(raw, bool):
        return raw
    if isinstance(raw, int | float) and raw in (PASS_SCORE, FAIL_SCORE):
        return raw == PASS_SCORE  # the legacy 5/0 encoding
    if isinstance(raw, str):
        word = raw.strip().casefold()
        if word in TRUE_WORDS:
            return True
        if word in FALSE_WORDS:
            return False
    raise AnswerProblem(f'"{what}" must be true or false, not {raw!r}')


def as_number(raw: Any, what: str = "value") -> float:
    number: float | None = None
    if isinstance(raw, int | float) and not isinstance(raw, bool):
        number = float(raw)
    elif isinstance(raw, str):
        try:
            number = float(raw.strip())
        except ValueError:
            number = None
    if number is None or not math.isfinite(number):
        raise AnswerProblem(f'"{what}" must be a number, not {raw!r}')
    return number


def as_choice(raw: Any, choices: Sequence[str], what: str = "value") -> str:
    """`raw` as one of `choices` (case and surrounding spaces ignored)."""
    if isinstance(raw, str):
        wanted = raw.strip().casefold()
        for choice in choices:
            if choice.strip().casefold() == wanted:
                return choice
    allowed = ", ".join(repr(c) for c in choices)
    raise AnswerProblem(f'"{what}" was {raw!r}, which is not one of the allowed values: {allowed}')


def binary_reading(answer: Mapping[str, Any]) -> Reading:
    passed = as_bool(_value(answer))
    score = PASS_SCORE if passed else FAIL_SCORE
    return Reading(score=score, passed=passed, explanation=explanation_lines(answer))


def scale_reader(low: float, high: float) -> Callable[[Mapping[str, Any]], Reading]:
    def read(answer: Mapping[str, Any]) -> Reading:
        score = as_number(_value(answer))
        if not low <= score <= high:
            raise AnswerProblem(f'"value" must be between {low:g} and {high:g}, not {score:g}')
        return Reading(score=score, explanation=explanation_lines(answer))

    return read


def numeric_reading(answer: Mapping[str, Any]) -> Reading:
    return Reading(score=as_number(_value(answer)), explanation=explanation_lines(answer))


def enum_reader(choices: Sequence[str]) -> Callable[[Mapping[str, Any]], Reading]:
    def read(answer: Mapping[str, Any]) -> Reading:
        chosen = as_choice(_value(answer), choices)
        return Reading(value=chosen, explanation=explanation_lines(answer))

    return read


def reader_for(eval_type: str, enum_values: Sequence[str]) -> Callable[[dict[str, Any]], Reading]:
    """The reader of a custom metric's answer; `eval_type` is already canonical."""
    if eval_type == "binary":
        return binary_reading
    if eval_type == "continuous_qualitative":
        return scale_reader(0.0, 5.0)
    if eval_type == "numeric":
        return numeric_reading
    return enum_reader(enum_values)


def metric_value(spec: MetricSpec, reading: Reading, *, eval_type: str = "") -> MetricValue:
    """`reading` as the value of `spec` (eval type defaults to the spec's own)."""
    return replace(
        _blank(spec, eval_type),
        score=reading.score,
        value=reading.value,
        passed=reading.passed,
        explanation=reading.explanation,
        extra=dict(reading.extra),
        not_applicable=reading.not_applicable,
    )


def not_applicable_value(
    spec: MetricSpec, explanation: Sequence[str], *, eval_type: str = ""
) -> MetricValue:
    return replace(_blank(spec, eval_type), not_applicable=True, explanation=tuple(explanation))


def failed_value(spec: MetricSpec, failure: JudgeFailed, *, eval_type: str = "") -> MetricValue:
    return replace(
        _blank(spec, eval_type), error=failure.error, explanation=(failure.error, failure.fix)
    )


def _blank(spec: MetricSpec, eval_type: str) -> MetricValue:
    return MetricValue(
        metric_id=spec.id,
        name=spec.name,
        eval_type=eval_type or spec.eval_type,
        type=spec.type,
        function_name=spec.function_name,
        code=spec.code,
    )


def _value(answer: Mapping[str, Any]) -> Any:
    if "value" not in answer:
        raise AnswerProblem('the JSON object has no "value"')
    return answer["value"]


# -- lists of problems (hallucinated claims, deviations, ...) ---------------------------------

_NOTHING = frozenset({"", "none", "n/a", "na", "null", "nothing", "no issues"})


def answer_items(
    answer: Mapping[str, Any], key: str, fields: Sequence[str]
) -> list[dict[str, Any]]:
    """The list `answer[key]` as dicts of `fields` (a bare string fills the last field);
    placeholder entries such as "none" are dropped."""
    raw = answer.get(key)
    if not isinstance(raw, list):
        raise AnswerProblem(f'the JSON object needs the list "{key}" (use [] when there are none)')
    items = []
    for entry in raw:
        if isinstance(entry, str):
            entry = {fields[-1]: entry}
        if not isinstance(entry, Mapping):
            raise AnswerProblem(f'each entry of "{key}" must be an object with {", ".join(fields)}')
        item = {name: entry.get(name) for name in fields}
        texts = [str(v).strip().casefold() for v in item.values() if v is not None]
        if any(text not in _NOTHING for text in texts):
            items.append(item)
    return items


def issues_reading(
    answer: Mapping[str, Any], key: str, fields: Sequence[str], *, extra_key: str = ""
) -> Reading:
    """Binary: passes when the list `key` is empty; the items go to `extra[extra_key or key]`."""
    items = answer_items(answer, key, fields)
    explanation = explanation_lines(answer) or tuple(describe_item(item) for item in items)
    return Reading(
        score=FAIL_SCORE if items else PASS_SCORE,
        passed=not items,
        explanation=explanation,
        extra={extra_key or key: items},
    )


def describe_item(item: Mapping[str, Any]) -> str:
    time = item.get("time")
    text = " - ".join(str(v) for k, v in item.items() if k != "time" and v not in (None, ""))
    return f"[{time}] {text}" if time else text

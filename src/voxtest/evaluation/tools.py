"""Metrics read from the agent's tool calls: Tool Call Success, Mock Tool Call Accuracy and
(voxtest) End State Matches, from the stateful mocks' end tables in the run's metadata.

Tool calls are transcript rows: "Function Call" (`data: {id, name, arguments}`) and
"Function Call Result" (`data: {id, result}`); the text channel stores `result` decoded when
it is JSON, call logs may carry it as a JSON string.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from typing import Any

from voxtest.domain.mock_state import compare
from voxtest.evaluation.metric_values import binary, not_applicable, scored
from voxtest.evaluation.model import (
    FUNCTION_CALL,
    FUNCTION_CALL_RESULT,
    CallFacts,
    MetricSpec,
    MetricValue,
)

ERROR_KEYS = ("error", "errors", "error_message", "errorMessage", "exception")
ERROR_FLAGS = ("is_error", "isError")
FAILED_STATUSES = frozenset({"error", "failed", "failure", "fail"})
STATUS_CODE_KEYS = ("status_code", "statusCode", "status")
ERROR_TEXT = re.compile(r"^\s*(?:(?:error|exception)\s*:|traceback \(most recent call)", re.I)
MAX_ERROR_CHARS = 300


# -- Tool Call Success -----------------------------------------------------------------------


def tool_call_success(spec: MetricSpec, facts: CallFacts) -> MetricValue:
    """Fails (score 0) when any tool result carries an error; not applicable without tools."""
    calls = facts.turns(FUNCTION_CALL)
    results = facts.turns(FUNCTION_CALL_RESULT)
    if not calls and not results:
        return not_applicable(spec, "The agent made no tool calls.")
    names = {str(d.get("id")): str(d.get("name") or "") for d in map(_data, calls)}
    failures = []
    for row in results:
        data = _data(row)
        error = tool_error(data)
        if error is not None:
            call_id = str(data.get("id"))
            failures.append({"id": call_id, "name": names.get(call_id, ""), "error": error})
    extra = {"tool_calls": len(calls), "tool_results": len(results), "failed_tool_calls": failures}
    if failures:
        lines = [f"Tool {f['name'] or f['id']} returned an error: {f['error']}" for f in failures]
        return binary(spec, False, lines, extra)
    return binary(spec, True, [f"{len(calls)} tool call(s), no result carried an error."], extra)


def tool_error(data: Mapping[str, Any]) -> str | None:
    """What went wrong, when a Function Call Result's data says its tool failed."""
    if any(data.get(flag) is True for flag in ERROR_FLAGS):
        return _text(data.get("result")) or "marked as an error"
    if _present(data.get("error")):
        return _text(data["error"])
    return result_error(data.get("result"))


def result_error(result: Any) -> str | None:
    """The error a tool's result reports: an `error` key, a failed status, an HTTP status of
    400 or more, `success: false`, or text starting "Error:"; None when it reports none."""
    if isinstance(result, str):
        decoded = _json(result)
        if decoded is not None:
            return result_error(decoded)
        return _text(result) if ERROR_TEXT.match(result) else None
    if not isinstance(result, Mapping):
        return None
    for key in ERROR_KEYS:
        if _present(result.get(key)):
            return _text(result[key])
    if any(result.get(flag) is True for flag in ERROR_FLAGS):
        return _text(result.get("content") or result.get("message")) or "marked as an error"
    message = result.get("message") or result.get("detail")
    status = result.get("status")
    if isinstance(status, str) and status.strip().casefold() in FAILED_STATUSES:
        return _text(message or status)
    for key in STATUS_CODE_KEYS:
        code = result.get(key)
        if isinstance(code, int) and not isinstance(code, bool) and code >= 400:
            return f"HTTP {code}" + (f": {_text(message)}" if message else "")
    if result.get("success") is False or result.get("ok") is False:
        return _text(message) or "the tool reported no success"
    return None


# -- Mock Tool Call Accuracy -----------------------------------------------------------------


def mock_tool_call_accuracy(spec: MetricSpec, facts: CallFacts) -> MetricValue:
    """5 × F1 between the tool names the scenario expects and those the agent called, as
    sets of names (calling a tool again is not penalised); 0–5, higher is better."""
    expected = expected_tool_names(facts.scenario.get("expected_tool_calls"))
    called = [k for c in facts.turns(FUNCTION_CALL) if (k := _key(_data(c).get("name") or ""))]
    if not expected and not called:
        return not_applicable(spec, "The scenario expects no tool calls and the agent made none.")
    precision, recall, f1 = tool_f1(expected, called)
    missing = sorted(set(expected) - set(called))
    unexpected = sorted(set(called) - set(expected))
    explanation = [
        f"F1 {f1:.2f} (precision {precision:.2f}, recall {recall:.2f}) between the "
        f"{len(set(expected))} expected and {len(set(called))} called tool name(s)."
    ]
    if missing:
        explanation.append(f"Expected but not called: {', '.join(missing)}.")
    if unexpected:
        explanation.append(f"Called but not expected: {', '.join(unexpected)}.")
    extra = {
        "expected_tool_calls": expected,
        "called_tool_calls": called,
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(f1, 4),
    }
    return scored(spec, round(5 * f1, 2), explanation, extra)


def tool_f1(expected: Iterable[str], called: Iterable[str]) -> tuple[float, float, float]:
    """(precision, recall, F1) of the set of `called` names against the `expected` ones.
    Both empty is a perfect match."""
    wanted, made = set(expected), set(called)
    if not wanted and not made:
        return 1.0, 1.0, 1.0
    overlap = len(wanted & made)
    precision = overlap / len(made) if made else 0.0
    recall = overlap / len(wanted) if wanted else 0.0
    return precision, recall, 2 * overlap / (len(wanted) + len(made))


def expected_tool_names(raw: Any) -> list[str]:
    """Names from the scenario's `expected_tool_calls`: a list of names or of `{name}`
    objects (or one comma-separated string), normalised for matching."""
    if isinstance(raw, str):
        raw = raw.split(",")
    if not isinstance(raw, list | tuple):
        return []
    names = (i.get("name") or i.get("tool_name") if isinstance(i, Mapping) else i for i in raw)
    return [_key(n) for n in names if isinstance(n, str) and n.strip()]


# -- End State Matches (voxtest) ------------------------------------------------------------


def end_state_matches(spec: MetricSpec, facts: CallFacts) -> MetricValue:
    """Passes when the stateful mocks' end tables hold what the scenario expects
    (`information_fields.expected_mock_state`); not applicable without an expectation."""
    state = facts.metadata.get("mock_state")
    expected = state.get("expected") if isinstance(state, Mapping) else None
    if not isinstance(expected, Mapping):
        return not_applicable(spec, "The scenario states no expected mock state.")
    tables = state.get("tables") if isinstance(state, Mapping) else None
    actual = tables if isinstance(tables, Mapping) else {}
    differences = compare(expected, actual)
    extra = {
        "end_state": dict(actual),
        "expected_state": dict(expected),
        "differences": differences,
    }
    if differences:
        return binary(spec, False, [f"End state differs: {d}." for d in differences], extra)
    names = ", ".join(sorted(expected)) or "no tables"
    return binary(spec, True, [f"The end state matches the expected {names}."], extra)


# -- helpers ---------------------------------------------------------------------------------


def _key(name: Any) -> str:
    return str(name).strip().casefold()


def _data(row: Mapping[str, Any]) -> Mapping[str, Any]:
    data = row.get("data")
    return data if isinstance(data, Mapping) else {}


def _present(value: Any) -> bool:
    return value is not None and value is not False and value not in ("", [], {})


def _json(text: str) -> Any:
    """`text` decoded when it holds a JSON object, list or string; else None."""
    if not text.lstrip().startswith(("{", "[", '"')):
        return None
    try:
        return json.loads(text)
    except ValueError:
        return None


def _text(value: Any) -> str:
    """An error worth showing, shortened; "" for nothing."""
    if value is None:
        return ""
    if isinstance(value, Mapping) and isinstance(value.get("message"), str):
        value = value["message"]
    text = value if isinstance(value, str) else json.dumps(value, default=str)
    text = text.strip()
    return text if len(text) <= MAX_ERROR_CHARS else text[: MAX_ERROR_CHARS - 1] + "…"

"""Tool Call Success and Mock Tool Call Accuracy from the transcript's tool rows."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from voxtest.evaluation.model import (
    FUNCTION_CALL,
    FUNCTION_CALL_RESULT,
    MAIN_AGENT,
    TESTING_AGENT,
    CallFacts,
    MetricSpec,
)
from voxtest.evaluation.tools import (
    expected_tool_names,
    mock_tool_call_accuracy,
    tool_call_success,
    tool_error,
    tool_f1,
)

SUCCESS = MetricSpec(5, "Tool Call Success", "custom_code", function_name="check_tool_call_success")
MOCK = MetricSpec(
    8, "Mock Tool Call Accuracy", "custom_code", "continuous_qualitative",
    function_name="get_mock_tool_call_accuracy",
)  # fmt: skip


def call(call_id: str | int, name: str, at: float = 1.0) -> dict[str, Any]:
    data: dict[str, Any] = {"id": call_id, "name": name, "arguments": {}}
    return {"role": FUNCTION_CALL, "content": "", "start_time": at, "end_time": at, "data": data}


def result(call_id: str | int, value: Any, at: float = 1.5, **extra: Any) -> dict[str, Any]:
    data = {"id": call_id, "result": value, **extra}
    return {
        "role": FUNCTION_CALL_RESULT,
        "content": "",
        "start_time": at,
        "end_time": at,
        "data": data,
    }


def talk(role: str, at: float) -> dict[str, Any]:
    return {"role": role, "content": "hi", "start_time": at, "end_time": at, "data": {}}


def facts(*turns: dict[str, Any], expected: Any = None) -> CallFacts:
    scenario = {} if expected is None else {"expected_tool_calls": expected}
    return CallFacts(transcript=(talk(TESTING_AGENT, 0), *turns), scenario=scenario)


# -- Tool Call Success -----------------------------------------------------------------------


def test_tool_call_success_passes_when_no_result_carries_an_error() -> None:
    value = tool_call_success(
        SUCCESS, facts(call("c1", "lookup"), result("c1", {"slots": ["3pm"]}), talk(MAIN_AGENT, 2))
    )
    assert value.passed is True and value.score == 5.0
    assert value.extra == {"tool_calls": 1, "tool_results": 1, "failed_tool_calls": []}


def test_tool_call_success_fails_and_names_the_failing_tool() -> None:
    value = tool_call_success(
        SUCCESS,
        facts(
            call("c1", "lookup"), result("c1", {"ok": True}),
            call(7, "book"), result("7", {"error": "slot taken"}),
        ),
    )  # fmt: skip
    assert value.passed is False and value.score == 0.0
    assert value.extra["failed_tool_calls"] == [{"id": "7", "name": "book", "error": "slot taken"}]
    assert value.explanation == ("Tool book returned an error: slot taken",)


def test_tool_call_success_is_not_applicable_without_tool_calls() -> None:
    value = tool_call_success(SUCCESS, facts(talk(MAIN_AGENT, 1)))
    assert value.not_applicable and value.score is None and value.passed is None


def test_a_call_without_a_logged_result_is_no_error() -> None:
    assert tool_call_success(SUCCESS, facts(call("c1", "lookup"))).passed is True


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"result": {"error": "not found"}}, "not found"),
        ({"result": {"error": {"message": "boom", "code": 3}}}, "boom"),
        ({"result": '{"error": "bad date"}'}, "bad date"),
        ({"result": "Error: timeout talking to CRM"}, "Error: timeout talking to CRM"),
        ({"result": "Traceback (most recent call last): ..."}, "Traceback"),
        ({"result": {"errors": ["field x"]}}, '["field x"]'),
        ({"result": {"status": "failed", "message": "no slot"}}, "no slot"),
        ({"result": {"status": "Error"}}, "Error"),
        ({"result": {"status_code": 503, "message": "down"}}, "HTTP 503: down"),
        ({"result": {"statusCode": 404}}, "HTTP 404"),
        ({"result": {"success": False, "message": "card declined"}}, "card declined"),
        ({"result": {"ok": False}}, "the tool reported no success"),
        ({"result": "oops", "is_error": True}, "oops"),
        ({"result": None, "error": "tool crashed"}, "tool crashed"),
        ({"result": {"isError": True, "content": "denied"}}, "denied"),
    ],
)
def test_tool_errors_are_recognised(data: dict[str, Any], message: str) -> None:
    found = tool_error({"id": "1", **data})
    assert found is not None and message in found


@pytest.mark.parametrize(
    "value",
    [
        {"error": None},
        {"errors": []},
        {"error": ""},
        {"status": "ok"},
        {"status": 200},
        {"status_code": 201},
        {"success": True},
        "Booked for 3pm",
        "No errors found",
        '{"booked": true}',
        "{not json",
        42,
        None,
        [{"id": 1}],
    ],
)
def test_ordinary_results_are_no_error(value: Any) -> None:
    assert tool_error({"id": "1", "result": value}) is None


def test_a_long_error_is_shortened() -> None:
    found = tool_error({"id": "1", "result": {"error": "x" * 1000}})
    assert found is not None and len(found) == 300 and found.endswith("…")


# -- Mock Tool Call Accuracy -----------------------------------------------------------------


def test_mock_accuracy_is_five_when_calls_match_expectations() -> None:
    value = mock_tool_call_accuracy(
        MOCK, facts(call(1, "lookup"), call(2, "book"), expected=["book", "lookup"])
    )
    assert value.score == 5.0
    assert value.extra["f1"] == 1.0 and len(value.explanation) == 1


def test_mock_accuracy_penalises_missing_calls() -> None:
    value = mock_tool_call_accuracy(MOCK, facts(call(1, "lookup"), expected=["lookup", "book"]))
    assert value.score == 3.33
    assert (value.extra["precision"], value.extra["recall"]) == (1.0, 0.5)
    assert "Expected but not called: book." in value.explanation


def test_mock_accuracy_penalises_unexpected_calls() -> None:
    extra = mock_tool_call_accuracy(MOCK, facts(call(1, "book"), call(2, "x"), expected=["book"]))
    assert extra.score == 3.33
    assert (extra.extra["precision"], extra.extra["recall"]) == (0.5, 1.0)
    assert "Called but not expected: x." in extra.explanation
    unexpected = mock_tool_call_accuracy(MOCK, facts(call(1, "transfer"), expected=[]))
    assert unexpected.score == 0.0


def test_mock_accuracy_compares_names_so_calling_a_tool_again_costs_nothing() -> None:
    calls = (call(1, "lookup"), call(2, "lookup"), call(3, "book"))
    value = mock_tool_call_accuracy(MOCK, facts(*calls, expected=["book", "lookup"]))
    assert value.score == 5.0
    assert value.extra["called_tool_calls"] == ["lookup", "lookup", "book"]


def test_mock_accuracy_is_zero_when_nothing_expected_was_called() -> None:
    assert mock_tool_call_accuracy(MOCK, facts(expected=["book"])).score == 0.0


def test_mock_accuracy_is_not_applicable_when_nothing_expected_nor_called() -> None:
    assert mock_tool_call_accuracy(MOCK, facts()).not_applicable
    assert mock_tool_call_accuracy(MOCK, facts(expected=[])).not_applicable


def test_expected_tool_names_accept_names_objects_and_a_comma_list() -> None:
    assert expected_tool_names(["Book ", {"name": "lookup"}, {"tool_name": "X"}, 3, ""]) == [
        "book", "lookup", "x",
    ]  # fmt: skip
    assert expected_tool_names("book, lookup") == ["book", "lookup"]
    assert expected_tool_names(None) == [] and expected_tool_names({"name": "book"}) == []


def test_mock_accuracy_matches_names_ignoring_case_and_spaces() -> None:
    value = mock_tool_call_accuracy(MOCK, facts(call(1, " Book_Appointment"), expected=[
        {"name": "book_appointment"}
    ]))  # fmt: skip
    assert value.score == 5.0


names = st.lists(st.sampled_from(["a", "b", "c", "d"]), max_size=8)


@given(names, names)
def test_tool_f1_is_symmetric_and_bounded(expected: list[str], called: list[str]) -> None:
    precision, recall, f1 = tool_f1(expected, called)
    swapped = tool_f1(called, expected)
    assert swapped == (recall, precision, f1)
    assert 0.0 <= min(precision, recall, f1) and max(precision, recall, f1) <= 1.0
    assert (f1 == 1.0) == (set(expected) == set(called))
    if precision + recall:
        assert f1 == pytest.approx(2 * precision * recall / (precision + recall))


@given(names, names)
def test_mock_accuracy_score_is_five_times_f1(expected: list[str], called: list[str]) -> None:
    value = mock_tool_call_accuracy(
        MOCK, facts(*(call(i, n) for i, n in enumerate(called)), expected=expected)
    )
    if not expected and not called:
        assert value.not_applicable
    else:
        assert value.score == round(5 * tool_f1(expected, called)[2], 2)
        assert value.score is not None and 0.0 <= value.score <= 5.0

"""Mock tool matching: exact first, then best match on normalised values, clear misses."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from voxtest.domain.mock_matching import Match, NoMatch, match, normalise, normalise_text

ORDERS = [
    {"input": {"order_id": "A1"}, "output": {"status": "shipped"}},
    {"input": {"order_id": "A2"}, "output": {"status": "pending"}},
]


def matched(result: Match | NoMatch) -> Match:
    assert isinstance(result, Match), result
    return result


def test_exact_match_wins_and_says_so() -> None:
    found = matched(match("get_order", ORDERS, {"order_id": "A2"}))
    assert (found.index, found.output, found.exact) == (1, {"status": "pending"}, True)


def test_case_and_whitespace_are_ignored() -> None:
    found = matched(match("get_order", ORDERS, {"order_id": "  a2 "}))
    assert (found.index, found.exact) == (1, False)


@pytest.mark.parametrize(
    ("stored", "called"),
    [
        ("3", "3.0"),
        (3, "3"),
        (3, "three"),
        ("twenty-one", 21),
        ("1,000", 1000),
        (2.50, "2.5"),
        ("March 3 1985", "1985-03-03"),
        ("03/03/1985", "March 3, 1985"),
        ("3rd March 1985", "1985/03/03"),
        ("Mar 3rd, 1985", "1985-3-3"),
        ("2pm", "14:00"),
        ("9:30 AM", "09:30"),
        ("1985-03-03T14:00:00", "1985-03-03 2:00 pm"),
        ("(415) 555-1234", "4155551234"),
        (True, "true"),
        ({"a": "X", "b": [1, "two"]}, {"B": [1.0, 2], "a": "x"}),
    ],
)
def test_equal_meanings_match(stored: Any, called: Any) -> None:
    entries = [
        {"input": {"v": "something else"}, "output": 0},
        {"input": {"v": stored}, "output": 1},
    ]
    assert matched(match("t", entries, {"v": called})).output == 1


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("3", "4"),
        ("three", "thirty"),
        ("March 3 1985", "1985-03-04"),
        ("03/04/1985", "1985-03-05"),
        ("2pm", "2am"),
        ("A1", "A10"),
        (True, False),
    ],
)
def test_different_meanings_do_not(a: Any, b: Any) -> None:
    assert normalise(a) != normalise(b)


def test_us_order_unless_the_day_comes_first() -> None:
    assert normalise_text("03/04/1985") == "1985-03-04"
    assert normalise_text("25/12/2024") == "2024-12-25"
    assert normalise_text("02/30/2024") == "02/30/2024"  # no such day: left as text


def test_freetext_params_are_left_out() -> None:
    entries = [{"input": {"date": "2024-05-01", "reason": "checkup"}, "output": "booked"}]
    found = matched(
        match("book", entries, {"date": "May 1 2024", "reason": "my back hurts"}, ["reason"])
    )
    assert (found.output, found.ignored) == ("booked", ("reason",))
    assert isinstance(match("book", entries, {"date": "May 1 2024", "reason": "other"}), NoMatch)


def test_the_entry_naming_most_parameters_wins() -> None:
    entries = [
        {"input": {}, "output": "default"},
        {"input": {"city": "Paris"}, "output": "paris"},
        {"input": {"city": "Paris", "day": "monday"}, "output": "paris monday"},
    ]
    assert matched(match("w", entries, {"city": "paris", "day": "Monday"})).output == "paris monday"
    assert matched(match("w", entries, {"city": "paris", "day": "friday"})).output == "paris"
    assert matched(match("w", entries, {"city": "Rome"})).output == "default"


def test_a_miss_is_a_clear_tool_error() -> None:
    miss = match("get_order", ORDERS, {"order_id": "B7"})
    assert isinstance(miss, NoMatch)
    assert miss.message.startswith("Error: no mock data of tool get_order matches order_id='B7'.")
    assert "expects order_id='A1'" in miss.message
    assert miss.closest == 0


def test_a_missing_parameter_is_named() -> None:
    entries = [{"input": {"order_id": "A1", "email": "a@b.c"}, "output": 1}]
    miss = match("get_order", entries, {"order_id": "A1"})
    assert isinstance(miss, NoMatch)
    assert "expects email='a@b.c', which the call does not give" in miss.message


def test_no_mock_data_at_all() -> None:
    miss = match("crm_lookup", [], {"q": 1})
    assert isinstance(miss, NoMatch)
    assert "has no mock data" in miss.message


# -- properties ------------------------------------------------------------------------------

scalars = st.one_of(
    st.booleans(),
    st.integers(-(10**6), 10**6),
    st.text(st.characters(codec="ascii", exclude_categories=["Cc"]), max_size=12),
)
arguments = st.dictionaries(st.from_regex(r"[a-z]{1,6}", fullmatch=True), scalars, max_size=4)


@given(st.lists(arguments, min_size=1, max_size=5), st.data())
def test_any_stored_input_finds_an_entry_with_that_output(
    inputs: list[dict[str, Any]], data: st.DataObject
) -> None:
    entries = [{"input": i, "output": n} for n, i in enumerate(inputs)]
    chosen = data.draw(st.integers(0, len(entries) - 1))
    found = matched(match("t", entries, inputs[chosen]))
    assert found.exact
    assert inputs[found.index] == inputs[chosen]  # the first entry with that very input


@given(arguments)
def test_case_and_spacing_changes_still_match(args: dict[str, Any]) -> None:
    entries = [{"input": args, "output": "yes"}]
    shouted = {k.upper(): f"  {v.upper()} " if isinstance(v, str) else v for k, v in args.items()}
    assert matched(match("t", entries, shouted)).output == "yes"


@given(st.integers(-(10**9), 10**9))
def test_numbers_match_their_decimal_and_string_forms(n: int) -> None:
    assert normalise(n) == normalise(str(n)) == normalise(f"{n}.0") == normalise(float(n))


@given(st.dates())
def test_dates_match_in_every_written_form(day: Any) -> None:
    iso = day.isoformat()
    written = [day.strftime("%B %-d %Y"), day.strftime("%m/%d/%Y"), day.strftime("%b %d, %Y")]
    if day.year >= 1000:
        assert {normalise_text(w) for w in written} == {normalise_text(iso)} == {iso}


@given(arguments, arguments)
def test_freetext_params_never_decide(args: dict[str, Any], noise: dict[str, Any]) -> None:
    free = [k for k in noise if k not in args]
    entries = [{"input": args, "output": "yes"}]
    call = {**args, **{k: noise[k] for k in free}}
    assert matched(match("t", entries, call, free)).output == "yes"


@given(st.lists(arguments, max_size=4), arguments)
def test_matching_is_total(inputs: list[dict[str, Any]], call: dict[str, Any]) -> None:
    result = match("t", [{"input": i, "output": n} for n, i in enumerate(inputs)], call)
    if isinstance(result, NoMatch):
        assert result.message.startswith("Error: ")
    else:
        assert 0 <= result.index < len(inputs)

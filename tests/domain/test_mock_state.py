"""Stateful mock tables: read, insert, update and delete; seeds; end-state comparison."""

from __future__ import annotations

from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from voxtest.domain.mock_state import StateOp, apply, compare, seed, state_op, state_problem

SLOTS = {"appointments": [{"date": "2024-05-01", "time": "09:00", "patient": "Ann"}]}
BOOK = StateOp("appointments", "insert", ("date", "time"))


def test_a_booking_is_found_later() -> None:
    booked = apply(BOOK, SLOTS, {"date": "May 2 2024", "time": "2pm", "patient": "Bob"})
    assert booked.error is None
    assert booked.output == {"inserted": {"date": "May 2 2024", "time": "2pm", "patient": "Bob"}}
    found = apply(StateOp("appointments", "read", ("patient",)), booked.tables, {"patient": "bob"})
    assert found.output["count"] == 1
    assert found.output["rows"][0]["time"] == "2pm"
    assert SLOTS["appointments"][0]["patient"] == "Ann"  # the input tables are never changed
    assert len(SLOTS["appointments"]) == 1


def test_no_double_booking_on_the_key() -> None:
    again = apply(BOOK, SLOTS, {"date": "05/01/2024", "time": "9:00 am", "patient": "Cy"})
    assert (
        again.error
        == "Error: appointments already has a row with date='05/01/2024', time='9:00 am'."
    )
    assert again.tables == SLOTS


def test_update_and_delete_need_a_matching_row() -> None:
    moved = apply(
        StateOp("appointments", "update", ("patient",)), SLOTS, {"patient": "Ann", "time": "10:00"}
    )
    assert moved.tables["appointments"][0]["time"] == "10:00"
    assert moved.rows == 1
    gone = apply(StateOp("appointments", "delete", ("patient",)), moved.tables, {"patient": "ANN"})
    assert gone.tables["appointments"] == []
    miss = apply(StateOp("appointments", "delete", ("patient",)), gone.tables, {"patient": "Ann"})
    assert miss.error == "Error: no appointments row has patient='Ann'."
    assert apply(StateOp("appointments", "update", ("patient",)), SLOTS, {"time": "1"}).error


def test_read_without_a_key_uses_every_argument_but_freetext() -> None:
    read = StateOp("appointments", "read")
    assert (
        apply(read, SLOTS, {"date": "2024-05-01", "note": "x"}, None, ["note"]).output["count"] == 1
    )
    assert apply(read, SLOTS, {"date": "2024-05-01", "note": "x"}).output["count"] == 0


def test_the_entry_output_is_merged_over_the_result() -> None:
    done = apply(BOOK, {}, {"date": "d", "time": "t"}, {"message": "Booked."})
    assert done.output == {"inserted": {"date": "d", "time": "t"}, "message": "Booked."}


def test_state_spec_of_an_entry_and_its_problems() -> None:
    entry: dict[str, Any] = {
        "input": {},
        "output": {},
        "state": {"table": "t", "operation": "update", "key": "id"},
    }
    assert state_op(entry) == StateOp("t", "update", ("id",))
    assert state_op({"input": {}, "output": 1}) is None
    assert state_problem(entry) is None
    assert state_problem({"state": {"table": ""}}) is not None
    assert state_problem({"state": {"table": "t", "operation": "drop"}}) is not None
    assert state_problem({"state": {"table": "t", "operation": "delete"}}) is not None


def test_seed_layers_replace_whole_tables() -> None:
    profile = {"appointments": [{"id": 1}], "patients": [{"name": "Ann"}]}
    scenario: dict[str, list[Any]] = {"appointments": []}
    assert seed(profile, scenario, None) == {"appointments": [], "patients": [{"name": "Ann"}]}


def test_end_state_comparison_names_what_differs() -> None:
    actual = {"appointments": [{"date": "2024-05-02", "time": "14:00", "patient": "Bob"}]}
    assert compare({"appointments": [{"date": "May 2 2024", "time": "2pm"}]}, actual) == []
    assert compare({"appointments": []}, actual) == ["appointments: 1 row(s), expected 0"]
    assert compare({"appointments": [{"patient": "Cy"}]}, actual) == [
        "appointments: no row has patient='Cy'"
    ]
    assert compare({"invoices": [{"id": 1}]}, actual) == [
        "invoices: no row has id=1",
        "invoices: 0 row(s), expected 1",
    ]


rows = st.lists(
    st.fixed_dictionaries({"id": st.integers(0, 5), "v": st.text(max_size=3)}), max_size=6
)


@given(rows, st.integers(0, 5), st.text(max_size=3))
def test_insert_then_read_finds_the_row(
    existing: list[dict[str, Any]], key: int, value: str
) -> None:
    tables = {"t": existing}
    done = apply(StateOp("t", "insert", ("id",)), tables, {"id": key, "v": value})
    if any(r["id"] == key for r in existing):
        assert done.error is not None and done.tables == tables
    else:
        found = apply(StateOp("t", "read", ("id",)), done.tables, {"id": str(key)})
        assert found.output["rows"] == [{"id": key, "v": value}]
        assert compare({"t": [*existing, {"id": key}]}, done.tables) == []

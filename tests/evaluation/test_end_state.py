"""End State Matches: the stateful mocks' end tables against the scenario's expectation."""

from __future__ import annotations

from typing import Any

from voxtest.evaluation.code_data import build_code_data
from voxtest.evaluation.deterministic import evaluate
from voxtest.evaluation.model import CallFacts, MetricSpec

SPEC = MetricSpec(37, "End State Matches", "custom_code", function_name="check_end_state_matches")
TABLES = {"bookings": [{"day": "2026-12-01", "time": "14:30", "patient_name": "Sarah"}]}


def facts(state: dict[str, Any] | None) -> CallFacts:
    return CallFacts(transcript=(), metadata={"mock_state": state} if state else {})


def test_matching_end_state_passes() -> None:
    value = evaluate(
        SPEC,
        facts(
            {
                "tables": TABLES,
                "expected": {"bookings": [{"day": "December 1 2026", "time": "2:30 pm"}]},
            }
        ),
    )
    assert value.passed, value
    assert value.extra["differences"] == []


def test_a_missing_booking_fails_and_says_why() -> None:
    value = evaluate(
        SPEC, facts({"tables": {"bookings": []}, "expected": {"bookings": [{"time": "14:30"}]}})
    )
    assert not value.passed
    assert value.explanation[0] == "End state differs: bookings: no row has time='14:30'."


def test_without_an_expectation_it_does_not_apply() -> None:
    assert evaluate(SPEC, facts({"tables": TABLES, "expected": None})).not_applicable
    assert evaluate(SPEC, facts(None)).not_applicable


def test_custom_code_reads_the_end_state() -> None:
    data = build_code_data(facts({"tables": TABLES, "expected": None}), [])
    assert data["mock_state"] == data["metadata"]["mock_state"]["tables"] == TABLES

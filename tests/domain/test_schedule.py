"""Crontab expressions in a time zone, and the missed-tick rule's counting."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from voxtest.domain.schedule import crontab_problem, next_tick, ticks_missed


@pytest.mark.parametrize("expr", ["0 9 * * 1-5", "*/5 * * * *", "@daily", "30 2 1 * 0"])
def test_valid_expressions_have_no_problem(expr: str) -> None:
    assert crontab_problem(expr) is None


@pytest.mark.parametrize(
    ("expr", "says"),
    [
        ("", "blank"),
        ("* * * *", "five fields"),
        ("* * * * * *", "five fields"),
        ("61 * * * *", "not a valid"),
        (5, "blank"),
    ],
)
def test_invalid_expressions_say_why(expr: object, says: str) -> None:
    problem = crontab_problem(expr)
    assert problem is not None and says in problem


def test_next_tick_reads_the_expression_in_the_jobs_time_zone() -> None:
    after = datetime(2025, 1, 6, 12, 0, tzinfo=UTC)  # Monday 07:00 in New York
    tick = next_tick("0 9 * * 1-5", "America/New_York", after)
    assert tick == datetime(2025, 1, 6, 14, 0, tzinfo=UTC)
    assert tick.tzinfo is UTC


def test_next_tick_is_strictly_after() -> None:
    at = datetime(2025, 1, 6, 14, 0, tzinfo=UTC)
    assert next_tick("0 * * * *", "UTC", at) == datetime(2025, 1, 6, 15, 0, tzinfo=UTC)


def test_a_tick_in_the_skipped_dst_hour_moves_to_the_first_valid_time() -> None:
    after = datetime(2025, 3, 9, 6, 0, tzinfo=UTC)  # 01:00 EST, the night clocks jump
    tick = next_tick("30 2 * * *", "America/New_York", after)
    assert tick.astimezone(UTC) == datetime(2025, 3, 9, 7, 0, tzinfo=UTC)  # 03:00 EDT


def test_naive_times_are_refused() -> None:
    with pytest.raises(ValueError):
        next_tick("* * * * *", "UTC", datetime(2025, 1, 1))  # noqa: DTZ001


def test_ticks_missed_counts_the_ticks_after_the_due_one() -> None:
    due = datetime(2025, 1, 6, 10, 0, tzinfo=UTC)
    now = datetime(2025, 1, 6, 13, 30, tzinfo=UTC)
    assert ticks_missed("0 * * * *", "UTC", due, now) == 3  # 11:00, 12:00, 13:00
    assert ticks_missed("0 * * * *", "UTC", due, due) == 0

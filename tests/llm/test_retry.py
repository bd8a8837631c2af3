"""The retry policy and Retry-After parsing."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import pytest

from tests.llm.conftest import RecordedSleep
from voxtest.llm.base import ModelError
from voxtest.llm.retry import RetryLater, RetryPolicy, parse_retry_after, with_retries


def test_delays_double_and_are_capped() -> None:
    policy = RetryPolicy(max_retries=5, base_delay=1.0, max_delay=5.0)

    assert [policy.delay(n, None) for n in range(4)] == [1.0, 2.0, 4.0, 5.0]
    assert policy.delay(0, 2.5) == 2.5 and policy.delay(0, 60.0) == 5.0


@pytest.mark.parametrize(("value", "seconds"), [("7", 7.0), ("0.5", 0.5), ("-3", 0.0)])
def test_retry_after_in_seconds(value: str, seconds: float) -> None:
    assert parse_retry_after(value) == seconds


def test_retry_after_as_an_http_date() -> None:
    when = format_datetime(datetime.now(UTC) + timedelta(seconds=30), usegmt=True)

    parsed = parse_retry_after(when)

    assert parsed is not None and 25 <= parsed <= 31


@pytest.mark.parametrize("value", [None, "", "soon"])
def test_unusable_retry_after_is_none(value: str | None) -> None:
    assert parse_retry_after(value) is None


async def test_a_non_retryable_error_is_raised_at_once(sleep: RecordedSleep) -> None:
    attempts = 0

    async def attempt() -> str:
        nonlocal attempts
        attempts += 1
        raise ModelError("bad request", retryable=False, status_code=400)

    with pytest.raises(ModelError, match="^bad request$"):
        await with_retries(attempt, RetryPolicy(max_retries=3), sleep=sleep)
    assert attempts == 1 and sleep.delays == []


async def test_retryable_errors_are_retried_until_success(sleep: RecordedSleep) -> None:
    outcomes: list[str | ModelError] = [
        RetryLater("busy", after=None, status_code=503),
        RetryLater("limited", after=4.0, status_code=429),
        "done",
    ]

    async def attempt() -> str:
        outcome = outcomes.pop(0)
        if isinstance(outcome, ModelError):
            raise outcome
        return outcome

    assert await with_retries(attempt, RetryPolicy(3, 0.25, 10), sleep=sleep) == "done"
    assert sleep.delays == [0.25, 4.0]

"""Back-off and give-up rules of webhook deliveries."""

from __future__ import annotations

import pytest

from voxtest.domain.delivery_policy import RetryPolicy, delivered, retryable

POLICY = RetryPolicy(max_attempts=6, base_s=2.0, cap_s=20.0, jitter=0.5)


def test_delay_doubles_from_the_base_up_to_the_cap() -> None:
    assert [POLICY.delay(a) for a in range(1, 7)] == [2.0, 4.0, 8.0, 16.0, 20.0, 20.0]


def test_jitter_stretches_the_delay_by_at_most_its_fraction() -> None:
    assert POLICY.delay(1, spread=0.999) == pytest.approx(2.0 * 1.4995)
    assert POLICY.delay(3, spread=5.0) == 8.0 * 1.5  # spread clamped to 1


@pytest.mark.parametrize("status", [None, 500, 502, 503, 408, 429])
def test_no_answer_server_errors_and_try_later_are_retried(status: int | None) -> None:
    assert retryable(status)
    assert not POLICY.gives_up(1, status)


@pytest.mark.parametrize("status", [400, 401, 403, 404, 410, 422])
def test_other_client_errors_are_final(status: int) -> None:
    assert not retryable(status)
    assert POLICY.gives_up(1, status)


def test_the_last_attempt_is_final_whatever_the_answer() -> None:
    assert POLICY.gives_up(6, 503)
    assert not POLICY.gives_up(5, 503)


def test_patience_is_the_sum_of_the_waits_between_attempts() -> None:
    assert POLICY.patience() == 2 + 4 + 8 + 16 + 20


def test_only_2xx_is_delivered() -> None:
    assert delivered(200) and delivered(204)
    assert not delivered(302) and not delivered(500)

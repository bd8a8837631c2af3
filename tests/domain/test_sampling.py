"""The sampling accumulator: exact counts, the first call evaluated, even spread."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from voxtest.domain.sampling import evaluated_among, exact_rate, is_sampled


def picks(rate: float, calls: int) -> list[int]:
    return [n for n in range(1, calls + 1) if is_sampled(n, rate)]


def test_a_quarter_takes_every_fourth_call_from_the_first() -> None:
    assert picks(0.25, 12) == [1, 5, 9]


def test_a_tenth_is_exactly_one_in_ten_despite_float_error() -> None:
    assert len(picks(0.1, 1000)) == 100
    assert picks(0.1, 21) == [1, 11, 21]


def test_rates_zero_and_one() -> None:
    assert picks(0.0, 50) == []
    assert picks(1.0, 5) == [1, 2, 3, 4, 5]


def test_out_of_range_rates_and_numbers_are_refused() -> None:
    with pytest.raises(ValueError):
        exact_rate(1.5)
    with pytest.raises(ValueError):
        is_sampled(0, 0.5)


@given(st.fractions(min_value=0, max_value=1, max_denominator=1000), st.integers(1, 400))
def test_count_after_n_calls_is_the_ceiling_of_n_times_rate(rate: Fraction, calls: int) -> None:
    taken = sum(is_sampled(n, rate) for n in range(1, calls + 1))
    assert taken == evaluated_among(calls, rate)
    assert calls * rate <= taken < calls * rate + 1

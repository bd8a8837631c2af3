"""Reliability statistics: Wilson intervals, pass^k, and which runs count."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from voxtest.domain.reliability import pass_hat_k, reliability, wilson


@pytest.mark.parametrize(
    ("passed", "runs", "low", "high"),
    [(0, 10, 0.0, 0.2775), (10, 10, 0.7225, 1.0), (5, 10, 0.2366, 0.7634), (1, 1, 0.2065, 1.0)],
)
def test_wilson_intervals_match_the_textbook(
    passed: int, runs: int, low: float, high: float
) -> None:
    assert wilson(passed, runs) == pytest.approx((low, high), abs=1e-4)


def test_pass_hat_k_is_the_chance_that_k_runs_all_pass() -> None:
    assert [pass_hat_k(3, 4, k) for k in (1, 2, 3, 4)] == [0.75, 0.5, 0.25, 0.0]
    assert pass_hat_k(4, 4, 4) == 1.0
    with pytest.raises(ValueError, match="between 1 and the number of runs"):
        pass_hat_k(1, 2, 3)


@given(st.integers(1, 60).flatmap(lambda n: st.tuples(st.integers(0, n), st.just(n))))
def test_the_interval_holds_the_rate_and_pass_k_never_rises(case: tuple[int, int]) -> None:
    passed, runs = case
    low, high = wilson(passed, runs)
    assert 0.0 <= low <= passed / runs <= high <= 1.0
    chances = [pass_hat_k(passed, runs, k) for k in range(1, runs + 1)]
    assert chances[0] == pytest.approx(passed / runs)
    assert all(a >= b for a, b in zip(chances, chances[1:], strict=False))


def test_only_finished_runs_count() -> None:
    found = reliability(
        [
            ("completed", True),
            ("completed", False),
            ("failed", True),  # a failed run never passes
            ("timeout", False),
            ("running", False),
            ("cancelled", True),
        ]
    )
    assert (found.runs, found.passed, found.unfinished) == (4, 1, 2)
    report = found.report()
    assert report["pass_rate"] == 0.25 and report["ci95"] == [0.0456, 0.6994]
    assert report["pass_hat_k"] == {"1": 0.25, "2": 0.0, "3": 0.0, "4": 0.0}
    assert reliability([]).report() == {
        "runs": 0, "passed": 0, "unfinished": 0, "pass_rate": None, "ci95": None, "pass_hat_k": {}
    }  # fmt: skip

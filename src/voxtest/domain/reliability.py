"""How reliably an agent passes a scenario run N times. Pure: no I/O.

    pass rate      passed / finished runs, with a Wilson score 95 % interval (sound for small
                   N and for rates near 0 or 1, unlike the normal approximation)
    pass^k         the chance that k runs in a row all pass, estimated without bias from the
                   N runs as C(passed, k) / C(N, k) (as tau-bench reports it), k = 1..N

A run counts once it finished: completed and evaluated (passed when `success`), or failed /
timed out (not passed). Pending, queued, running and cancelled runs are `unfinished` and
left out.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

Z_95 = 1.959964
FAILED = ("failed", "timeout")
COUNTED = ("completed", *FAILED)


def wilson(passed: int, runs: int, z: float = Z_95) -> tuple[float, float]:
    """The Wilson score interval of a pass rate; (0, 1) without runs."""
    if runs <= 0:
        return 0.0, 1.0
    rate = passed / runs
    centre = rate + z * z / (2 * runs)
    spread = z * math.sqrt(rate * (1 - rate) / runs + z * z / (4 * runs * runs))
    scale = 1 + z * z / runs
    low = 0.0 if passed == 0 else max(0.0, (centre - spread) / scale)
    high = 1.0 if passed == runs else min(1.0, (centre + spread) / scale)
    return low, high


def pass_hat_k(passed: int, runs: int, k: int) -> float:
    """The unbiased estimate of P(k independent runs all pass)."""
    if not 1 <= k <= runs:
        raise ValueError(f"k must be between 1 and the number of runs ({runs}).")
    return math.comb(passed, k) / math.comb(runs, k)


@dataclass(frozen=True)
class Reliability:
    runs: int  # finished runs counted
    passed: int
    unfinished: int

    @property
    def pass_rate(self) -> float | None:
        return self.passed / self.runs if self.runs else None

    def report(self) -> dict[str, object]:
        low, high = wilson(self.passed, self.runs)
        return {
            "runs": self.runs,
            "passed": self.passed,
            "unfinished": self.unfinished,
            "pass_rate": None if self.pass_rate is None else round(self.pass_rate, 4),
            "ci95": [round(low, 4), round(high, 4)] if self.runs else None,
            "pass_hat_k": {
                str(k): round(pass_hat_k(self.passed, self.runs, k), 4)
                for k in range(1, self.runs + 1)
            },
        }


def reliability(runs: Iterable[tuple[str, bool]]) -> Reliability:
    """The reliability of `(status, success)` pairs, one per run."""
    counted = passed = unfinished = 0
    for status, success in runs:
        if status not in COUNTED:
            unfinished += 1
            continue
        counted += 1
        passed += int(status == "completed" and success)
    return Reliability(counted, passed, unfinished)

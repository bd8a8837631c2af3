"""Observability sampling: which production calls a project's sampled metrics evaluate.

A deterministic accumulator, exact to the call: with rate r, call number n (1-based, counted
per project) is evaluated when ceil(n*r) > ceil((n-1)*r), so after n calls exactly ceil(n*r)
were evaluated, the first call always is, and the evaluated ones are spread evenly (r = 0.25
evaluates calls 1, 5, 9, ...). The rate is read as a decimal (0.1 is one in ten, exactly).
Simulation runs are never sampled.
"""

from __future__ import annotations

import math
from fractions import Fraction

SKIPPED = "Sampling skipped"


def exact_rate(rate: float | str | Fraction) -> Fraction:
    """The rate as an exact fraction in [0, 1] (a float is read by its shortest decimal)."""
    value = rate if isinstance(rate, Fraction) else Fraction(str(rate))
    if not 0 <= value <= 1:
        raise ValueError("A sample rate is between 0.0 and 1.0.")
    return value


def evaluated_among(calls: int, rate: float | str | Fraction) -> int:
    """How many of the first `calls` calls are evaluated."""
    return math.ceil(calls * exact_rate(rate))


def is_sampled(number: int, rate: float | str | Fraction) -> bool:
    """Whether call `number` (1 for the project's first call) is evaluated."""
    if number < 1:
        raise ValueError("Calls are numbered from 1.")
    return evaluated_among(number, rate) > evaluated_among(number - 1, rate)

"""When to try a webhook (or notification) delivery again, and when to give up.

Pure: the caller supplies the attempt number, the answer's status and the random fraction
for jitter, so the schedule is deterministic under test.
"""

from __future__ import annotations

from dataclasses import dataclass

# 4xx answers that say "try later", not "never": timeout, conflict, too early, rate limit.
RETRYABLE_4XX = frozenset({408, 409, 425, 429})


@dataclass(frozen=True)
class RetryPolicy:
    """Exponential back-off: `base_s * 2**(attempt-1)`, at most `cap_s`, stretched by up to
    `jitter` (a fraction) so many failed deliveries do not retry in lockstep."""

    max_attempts: int
    base_s: float
    cap_s: float
    jitter: float = 0.1

    def delay(self, attempt: int, spread: float = 0.0) -> float:
        """Seconds to wait after failed attempt number `attempt` (1-based); `spread` in [0, 1)."""
        raw = self.base_s * 2.0 ** max(0, attempt - 1)
        return min(self.cap_s, raw) * (1.0 + self.jitter * min(max(spread, 0.0), 1.0))

    def gives_up(self, attempt: int, status_code: int | None) -> bool:
        """After attempt `attempt` failed with `status_code` (None: no answer), is it final?"""
        return attempt >= self.max_attempts or not retryable(status_code)

    def patience(self) -> float:
        """Seconds from the first attempt to the last one, without jitter."""
        return sum(self.delay(a) for a in range(1, self.max_attempts))


def retryable(status_code: int | None) -> bool:
    """No answer, a server error or a "try later" 4xx is worth another attempt; any other 4xx
    is the receiver refusing this event (a wrong secret, a removed route): replay it once
    fixed."""
    if status_code is None or status_code >= 500:
        return True
    return status_code in RETRYABLE_4XX or status_code < 400


def delivered(status_code: int) -> bool:
    return 200 <= status_code < 300

"""Retries with exponential backoff for model calls; any provider can wrap its attempts in it.

An attempt raises `ModelError`; when `retryable` is true it is tried again, up to
`max_retries` more times, waiting `base * 2**n` seconds (capped), or what the provider asked
for with Retry-After (`RetryLater.after`), also capped.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import TypeVar

from voxtest.llm.base import ModelError

T = TypeVar("T")
Sleep = Callable[[float], Awaitable[None]]
log = logging.getLogger("voxtest.llm")


@dataclass(frozen=True)
class RetryPolicy:
    max_retries: int = 3
    base_delay: float = 0.5
    max_delay: float = 30.0

    def delay(self, retry: int, asked: float | None) -> float:
        """Seconds to wait before retry number `retry` (0-based)."""
        wanted = asked if asked is not None else self.base_delay * 2**retry
        return max(0.0, min(wanted, self.max_delay))


class RetryLater(ModelError):
    """A retryable failure where the provider said how long to wait (seconds, or None)."""

    def __init__(self, message: str, *, after: float | None, status_code: int | None) -> None:
        super().__init__(message, retryable=True, status_code=status_code)
        self.after = after


async def with_retries(
    attempt: Callable[[], Awaitable[T]],
    policy: RetryPolicy,
    *,
    sleep: Sleep = asyncio.sleep,
    what: str = "model call",
) -> T:
    """`await attempt()`, retried on retryable `ModelError`s as `policy` says."""
    retry = 0
    while True:
        try:
            return await attempt()
        except ModelError as error:
            if not error.retryable or policy.max_retries == 0:
                raise
            if retry == policy.max_retries:
                raise _gave_up(error, retry + 1) from error
            wait = policy.delay(retry, getattr(error, "after", None))
            log.warning("%s failed (%s); retry %d in %.2fs", what, error, retry + 1, wait)
            await sleep(wait)
            retry += 1


def _gave_up(error: ModelError, attempts: int) -> ModelError:
    message = f"{error.message} (gave up after {attempts} attempts)"
    return ModelError(message, retryable=True, status_code=error.status_code)


def parse_retry_after(value: str | None) -> float | None:
    """Seconds from a Retry-After header (delta-seconds or an HTTP date), or None."""
    if not value:
        return None
    value = value.strip()
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())

"""Cron jobs' schedules: crontab expressions in a time zone, and the missed-tick rule.

The rule (docs/design/0007-webhooks-and-schedules.md): a job whose `next_run_at` has passed
fires once, however many ticks were missed while no voxtest process ran, and its next tick
is the first one strictly after the moment it fired.
"""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from croniter import croniter

FIELDS = 5  # minute hour day-of-month month day-of-week


def crontab_problem(expression: object) -> str | None:
    """Why `expression` is not a five-field crontab expression, or None."""
    if not isinstance(expression, str) or not expression.strip():
        return "This field may not be blank."
    text = expression.strip()
    if not text.startswith("@") and len(text.split()) != FIELDS:
        return (
            "Enter a crontab expression with five fields: minute hour day-of-month month "
            "day-of-week (e.g. '0 9 * * 1-5')."
        )
    if not croniter.is_valid(text):
        return f"{text!r} is not a valid crontab expression."
    return None


def next_tick(expression: str, time_zone: str, after: datetime) -> datetime:
    """The first tick of `expression`, read in `time_zone`, strictly after `after` (UTC)."""
    if after.tzinfo is None:
        raise ValueError("`after` must be timezone-aware")
    local = after.astimezone(ZoneInfo(time_zone))
    tick: datetime = croniter(expression.strip(), local).get_next(datetime)
    return tick.astimezone(UTC)


def ticks_missed(expression: str, time_zone: str, due: datetime, now: datetime) -> int:
    """How many ticks fell in (due, now]: skipped by the missed-tick rule (for the log)."""
    count, tick = 0, due
    while count < 10_000:
        tick = next_tick(expression, time_zone, tick)
        if tick > now:
            break
        count += 1
    return count

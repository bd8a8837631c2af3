"""Which project flags let an event out: the webhook gates of Cekura's `notify_*` fields,
the outcome a result or call log counts as, and the alert rules (frequent calls, no calls).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

SUCCESS, FAILED, ERROR = "success", "failed", "error"


@dataclass(frozen=True)
class RunFacts:
    status: str
    success: bool
    error_message: str | None


def result_outcomes(status: str, runs: Sequence[RunFacts]) -> frozenset[str]:
    """A finished result is `success` when it completed and every run succeeded, else
    `failed`; it is also `error` when any run carries an error message."""
    ok = status == "completed" and bool(runs) and all(r.success for r in runs)
    outcomes = {SUCCESS if ok else FAILED}
    if any(r.error_message for r in runs):
        outcomes.add(ERROR)
    return frozenset(outcomes)


def result_webhook_wanted(
    flags: Mapping[str, Any], outcomes: Iterable[str], *, is_cronjob: bool
) -> bool:
    """`notify_result_webhook_<outcome>` (or `notify_cronjob_webhook_<outcome>` for a cron
    job's result) is on for one of the outcomes."""
    prefix = "notify_cronjob_webhook_" if is_cronjob else "notify_result_webhook_"
    return any(bool(flags.get(prefix + o)) for o in outcomes)


def call_log_webhook_wanted(flags: Mapping[str, Any], success: bool | None) -> bool:
    key = "notify_call_log_webhook_success" if success else "notify_call_log_webhook_failed"
    return bool(flags.get(key))


def cron_notice_wanted(flags: Mapping[str, Any], notify_on: str, succeeded: bool) -> bool:
    """A cron job's own `notify_on` and the project's `notify_cron_success/failure` agree."""
    if notify_on == "never" or (notify_on == "success" and not succeeded):
        return False
    if notify_on == "failure" and succeeded:
        return False
    return bool(flags.get("notify_cron_success" if succeeded else "notify_cron_failure"))


def frequent_calls_due(
    call_times: Sequence[datetime],
    now: datetime,
    *,
    threshold: int,
    period_minutes: int,
    cooldown_minutes: int,
    last_alert_at: datetime | None,
) -> bool:
    """At least `threshold` calls from one number within the last `period_minutes`, and no
    alert for that number within the last `cooldown_minutes`."""
    if threshold <= 0 or period_minutes <= 0:
        return False
    since = now - timedelta(minutes=period_minutes)
    recent = sum(1 for t in call_times if since <= t <= now)
    if recent < threshold:
        return False
    return last_alert_at is None or now - last_alert_at >= timedelta(minutes=cooldown_minutes)


@dataclass(frozen=True)
class QuietSpell:
    """A configured window in which the project expected a call every `time_frame` minutes
    and got none: the alert names the window and the silent stretch."""

    start_time: str
    end_time: str
    time_frame: int
    silent_since: datetime


def no_calls_spell(
    window: Mapping[str, Any],
    now: datetime,
    last_call_at: datetime | None,
    last_alert_at: datetime | None,
    default_zone: str = "UTC",
) -> QuietSpell | None:
    """The quiet spell to alert about now, or None. Inside a period (`start_time`..`end_time`
    in the window's time zone), no call for `time_frame` minutes (counted from the later of
    the last call and the period's start) is a spell; one alert per spell."""
    zone = ZoneInfo(str(window.get("time_zone") or default_zone))
    local = now.astimezone(zone)
    for period in window.get("time_periods") or []:
        start = _at(local, period["start_time"])
        end = _at(local, period["end_time"])
        if not start <= local < end:
            continue
        since = max(start, last_call_at.astimezone(zone)) if last_call_at else start
        if local - since < timedelta(minutes=int(period["time_frame"])):
            continue
        if last_alert_at is not None and last_alert_at >= since:
            continue  # already alerted for this spell
        return QuietSpell(
            period["start_time"], period["end_time"], int(period["time_frame"]), since
        )
    return None


def counts_for_no_calls(
    window: Mapping[str, Any], agent_id: int | None, customer_number: str | None
) -> bool:
    """A call keeps the no-calls alert quiet unless its agent is excluded or its number is
    one of the exception numbers (test lines, monitors)."""
    if agent_id is not None and agent_id in (window.get("agents") or []):
        return False
    return not (customer_number and customer_number in (window.get("exception_numbers") or []))


def _at(local: datetime, hhmm: str) -> datetime:
    hour, minute = (int(p) for p in hhmm.split(":"))
    return datetime.combine(local.date(), time(hour, minute), tzinfo=local.tzinfo)

"""Which flags let webhook events and notifications out, and the alert rules."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from voxtest.domain.notify_gates import (
    ERROR,
    FAILED,
    SUCCESS,
    RunFacts,
    call_log_webhook_wanted,
    counts_for_no_calls,
    cron_notice_wanted,
    frequent_calls_due,
    no_calls_spell,
    result_outcomes,
    result_webhook_wanted,
)

OK = RunFacts("completed", True, None)
BAD = RunFacts("completed", False, None)
BROKEN = RunFacts("failed", False, "agent hung up")


def test_a_result_succeeds_only_when_every_run_succeeded() -> None:
    assert result_outcomes("completed", [OK, OK]) == {SUCCESS}
    assert result_outcomes("completed", [OK, BAD]) == {FAILED}
    assert result_outcomes("failed", []) == {FAILED}


def test_runs_with_an_error_message_add_the_error_outcome() -> None:
    assert result_outcomes("completed", [OK, BROKEN]) == {FAILED, ERROR}


def test_result_flags_and_cronjob_flags_are_separate() -> None:
    flags = {"notify_result_webhook_success": True}
    assert result_webhook_wanted(flags, {SUCCESS}, is_cronjob=False)
    assert not result_webhook_wanted(flags, {SUCCESS}, is_cronjob=True)
    assert not result_webhook_wanted(flags, {FAILED}, is_cronjob=False)
    cron = {"notify_cronjob_webhook_error": True}
    assert result_webhook_wanted(cron, {FAILED, ERROR}, is_cronjob=True)


def test_call_log_flags() -> None:
    assert call_log_webhook_wanted({"notify_call_log_webhook_success": True}, True)
    assert not call_log_webhook_wanted({"notify_call_log_webhook_success": True}, False)
    assert call_log_webhook_wanted({"notify_call_log_webhook_failed": True}, None)


@pytest.mark.parametrize(
    ("notify_on", "succeeded", "wanted"),
    [
        ("both", True, True),
        ("both", False, True),
        ("success", True, True),
        ("success", False, False),
        ("failure", False, True),
        ("failure", True, False),
        ("never", False, False),
    ],
)
def test_cron_notices_need_the_jobs_notify_on_and_the_projects_flag(
    notify_on: str, succeeded: bool, wanted: bool
) -> None:
    flags = {"notify_cron_success": True, "notify_cron_failure": True}
    assert cron_notice_wanted(flags, notify_on, succeeded) is wanted
    assert not cron_notice_wanted({}, notify_on, succeeded)


NOW = datetime(2025, 1, 6, 15, 0, tzinfo=UTC)


def _calls(*minutes_ago: int) -> list[datetime]:
    return [NOW - timedelta(minutes=m) for m in minutes_ago]


def test_frequent_calls_need_the_threshold_within_the_period() -> None:
    rule = {"threshold": 3, "period_minutes": 60, "cooldown_minutes": 30}
    assert frequent_calls_due(_calls(1, 20, 59), NOW, last_alert_at=None, **rule)
    assert not frequent_calls_due(_calls(1, 20, 61), NOW, last_alert_at=None, **rule)


def test_frequent_calls_alert_once_per_cooldown() -> None:
    rule = {"threshold": 2, "period_minutes": 60, "cooldown_minutes": 30}
    calls = _calls(1, 2)
    assert not frequent_calls_due(calls, NOW, last_alert_at=NOW - timedelta(minutes=29), **rule)
    assert frequent_calls_due(calls, NOW, last_alert_at=NOW - timedelta(minutes=30), **rule)


WINDOW = {
    "time_zone": "America/New_York",
    "time_periods": [{"start_time": "09:00", "end_time": "17:00", "time_frame": 30}],
    "exception_numbers": ["+14155550100"],
    "agents": [7],
}
# NOW is 10:00 in New York


def test_no_calls_for_the_time_frame_inside_a_period_is_a_spell() -> None:
    spell = no_calls_spell(WINDOW, NOW, NOW - timedelta(minutes=31), None)
    assert spell is not None
    assert spell.time_frame == 30 and spell.start_time == "09:00"


def test_a_recent_call_or_a_young_period_is_no_spell() -> None:
    assert no_calls_spell(WINDOW, NOW, NOW - timedelta(minutes=29), None) is None
    start = datetime(2025, 1, 6, 14, 20, tzinfo=UTC)  # 09:20 New York: 20 min into the period
    assert no_calls_spell(WINDOW, start, None, None) is None
    assert no_calls_spell(WINDOW, NOW, None, None) is not None  # an hour into it, no call


def test_outside_every_period_there_is_no_spell() -> None:
    night = datetime(2025, 1, 6, 3, 0, tzinfo=UTC)
    assert no_calls_spell(WINDOW, night, None, None) is None


def test_one_alert_per_spell() -> None:
    last_call = NOW - timedelta(minutes=45)
    alerted = NOW - timedelta(minutes=10)
    assert no_calls_spell(WINDOW, NOW, last_call, alerted) is None
    stale_alert = NOW - timedelta(minutes=50)  # before the last call: a new spell
    assert no_calls_spell(WINDOW, NOW, last_call, stale_alert) is not None


def test_excluded_agents_and_exception_numbers_do_not_count_as_calls() -> None:
    assert counts_for_no_calls(WINDOW, 3, "+14155550199")
    assert not counts_for_no_calls(WINDOW, 7, "+14155550199")
    assert not counts_for_no_calls(WINDOW, 3, "+14155550100")

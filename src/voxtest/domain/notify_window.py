"""`no_calls_notify_time_period`: when a project expects calls, and who to ignore."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import phonenumbers

_HHMM = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")


def is_time_zone(name: Any) -> bool:
    if not isinstance(name, str) or not name:
        return False
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True


def is_e164(number: Any) -> bool:
    if not isinstance(number, str) or not re.fullmatch(r"\+[1-9]\d{6,14}", number):
        return False
    try:
        return phonenumbers.is_possible_number(phonenumbers.parse(number))
    except phonenumbers.NumberParseException:
        return False


def validate_no_calls_window(value: Any, project_agent_ids: Iterable[int]) -> list[str]:
    """Every problem with the value, as user-facing messages (empty when valid)."""
    if value is None or value == {}:
        return []
    if not isinstance(value, Mapping):
        return ["Must be an object with time_zone, time_periods, exception_numbers and agents."]
    errors: list[str] = []
    unknown = set(value) - {"time_zone", "time_periods", "exception_numbers", "agents"}
    if unknown:
        errors.append(f"Unknown keys: {', '.join(sorted(unknown))}.")
    if "time_zone" in value and not is_time_zone(value["time_zone"]):
        errors.append(f"time_zone {value['time_zone']!r} is not an IANA time zone name.")
    periods = value.get("time_periods", [])
    if not isinstance(periods, list):
        errors.append("time_periods must be a list.")
        periods = []
    for i, period in enumerate(periods):
        errors.extend(f"time_periods[{i}]: {m}" for m in _period_errors(period))
    numbers = value.get("exception_numbers", [])
    if not isinstance(numbers, list):
        errors.append("exception_numbers must be a list of E.164 numbers.")
    else:
        errors.extend(
            f"exception_numbers: {n!r} is not an E.164 number (e.g. +15551234567)."
            for n in numbers
            if not is_e164(n)
        )
    agents = value.get("agents", [])
    known = set(project_agent_ids)
    if not isinstance(agents, list) or not all(isinstance(a, int) for a in agents):
        errors.append("agents must be a list of agent ids.")
    else:
        errors.extend(
            f"agents: {a} is not an agent of this project." for a in agents if a not in known
        )
    return errors


def _period_errors(period: Any) -> list[str]:
    if not isinstance(period, Mapping):
        return ["must be an object with start_time, end_time and time_frame."]
    errors = []
    for key in ("start_time", "end_time"):
        if not isinstance(period.get(key), str) or not _HHMM.match(period[key]):
            errors.append(f"{key} must be a time as HH:MM (00:00 to 23:59).")
    frame = period.get("time_frame")
    if isinstance(frame, bool) or not isinstance(frame, int) or frame <= 0:
        errors.append("time_frame must be a positive number of minutes.")
    if not errors and period["start_time"] >= period["end_time"]:
        errors.append("start_time must be before end_time.")
    return errors

"""Reading the clinic tools' answers leniently, and saying days and times. Pure."""

from __future__ import annotations

from datetime import date
from typing import Any


def appointments(result: dict[str, Any]) -> list[dict[str, Any]]:
    """Appointments in a tool's answer (`appointments`, or a stateful read's `rows`), sorted,
    each with day, time, kind and confirmation."""
    raw = result.get("appointments", result.get("rows"))
    found = [
        {
            "day": str(a["day"]),
            "time": str(a["time"]),
            "kind": str(a.get("kind") or "appointment"),
            "confirmation": str(a.get("confirmation") or ""),
        }
        for a in (raw if isinstance(raw, list) else [])
        if isinstance(a, dict) and a.get("day") and a.get("time")
    ]
    return sorted(found, key=lambda a: (a["day"], a["time"]))


def times(raw: Any) -> list[str]:
    return [str(t) for t in raw] if isinstance(raw, list) else []


def preferred(slots: list[str], preference: str | None) -> list[str]:
    if preference == "morning":
        return [s for s in slots if s < "12:00"]
    if preference == "afternoon":
        return [s for s in slots if s >= "12:00"]
    return slots


def day(iso_day: str) -> str:
    day = date.fromisoformat(iso_day)
    return f"{day:%A} {day.day} {day:%B} {day.year}"


def when(iso_day: str, time: str) -> str:
    return f"{day(iso_day)} at {time}"

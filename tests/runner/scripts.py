"""Small conditional-actions scripts for the runner tests."""

from __future__ import annotations

from typing import Any

from voxtest.domain.actions_engine import Script


def item(
    item_id: int, condition: str | int, action: str, *, followup: bool = False, fixed: bool = True
) -> dict[str, Any]:
    return {
        "id": item_id,
        "condition": condition,
        "action": action,
        "type": "action_followup" if followup else "standard",
        "fixed_message": fixed,
    }


def script(*items: dict[str, Any]) -> Script:
    return Script.from_json({"role": "A patient", "conditions": list(items)})


def opening(action: str = "Hi, I need to move my cleaning.") -> dict[str, Any]:
    return item(0, "FIRST_MESSAGE", action)

"""Which runs a run request makes (research notes §3.1), and the request's own rules.

    runs = scenarios × frequency × max(1, len(personality_ids)) × max(1, len(test_profile_ids))

Without an override a run takes its scenario's personality and test profile.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

MAX_FREQUENCY = 100
SELECTORS = ("scenarios", "tags", "folder_path")
INVALID_PERSONALITIES = "Invalid personalities provided."
INVALID_TEST_PROFILES = "Invalid test profiles provided."


@dataclass(frozen=True)
class ScenarioChoice:
    """A selected scenario with its own defaults."""

    id: int
    personality_id: int | None = None
    test_profile_id: int | None = None


@dataclass(frozen=True)
class PlannedRun:
    scenario_id: int
    personality_id: int | None
    test_profile_id: int | None


def plan_runs(
    scenarios: Sequence[ScenarioChoice],
    frequency: int,
    personality_ids: Sequence[int] | None = None,
    test_profile_ids: Sequence[int] | None = None,
) -> list[PlannedRun]:
    """Every run of the request, scenario by scenario, in a stable order."""
    runs = []
    for scenario in scenarios:
        personalities: list[int | None] = [*(personality_ids or [])] or [scenario.personality_id]
        profiles: list[int | None] = [*(test_profile_ids or [])] or [scenario.test_profile_id]
        for _ in range(frequency):
            for personality in personalities:
                for profile in profiles:
                    runs.append(PlannedRun(scenario.id, personality, profile))
    return runs


def request_problems(body: Mapping[str, Any]) -> dict[str, list[str]]:
    """The rules of a run request that need no database, every problem at once."""
    errors: dict[str, list[str]] = {}
    if body.get("agent_id") is None and not body.get("assistant_id"):
        errors["agent_id"] = ["Either agent_id or assistant_id must be provided."]
    chosen = [key for key in SELECTORS if _given(body.get(key))]
    if not chosen:
        errors["scenarios"] = ["Either scenarios, tags or folder_path must be provided."]
    elif len(chosen) > 1:
        errors[chosen[1]] = [f"Send only one of {', '.join(SELECTORS)}."]
    if _given(body.get("folder_path")) and body.get("project_id") is None:
        errors["project_id"] = ["project_id is required with folder_path."]
    frequency = body.get("frequency")
    if frequency is not None and not 1 <= frequency <= MAX_FREQUENCY:
        errors["frequency"] = [f"Ensure this value is between 1 and {MAX_FREQUENCY}."]
    return errors


def unknown_ids(requested: Sequence[int] | None, allowed: set[int]) -> list[int]:
    """The requested ids not in `allowed` (overrides must be enabled / visible)."""
    return [i for i in requested or [] if i not in allowed]


def _given(value: Any) -> bool:
    return value is not None and value != [] and value != ""

"""Helpers of the metric tests."""

from __future__ import annotations

from typing import Any

from tests.api import factories
from tests.api.factories import new_agent
from tests.conftest import Api

__all__ = ["metric", "new_agent", "new_scenario"]


def new_scenario(api: Api, project_id: int, name: str = "Scenario") -> int:
    return int(factories.new_scenario(api, project=project_id, name=name)["id"])


def metric(api: Api, project_id: int, **fields: Any) -> dict[str, Any]:
    """Create a metric through v2 and return its body."""
    fields.setdefault("description", "Did the agent greet the caller?")
    return factories.new_metric(api, project_id, fields.pop("name", "Greets the caller"), **fields)

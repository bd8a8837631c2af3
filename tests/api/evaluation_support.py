"""What the evaluation endpoint tests share: custom-code metrics (evaluated in the sandbox, no
judge model needed), the clinic agent's scripted run played and evaluated, and polling a run
until its evaluation is stored."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from tests.api.run_support import RUN_TEXT, reschedule_scenario, sarah_profile, wait_for_result
from tests.conftest import Api

PASSES = '_result = True\n_explanation = "always passes"'
FAILS = '_result = False\n_explanation = "always fails"'


def code_metric(api: Api, agent: int, name: str, code: str, eval_type: str = "binary") -> int:
    body = {
        "name": name,
        "agent": agent,
        "type": "custom_code",
        "eval_type": eval_type,
        "custom_code": code,
    }
    r = api.post("/test_framework/v2/metrics/", body)
    assert r.status_code == 201, r.text
    return int(r.json()["id"])


def set_code(api: Api, metric: int, code: str) -> None:
    r = api.patch(f"/test_framework/v2/metrics/{metric}/", {"custom_code": code})
    assert r.status_code == 200, r.text


def rubric(api: Api, rules: list[tuple[int, dict[str, Any]]]) -> None:
    body = {
        "rubric_config": {
            "evaluation_logic": "and",
            "rules": [
                {"metric_id": m, "conditions": {"operator": "and", "conditions": [c]}}
                for m, c in rules
            ],
        }
    }
    r = api.patch(f"/user/v1/projects/{api.default_project_id()}/", body)
    assert r.status_code == 200, r.text


def scenario_with(api: Api, agent: int, metrics: list[int]) -> int:
    return reschedule_scenario(api, agent, sarah_profile(api, agent), metrics=metrics)


def played(api: Api, agent: int, scenario: int, frequency: int = 1) -> dict[str, Any]:
    """The result detail once its runs were played and evaluated."""
    body = {"agent_id": agent, "scenarios": [scenario], "frequency": frequency}
    r = api.post(RUN_TEXT, body)
    assert r.status_code in (200, 201), r.text
    return wait_for_result(api, int(r.json()["id"]), timeout_s=90)


def values(run: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """The run's metric values by metric name."""
    return {m["name"]: m for m in run["evaluation"]["metrics"]}


def run_when(
    api: Api, run_id: int, ready: Callable[[dict[str, Any]], bool], timeout_s: float = 60.0
) -> dict[str, Any]:
    """The run once `ready(run)` holds (bounded wait)."""
    deadline = time.monotonic() + timeout_s
    while True:
        r = api.get(f"/test_framework/v2/runs/{run_id}/")
        assert r.status_code == 200, r.text
        run: dict[str, Any] = r.json()
        if ready(run):
            return run
        assert time.monotonic() < deadline, f"run {run_id} never got ready: {run['status']}"
        time.sleep(0.2)


def evaluated(run: dict[str, Any]) -> bool:
    return bool(run["status"] != "evaluating")

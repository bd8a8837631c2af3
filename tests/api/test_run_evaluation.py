"""Every finished run is evaluated: the metrics attached to its scenario and enabled on its
agent (predefined ones computed from the transcript, custom code in the sandbox), the
project's rubric, `success`, and the result's aggregates. No judge model is configured here:
the expected outcome is data naming the setting, never a failed run."""

from __future__ import annotations

from typing import Any

from tests.api.run_support import (
    RUN_TEXT,
    chat_agent,
    clinic_agent,
    reschedule_scenario,
    sarah_profile,
    wait_for_result,
)
from tests.conftest import Api

CUSTOM_CODE = """
latency = data["Latency (in ms)"]
_result = latency is not None and latency < 5000 and "cleaning" in data["transcript"].lower()
_explanation = f"average latency {latency} ms"
"""


def _copy_predefined(api: Api, agent_id: int, names: list[str]) -> dict[str, int]:
    catalogue = api.get("/test_framework/v1/predefined-metrics/").json()
    wanted = [m["id"] for m in catalogue if m["name"] in names]
    r = api.post(
        "/test_framework/v1/predefined-metrics/copy/",
        {"agent_id": agent_id, "predefined_metric_ids": wanted},
    )
    assert r.status_code in (200, 201), r.text
    return {m["name"]: m["id"] for m in r.json()}


def _custom_metric(api: Api, agent_id: int) -> int:
    r = api.post(
        "/test_framework/v2/metrics/",
        {
            "name": "Fast and on topic",
            "agent": agent_id,
            "type": "custom_code",
            "eval_type": "binary",
            "custom_code": CUSTOM_CODE,
        },
    )
    assert r.status_code == 201, r.text
    return int(r.json()["id"])


def _rubric(api: Api, rules: list[tuple[int, dict[str, Any]]]) -> None:
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


def _run(api: Api, scenario: int, agent: int) -> dict[str, Any]:
    r = api.post(RUN_TEXT, {"agent_id": agent, "scenarios": [scenario]})
    assert r.status_code in (200, 201), r.text
    result = wait_for_result(api, int(r.json()["id"]), timeout_s=90)
    (run,) = result["runs"].values()
    return {"result": result, "run": run}


def test_a_run_is_evaluated_and_judged_by_the_rubric(api: Api) -> None:
    with clinic_agent() as server:
        agent = chat_agent(api, server.url)
        metrics = _copy_predefined(api, agent, ["Latency (in ms)", "Infrastructure Issues"])
        custom = _custom_metric(api, agent)
        attached = [*metrics.values(), custom]
        scenario = reschedule_scenario(
            api,
            agent,
            sarah_profile(api, agent),
            metrics=attached,
            expected_outcome_prompt="The agent moves the cleaning to 14:30.",
        )
        _rubric(
            api,
            [
                (metrics["Infrastructure Issues"], {"field": "score", "op": "eq", "value": True}),
                (custom, {"field": "score", "op": "eq", "value": True}),
            ],
        )
        done = _run(api, scenario, agent)
    run, result = done["run"], done["result"]
    assert run["status"] == "completed", run
    assert "evaluation_error" not in run["metadata"], run["metadata"]
    by_name = {m["name"]: m for m in run["evaluation"]["metrics"]}
    assert set(by_name) == {"Latency (in ms)", "Infrastructure Issues", "Fast and on topic"}
    latency = by_name["Latency (in ms)"]
    assert latency["score"] is not None and 0 < latency["score"] < 5000
    assert by_name["Infrastructure Issues"]["extra"]["passed"] is True
    custom_value = by_name["Fast and on topic"]
    assert custom_value["score"] == 5 and custom_value["extra"]["passed"] is True
    assert f"average latency {latency['score']}" in custom_value["explanation"][0]
    assert [rule["passed"] for rule in run["rubric"]] == [True, True]
    assert run["rubric"][0]["conditions"] == "score eq true"
    assert run["success"] is True and run["evaluation_status"] == "success"
    outcome = run["expected_outcome"]  # no judge configured: the reason, not a crash
    assert outcome["score"] is None
    assert any("VOXTEST_JUDGE" in line or "VOXTEST_LLM" in line for line in outcome["explanation"])
    assert result["success_rate"] == 100.0
    assert result["total_expected_outcome_count"] == 0
    (rule_a, rule_b) = result["performance_metrics"]
    assert rule_a["metric_id"] == metrics["Infrastructure Issues"] and rule_a["passed"] is True


def test_a_failed_rule_fails_the_run_and_metrics_not_enabled_do_not_run(api: Api) -> None:
    with clinic_agent(reply_delay_ms=300) as server:
        agent = chat_agent(api, server.url)
        other_agent = chat_agent(api, server.url)
        metrics = _copy_predefined(api, agent, ["Latency (in ms)"])
        elsewhere = _copy_predefined(api, other_agent, ["Infrastructure Issues"])
        attached = [metrics["Latency (in ms)"], elsewhere["Infrastructure Issues"]]
        scenario = reschedule_scenario(api, agent, sarah_profile(api, agent), metrics=attached)
        latency_rule = {"field": "score", "op": "lt", "value": 100}  # the agent takes 300 ms
        _rubric(api, [(metrics["Latency (in ms)"], latency_rule)])
        done = _run(api, scenario, agent)
    run = done["run"]
    assert run["status"] == "completed"
    assert [m["name"] for m in run["evaluation"]["metrics"]] == ["Latency (in ms)"]
    assert run["evaluation"]["metrics"][0]["score"] >= 300
    assert run["rubric"][0]["passed"] is False
    assert run["success"] is False and run["evaluation_status"] == "failure"
    assert "expected_outcome" not in run or run["expected_outcome"] is None
    assert done["result"]["success_rate"] == 0.0

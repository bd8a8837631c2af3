"""The project rubric with real metrics: validation by eval_type, add_to_rubric, deletion."""

from __future__ import annotations

from typing import Any

from tests.api.metrics_support import metric
from tests.conftest import Api

V2 = "/test_framework/v2/metrics"


def _rule(metric_id: int, field: str, op: str, value: Any) -> dict[str, Any]:
    return {
        "metric_id": metric_id,
        "conditions": {
            "operator": "and",
            "conditions": [{"field": field, "op": op, "value": value}],
        },
    }


def _rubric(*rules: dict[str, Any]) -> dict[str, Any]:
    return {"evaluation_logic": "and", "rules": list(rules)}


def _patch_rubric(api: Api, pid: int, rubric: dict[str, Any]) -> Any:
    return api.patch(f"/user/v1/projects/{pid}/", {"rubric_config": rubric})


def _rubric_of(api: Api, pid: int) -> dict[str, Any]:
    config: dict[str, Any] = api.get(f"/user/v1/projects/{pid}/").json()["rubric_config"]
    return config


def _three(api: Api, pid: int) -> tuple[int, int, int]:
    binary = metric(api, pid, name="Greets")["id"]
    numeric = metric(api, pid, name="Turns", eval_type="numeric")["id"]
    enum = metric(api, pid, name="Outcome", eval_type="enum", enum_values=["resolved", "lost"])
    return binary, numeric, enum["id"]


def test_rubric_with_real_metrics_is_accepted_and_cleared(api: Api) -> None:
    pid = api.default_project_id()
    binary, numeric, enum = _three(api, pid)
    rubric = _rubric(
        _rule(binary, "score", "eq", True),
        _rule(numeric, "score", "gte", 4),
        _rule(enum, "enum", "in", ["resolved"]),
    )
    r = _patch_rubric(api, pid, rubric)
    assert r.status_code == 200, r.text
    assert r.json()["rubric_config"] == rubric
    assert _patch_rubric(api, pid, {}).json()["rubric_config"] == {}


def test_rules_that_do_not_fit_the_eval_type_are_rejected(api: Api) -> None:
    pid = api.default_project_id()
    binary, numeric, enum = _three(api, pid)
    for bad in (
        _rule(binary, "score", "gte", 4),
        _rule(binary, "enum", "eq", True),
        _rule(numeric, "score", "gte", "high"),
        _rule(numeric, "enum", "eq", "x"),
        _rule(enum, "enum", "eq", "unknown_value"),
        _rule(enum, "score", "eq", 5),
    ):
        r = _patch_rubric(api, pid, _rubric(bad))
        assert r.status_code == 400, bad
        assert list(r.json()) == ["rubric_config"]


def test_unknown_and_foreign_metric_ids_are_rejected(api: Api) -> None:
    pid = api.default_project_id()
    other = api.post("/user/v1/projects/", {"name": "Other"}).json()["id"]
    foreign = metric(api, other)["id"]
    for metric_id in (999999, foreign):
        r = _patch_rubric(api, pid, _rubric(_rule(metric_id, "score", "eq", True)))
        assert r.status_code == 400
        assert r.json() == {
            "rubric_config": [f"rules[0]: metric {metric_id} does not exist in this project."]
        }
    stranger = api.other()
    stranger_metric = metric(stranger, stranger.default_project_id())["id"]
    r = _patch_rubric(api, pid, _rubric(_rule(stranger_metric, "score", "eq", True)))
    assert r.status_code == 400


def test_add_to_rubric_adds_a_default_rule_by_eval_type(api: Api) -> None:
    pid = api.default_project_id()
    binary = metric(api, pid, add_to_rubric=True)["id"]
    continuous = metric(api, pid, eval_type="continuous_qualitative", add_to_rubric=True)["id"]
    numeric = metric(api, pid, eval_type="numeric", add_to_rubric=True)["id"]
    enum = metric(
        api, pid, eval_type="enum", enum_values=["booked", "declined"], add_to_rubric=True
    )
    assert _rubric_of(api, pid) == _rubric(
        _rule(binary, "score", "eq", True),
        _rule(continuous, "score", "gte", 4),
        _rule(numeric, "score", "gte", 4),
        _rule(enum["id"], "enum", "eq", "booked"),
    )


def test_patch_add_to_rubric_false_removes_and_true_keeps_a_tuned_rule(api: Api) -> None:
    pid = api.default_project_id()
    made = metric(api, pid, eval_type="numeric")
    tuned = _rubric(_rule(made["id"], "score", "lte", 2000))
    assert _patch_rubric(api, pid, tuned).status_code == 200
    assert api.patch(f"{V2}/{made['id']}/", {"add_to_rubric": True}).status_code == 200
    assert _rubric_of(api, pid) == tuned
    assert api.patch(f"{V2}/{made['id']}/", {"add_to_rubric": False}).status_code == 200
    assert _rubric_of(api, pid) == {}


def test_changing_eval_type_under_a_rule_needs_a_decision(api: Api) -> None:
    pid = api.default_project_id()
    made = metric(api, pid, add_to_rubric=True)
    r = api.patch(f"{V2}/{made['id']}/", {"eval_type": "numeric"})
    assert r.status_code == 400 and "add_to_rubric" in r.json()["eval_type"][0]
    r = api.patch(f"{V2}/{made['id']}/", {"eval_type": "numeric", "add_to_rubric": True})
    assert r.status_code == 200
    assert _rubric_of(api, pid) == _rubric(_rule(made["id"], "score", "gte", 4))


def test_deleting_a_metric_removes_its_rule(api: Api) -> None:
    pid = api.default_project_id()
    kept = metric(api, pid, name="Kept", add_to_rubric=True)["id"]
    gone = metric(api, pid, name="Gone", add_to_rubric=True)["id"]
    assert api.delete(f"{V2}/{gone}/").status_code == 204
    assert _rubric_of(api, pid) == _rubric(_rule(kept, "score", "eq", True))
    assert api.delete(f"{V2}/{kept}/").status_code == 204
    assert _rubric_of(api, pid) == {}


def test_deleting_an_agent_removes_its_metrics_rules_from_the_rubric(api: Api) -> None:
    from tests.api.factories import new_agent

    pid = api.default_project_id()
    agent = new_agent(api, pid)
    own = metric(api, pid, agent=agent, name="Agent's own")
    shared = metric(api, pid, name="Shared")
    rule = {"operator": "and", "conditions": [{"field": "score", "op": "eq", "value": True}]}
    rubric = {
        "evaluation_logic": "and",
        "rules": [{"metric_id": m["id"], "conditions": rule} for m in (own, shared)],
    }
    assert api.patch(f"/user/v1/projects/{pid}/", {"rubric_config": rubric}).status_code == 200
    assert api.delete(f"/test_framework/v2/aiagents/{agent}/").status_code == 204
    left = api.get(f"/user/v1/projects/{pid}/").json()["rubric_config"]
    assert [r["metric_id"] for r in left["rules"]] == [shared["id"]]
    # and the project stays writable with what is left
    assert api.patch(f"/user/v1/projects/{pid}/", {"rubric_config": left}).status_code == 200

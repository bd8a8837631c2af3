"""Metrics: project and agent scope, enabled agents, scenarios, list filters, tenancy."""

from __future__ import annotations

import json

from tests.api.metrics_support import metric, new_agent, new_scenario
from tests.conftest import Api

V1, V2 = "/test_framework/v1/metrics", "/test_framework/v2/metrics"


def _ids(api: Api, path: str, **params: object) -> set[int]:
    r = api.get(path, params=params)
    assert r.status_code == 200, r.text
    return {m["id"] for m in r.json()}


def test_agent_scoped_metric_belongs_to_the_agents_project(api: Api) -> None:
    pid = api.default_project_id()
    agent = new_agent(api, pid, assistant_id="asst_scope_12345")
    body = {"agent": agent, "name": "Agent metric", "description": "d"}
    made = api.post(f"{V2}/", body).json()
    assert made["project"] == pid and made["agents"] == [agent]
    via_assistant = api.post(
        f"{V1}/", {"assistant_id": "asst_scope_12345", "name": "By assistant", "description": "d"}
    ).json()
    assert via_assistant["assistant_id"] == "asst_scope_12345"
    assert via_assistant["agents"] == [agent]
    project_metric = metric(api, pid)
    assert _ids(api, f"{V2}/", agent_id=agent) == {made["id"], via_assistant["id"]}
    assert project_metric["id"] in _ids(api, f"{V2}/", project_id=pid)
    assert made["id"] not in _ids(api, f"{V2}/", project_id=pid)
    both = _ids(api, f"{V2}/", project_id=pid, agent_id=agent)
    assert {made["id"], project_metric["id"]} <= both
    assert _ids(api, f"{V1}/", assistant_id="asst_scope_12345") == {
        made["id"],
        via_assistant["id"],
    }
    assert _ids(api, f"{V1}/", assistant_id="asst_nobody_000") == set()
    r = api.patch(f"{V2}/{made['id']}/", {"agent": None})
    assert r.json() == {"agent": ["A metric's agent cannot be changed."]}


def test_create_needs_a_project_and_real_agents(api: Api) -> None:
    pid = api.default_project_id()
    r = api.post(f"{V2}/", {"name": "x", "description": "d"})
    assert r.json() == {"project": ["This field is required."]}
    r = api.post(f"{V2}/", {"agent": 999999, "name": "x", "description": "d"})
    assert r.json() == {"agent": ['Invalid pk "999999" - object does not exist.']}
    r = api.post(f"{V2}/", {"project": pid, "agents": [999999], "name": "x", "description": "d"})
    assert r.json() == {"agents": ['Invalid pk "999999" - object does not exist.']}
    other_project = api.post("/user/v1/projects/", {"name": "Elsewhere"}).json()["id"]
    foreign_agent = new_agent(api, other_project)
    r = api.post(
        f"{V2}/", {"project": pid, "agents": [foreign_agent], "name": "x", "description": "d"}
    )
    assert r.status_code == 400 and "agents" in r.json()


def test_agents_list_is_the_metric_agent_table(api: Api) -> None:
    pid = api.default_project_id()
    a1, a2 = new_agent(api, pid, "A1"), new_agent(api, pid, "A2")
    made = metric(api, pid, agents=[a1])
    assert made["agents"] == [a1]
    assert api.patch(f"{V2}/{made['id']}/", {"agents": [a1, a2]}).json()["agents"] == [a1, a2]
    assert _ids(api, f"{V2}/", agents=f"{a2}") == {made["id"]}
    assert _ids(api, f"{V2}/", agents=f"{a1}, {a2}") == {made["id"]}
    assert api.get(f"{V2}/", params={"agents": "1,x"}).status_code == 400
    filters = {
        "operator": "and",
        "conditions": [{"field": "agents__id", "op": "in", "value": [a2]}],
    }
    assert _ids(api, f"{V1}/", filters=json.dumps(filters)) == {made["id"]}
    assert api.patch(f"{V1}/{made['id']}/", {"agents": []}).json()["agents"] == []


def test_filters_parameter(api: Api) -> None:
    pid = api.default_project_id()
    judge = metric(api, pid, name="Politeness check")
    enum = metric(api, pid, name="Outcome", eval_type="enum", enum_values=["ok", "bad"])
    cond = {"field": "eval_type", "op": "eq", "value": "enum"}
    assert _ids(api, f"{V2}/", filters=json.dumps({"conditions": [cond]})) == {enum["id"]}
    cond = {"field": "name", "op": "contains", "value": "POLITE"}
    assert _ids(api, f"{V2}/", filters=json.dumps({"conditions": [cond]})) == {judge["id"]}
    either = {
        "operator": "or",
        "conditions": [
            {"field": "name", "op": "in", "value": ["Outcome"]},
            {"field": "type", "op": "eq", "value": "llm_judge"},
        ],
    }
    assert {judge["id"], enum["id"]} <= _ids(api, f"{V2}/", filters=json.dumps(either))
    bad = api.get(f"{V2}/", params={"filters": json.dumps({"conditions": [{"field": "x"}]})})
    assert bad.status_code == 400 and "filters" in bad.json()
    assert api.get(f"{V2}/", params={"filters": "{not json"}).status_code == 400


def test_list_is_ordered_by_display_order(api: Api) -> None:
    pid = api.default_project_id()
    late = metric(api, pid, name="Late", display_order=50)
    early = metric(api, pid, name="Early", display_order=-5)
    listed = [m["id"] for m in api.get(f"{V2}/", params={"project_id": pid}).json()]
    assert listed.index(early["id"]) < listed.index(late["id"])
    r = api.get(f"{V2}/", params={"project_id": pid, "include_scores": "true"})
    assert r.status_code == 200


def test_scenarios_are_attached_and_checked(api: Api) -> None:
    pid = api.default_project_id()
    s1 = new_scenario(api, pid)
    made = metric(api, pid, scenarios=[s1])
    assert made["id"] > 0
    r = api.post(f"{V2}/", {"project": pid, "name": "x", "description": "d", "scenarios": [999999]})
    assert r.json() == {"scenarios": ['Invalid pk "999999" - object does not exist.']}
    r = api.post(f"{V2}/", {"project": pid, "name": "x", "description": "d", "scenarios": "some"})
    assert r.status_code == 400
    assert api.patch(f"{V2}/{made['id']}/", {"scenarios": "all"}).status_code == 200


def test_other_organizations_never_see_or_touch_a_metric(api: Api) -> None:
    pid = api.default_project_id()
    made = metric(api, pid)
    stranger = api.other()
    for base in (V1, V2):
        assert stranger.get(f"{base}/{made['id']}/").status_code == 404
        assert stranger.get(f"{base}/{made['slug']}/").status_code == 404
        assert stranger.patch(f"{base}/{made['id']}/", {"name": "x"}).status_code == 404
        assert stranger.put(f"{base}/{made['id']}/", {"name": "x"}).status_code == 404
        assert stranger.delete(f"{base}/{made['id']}/").status_code == 404
        assert made["id"] not in _ids(stranger, f"{base}/")
        assert _ids(stranger, f"{base}/", project_id=pid) == set()
    r = stranger.post(f"{V2}/", {"project": pid, "name": "x", "description": "d"})
    assert r.status_code == 404
    assert api.get(f"{V2}/{made['id']}/").json()["name"] == made["name"]


def test_project_scoped_key_sees_only_its_project(api: Api) -> None:
    first = api.default_project_id()
    second = api.post("/user/v1/projects/", {"name": "Second"}).json()["id"]
    in_first, in_second = metric(api, first), metric(api, second)
    scoped = api.other(project_id=second)
    assert _ids(scoped, f"{V2}/") == {in_second["id"]}
    assert scoped.get(f"{V2}/{in_first['id']}/").status_code == 404
    made = scoped.post(f"{V2}/", {"name": "Defaults to my project", "description": "d"}).json()
    assert made["project"] == second
    r = scoped.post(f"{V2}/", {"project": first, "name": "x", "description": "d"})
    assert r.status_code == 404


def test_add_to_new_agents_enables_the_metric_on_agents_created_later(api: Api) -> None:
    pid = api.default_project_id()
    auto = metric(api, pid, add_to_new_agents=True)
    manual = metric(api, pid)
    assert auto["add_to_new_agents"] is True and manual["add_to_new_agents"] is False
    agent = new_agent(api, pid)  # through the agents API, which enables `auto` on it
    assert api.get(f"{V1}/{auto['id']}/").json()["agents"] == [agent]
    assert api.get(f"{V1}/{manual['id']}/").json()["agents"] == []

"""Test profiles: sectioned information, agent/project placement, tenancy, aliases."""

from __future__ import annotations

from tests.api.factories import new_agent
from tests.api.test_scenarios import V1, new_scenario, second_project
from tests.conftest import Api

P = "/test_framework/v1/test-profiles/"
EXT = "/test_framework/v1/test-profiles-external/"

INFO = {
    "main_agent_variables": {"user_id": "U-42", "X-Tenant": "acme"},
    "testing_agent_variables": {"customer_name": "John Doe"},
}


def test_create_get_list_update_delete(api: Api) -> None:
    pid = api.default_project_id()
    r = api.post(P, {"project": pid, "name": "John", "information": INFO})
    assert r.status_code == 200, r.text  # the reference answers 200, not 201
    made = r.json()
    assert made["project"] == pid and made["agent"] is None and made["information"] == INFO
    assert api.get(f"{EXT}{made['id']}").json() == made
    sid = new_scenario(api, test_profile=made["id"])["id"]
    listed = api.get(P, params={"project_id": pid}).json()
    assert [p["id"] for p in listed] == [made["id"]] and listed[0]["scenarios"] == [sid]
    r = api.patch(f"{P}{made['id']}/", {"name": "Jane"})
    assert r.status_code == 200 and r.json()["name"] == "Jane"
    assert r.json()["information"] == INFO
    r = api.put(f"{EXT}{made['id']}/", {"information": {"legacy": "flat"}})
    assert r.status_code == 400 and r.json() == {"name": ["This field is required."]}
    r = api.put(f"{EXT}{made['id']}/", {"name": "Flat", "information": {"legacy": "flat"}})
    assert r.status_code == 200 and r.json()["information"] == {"legacy": "flat"}
    assert api.delete(f"{P}{made['id']}/").status_code == 204
    assert api.get(f"{P}{made['id']}/").status_code == 404
    assert api.get(f"{V1}{sid}/").json()["test_profile"] is None


def test_agent_implies_project(api: Api) -> None:
    pid = api.default_project_id()
    agent = new_agent(api, pid)
    r = api.post(EXT, {"agent": agent, "name": "A"})
    assert r.status_code == 200, r.text
    assert r.json()["project"] == pid and r.json()["agent_name"] == "Front desk"
    assert [p["agent"] for p in api.get(P, params={"agent_id": agent}).json()] == [agent]
    r = api.post(P, {"agent": agent, "project": second_project(api), "name": "A"})
    assert r.status_code == 400 and "project" in r.json()
    assert api.post(P, {"name": "Nowhere"}).status_code == 400


def test_information_shape_is_checked(api: Api) -> None:
    pid = api.default_project_id()
    bad = {
        "main_agent_variables": {
            "X-Bad Header": "v",
            "X-Run-Id": "mine",
            "X-Multi": "a\r\nb",
            "X-Obj": {"a": 1},
            "plain": {"nested": "fine"},
        },
        "testing_agent_variables": ["not", "an", "object"],
        "extra": {},
    }
    r = api.post(P, {"project": pid, "name": "Bad", "information": bad})
    assert r.status_code == 400
    info = r.json()["information"]
    assert set(info["main_agent_variables"]) == {"X-Bad Header", "X-Run-Id", "X-Multi", "X-Obj"}
    assert "testing_agent_variables" in info and "non_field_errors" in info
    r = api.post(P, {"project": pid, "name": "Flat", "information": {"X-Bad Header": "v"}})
    assert r.status_code == 400
    assert api.post(P, {"project": pid, "name": "", "information": {}}).status_code == 400


def test_profiles_are_private_to_the_organization(api: Api) -> None:
    pid = api.default_project_id()
    made = api.post(P, {"project": pid, "name": "Mine"}).json()
    stranger = api.other()
    assert stranger.get(f"{P}{made['id']}/").status_code == 404
    assert stranger.patch(f"{P}{made['id']}/", {"name": "x"}).status_code == 404
    assert stranger.delete(f"{P}{made['id']}/").status_code == 404
    assert stranger.get(P).json() == []
    r = stranger.post(P, {"project": pid, "name": "Sneaky"})
    assert r.status_code == 400 and "project" in r.json()
    scoped = api.other(project_id=second_project(api))
    assert scoped.get(f"{P}{made['id']}/").status_code == 404
    assert scoped.post(P, {"name": "Scoped"}).status_code == 200

"""`/schedules/v1/cron-jobs/` CRUD with the reference's fields, its validation, tenancy, and
webhook URLs refused when they point at loopback on a default instance."""

from __future__ import annotations

from typing import Any

from tests.api.factories import new_agent, new_scenario
from tests.conftest import Api

BASE = "/schedules/v1/cron-jobs/"
EXTERNAL = "/schedules/v1/cron-jobs-external/"


def _setup(api: Api) -> tuple[int, int]:
    project_id = api.default_project_id()
    agent_id = new_agent(api, project_id)
    scenario = new_scenario(api, agent=agent_id, tags=["nightly"])
    return agent_id, int(scenario["id"])


def test_create_read_update_delete(api: Api) -> None:
    agent_id, scenario_id = _setup(api)
    body: dict[str, Any] = {
        "name": "Daily Agent Test",
        "scenarios": [scenario_id],
        "agent": agent_id,
        "crontab_expression": "0 9 * * 1-5",
        "timezone": "America/New_York",
        "frequency": 2,
        "concurrency_limit": 3,
        "notify_on": "failure",
        "execution_mode": "text",
    }
    r = api.post(BASE, body)
    assert r.status_code == 201, r.text
    job = r.json()
    assert job["scenario_ids"] == [scenario_id] and job["agent"] == agent_id
    assert job["scenarios_data"][0]["id"] == scenario_id
    assert (job["frequency"], job["notify_on"], job["is_active"]) == (2, "failure", True)
    assert job["timezone"] == "America/New_York" and job["execution_mode"] == "text"
    assert "concurrency_limit" not in job  # write-only in the reference
    job_id = job["id"]
    assert api.get(f"{EXTERNAL}{job_id}/").json() == job
    listed = api.get(BASE, params={"agent_id": str(agent_id)}).json()
    assert [j["id"] for j in listed] == [job_id]
    r = api.patch(f"{BASE}{job_id}/", {"crontab_expression": "0 8 * * 1-5", "is_active": False})
    assert r.status_code == 200, r.text
    assert r.json()["crontab_expression"] == "0 8 * * 1-5" and r.json()["is_active"] is False
    r = api.put(
        f"{BASE}{job_id}/",
        {"tags": ["nightly"], "scenarios": [], "agent": agent_id, "crontab_expression": "@daily"},
    )
    assert r.status_code == 200, r.text
    assert r.json()["tags"] == ["nightly"] and r.json()["scenario_ids"] == []
    assert api.delete(f"{BASE}{job_id}/").status_code == 204
    assert api.get(f"{BASE}{job_id}/").status_code == 404


def test_timezone_defaults_to_the_projects(api: Api) -> None:
    agent_id, scenario_id = _setup(api)
    project_id = api.default_project_id()
    api.patch(f"/user/v1/projects/{project_id}/", {"timezone": "Europe/Paris"})
    r = api.post(BASE, {"scenarios": [scenario_id], "crontab_expression": "*/5 * * * *"})
    assert r.status_code == 201, r.text
    assert r.json()["timezone"] == "Europe/Paris"
    assert r.json()["agent"] == agent_id  # taken from the scenario


def test_every_problem_at_once(api: Api) -> None:
    agent_id, scenario_id = _setup(api)
    r = api.post(
        BASE,
        {
            "agent": agent_id,
            "scenarios": [scenario_id],
            "tags": ["nightly"],
            "crontab_expression": "61 * * * *",
            "execution_mode": "voice",
            "frequency": 0,
        },
    )
    assert r.status_code == 400
    errors = r.json()
    assert set(errors) >= {"tags", "crontab_expression", "execution_mode", "frequency"}
    r = api.post(BASE, {"agent": agent_id})
    assert r.status_code == 400
    assert set(r.json()) >= {"crontab_expression", "scenarios"}
    r = api.post(BASE, {"agent": 999999, "tags": ["x"], "crontab_expression": "@daily"})
    assert r.status_code == 400 and "agent" in r.json()
    r = api.post(BASE, {"agent": agent_id, "scenarios": [999999], "crontab_expression": "@daily"})
    assert r.status_code == 400 and "scenarios" in r.json()


def test_other_organizations_see_nothing(api: Api) -> None:
    agent_id, scenario_id = _setup(api)
    body = {"agent": agent_id, "scenarios": [scenario_id], "crontab_expression": "@hourly"}
    job_id = api.post(BASE, body).json()["id"]
    other = api.other()
    assert other.get(f"{BASE}{job_id}/").status_code == 404
    assert other.get(BASE).json() == []
    assert other.delete(f"{BASE}{job_id}/").status_code == 404
    assert other.post(BASE, body).status_code == 400  # the agent does not exist for it


def test_loopback_webhook_urls_are_refused_when_dialled(api: Api) -> None:
    project_id = api.default_project_id()
    r = api.patch(f"/user/v1/projects/{project_id}/", {"webhook_url": "http://127.0.0.1:9/h"})
    assert r.status_code == 200, r.text
    r = api.post(f"/user/v1/projects/{project_id}/test-webhook/", {})
    assert r.status_code == 400
    assert "VOXTEST_ALLOW_PRIVATE_URLS" in r.json()["webhook_url"][0]
    r = api.patch(f"/user/v1/projects/{project_id}/", {"webhook_url": "ftp://example.com/h"})
    assert r.status_code == 400 and "webhook_url" in r.json()
    r = api.post(f"/user/v1/projects/{project_id}/test-webhook/", {})
    assert r.status_code == 400  # still the loopback URL

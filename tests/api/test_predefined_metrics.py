"""The predefined-metric catalogue and copying it into projects, agents and scenarios."""

from __future__ import annotations

import asyncio
import re

from sqlalchemy import select

from tests.api.metrics_support import new_agent, new_scenario
from tests.conftest import Api
from voxtest.storage.db import Database
from voxtest.storage.tables import ScenarioMetric

BASES = ("/test_framework/v1/predefined-metrics", "/test_framework/v1/predefined-metrics-external")
CATEGORIES = {"Speech Quality", "Conversation Quality", "Accuracy", "Customer Experience"}


def _catalogue(api: Api) -> dict[str, dict[str, object]]:
    r = api.get(f"{BASES[0]}/")
    assert r.status_code == 200
    return {m["name"]: m for m in r.json()}


def test_catalogue_lists_the_published_metrics(api: Api) -> None:
    by_name = _catalogue(api)
    assert api.get(f"{BASES[1]}").json() == list(by_name.values())
    published = {"Latency (in ms)", "CSAT", "Voice Tone + Clarity", "Infrastructure Issues"}
    published |= {"Detect Silence in Conversation", "Topic of Call", "Expected Outcome"}
    assert published <= set(by_name)
    assert {m["category"] for m in by_name.values()} == CATEGORIES
    codes = [m["code"] for m in by_name.values()]
    assert len(set(codes)) == len(codes)
    assert all(re.fullmatch(r"[0-9a-f]{8}", str(c)) for c in codes)
    assert by_name["Infrastructure Issues"]["configuration"] == {"infra_issues_timeout": 10}
    assert by_name["Detect Silence in Conversation"]["configuration"] == {"silence_duration": 10}
    assert by_name["Latency (in ms)"]["function_name"] == "get_latency"
    assert by_name["Latency (in ms)"]["audio_enabled"] is True
    assert by_name["Sentiment"]["enum_values"] == ["positive", "neutral", "negative"]
    assert by_name["Talk Ratio"]["eval_type"] == "numeric"


def test_copy_into_a_project_is_idempotent(api: Api) -> None:
    pid = api.default_project_id()
    latency = _catalogue(api)["Latency (in ms)"]
    csat = _catalogue(api)["CSAT"]
    body = {
        "project_id": pid,
        "predefined_metric_ids": [latency["id"]],
        "metric_codes": [csat["code"]],
    }
    r = api.post(f"{BASES[0]}/copy/", body)
    assert r.status_code == 200, r.text
    copies = r.json()
    assert [m["name"] for m in copies] == ["Latency (in ms)", "CSAT"]
    assert copies[0]["function_name"] == "get_latency"
    assert copies[0]["vocera_defined_metric_code"] == latency["code"]
    assert copies[0]["project"] == pid and copies[0]["agents"] == []
    again = api.post(f"{BASES[1]}/copy/", body).json()
    assert [m["id"] for m in again] == [m["id"] for m in copies]
    listed = api.get("/test_framework/v2/metrics/", params={"project_id": pid}).json()
    assert sum(m["vocera_defined_metric_code"] == latency["code"] for m in listed) == 1


def test_copy_onto_an_agent_and_scenarios(api: Api) -> None:
    pid = api.default_project_id()
    agent = new_agent(api, pid)
    scenario = new_scenario(api, pid)
    silence = _catalogue(api)["Detect Silence in Conversation"]
    r = api.post(
        f"{BASES[0]}/copy/",
        {"agent_id": agent, "metric_codes": [silence["code"]], "scenarios": [scenario]},
    )
    assert r.status_code == 200, r.text
    copy = r.json()[0]
    assert copy["project"] == pid and copy["agents"] == [agent]
    assert copy["configuration"] == {"silence_duration": 10}
    assert _scenario_metrics(api, scenario) == [copy["id"]]
    # the agent's copy is separate from a project-level copy
    project_copy = api.post(
        f"{BASES[0]}/copy/", {"project_id": pid, "metric_codes": [silence["code"]]}
    ).json()[0]
    assert project_copy["id"] != copy["id"]


def _scenario_metrics(api: Api, scenario_id: int) -> list[int]:
    async def run() -> list[int]:
        db = Database(api.server.settings)
        try:
            async with db.session() as session:
                rows = await session.scalars(
                    select(ScenarioMetric.metric_id).where(
                        ScenarioMetric.scenario_id == scenario_id
                    )
                )
                return list(rows.all())
        finally:
            await db.dispose()

    return asyncio.run(run())


def test_copy_rejects_bad_requests(api: Api) -> None:
    pid = api.default_project_id()
    url = f"{BASES[0]}/copy/"
    r = api.post(url, {"project_id": pid})
    assert r.json() == {"predefined_metric_ids": ["Provide predefined_metric_ids or metric_codes."]}
    r = api.post(url, {"project_id": pid, "predefined_metric_ids": [9999], "metric_codes": ["zz"]})
    assert set(r.json()) == {"predefined_metric_ids", "metric_codes"}
    r = api.post(url, {"project_id": pid, "agent_id": 1, "predefined_metric_ids": [1]})
    assert r.status_code == 400 and "non_field_errors" in r.json()
    r = api.post(url, {"predefined_metric_ids": [1]})
    assert r.json() == {"project_id": ["This field is required."]}
    r = api.post(url, {"project_id": pid, "predefined_metric_ids": [1], "scenarios": [999999]})
    assert r.json() == {"scenarios": ['Invalid pk "999999" - object does not exist.']}
    assert (
        api.other().post(url, {"project_id": pid, "predefined_metric_ids": [1]}).status_code == 404
    )


def test_predefined_configuration_is_checked_and_merged_per_agent(api: Api) -> None:
    pid = api.default_project_id()
    a1, a2 = new_agent(api, pid, "A1"), new_agent(api, pid, "A2")
    by_name = _catalogue(api)
    url = f"{BASES[0]}/copy/"
    infra = api.post(
        url, {"project_id": pid, "metric_codes": [by_name["Infrastructure Issues"]["code"]]}
    )
    mid = infra.json()[0]["id"]
    metrics = "/test_framework/v2/metrics"
    r = api.patch(f"{metrics}/{mid}/", {"configuration": {"infra_issues_timeout": 0, "other": 1}})
    assert r.status_code == 400 and len(r.json()["configuration"]) == 2
    r = api.patch(f"{metrics}/{mid}/", {"configuration": {"infra_issues_timeout": 5}})
    assert r.json()["configuration"] == {"infra_issues_timeout": 5}
    topic = api.post(url, {"project_id": pid, "metric_codes": [by_name["Topic of Call"]["code"]]})
    tid = topic.json()[0]["id"]
    nodes = [{"name": "billing", "description": "Questions about invoices"}]
    r = api.patch(f"{metrics}/{tid}/", {"configuration": {"nodes": {str(a1): nodes}}})
    assert r.json()["configuration"] == {"nodes": {str(a1): nodes}}
    r = api.patch(f"{metrics}/{tid}/", {"configuration": {"nodes": {"999999": nodes}}})
    assert r.status_code == 400
    r = api.patch(f"{metrics}/{tid}/", {"apply_to_all_agents": True})
    assert r.json()["configuration"]["nodes"] == {str(a1): nodes, str(a2): nodes}


def test_add_to_rubric_uses_the_catalogue_threshold(api: Api) -> None:
    pid = api.default_project_id()
    by_name = _catalogue(api)
    url = f"{BASES[0]}/copy/"
    codes = [by_name[n]["code"] for n in ("Latency (in ms)", "Average Pitch", "Topic of Call")]
    latency, pitch, topic = api.post(url, {"project_id": pid, "metric_codes": codes}).json()
    metrics = "/test_framework/v2/metrics"
    assert api.patch(f"{metrics}/{latency['id']}/", {"add_to_rubric": True}).status_code == 200
    rubric = api.get(f"/user/v1/projects/{pid}/").json()["rubric_config"]
    condition = rubric["rules"][0]["conditions"]["conditions"][0]
    assert condition == {"field": "score", "op": "lte", "value": 2000}
    for no_default in (pitch, topic):
        r = api.patch(f"{metrics}/{no_default['id']}/", {"add_to_rubric": True})
        assert r.status_code == 400 and "add_to_rubric" in r.json()

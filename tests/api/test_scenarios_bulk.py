"""Bulk scenario operations, tags, duplicate and the test-suite JSON Schema."""

from __future__ import annotations

import json
from pathlib import Path

from tests.api.factories import new_agent, personality_id
from tests.api.test_scenarios import (
    EXT,
    V1,
    V2,
    new_metric,
    new_scenario,
    second_project,
)
from tests.conftest import Api

SPEC = Path(__file__).parents[2] / "src/voxtest/data/cekura-test-suite-v1.schema.json"


def test_tags_lists_and_add_tags_extends(api: Api) -> None:
    a = new_scenario(api, tags=["red"])["id"]
    b = new_scenario(api, tags=["blue"])["id"]
    assert api.get(V1 + "tags/").json() == ["blue", "red"]
    r = api.post(EXT + "add_tags/", {"scenarios": [a, b], "tags": ["green", "red"]})
    assert r.status_code == 200, r.text
    assert sorted(api.get(f"{V1}{a}/").json()["tags"]) == ["green", "red"]
    assert sorted(api.get(f"{V1}{b}/").json()["tags"]) == ["blue", "green", "red"]
    assert api.get(V2 + "tags").json() == ["blue", "green", "red"]
    r = api.post(V2 + "add_tags/", {"scenarios": [987654], "tags": ["x"]})
    assert r.status_code == 400 and "scenarios" in r.json()
    assert api.post(V1 + "add_tags/", {"scenarios": [a]}).status_code == 400
    assert api.other().get(V1 + "tags/").json() == []


def test_delete_scenarios_in_scope(api: Api) -> None:
    pid = api.default_project_id()
    a, b, keep = (new_scenario(api)["id"] for _ in range(3))
    r = api.post(V1 + "delete_scenarios/", {"scenarios": [a, b]})
    assert r.status_code == 400 and "non_field_errors" in r.json()  # scope is required
    r = api.post(V1 + "delete_scenarios/", {"scenarios": [a, 987654], "project_id": pid})
    assert r.status_code == 400 and api.get(f"{V1}{a}/").status_code == 200
    r = api.post(V2 + "delete_scenarios", {"scenarios": [a, b], "project_id": pid})
    assert r.status_code == 204
    assert [s["id"] for s in api.get(V1).json()["results"]] == [keep]
    stranger = api.other()
    r = stranger.post(V1 + "delete_scenarios/", {"scenarios": [keep], "project_id": pid})
    assert r.status_code == 400 and api.get(f"{V1}{keep}/").status_code == 200


def test_adv_update_changes_every_listed_scenario(api: Api) -> None:
    pid = api.default_project_id()
    m1, m2 = new_metric(api, pid, "M1"), new_metric(api, pid, "M2")
    api.post(V1 + "create_folder/", {"name": "Done", "project_id": pid})
    a = new_scenario(api, metrics=[m1], instructions="Call.")["id"]
    b = new_scenario(api, instructions="Ring.")["id"]
    agent = new_agent(api, pid)
    r = api.post(
        V1 + "adv_update/",
        {
            "scenarios": [a, b],
            "agent": agent,
            "metric_ids_to_add": [m2],
            "metric_ids_to_remove": [m1],
            "append_instruction": " Be brief.",
            "folder_path": "Done",
            "max_duration": 120,
            "first_message": "Hello there",
        },
    )
    assert r.status_code == 200, r.text
    for sid, text in ((a, "Call. Be brief."), (b, "Ring. Be brief.")):
        got = api.get(f"{V1}{sid}/").json()
        assert got["metrics"] == [m2] and got["instructions"] == text
        assert got["folder_path"] == "Done" and got["max_duration"] == 120
        assert got["agent"] == agent and got["first_message"] == "Hello there"


def test_adv_update_validates_before_changing_anything(api: Api) -> None:
    pid = api.default_project_id()
    a = new_scenario(api)["id"]
    r = api.post(
        V2 + "adv_update/",
        {
            "scenarios": [a],
            "project": pid,
            "metric_ids_to_add": [987654],
            "folder_path": "Missing",
            "max_duration": 5,
            "personality": 987654,
        },
    )
    assert r.status_code == 400
    assert set(r.json()) >= {"metric_ids_to_add", "folder_path", "max_duration", "personality"}
    assert api.post(V1 + "adv_update/", {"project": pid}).json() == {
        "scenarios": ["This field is required."]
    }


def test_duplicate_within_and_across_projects(api: Api) -> None:
    pid = api.default_project_id()
    metric = new_metric(api, pid, "Politeness")
    original = new_scenario(api, name="Refund", tags=["t"], metrics=[metric])
    r = api.post(
        V1 + "duplicate/",
        {
            "project": pid,
            "copy_to_project": pid,
            "scenarios": [original["id"]],
            "folder_path": "Copies.Today",
        },
    )
    assert r.status_code == 201, r.text
    page = r.json()
    assert page["count"] == 1
    copy = page["results"][0]
    assert copy["name"] == "Copy of Refund" and copy["folder_path"] == "Copies.Today"
    assert copy["tags"] == ["t"] and copy["metric_names"] == ["Politeness"]
    folders = api.get(V1 + "folders/", params={"project_id": pid}).json()["results"]
    assert [f["path"] for f in folders] == ["Copies", "Copies.Today"]
    other = second_project(api)
    same_name = new_metric(api, other, "Politeness")
    r = api.post(
        EXT + "duplicate/",
        {"project": pid, "copy_to_project": other, "scenarios": [original["id"]]},
    )
    assert r.status_code == 201, r.text
    moved = api.get(f"{V1}{r.json()['results'][0]['id']}/").json()
    assert moved["project"] == other and moved["metrics"] == [same_name]
    stranger = api.other()
    r = stranger.post(
        V1 + "duplicate/", {"project": pid, "copy_to_project": pid, "scenarios": [original["id"]]}
    )
    assert r.status_code == 400


def test_json_schema_serves_the_spec(api: Api) -> None:
    expected = json.loads(SPEC.read_text())
    for base in (V1, EXT, V2):
        assert api.get(base + "json_schema/").json() == expected
    assert api.get(V1 + "json_schema", params={"version": "1"}).json() == expected
    assert api.get(V1 + "json_schema", params={"version": "v1"}).json() == expected
    r = api.get(V1 + "json_schema/", params={"version": "7"})
    assert r.status_code == 400 and "version" in r.json()


def test_personality_must_be_visible(api: Api) -> None:
    stranger = api.other()
    theirs = stranger.post(
        "/test_framework/v1/personalities/",
        {
            "project": stranger.default_project_id(),
            "name": "Private",
            "voice_model": "sonic-3.5",
            "provider": "cartesia",
            "background_noise": "off",
        },
    )
    assert theirs.status_code == 201, theirs.text
    r = api.post(
        V1,
        {
            "name": "x",
            "personality": theirs.json()["id"],
            "project": api.default_project_id(),
            "instructions": "y",
        },
    )
    assert r.status_code == 400 and "personality" in r.json()
    assert new_scenario(api, personality=personality_id(api))["personality"]

"""Scenarios (evaluators): create and read per the seed, field rules, filters, tenancy."""

from __future__ import annotations

import json
from typing import Any

from tests.api import factories
from tests.api.factories import new_agent, personality_id
from tests.conftest import Api

V1 = "/test_framework/v1/scenarios/"
EXT = "/test_framework/v1/scenarios-external/"
V2 = "/test_framework/v2/scenarios/"
PROFILES = "/test_framework/v1/test-profiles/"

SCRIPT: dict[str, Any] = {
    "role": "A friendly customer calling about an appointment",
    "conditions": [
        {
            "id": 0,
            "condition": "FIRST_MESSAGE",
            "action": 'Hi, I want to check my appointment <silence time="1.5s" />',
            "type": "standard",
            "fixed_message": True,
        },
        {
            "id": 1,
            "condition": "The agent asks for your name",
            "action": "My name is Sarah Johnson",
            "type": "standard",
            "fixed_message": False,
        },
        {
            "id": 2,
            "condition": 1,
            "action": "<endcall />",
            "type": "action_followup",
            "fixed_message": True,
        },
    ],
}


# -- helpers shared by the scenario test modules ------------------------------------------


def new_metric(api: Api, project_id: int, name: str = "Politeness") -> int:
    return int(factories.new_metric(api, project_id, name)["id"])


def new_scenario(api: Api, base: str = V1, **fields: Any) -> dict[str, Any]:
    return factories.new_scenario(api, base, **fields)


def second_project(api: Api) -> int:
    r = api.post("/user/v1/projects/", {"name": "Second"})
    assert r.status_code == 201, r.text
    return int(r.json()["id"])


# -- create and read ----------------------------------------------------------------------


def test_create_follows_the_seed(api: Api) -> None:
    pid = api.default_project_id()
    agent = new_agent(api, pid)
    metric = new_metric(api, pid)
    profile = api.post(
        PROFILES,
        {"project": pid, "name": "Sarah", "information": {"testing_agent_variables": {"a": 1}}},
    ).json()
    api.post(V1 + "create_folder/", {"name": "Sales", "project_id": pid})
    body = {
        "name": "Reschedule",
        "personality": personality_id(api),
        "agent": agent,
        "scenario_type": "instruction",
        "instructions": "Ask to move the appointment to Friday.",
        "expected_outcome_prompt": "The agent moves the appointment",
        "metrics": [metric],
        "tags": ["smoke", "billing"],
        "tool_ids": ["TOOL_DTMF", "TOOL_END_CALL", "TOOL_END_CALL_ONLY_ON_TRANSFER"],
        "test_profile": profile["id"],
        "folder_path": "Sales",
        "max_duration": 600,
    }
    r = api.post(V1, body)
    assert r.status_code == 201, r.text
    made = r.json()
    assert made["agent"] == agent and made["project"] == pid
    assert made["agent_name"] == "Front desk"
    assert made["metrics"] == [metric] and made["metric_names"] == ["Politeness"]
    assert sorted(made["tags"]) == ["billing", "smoke"]
    assert made["test_profile_data"]["name"] == "Sarah"
    assert made["folder_path"] == "Sales" and made["max_duration"] == 600
    assert made["scenario_language"] == "en" and made["dynamic_variable_values"] is None
    assert made["personality_name"]
    for base in (V1, EXT, V2):
        assert api.get(f"{base}{made['id']}").json() == made


def test_required_fields_are_reported_together(api: Api) -> None:
    r = api.post(V1, {"instructions": "x"})
    assert r.status_code == 400
    body = r.json()
    assert body["name"] == ["This field is required."]
    assert body["personality"] == ["This field is required."]


def test_field_rules(api: Api) -> None:
    pid = api.default_project_id()
    r = api.post(
        V1,
        {
            "name": "x" * 81,
            "personality": 987654,
            "project": pid,
            "instructions": "Call.",
            "max_duration": 5,
            "dynamic_variable_values": {"user_id": "U1"},
            "tool_ids": ["TOOL_TELEPORT"],
            "metrics": [987654],
            "test_profile": 987654,
            "folder_path": "Nowhere",
            "scenario_language": "xx",
            "generated_mock_tool_entries": [{"tool_id": 1}],
        },
    )
    assert r.status_code == 400
    body = r.json()
    for field in (
        "name",
        "personality",
        "max_duration",
        "dynamic_variable_values",
        "tool_ids",
        "metrics",
        "test_profile",
        "folder_path",
        "scenario_language",
        "generated_mock_tool_entries",
    ):
        assert field in body, field
    assert body["personality"] == ['Invalid pk "987654" - object does not exist.']


def test_dynamic_variable_values_null_is_accepted(api: Api) -> None:
    body = {
        "name": "x",
        "personality": personality_id(api),
        "project": api.default_project_id(),
        "instructions": "y",
        "dynamic_variable_values": None,
        "max_duration": None,
    }
    r = api.post(V1, body)
    assert r.status_code == 201, r.text
    assert r.json()["max_duration"] is None


def test_agent_or_project_is_required_and_agent_implies_project(api: Api) -> None:
    r = api.post(V1, {"name": "x", "personality": personality_id(api), "instructions": "y"})
    assert r.status_code == 400
    assert "non_field_errors" in r.json()
    pid = api.default_project_id()
    agent = new_agent(api, pid)
    other = second_project(api)
    r = api.post(
        V1,
        {
            "name": "x",
            "personality": personality_id(api),
            "instructions": "y",
            "agent": agent,
            "project": other,
        },
    )
    assert r.status_code == 400 and "project" in r.json()


def test_assistant_id_stands_in_for_the_agent(api: Api) -> None:
    pid = api.default_project_id()
    agent = new_agent(api, pid, assistant_id="asst_42")
    made = new_scenario(api, project=None, assistant_id="asst_42")
    assert made["agent"] == agent
    listed = api.get(V1, params={"assistant_id": "asst_42"}).json()
    assert [s["id"] for s in listed["results"]] == [made["id"]]


def test_metrics_and_test_profiles_must_be_of_the_same_project(api: Api) -> None:
    other = second_project(api)
    metric = new_metric(api, other)
    profile = api.post(PROFILES, {"project": other, "name": "P"}).json()
    r = api.post(
        V1,
        {
            "name": "x",
            "personality": personality_id(api),
            "project": api.default_project_id(),
            "instructions": "y",
            "metrics": [metric],
            "test_profile": profile["id"],
        },
    )
    assert r.status_code == 400
    assert set(r.json()) == {"metrics", "test_profile"}


def test_project_tools_count_as_tool_ids(api: Api) -> None:
    pid = api.default_project_id()
    new_agent(api, pid, mock_tools=[{"name": "lookup", "description": "Find", "mock_data": []}])
    tool = api.get("/test_framework/v2/aiagents/", params={"project_id": pid}).json()["results"][0][
        "mock_tools"
    ][0]["id"]
    made = new_scenario(api, tool_ids=[str(tool), "VAPI_TOOL_END_CALL"])
    assert made["tool_ids"] == [str(tool), "VAPI_TOOL_END_CALL"]


def test_patch_put_and_delete(api: Api) -> None:
    made = new_scenario(api)
    sid = made["id"]
    r = api.patch(f"{V1}{sid}/", {"name": "Renamed", "tags": ["a"]})
    assert r.status_code == 200, r.text
    assert r.json()["name"] == "Renamed" and r.json()["tags"] == ["a"]
    assert r.json()["instructions"] == made["instructions"]
    r = api.put(f"{V1}{sid}/", {"name": "Put"})
    assert r.status_code == 400 and r.json() == {"personality": ["This field is required."]}
    r = api.put(
        f"{V2}{sid}", {"personality": made["personality"], "name": "V2", "max_duration": 90}
    )
    assert r.status_code == 200, r.text
    assert r.json()["name"] == "V2" and "metrics" not in r.json()  # write-only in this shape
    r = api.put(f"{EXT}{sid}/", {"personality": made["personality"], "first_message": "Hi"})
    assert r.status_code == 200 and r.json()["first_message"] == "Hi"
    assert api.patch(f"{V1}{sid}/", {"project": second_project(api)}).status_code == 400
    assert api.delete(f"{V2}{sid}/").status_code == 204
    assert api.get(f"{V1}{sid}/").status_code == 404


def test_removed_dynamic_variable_values_on_update(api: Api) -> None:
    sid = new_scenario(api)["id"]
    r = api.patch(f"{V1}{sid}/", {"dynamic_variable_values": {"a": "b"}})
    assert r.status_code == 400 and "dynamic_variable_values" in r.json()


# -- conditional actions ------------------------------------------------------------------


def test_conditional_actions_structured_and_as_instructions(api: Api) -> None:
    made = new_scenario(
        api, instructions=None, scenario_type="conditional_actions", conditional_actions=SCRIPT
    )
    assert made["scenario_type"] == "conditional_actions"
    assert json.loads(made["instructions"]) == SCRIPT
    again = new_scenario(
        api, scenario_type="conditional_actions", instructions=json.dumps(SCRIPT), base=V2
    )
    assert json.loads(again["instructions"]) == SCRIPT


def test_conditional_action_errors_come_back_nested_and_all_at_once(api: Api) -> None:
    broken = json.loads(json.dumps(SCRIPT))
    broken["conditions"][0]["fixed_message"] = False
    broken["conditions"][1]["action"] = "  "
    broken["conditions"][2]["condition"] = 9
    del broken["conditions"][1]["type"]
    r = api.post(
        V1,
        {
            "name": "x",
            "personality": personality_id(api),
            "project": api.default_project_id(),
            "scenario_type": "conditional_actions",
            "conditional_actions": broken,
        },
    )
    assert r.status_code == 400
    errors = r.json()["conditional_actions"]["conditions"]
    assert "fixed_message" in errors[0]
    assert set(errors[1]) == {"action", "type"}
    assert "condition" in errors[2]


def test_conditional_actions_need_the_matching_type(api: Api) -> None:
    r = api.post(
        V1,
        {
            "name": "x",
            "personality": personality_id(api),
            "project": api.default_project_id(),
            "conditional_actions": SCRIPT,
        },
    )
    assert r.status_code == 400 and "scenario_type" in r.json()
    r = api.post(
        V1,
        {
            "name": "x",
            "personality": personality_id(api),
            "project": api.default_project_id(),
            "scenario_type": "conditional_actions",
            "instructions": "{not json",
        },
    )
    assert r.status_code == 400 and "instructions" in r.json()


def test_functions_are_checked_inside_instructions_too(api: Api) -> None:
    script = json.loads(json.dumps(SCRIPT))
    script["functions"] = [
        {
            "name": "lookup",
            "type": "rest_api",
            "config": {"method": "GET", "url": "http://127.0.0.1/x", "timeout_seconds": 60},
        }
    ]
    r = api.post(
        V1,
        {
            "name": "x",
            "personality": personality_id(api),
            "project": api.default_project_id(),
            "scenario_type": "conditional_actions",
            "instructions": json.dumps(script),
        },
    )
    assert r.status_code == 400
    messages = " ".join(r.json()["instructions"])
    assert "functions[0].config.url" in messages and "timeout_seconds" in messages


def test_switching_a_scenario_to_conditional_actions_needs_a_script(api: Api) -> None:
    sid = new_scenario(api)["id"]
    r = api.patch(f"{V1}{sid}/", {"scenario_type": "conditional_actions"})
    assert r.status_code == 400 and "instructions" in r.json()
    r = api.patch(
        f"{V1}{sid}/", {"scenario_type": "conditional_actions", "conditional_actions": SCRIPT}
    )
    assert r.status_code == 200, r.text
    # the type is kept, so a later script alone is enough
    r = api.patch(f"{V1}{sid}/", {"conditional_actions": {**SCRIPT, "role": "Someone else"}})
    assert r.status_code == 200 and "Someone else" in r.json()["instructions"]


# -- list, filters, pagination ------------------------------------------------------------


def test_list_filters_by_tags_and_folder(api: Api) -> None:
    pid = api.default_project_id()
    api.post(V1 + "create_folder/", {"name": "Sales", "project_id": pid})
    a = new_scenario(api, tags=["red", "blue"], folder_path="Sales")["id"]
    b = new_scenario(api, tags=["red"])["id"]
    c = new_scenario(api, tags=["green"])["id"]

    def ids(**params: Any) -> set[int]:
        r = api.get(V1, params={"project_id": pid, **params})
        assert r.status_code == 200, r.text
        return {s["id"] for s in r.json()["results"]}

    assert ids(tags="red") == {a, b}
    assert ids(tags="red,green", tag_filter_type="or") == {a, b, c}
    assert ids(tags="red,blue", tag_filter_type="and") == {a}
    assert ids(tags="red", tag_filter_type="not") == {c}
    assert ids(folder_path="Sales") == {a}
    assert ids(folder_path="") == {b, c}
    assert api.get(V1, params={"tag_filter_type": "xor", "tags": "a"}).status_code == 400


def test_list_is_paginated_drf_style(api: Api) -> None:
    for n in range(3):
        new_scenario(api, name=f"S{n}")
    first = api.get(V2, params={"page_size": 2}).json()
    assert first["count"] == 3 and len(first["results"]) == 2
    assert first["previous"] is None and "page=2" in first["next"]
    second = api.get(first["next"].replace(api.server.url, "")).json()
    assert len(second["results"]) == 1 and second["next"] is None
    assert api.get(V2, params={"page": 5}).status_code == 404


# -- tenancy ------------------------------------------------------------------------------


def test_other_organizations_never_see_or_touch_scenarios(api: Api) -> None:
    made = new_scenario(api)
    stranger = api.other()
    sid = made["id"]
    assert stranger.get(f"{V1}{sid}/").status_code == 404
    assert stranger.patch(f"{V1}{sid}/", {"name": "x"}).status_code == 404
    assert stranger.delete(f"{V1}{sid}/").status_code == 404
    assert stranger.get(V1).json()["count"] == 0
    r = stranger.post(
        V1,
        {
            "name": "x",
            "personality": personality_id(api),
            "project": made["project"],
            "instructions": "y",
        },
    )
    assert r.status_code == 400 and "project" in r.json()
    assert api.get(f"{V1}{sid}/").json()["name"] == made["name"]


def test_project_scoped_keys_see_only_their_project(api: Api) -> None:
    pid = api.default_project_id()
    other = second_project(api)
    mine = new_scenario(api)["id"]
    theirs = new_scenario(api, project=other)["id"]
    scoped = api.other(project_id=pid)
    assert {s["id"] for s in scoped.get(V1).json()["results"]} == {mine}
    assert scoped.get(f"{V1}{theirs}/").status_code == 404
    made = scoped.post(V1, {"name": "x", "personality": personality_id(api), "instructions": "y"})
    assert made.status_code == 201 and made.json()["project"] == pid

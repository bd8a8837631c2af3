"""Agents (v2): mock tools, dynamic variables and knowledge base as full sets; uploads,
duplication and personalities."""

from __future__ import annotations

import base64
from typing import Any

import pytest

from tests.api.agent_examples import example
from tests.conftest import Api

V2 = "/test_framework/v2/aiagents/"
TOOLS = "Self-hostedWithMockTools(direct+MCPRouting)"


def b64(text: str) -> str:
    return base64.b64encode(text.encode()).decode()


def seeded(api: Api) -> dict[str, Any]:
    r = api.post(V2, example(TOOLS, api.default_project_id()))
    assert r.status_code == 201, r.text
    return dict(r.json())


def test_mock_tools_are_a_full_set_matched_by_id_or_name(api: Api) -> None:
    agent = seeded(api)
    url = f"{V2}{agent['id']}/"
    ids = {t["name"]: t["id"] for t in agent["mock_tools"]}
    r = api.patch(
        url,
        {
            "mock_tools": [
                {"name": "get_order", "description": "Find an order"},  # by name
                {"id": ids["crm_lookup"], "mock_data": [{"input": {}, "output": "ok"}]},  # by id
                {"name": "refund", "description": "Refund", "freetext_params": ["reason"]},
            ]
        },
    )
    assert r.status_code == 200, r.text
    tools = {t["name"]: t for t in r.json()["mock_tools"]}
    assert set(tools) == {"get_order", "crm_lookup", "refund"}  # crm_update was deleted
    assert tools["get_order"]["id"] == ids["get_order"]
    assert tools["get_order"]["description"] == "Find an order"
    assert tools["get_order"]["mock_data"][0]["output"] == {"status": "shipped"}
    assert tools["crm_lookup"]["served_via"]["type"] == "mcp"
    assert tools["crm_lookup"]["mock_data"] == [{"input": {}, "output": "ok"}]
    assert tools["refund"]["served_via"]["type"] == "direct"
    r = api.patch(url, {"mock_tools": []})
    assert r.json()["mock_tools"] == []


def test_mock_tool_rules(api: Api) -> None:
    agent = seeded(api)
    r = api.patch(
        f"{V2}{agent['id']}/",
        {
            "mock_tools": [
                {"name": "bad name!", "description": "x"},
                {"description": "no name"},
                {"name": "a", "served_via": {"type": "mcp"}},
                {"name": "b", "mock_data": {"input": 1}},
                {"name": "a"},
                {"id": 999999},
                {"name": "x" * 64},
            ]
        },
    )
    assert r.status_code == 400
    errors = r.json()["mock_tools"]
    assert list(errors[0]) == ["name"] and list(errors[1]) == ["name"]
    assert list(errors[2]) == ["served_via"] and list(errors[3]) == ["mock_data"]
    assert errors[4] == {"name": ["Each mock tool needs a distinct name."]}
    assert list(errors[5]) == ["id"] and list(errors[6]) == ["name"]
    # nothing was changed
    assert len(api.get(f"{V2}{agent['id']}/").json()["mock_tools"]) == 3


def test_tools_are_shared_by_id_within_a_project(api: Api) -> None:
    first = seeded(api)
    tool = first["mock_tools"][0]
    second = api.post(
        V2,
        {
            "name": "Second",
            "description": "D",
            "project": api.default_project_id(),
            "inbound": True,
            "mock_tools": [{"id": tool["id"]}],
        },
    ).json()
    shared = second["mock_tools"][0]
    assert shared["id"] == tool["id"] and shared["is_shared"] and shared["subscriber_count"] == 2
    assert str(second["id"]) in shared["served_via"]["url"]
    # leaving it on one agent keeps it for the other; nobody else's ids resolve
    api.patch(f"{V2}{second['id']}/", {"mock_tools": []})
    again = api.get(f"{V2}{first['id']}/").json()["mock_tools"][0]
    assert again["id"] == tool["id"] and again["subscriber_count"] == 1
    stranger = api.other()
    r = stranger.post(
        V2,
        {
            "name": "S",
            "description": "D",
            "project": stranger.default_project_id(),
            "inbound": True,
            "mock_tools": [{"id": tool["id"]}],
        },
    )
    assert r.status_code == 400 and "id" in r.json()["mock_tools"][0]


def test_dynamic_variables_are_matched_by_name(api: Api) -> None:
    agent = seeded(api)
    url = f"{V2}{agent['id']}/"
    old_id = agent["dynamic_variables"][0]["id"]
    r = api.patch(
        url,
        {
            "dynamic_variables": [
                {"name": "order_id", "description": "Order"},
                {"name": "customer_name", "description": "Full name"},
            ]
        },
    )
    variables = r.json()["dynamic_variables"]
    assert [v["name"] for v in variables] == ["customer_name", "order_id"]  # ordered by name
    assert variables[0] == {"id": old_id, "name": "customer_name", "description": "Full name"}
    r = api.patch(
        url,
        {
            "dynamic_variables": [
                {"name": "1bad"},
                {"name": "ok", "description": "x"},
                {"name": "ok", "description": "y"},
            ]
        },
    )
    assert r.status_code == 400
    errors = r.json()["dynamic_variables"]
    assert set(errors[0]) == {"name", "description"} and errors[1] == {} and "name" in errors[2]


def test_knowledge_base_files_full_set(api: Api) -> None:
    agent = seeded(api)
    url = f"{V2}{agent['id']}/"
    r = api.patch(
        url,
        {
            "knowledge_base_files": [
                {"file_name": "faq.md", "content_base64": b64("# FAQ")},
                {"name": "prices.csv", "content_base64": "data:text/csv;base64," + b64("a,b\n1,2")},
            ]
        },
    )
    assert r.status_code == 200, r.text
    files = r.json()["knowledge_base_files"]
    assert [(f["file_name"], f["file_type"], f["file_size"]) for f in files] == [
        ("faq.md", "text/markdown", 5),
        ("prices.csv", "text/csv", 7),
    ]
    assert files[0]["agent"] == agent["id"] and files[0]["file_url"].endswith("faq.md")
    r = api.patch(url, {"knowledge_base_files": [{"id": files[1]["id"]}]})
    assert [f["file_name"] for f in r.json()["knowledge_base_files"]] == ["prices.csv"]
    r = api.patch(
        url,
        {
            "knowledge_base_files": [
                {"file_name": "virus.exe", "content_base64": b64("x")},
                {"file_name": "a.txt", "content_base64": "***"},
                {"file_name": "b.txt", "content_base64": ""},
                {"id": 999999},
            ]
        },
    )
    assert r.status_code == 400
    errors = r.json()["knowledge_base_files"]
    assert list(errors[0]) == ["file_name"] and list(errors[1]) == ["content_base64"]
    assert list(errors[2]) == ["content_base64"] and list(errors[3]) == ["id"]


@pytest.mark.parametrize("version", ["v1", "v2"])
def test_upload_knowledge_base_json_and_multipart(api: Api, version: str) -> None:
    agent = seeded(api)
    url = f"/test_framework/{version}/aiagents/{agent['id']}/upload_knowledge_base/"
    r = api.post(url, {"files": [{"name": "manual.txt", "content_base64": b64("hello")}]})
    assert r.status_code == 201, r.text
    assert r.json()["count"] == 1 and r.json()["results"][0]["file_size"] == 5
    r = api.client.post(url, files=[("files", ("notes.json", b'{"a": 1}', "application/json"))])
    assert r.status_code == 201, r.text
    assert r.json()["results"][0]["file_type"] == "application/json"
    names = [f["file_name"] for f in api.get(f"{V2}{agent['id']}/").json()["knowledge_base_files"]]
    assert names == ["manual.txt", "notes.json"]
    r = api.post(url, {"files": [{"name": "x.doc", "content_base64": b64("x")}]})
    assert r.status_code == 400 and "name" in r.json()["files"][0]
    assert api.post(url, {}).status_code == 400
    assert api.other().post(url, {"files": []}).status_code in (400, 404)


def test_duplicate_copies_everything(api: Api) -> None:
    agent = seeded(api)
    url = f"{V2}{agent['id']}/"
    api.patch(
        url,
        {
            "knowledge_base_files": [{"file_name": "a.txt", "content_base64": b64("A")}],
            "webhook_secret": "hush",
        },
    )
    pid = api.get("/test_framework/v1/personalities/").json()[0]["id"]
    api.post(f"{url}disable_personalities/", {"personalities": [pid]})
    r = api.post(f"{url}duplicate/", {})
    assert r.status_code == 201, r.text
    copy = r.json()
    original = api.get(url).json()
    assert copy["id"] != agent["id"] and copy["name"] == "Support Bot (copy)"
    assert [t["id"] for t in copy["mock_tools"]] == [t["id"] for t in original["mock_tools"]]
    assert all(t["is_shared"] for t in copy["mock_tools"])
    assert [v["name"] for v in copy["dynamic_variables"]] == ["customer_name"]
    assert [f["file_name"] for f in copy["knowledge_base_files"]] == ["a.txt"]
    assert copy["enabled_personalities"] == original["enabled_personalities"]
    assert pid not in copy["enabled_personalities"]
    assert copy["webhook_secret_configured"] is True
    assert copy["provider"] == original["provider"]
    r = api.post(f"{url}duplicate/", {"copy_scenarios": True})
    assert r.status_code == 400 and "copy_scenarios" in r.json()
    v1 = api.post(f"/test_framework/v1/aiagents/{agent['id']}/duplicate/", {})
    assert v1.status_code == 201 and v1.json()["agent_name"] == "Support Bot (copy)"


def test_agent_personalities(api: Api) -> None:
    agent = seeded(api)
    url = f"{V2}{agent['id']}/"
    project = api.get(f"/user/v1/projects/{agent['project']}/personalities/").json()
    assert sorted(agent["enabled_personalities"]) == sorted(p["id"] for p in project)
    first = project[0]["id"]
    r = api.post(f"{url}disable_personalities/", {"personalities": [first]})
    assert r.status_code == 200 and r.json() == {"message": "Personalities disabled."}
    listed = api.get(f"{url}personalities/", params={"page_size": 1000}).json()
    flags = {p["id"]: p["enabled"] for p in listed["results"]}
    assert flags[first] is False and sum(flags.values()) == len(project) - 1
    r = api.post(f"{url}enable_personalities/", {"personalities": [first]})
    assert r.status_code == 200
    assert first in [p["id"] for p in r.json()["results"]]
    spanish = api.get(f"{url}personalities/", params={"language": "es"}).json()["results"]
    assert spanish and all(p["language"] == "es" for p in spanish)
    r = api.post(f"{url}enable_personalities/", {"personalities": [987654]})
    assert r.status_code == 400
    assert api.post(f"{url}enable_personalities/", {}).status_code == 400
    v1 = api.post(
        f"/test_framework/v1/aiagents/{agent['id']}/disable_personalities/",
        {"personalities": "all"},
    )
    assert v1.status_code == 200 and v1.json()["enabled_personalities"] == []
    bad = api.post(
        f"/test_framework/v1/aiagents/{agent['id']}/enable_personalities/", {"language": []}
    )
    assert bad.status_code == 400 and set(bad.json()) == {"language"}
    got = api.get(f"/test_framework/v1/aiagents/{agent['id']}/personalities/").json()
    assert got["id"] == agent["id"] and got["enabled_personalities"] == []

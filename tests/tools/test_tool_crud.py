"""Mock tools as a resource: the project catalogue, an agent's tools by name, fork."""

from __future__ import annotations

from tests.api.factories import new_agent
from tests.conftest import Api
from tests.tools.support import ORDERS, tool_agent

AGENTS = "/test_framework/v1/aiagents/"


def test_agent_tools_create_read_patch_delete(api: Api) -> None:
    agent = new_agent(api, api.default_project_id())
    made = api.post(
        f"{AGENTS}{agent}/tools/",
        {"name": "get_order", "description": "Look up an order", "information": ORDERS},
    )
    assert made.status_code == 201, made.text
    tool = made.json()
    assert tool["mock_url"].endswith(f"/aiagents/{agent}/tool/get_order/")
    assert tool["subscriber_count"] == 1 and not tool["is_shared"]
    again = api.post(f"{AGENTS}{agent}/tools/", {"name": "get_order"})
    assert again.status_code == 400 and "name" in again.json()
    assert api.post(f"{AGENTS}{agent}/tools/", {"description": "x"}).json() == {
        "name": ["This field is required."]
    }
    bad = api.post(f"{AGENTS}{agent}/tools/", {"name": "x", "information": [{"input": 1}]})
    assert "information" in bad.json()
    listed = api.get(f"{AGENTS}{agent}/tools/").json()
    assert [t["name"] for t in listed] == ["get_order"]
    patched = api.patch(
        f"{AGENTS}{agent}/tool/get_order/", {"description": "Orders", "freetext_params": ["note"]}
    )
    assert patched.status_code == 200, patched.text
    assert patched.json()["description"] == "Orders"
    assert patched.json()["freetext_params"] == ["note"]
    assert api.delete(f"{AGENTS}{agent}/tool/get_order/").status_code == 204
    assert api.get(f"{AGENTS}{agent}/tool/get_order/").status_code == 404
    assert api.get(f"/test_framework/v1/tools/{tool['id']}/").status_code == 404  # orphan gone


def test_catalogue_lists_shared_tools_first_and_what_an_agent_could_adopt(api: Api) -> None:
    project = api.default_project_id()
    first = tool_agent(api)
    shared_id = next(t["id"] for t in first["mock_tools"] if t["name"] == "get_order")
    second = new_agent(api, project, name="Second", mock_tools=[{"id": shared_id}])
    page = api.get("/test_framework/v1/tools/", params={"project_id": project}).json()
    ours = [
        t for t in page["results"] if t["subscribers"] and t["subscribers"][0]["id"] == first["id"]
    ]
    assert ours[0]["id"] == shared_id and ours[0]["is_shared"] and ours[0]["subscriber_count"] == 2
    adoptable = api.get("/test_framework/v1/tools/", params={"agent_id": second}).json()
    names = {t["name"] for t in adoptable["results"]}
    assert {"crm_lookup", "crm_update"} <= names
    assert shared_id not in {t["id"] for t in adoptable["results"]}
    found = api.get(
        "/test_framework/v1/tools/", params={"search": "c_crm_look", "project_id": project}
    )
    assert {t["name"] for t in found.json()["results"]} == {"crm_lookup"}
    one = api.get(f"/test_framework/v1/tools/{shared_id}/").json()
    assert one["information"] == ORDERS
    assert api.other().get(f"/test_framework/v1/tools/{shared_id}/").status_code == 404


def test_fork_gives_one_agent_a_private_copy(api: Api) -> None:
    first = tool_agent(api)
    shared_id = next(t["id"] for t in first["mock_tools"] if t["name"] == "get_order")
    second = new_agent(api, api.default_project_id(), name="Second", mock_tools=[{"id": shared_id}])
    forked = api.post(f"{AGENTS}{second}/tool/get_order/fork/")
    assert forked.status_code == 200, forked.text
    copy = forked.json()
    assert copy["id"] != shared_id and copy["subscriber_count"] == 1
    api.patch(f"{AGENTS}{second}/tool/get_order/", {"information": []})
    original = api.get(f"/test_framework/v1/tools/{shared_id}/").json()
    assert original["information"] == ORDERS and original["subscriber_count"] == 1


def test_mock_status_lists_mcp_endpoints_and_direct_webhooks(api: Api) -> None:
    agent = tool_agent(api)
    r = api.get(f"{AGENTS}{agent['id']}/tools/mock-status/")
    assert r.status_code == 200, r.text
    status = r.json()
    root = f"/test_framework/v1/aiagents/{agent['id']}"
    assert status["mock_enabled"] is True and status["provider"] == "custom"
    assert [(e["mock_index"], e["tool_names"]) for e in status["mcp_endpoints"]] == [
        (1, ["crm_lookup", "crm_update"])
    ]
    assert status["mcp_endpoints"][0]["url"].endswith(f"{root}/mcp/1/")
    assert [e["tool_name"] for e in status["tool_endpoints"]] == ["get_order"]
    assert status["tool_endpoints"][0]["url"].endswith(f"{root}/tool/get_order/")
    bare = new_agent(api, api.default_project_id(), name="No tools")
    empty = api.get(f"{AGENTS}{bare}/tools/mock-status/").json()
    assert (
        empty["mock_enabled"] is False and empty["mcp_endpoints"] == empty["tool_endpoints"] == []
    )
    other = api.other().get(f"{AGENTS}{agent['id']}/tools/mock-status/")
    assert other.status_code == 404

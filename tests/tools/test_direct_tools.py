"""The direct mock-tool webhook over real HTTP: matching, Vapi and Retell bodies, bad input."""

from __future__ import annotations

import httpx

from tests.conftest import Api
from tests.tools.support import tool_agent, tool_url


def anonymous(api: Api) -> httpx.Client:
    """What an agent's platform has: the URL, no API key."""
    return httpx.Client(base_url=api.server.url, timeout=10)


def test_served_via_urls_call_the_mock(api: Api) -> None:
    agent = tool_agent(api)
    with anonymous(api) as agent_side:
        exact = agent_side.post(tool_url(agent, "get_order"), json={"order_id": "A1"})
        assert exact.status_code == 201, exact.text
        assert exact.json() == {"status": "shipped"}
        fuzzy = agent_side.post(
            tool_url(agent, "get_order"), json={"order_id": " a2", "note": "asap please"}
        )
        assert fuzzy.json() == {"status": "pending"}


def test_a_miss_is_a_tool_error_the_agent_can_read(api: Api) -> None:
    agent = tool_agent(api)
    with anonymous(api) as agent_side:
        miss = agent_side.post(tool_url(agent, "get_order"), json={"order_id": "Z9"})
    assert miss.status_code == 201
    assert miss.json()["error"].startswith("Error: no mock data of tool get_order matches")


def test_vapi_and_retell_bodies(api: Api) -> None:
    agent = tool_agent(api)
    vapi = {
        "message": {
            "type": "tool-calls",
            "toolCallList": [
                {
                    "id": "call_1",
                    "function": {"name": "get_order", "arguments": '{"order_id": "A1"}'},
                },
                {"id": "call_2", "arguments": {"order_id": "nope"}},
            ],
        }
    }
    with anonymous(api) as agent_side:
        answer = agent_side.post(tool_url(agent, "get_order"), json=vapi).json()
        retell = agent_side.post(
            tool_url(agent, "get_order"),
            json={"name": "get_order", "args": {"order_id": "A1"}, "call": {"call_id": "c"}},
        ).json()
    assert answer["results"][0] == {"toolCallId": "call_1", "result": '{"status": "shipped"}'}
    assert answer["results"][1]["toolCallId"] == "call_2"
    assert "no mock data" in answer["results"][1]["error"]
    assert retell == {"status": "shipped"}


def test_bad_input(api: Api) -> None:
    agent = tool_agent(api)
    url = tool_url(agent, "get_order")
    with anonymous(api) as agent_side:
        unknown = agent_side.post(url.replace("get_order", "get_refund"), json={})
        assert unknown.status_code == 404
        assert "no mock tool named get_refund" in unknown.json()["detail"]
        no_agent = agent_side.post(url.replace(f"/{agent['id']}/", "/999999/"), json={})
        assert no_agent.status_code == 404
        broken = agent_side.post(
            url, content=b"{not json", headers={"content-type": "application/json"}
        )
        assert broken.status_code == 400
        assert agent_side.post(url, json=[1, 2]).status_code == 400
        huge = agent_side.post(url, json={"order_id": "A1", "pad": "x" * (2 * 1024 * 1024)})
        assert huge.status_code == 413
        streamed = agent_side.post(
            url, content=iter([b'{"pad": "', b"x" * (2 * 1024 * 1024), b'"}'])
        )
        assert streamed.status_code == 413
        not_a_run = agent_side.post(
            url, json={"order_id": "A1"}, headers={"X-VOXTEST-RUN-ID": "12345678"}
        )
        assert not_a_run.status_code == 400
        assert "not an in-progress run" in not_a_run.json()["run_id"][0]


def test_crud_on_the_same_path_needs_a_key(api: Api) -> None:
    agent = tool_agent(api)
    url = tool_url(agent, "get_order")
    with anonymous(api) as agent_side:
        assert agent_side.get(url).status_code == 401
    got = api.get(url)
    assert got.status_code == 200, got.text
    assert got.json()["information"][0]["output"] == {"status": "shipped"}

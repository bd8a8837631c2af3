"""Agents (v1): the flat field shape, translated to and from the same stored agent."""

from __future__ import annotations

from typing import Any

from tests.conftest import Api

V1 = "/test_framework/v1/aiagents/"
V2 = "/test_framework/v2/aiagents/"


def create_v1(api: Api, **fields: Any) -> dict[str, Any]:
    body = {
        "agent_name": "Desk",
        "description": "Front desk",
        "inbound": True,
        "project": api.default_project_id(),
        **fields,
    }
    r = api.post(V1, body)
    assert r.status_code == 201, r.text
    return dict(r.json())


def test_self_hosted_websocket_agent(api: Api) -> None:
    agent = create_v1(
        api,
        assistant_provider="self_hosted",
        contact_number="+14155551234",
        websocket_url="wss://bot.example.com/ws",
        websocket_headers={"X-Key": "1"},
        llm_model="gpt-4o",
        llm_temperature=0.3,
    )
    assert agent["assistant_provider"] == "self_hosted"
    assert agent["contact_number"] == "+14155551234"
    assert agent["websocket_url"] == "wss://bot.example.com/ws"
    assert agent["websocket_headers"] == {"X-Key": "1"}
    assert agent["llm_model"] == "gpt-4o" and agent["llm_temperature"] == 0.3
    v2 = api.get(f"{V2}{agent['id']}/").json()
    assert v2["name"] == "Desk" and v2["provider"]["type"] == "custom"
    assert v2["provider"]["chat_agent_details"]["type"] == "self_hosted"
    assert v2["telephony"]["phone_number"] == "+14155551234"


def test_provider_keys_are_write_only_flags(api: Api) -> None:
    agent = create_v1(
        api,
        assistant_provider="vapi",
        vapi_api_key="vapi-secret",
        vapi_data={"public_key": "pub-secret", "trigger_url": "https://example.com/trigger"},
        assistant_id="asst_abc123xyz",
        auto_fetch_calls_enabled=True,
    )
    assert "vapi-secret" not in str(agent) and "pub-secret" not in str(agent)
    assert agent["vapi_api_key_configured"] is True
    assert agent["vapi_public_key_configured"] is True
    assert agent["retell_api_key_configured"] is False
    assert agent["vapi_data"] == {
        "trigger_url": "https://example.com/trigger",
        "public_key_configured": True,
    }
    assert agent["assistant_id"] == "asst_abc123xyz" and agent["auto_fetch_calls_enabled"] is True
    retell = create_v1(
        api, assistant_provider="retell", retell_api_key="r", chat_assistant_id="agent_retell_1"
    )
    assert retell["chat_assistant_id"] == "agent_retell_1"
    v2 = api.get(f"{V2}{retell['id']}/").json()["provider"]
    assert v2["agent_id"] == "agent_retell_1"


def test_v1_errors_use_v1_field_names(api: Api) -> None:
    r = api.post(
        V1,
        {
            "agent_name": "",
            "description": "D",
            "inbound": True,
            "project": api.default_project_id(),
            "contact_number": "555",
            "assistant_provider": "vapi",
            "retell_api_key": "wrong-provider",
        },
    )
    assert r.status_code == 400
    errors = r.json()
    assert errors["agent_name"] == ["This field may not be blank."]
    assert "contact_number" in errors
    assert errors["retell_api_key"] == ["Applies only when assistant_provider is retell."]
    assert errors["provider"]["credentials"]["api_key"]  # vapi still needs its key
    r = api.post(V1, {"description": "D"})
    assert {"agent_name", "inbound", "project"} <= set(r.json())


def test_update_list_delete(api: Api) -> None:
    agent = create_v1(api)
    url = f"{V1}{agent['id']}/"
    r = api.patch(url, {"agent_gives_first_message": True, "sip_endpoint": "sip:desk@example.com"})
    assert r.status_code == 200, r.text
    assert r.json()["agent_gives_first_message"] is True
    assert r.json()["sip_endpoint"] == "sip:desk@example.com"
    assert api.put(url, {"agent_name": "X"}).status_code == 400
    r = api.put(url, {"agent_name": "X", "description": "Y", "inbound": False})
    assert r.status_code == 200 and r.json()["inbound"] is False
    listed = api.get(V1, params={"q": "X"}).json()
    assert listed["count"] == 1 and listed["results"][0]["agent_name"] == "X"
    assert api.delete(url).status_code == 204
    assert api.get(url).status_code == 404

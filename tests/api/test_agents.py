"""Agents (v2): the create-agent seed, example by example, and the core CRUD rules."""

from __future__ import annotations

from typing import Any

import pytest

from tests.api.agent_examples import SEED_EXAMPLES, example
from tests.conftest import Api

V2 = "/test_framework/v2/aiagents/"
SECRETS = (
    "key_xxx",
    "vapi_sk_xxx",
    "vapi_pk_xxx",
    "bland_xxx",
    "twilio_encrypted_key_xxx",
    "APIxxx",
    "secret_xxx",
    "elevenlabs_key_xxx",
)
CREATED = [
    name for name in SEED_EXAMPLES if "configure_from_provider" not in str(SEED_EXAMPLES[name])
]


def create(api: Api, **fields: Any) -> dict[str, Any]:
    body = {
        "name": "Bot",
        "description": "Answers questions",
        "project": api.default_project_id(),
        "inbound": True,
        **fields,
    }
    r = api.post(V2, body)
    assert r.status_code == 201, r.text
    return dict(r.json())


@pytest.mark.parametrize("name", CREATED)
def test_every_seed_example_is_accepted(api: Api, name: str) -> None:
    pid = api.default_project_id()
    body = example(name, pid)
    r = api.post(V2, body)
    assert r.status_code == 201, r.text
    agent = r.json()
    assert agent["name"] == body["name"] and agent["description"] == body["description"]
    assert agent["project"] == pid
    assert agent["telephony"]["inbound"] is body["inbound"]
    assert agent["telephony"]["phone_number"] == body.get("phone_number", "")
    kind = body["provider"]["type"]
    assert agent["provider"]["type"] == ("custom" if kind == "self_hosted" else kind)
    for secret in SECRETS:
        assert secret not in r.text  # credentials are write-only
    assert api.get(f"{V2}{agent['id']}/").json() == agent


def test_seed_provider_details_are_stored(api: Api) -> None:
    pid = api.default_project_id()
    vapi = api.post(V2, example("VAPI", pid)).json()["provider"]
    assert vapi["agent_id"] == "asst_abc123xyz"
    assert vapi["credentials"] == {
        "api_key_configured": True,
        "config": {"public_key_configured": True},
    }
    assert vapi["auto_import_calls"] is True and vapi["auto_sync_prompt"] is True
    retell = api.post(V2, example("Retell", pid)).json()["provider"]
    assert retell["credentials"]["config"] == {
        "trigger_url": "https://api.retellai.com/create-phone-call"
    }
    assert retell["chat_agent_details"] == {
        "type": "retell",
        "config": {"agent_id": "retell_chat_agent_xyz456"},
    }
    assert retell["chat_provider"] == "retell"
    livekit = api.post(V2, example("LiveKit", pid)).json()["provider"]
    assert livekit["credentials"]["config"] == {
        "url": "wss://acme.livekit.cloud",
        "api_secret_configured": True,
    }
    ws = api.post(V2, example("Self-hostedViaWebSocket(text-modeTesting)", pid)).json()
    assert ws["provider"]["chat_agent_details"]["config"] == {
        "url": "wss://staging.example.com/agent",
        "headers": {"Authorization": "Bearer token"},
    }


def test_seed_mock_tools_get_server_computed_urls(api: Api) -> None:
    pid = api.default_project_id()
    agent = api.post(V2, example("Self-hostedWithMockTools(direct+MCPRouting)", pid)).json()
    base = f"{api.server.settings.public_base_url}/test_framework/v1/aiagents/{agent['id']}"
    by_name = {t["name"]: t for t in agent["mock_tools"]}
    assert by_name["get_order"]["served_via"] == {
        "type": "direct",
        "url": f"{base}/tool/get_order/",
    }
    assert by_name["get_order"]["mock_data"] == [
        {"input": {"order_id": "A1"}, "output": {"status": "shipped"}}
    ]
    for name in ("crm_lookup", "crm_update"):
        assert by_name[name]["served_via"] == {
            "type": "mcp",
            "mock_index": 1,
            "url": f"{base}/mcp/1/",
        }
    assert [(v["name"], v["description"]) for v in agent["dynamic_variables"]] == [
        ("customer_name", "Caller name")
    ]


def test_import_from_provider_is_refused_clearly(api: Api) -> None:
    body = example("CloudAuto-import(configureFromProvider)", api.default_project_id())
    r = api.post(V2, body)
    assert r.status_code == 400
    message = r.json()["provider"]["configure_from_provider"][0]
    assert "not available yet" in message and "directly" in message


def test_create_reports_every_missing_and_bad_field(api: Api) -> None:
    r = api.post(
        V2,
        {
            "webhook_url": "ftp://example.com/hook",
            "telephony": {"phone_number": "12345", "websocket_url": "https://not-ws.example"},
            "provider": {"type": "livekit", "credentials": {"config": {"url": "wss://x.io"}}},
        },
    )
    assert r.status_code == 400
    errors = r.json()
    for field in ("name", "description", "project", "inbound", "webhook_url", "provider"):
        assert field in errors, field
    assert set(errors["telephony"]) == {"phone_number", "websocket_url"}
    assert set(errors["provider"]["credentials"]) == {"api_key", "config"}
    r = api.post(V2, {"name": "B", "description": "D", "language": "xx", "inbound": True})
    assert r.json() == {"language": ['"xx" is not a valid choice.']}


def test_provider_rules_per_type(api: Api) -> None:
    pid = api.default_project_id()
    base = {"name": "B", "description": "D", "project": pid, "inbound": True}
    cases: list[tuple[dict[str, Any], dict[str, Any]]] = [
        (
            {"type": "vapi"},
            {"credentials": {"api_key": ["This field is required for vapi agents."]}},
        ),
        (
            {"type": "retell", "credentials": {"api_key": "k"}},
            {"agent_id": ["This field is required for retell agents."]},
        ),
        (
            {"type": "livekit", "credentials": {"api_key": "k", "config": {"url": "https://x"}}},
            {
                "credentials": {
                    "config": {
                        "url": ["URL scheme must be one of: ws, wss."],
                        "api_secret": ["This field is required."],
                    }
                }
            },
        ),
        (
            {"type": "koreai", "credentials": {"config": {"bot_id": "b"}}},
            {"credentials": {"config": {"client_id": ["This field is required."]}}},
        ),
        (
            {"type": "vapi", "credentials": {"api_key": "k", "config": {"colour": "red"}}},
            {
                "credentials": {
                    "config": {
                        "colour": [
                            "Unknown setting for this provider (accepted: public_key, trigger_url)."
                        ]
                    }
                }
            },
        ),
        (
            {"type": "custom", "auto_import_calls": True},
            {"auto_import_calls": ["Supported only for provider types: vapi, retell, elevenlabs."]},
        ),
        (
            {
                "type": "vapi",
                "credentials": {"api_key": "k"},
                "chat_agent_details": {"type": "retell", "config": {"agent_id": "a"}},
            },
            {
                "chat_agent_details": {
                    "type": [
                        "A retell chat agent needs provider.type retell"
                        " (or custom for chat-only agents)."
                    ]
                }
            },
        ),
        (
            {
                "type": "custom",
                "chat_agent_details": {"type": "self_hosted", "config": {"url": "http://x.io"}},
            },
            {"chat_agent_details": {"config": {"url": ["URL scheme must be one of: ws, wss."]}}},
        ),
        (
            {"type": "pipecat", "credentials": {"api_key": "k", "config": {}}},
            {
                "credentials": {
                    "config": {
                        "pipecat_agent_name": [
                            "This field is required unless tracing_enabled is true."
                        ]
                    }
                }
            },
        ),
    ]
    for provider, expected in cases:
        r = api.post(V2, {**base, "provider": provider})
        assert r.status_code == 400, (provider, r.text)
        assert r.json() == {"provider": expected}, provider


def test_patch_keeps_secrets_until_the_provider_changes(api: Api) -> None:
    pid = api.default_project_id()
    agent = api.post(V2, example("LiveKit", pid)).json()
    url = f"{V2}{agent['id']}/"
    r = api.patch(url, {"provider": {"credentials": {"config": {"agent_name": "front-desk"}}}})
    assert r.status_code == 200, r.text
    config = r.json()["provider"]["credentials"]["config"]
    assert config == {
        "url": "wss://acme.livekit.cloud",
        "agent_name": "front-desk",
        "api_secret_configured": True,
    }
    # switching platform drops the old credentials, so the new one must bring its own
    r = api.patch(url, {"provider": {"type": "elevenlabs"}})
    assert r.status_code == 400
    r = api.patch(url, {"provider": {"type": "elevenlabs", "credentials": {"api_key": "e"}}})
    assert r.status_code == 200
    assert r.json()["provider"]["credentials"] == {"api_key_configured": True, "config": None}


def test_webhook_secret_is_write_only(api: Api) -> None:
    agent = create(api, webhook_url="https://hooks.example.com/a", webhook_secret="s3cret-value")
    assert agent["webhook_secret_configured"] is True
    assert "s3cret-value" not in str(agent)
    r = api.patch(f"{V2}{agent['id']}/", {"webhook_url": "ws://bad.example"})
    assert r.status_code == 400 and "webhook_url" in r.json()


def test_put_requires_the_full_agent_and_patch_changes_only_what_is_sent(api: Api) -> None:
    agent = create(
        api, language="fr", telephony={"inbound": False, "sip_uri": "sip:bot@example.com"}
    )
    url = f"{V2}{agent['id']}/"
    r = api.put(url, {"language": "de"})
    assert r.status_code == 400
    assert set(r.json()) == {"name", "description"}
    r = api.patch(
        url, {"telephony": {"outbound_numbers": ["+14155550000"]}, "agent_speaks_first": True}
    )
    assert r.status_code == 200, r.text
    got = r.json()
    assert got["language"] == "fr" and got["agent_speaks_first"] is True
    assert got["telephony"]["sip_uri"] == "sip:bot@example.com"
    assert got["telephony"]["outbound_numbers"] == ["+14155550000"]
    r = api.put(url, {"name": "Renamed", "description": "New prompt"})
    assert r.status_code == 200 and r.json()["name"] == "Renamed"


def test_agent_cannot_move_or_land_in_a_foreign_project(api: Api) -> None:
    stranger = api.other()
    foreign = stranger.default_project_id()
    r = api.post(V2, {"name": "B", "description": "D", "project": foreign, "inbound": True})
    assert r.status_code == 400 and "project" in r.json()
    agent = create(api)
    other = api.post("/user/v1/projects/", {"name": "Second"}).json()["id"]
    r = api.patch(f"{V2}{agent['id']}/", {"project": other})
    assert r.status_code == 400 and "project" in r.json()


def test_other_organizations_and_projects_see_nothing(api: Api) -> None:
    agent = create(api)
    stranger = api.other()
    for path in (f"{V2}{agent['id']}/", f"/test_framework/v1/aiagents/{agent['id']}"):
        assert stranger.get(path).status_code == 404
    assert stranger.patch(f"{V2}{agent['id']}/", {"name": "x"}).status_code == 404
    assert stranger.delete(f"{V2}{agent['id']}/").status_code == 404
    assert stranger.get(V2).json()["count"] == 0
    other_project = api.post("/user/v1/projects/", {"name": "Narrow"}).json()["id"]
    narrow = api.other(project_id=other_project)
    assert narrow.get(f"{V2}{agent['id']}/").status_code == 404
    made = narrow.post(V2, {"name": "N", "description": "D", "inbound": True})
    assert made.status_code == 201, made.text  # a project key defaults to its project
    assert made.json()["project"] == other_project
    assert [a["id"] for a in narrow.get(V2).json()["results"]] == [made.json()["id"]]


def test_list_is_paginated_and_filtered(api: Api) -> None:
    ids = [create(api, name=f"Agent {letter}")["id"] for letter in "ABC"]
    special = create(api, name="Zebra helper")
    page = api.get(V2, params={"page_size": 2}).json()
    assert page["count"] == 4 and len(page["results"]) == 2 and page["next"]
    assert api.get(page["next"]).json()["previous"] is not None
    found = api.get(V2, params={"q": "zebra"}).json()
    assert [a["id"] for a in found["results"]] == [special["id"]]
    assert api.get(V2, params={"q": str(ids[0])}).json()["results"][0]["id"] == ids[0]
    assert api.get(V2, params={"project_id": 999999}).json()["count"] == 0
    assert api.get(V2, params={"page": 9}).status_code == 404


def test_aliases_and_trailing_slash(api: Api) -> None:
    agent = create(api)
    for path in (f"{V2}{agent['id']}", f"/test_framework/v1/aiagents/{agent['id']}/"):
        assert api.get(path).status_code == 200
    r = api.post(
        V2.rstrip("/"),
        {"name": "S", "description": "D", "project": api.default_project_id(), "inbound": True},
    )
    assert r.status_code == 201


def test_delete_removes_the_agent(api: Api) -> None:
    agent = create(api)
    assert api.delete(f"{V2}{agent['id']}/", params={"delete_related": "false"}).status_code == 204
    assert api.get(f"{V2}{agent['id']}/").status_code == 404
    assert api.delete(f"{V2}{agent['id']}/").status_code == 404

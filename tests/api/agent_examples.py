"""The request examples of the create-agent-v2 seed, exactly as written (project 42 aside)."""

from __future__ import annotations

import copy
from typing import Any

SEED_EXAMPLES: dict[str, dict[str, Any]] = {
    "CloudAuto-import(configureFromProvider)": {
        "project": 42,
        "provider": {
            "type": "retell",
            "agent_id": "agent_abc123",
            "credentials": {"api_key": "key_xxx"},
            "configure_from_provider": True,
        },
    },
    "Self-hosted(observation-only,MostCommon)": {
        "name": "Support Bot",
        "description": "Handles inbound support calls",
        "project": 42,
        "inbound": True,
        "phone_number": "+14155551234",
        "provider": {"type": "self_hosted"},
    },
    "Self-hostedViaWebSocket(text-modeTesting)": {
        "name": "WS Agent",
        "description": "Agent with websocket endpoint for text-mode test runs",
        "project": 42,
        "inbound": False,
        "provider": {
            "type": "self_hosted",
            "chat_agent_details": {
                "type": "self_hosted",
                "config": {
                    "url": "wss://staging.example.com/agent",
                    "headers": {"Authorization": "Bearer token"},
                },
            },
        },
    },
    "VAPI": {
        "name": "VAPI Sales Agent",
        "description": "Outbound sales qualification",
        "project": 42,
        "inbound": False,
        "phone_number": "+14155551234",
        "provider": {
            "type": "vapi",
            "agent_id": "asst_abc123xyz",
            "credentials": {"api_key": "vapi_sk_xxx", "config": {"public_key": "vapi_pk_xxx"}},
            "auto_import_calls": True,
            "auto_sync_prompt": True,
        },
    },
    "Retell": {
        "name": "Retell Booking Agent",
        "description": "Schedules appointments",
        "project": 42,
        "inbound": True,
        "phone_number": "+14155551234",
        "provider": {
            "type": "retell",
            "agent_id": "retell_voice_agent_abc123",
            "credentials": {
                "api_key": "key_xxx",
                "config": {"trigger_url": "https://api.retellai.com/create-phone-call"},
            },
            "chat_agent_details": {
                "type": "retell",
                "config": {"agent_id": "retell_chat_agent_xyz456"},
            },
        },
    },
    "Bland": {
        "name": "Bland Support Agent",
        "description": "Handles billing questions",
        "project": 42,
        "inbound": True,
        "phone_number": "+14155551234",
        "provider": {
            "type": "bland",
            "agent_id": "bland_pathway_xyz",
            "credentials": {
                "api_key": "bland_xxx",
                "config": {"encrypted_key": "twilio_encrypted_key_xxx"},
            },
        },
    },
    "LiveKit": {
        "name": "LiveKit Concierge",
        "description": "Multi-modal front-desk agent",
        "project": 42,
        "inbound": True,
        "provider": {
            "type": "livekit",
            "credentials": {
                "api_key": "APIxxx",
                "config": {"api_secret": "secret_xxx", "url": "wss://acme.livekit.cloud"},
            },
        },
    },
    "ElevenLabs": {
        "name": "ElevenLabs Voice Agent",
        "description": "Voice agent on ElevenLabs",
        "project": 42,
        "inbound": True,
        "provider": {
            "type": "elevenlabs",
            "agent_id": "elevenlabs_agent_abc123",
            "credentials": {"api_key": "elevenlabs_key_xxx"},
        },
    },
    "Self-hostedWithMockTools(direct+MCPRouting)": {
        "name": "Support Bot",
        "description": "Handles inbound support calls",
        "project": 42,
        "inbound": True,
        "provider": {"type": "self_hosted"},
        "mock_tools": [
            {
                "name": "get_order",
                "description": "Look up an order",
                "mock_data": [{"input": {"order_id": "A1"}, "output": {"status": "shipped"}}],
            },
            {
                "name": "crm_lookup",
                "description": "CRM read",
                "mock_data": [],
                "served_via": {"type": "mcp", "mock_index": 1},
            },
            {
                "name": "crm_update",
                "description": "CRM write",
                "mock_data": [],
                "served_via": {"type": "mcp", "mock_index": 1},
            },
        ],
        "dynamic_variables": [{"name": "customer_name", "description": "Caller name"}],
    },
}


def example(name: str, project_id: int) -> dict[str, Any]:
    """A deep copy of one seed example, pointed at a project of the test's organization."""
    body = copy.deepcopy(SEED_EXAMPLES[name])
    body["project"] = project_id
    return body

"""The pure rules behind agent writes."""

from __future__ import annotations

import base64

import pytest

from voxtest.domain import agent_rules as rules


def test_config_checks_types_urls_choices_and_required() -> None:
    spec = rules.VOICE["livekit"].config
    errors = rules.check_config(
        spec, {"url": "https://x.io", "tracing_enabled": "yes", "config": [], "extra": 1}, set()
    )
    assert set(errors) == {"url", "tracing_enabled", "config", "extra", "api_secret"}
    assert rules.check_config(spec, {"url": "wss://x.io"}, {"api_secret"}) == {}
    eleven = rules.VOICE["elevenlabs"].config
    assert rules.check_config(eleven, {"elevenlabs_region": "asia"}, set()) == {
        "elevenlabs_region": ['"asia" is not a valid choice.']
    }


def test_flags_and_chat_pairing() -> None:
    assert rules.check_flags("vapi", {"auto_import_calls": True}) == {}
    assert "auto_import_calls" in rules.check_flags("bland", {"auto_import_calls": True})
    assert rules.check_flags("bland", {"auto_import_calls": False}) == {}
    assert rules.check_chat_pairing("custom", "retell") is None
    assert rules.check_chat_pairing("vapi", "sms") is None
    assert rules.check_chat_pairing("vapi", "retell") is not None
    assert rules.voice_type("self_hosted") == "custom" and rules.voice_type(None) == ""


def test_telephony() -> None:
    assert rules.check_telephony({"phone_number": "+14155551234", "inbound": True}) == {}
    errors = rules.check_telephony(
        {
            "phone_number": "4155551234",
            "sip_uri": "http://x",
            "websocket_url": "https://x.io",
            "sip_auth": {"user": "a"},
            "outbound_numbers": ["+14155551234", "nope"],
        }
    )
    assert set(errors) == {
        "phone_number",
        "sip_uri",
        "websocket_url",
        "sip_auth",
        "outbound_numbers",
    }


@pytest.mark.parametrize("name", ["get_order", "CRM-lookup_2", "a" * 63])
def test_good_tool_names(name: str) -> None:
    assert rules.tool_name_problem(name) is None


@pytest.mark.parametrize("name", ["", "has space", "dot.name", "a" * 64, None])
def test_bad_tool_names(name: str | None) -> None:
    assert rules.tool_name_problem(name) is not None


def test_mock_data_and_served_via() -> None:
    assert rules.mock_data_problem([{"input": {"a": 1}, "output": "x"}]) is None
    assert rules.mock_data_problem({"input": {}}) is not None
    assert rules.mock_data_problem([{"input": "a", "output": 1}]) is not None
    assert rules.served_via_problem({}) is None
    assert rules.served_via_problem({"type": "mcp"}) is not None
    assert rules.served_via_problem({"type": "direct", "mock_index": 1}) is not None


def test_knowledge_base_content() -> None:
    raw = base64.b64encode(b"hello").decode()
    assert rules.decode_base64(raw) == b"hello"
    assert rules.decode_base64(f"data:text/plain;base64,{raw}") == b"hello"
    with pytest.raises(ValueError):
        rules.decode_base64("not base64!")
    with pytest.raises(ValueError):
        rules.decode_base64("data:text/plain,hello")
    assert rules.kb_file_type("Manual.PDF") == "pdf" and rules.kb_file_type("x.exe") is None
    assert rules.kb_content_problem("a.txt", b"") is not None
    assert rules.kb_content_problem("a.txt", b"x" * (rules.KB_MAX_BYTES + 1)) is not None
    assert rules.kb_content_problem("a.txt", b"x") is None

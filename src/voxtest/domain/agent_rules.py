"""What an agent's provider block, telephony and children may hold. Pure rules, no database.

Each provider (voice `provider.type` or chat `chat_agent_details.type`) has a `ConfigSpec`:
the keys its `config` accepts, which are required, which are write-only secrets, and how each
value is checked. Messages are DRF-style and collected, never raised one at a time.
"""

from __future__ import annotations

import base64
import binascii
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from voxtest.domain.mock_state import state_problem
from voxtest.domain.notify_window import is_e164
from voxtest.urls import url_problem

HTTP = ("http", "https")
WS = ("ws", "wss")
Errors = dict[str, Any]


@dataclass(frozen=True)
class ConfigSpec:
    """The `config` object of one provider."""

    strings: frozenset[str] = frozenset()
    required: frozenset[str] = frozenset()
    secrets: frozenset[str] = frozenset()
    urls: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    bools: frozenset[str] = frozenset()
    objects: frozenset[str] = frozenset()
    choices: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    @property
    def keys(self) -> frozenset[str]:
        return self.strings | self.secrets | frozenset(self.urls) | self.bools | self.objects


def _spec(
    strings: str = "",
    required: str = "",
    secrets: str = "",
    urls: Mapping[str, tuple[str, ...]] | None = None,
    bools: str = "",
    objects: str = "",
    choices: Mapping[str, tuple[str, ...]] | None = None,
) -> ConfigSpec:
    return ConfigSpec(
        strings=frozenset(strings.split()) | frozenset(choices or {}),
        required=frozenset(required.split()),
        secrets=frozenset(secrets.split()),
        urls=dict(urls or {}),
        bools=frozenset(bools.split()),
        objects=frozenset(objects.split()),
        choices=dict(choices or {}),
    )


@dataclass(frozen=True)
class VoiceProvider:
    config: ConfigSpec
    needs_api_key: bool = False
    needs_agent_id: bool = False


VOICE: dict[str, VoiceProvider] = {
    "vapi": VoiceProvider(
        _spec(secrets="public_key", urls={"trigger_url": HTTP}), needs_api_key=True
    ),
    "retell": VoiceProvider(
        _spec(urls={"trigger_url": HTTP, "livekit_server_url": WS}),
        needs_api_key=True,
        needs_agent_id=True,
    ),
    "elevenlabs": VoiceProvider(
        _spec(
            urls={"trigger_url": HTTP, "elevenlabs_base_url_override": HTTP},
            choices={"elevenlabs_region": ("us", "eu")},
        ),
        needs_api_key=True,
    ),
    "bland": VoiceProvider(_spec(secrets="encrypted_key"), needs_api_key=True, needs_agent_id=True),
    "livekit": VoiceProvider(
        _spec(
            strings="agent_name",
            required="api_secret url",
            secrets="api_secret",
            urls={"url": WS, "trigger_url": HTTP},
            bools="tracing_enabled",
            objects="config",
        ),
        needs_api_key=True,
    ),
    "pipecat": VoiceProvider(
        _spec(
            strings="pipecat_agent_name",
            urls={"webhook_url": HTTP},
            bools="tracing_enabled",
            objects="config room_properties",
        ),
        needs_api_key=True,
    ),
    "synthflow": VoiceProvider(
        _spec(urls={"synthflow_base_url_override": HTTP}), needs_api_key=True
    ),
    "koreai": VoiceProvider(
        _spec(strings="client_id bot_id host", required="client_id bot_id", secrets="api_secret")
    ),
    "genesys": VoiceProvider(_spec(strings="client_id region", required="client_id region")),
    "amazon_connect": VoiceProvider(_spec(strings="widget_id snippet_id connect_host region")),
    "agora": VoiceProvider(
        _spec(
            strings="client_id auth_header_name",
            required="session_endpoint_url client_id",
            urls={"session_endpoint_url": HTTP},
            choices={"request_method": ("GET", "POST")},
        )
    ),
    "custom": VoiceProvider(_spec(bools="send_post_conversation_metadata")),
    "cisco": VoiceProvider(_spec()),
    "telnyx": VoiceProvider(_spec()),
    "": VoiceProvider(_spec()),
}

CHAT: dict[str, ConfigSpec] = {
    "retell": _spec(strings="agent_id", required="agent_id"),
    "bland": _spec(strings="agent_id", required="agent_id"),
    "agentforce": _spec(
        strings="client_id agent_id",
        required="client_secret client_id domain agent_id",
        secrets="client_secret",
        urls={"domain": HTTP},
    ),
    "self_hosted": _spec(
        required="url", secrets="websocket_secret", urls={"url": WS}, objects="headers"
    ),
    "amazon_connect": _spec(
        strings="widget_id snippet_id connect_host region",
        required="widget_id snippet_id connect_host",
    ),
    "sierra": _spec(strings="host", required="agent_token", secrets="agent_token api_secret"),
    **{kind: _spec(strings="agent_id") for kind in ("vapi", "elevenlabs", "livekit", "agora")},
    **{kind: _spec(strings="agent_id") for kind in ("koreai", "sms", "whatsapp")},
}

# A chat type that is itself a voice platform runs on that platform's account.
PLATFORM_CHATS = frozenset(
    {"retell", "bland", "vapi", "elevenlabs", "livekit", "agora", "koreai", "amazon_connect"}
)
FLAG_SUPPORT: dict[str, tuple[str, ...]] = {
    "auto_dial_outbound": ("vapi", "retell", "elevenlabs", "bland", "livekit"),
    "auto_import_calls": ("vapi", "retell", "elevenlabs"),
    "auto_sync_prompt": ("vapi", "retell", "elevenlabs", "synthflow", "telnyx", "bland"),
    "send_post_conversation_metadata": ("custom",),
}
API_KEY_PROVIDERS = tuple(k for k, v in VOICE.items() if v.needs_api_key)


def voice_type(value: str | None) -> str:
    """The seed's `self_hosted` voice provider is the reference's `custom`."""
    return "custom" if value == "self_hosted" else (value or "")


def check_config(spec: ConfigSpec, public: Mapping[str, Any], secrets: set[str]) -> Errors:
    """Problems with a merged config: its public values plus the names of stored secrets."""
    errors: Errors = {}
    for key, value in public.items():
        problem = _value_problem(spec, key, value)
        if problem:
            errors[key] = [problem]
    for key in sorted(spec.required):
        if key not in errors and public.get(key) in (None, "") and key not in secrets:
            errors[key] = ["This field is required."]
    return errors


def _value_problem(spec: ConfigSpec, key: str, value: Any) -> str | None:
    if key not in spec.keys:
        allowed = ", ".join(sorted(spec.keys)) or "none"
        return f"Unknown setting for this provider (accepted: {allowed})."
    if key in spec.bools:
        return None if isinstance(value, bool) else "Must be a valid boolean."
    if key in spec.objects:
        return None if isinstance(value, dict) else "Must be a JSON object."
    if not isinstance(value, str):
        return "Not a valid string."
    if key in spec.urls and value:
        return url_problem(value, spec.urls[key])
    if key in spec.choices and value not in spec.choices[key]:
        return f'"{value}" is not a valid choice.'
    return None


def check_flags(kind: str, flags: Mapping[str, Any]) -> Errors:
    errors: Errors = {}
    for name, supported in FLAG_SUPPORT.items():
        if flags.get(name) and kind not in supported:
            errors[name] = [f"Supported only for provider types: {', '.join(supported)}."]
    return errors


def check_chat_pairing(voice: str, chat: str) -> str | None:
    if chat in PLATFORM_CHATS and voice not in (chat, "custom", ""):
        return f"A {chat} chat agent needs provider.type {chat} (or custom for chat-only agents)."
    return None


# -- telephony -------------------------------------------------------------------------------

SIP_URI = re.compile(r"^sips?:[^@\s]+@[^@\s]+$|^sips?:[^\s@]+$")


def check_telephony(t: Mapping[str, Any]) -> Errors:
    errors: Errors = {}
    phone = t.get("phone_number")
    if phone and not is_e164(phone):
        errors["phone_number"] = ["Enter a phone number in E.164 format, e.g. +14155551234."]
    sip = t.get("sip_uri")
    if sip and not SIP_URI.match(sip):
        errors["sip_uri"] = ["Enter a SIP URI, e.g. sip:user@domain.com."]
    ws = t.get("websocket_url")
    if ws:
        problem = url_problem(ws, WS)
        if problem:
            errors["websocket_url"] = [problem]
    for key in ("sip_auth", "websocket_auth"):
        problem = _auth_problem(t.get(key))
        if problem:
            errors[key] = [problem]
    numbers = t.get("outbound_numbers") or []
    bad = [n for n in numbers if not is_e164(n)]
    if bad:
        errors["outbound_numbers"] = [f"Not E.164 phone numbers: {', '.join(map(str, bad))}."]
    return errors


def _auth_problem(value: Any) -> str | None:
    if value is None or value == {}:
        return None
    if not isinstance(value, dict) or set(value) - {"username", "password"}:
        return "Must be an object with username and password."
    if not all(isinstance(v, str) for v in value.values()) or not value.get("username"):
        return "username (and password) must be non-empty strings."
    return None


# -- children --------------------------------------------------------------------------------

TOOL_NAME = re.compile(r"^[A-Za-z0-9_-]{1,63}$")
VARIABLE_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
KB_TYPES = {
    "pdf": "application/pdf",
    "txt": "text/plain",
    "json": "application/json",
    "csv": "text/csv",
    "xml": "application/xml",
    "md": "text/markdown",
}
KB_MAX_BYTES = 50 * 1024 * 1024


def tool_name_problem(name: Any) -> str | None:
    if not isinstance(name, str) or not TOOL_NAME.match(name):
        return "Use letters, digits, underscores and hyphens only, under 64 characters."
    return None


def mock_data_problem(data: Any) -> str | None:
    if not isinstance(data, list):
        return "Must be a list of {input, output} objects."
    for item in data:
        if not isinstance(item, dict) or "input" not in item or "output" not in item:
            return "Each entry must be an object with input and output."
        if not isinstance(item["input"], dict):
            return "Each entry's input must be an object of parameter values."
        problem = state_problem(item)
        if problem:
            return problem
    return None


def served_via_problem(served: Mapping[str, Any]) -> str | None:
    kind = served.get("type") or "direct"
    if kind == "mcp" and served.get("mock_index") is None:
        return "mock_index is required when type is 'mcp'."
    if kind == "direct" and served.get("mock_index") is not None:
        return "mock_index is only used when type is 'mcp'."
    return None


def kb_file_type(name: str) -> str | None:
    """The extension of an acceptable knowledge base file name, or None."""
    ext = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    return ext if ext in KB_TYPES else None


def decode_base64(content: str) -> bytes:
    """Raw base64 or a `data:<mime>;base64,` URI; ValueError when neither."""
    if content.startswith("data:"):
        header, sep, content = content.partition(",")
        if not sep or not header.endswith(";base64"):
            raise ValueError("A data URI must be base64-encoded (data:<mime>;base64,...).")
    try:
        return base64.b64decode("".join(content.split()), validate=True)
    except (binascii.Error, ValueError):
        raise ValueError("Not valid base64 content.") from None


def kb_content_problem(name: str, data: bytes) -> str | None:
    if kb_file_type(name) is None:
        return f"File type not supported; use one of: {', '.join(KB_TYPES)}."
    if not data:
        return "The submitted file is empty."
    if len(data) > KB_MAX_BYTES:
        return "Files may not exceed 50 MB."
    return None

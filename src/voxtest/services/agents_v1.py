"""The v1 agent API: flat fields (`agent_name`, `assistant_provider`, `vapi_api_key`, ...)
translated to and from the v2 model voxtest stores, so both versions share one code path."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from voxtest.api.wire._generated import AIAgent
from voxtest.api.wire.base import shaped
from voxtest.context import Services
from voxtest.domain.agent_rules import Errors, voice_type
from voxtest.errors import ValidationFailed
from voxtest.services.agent_reads import read_v2, secret_names
from voxtest.storage.tables import Agent

RENAMED = {
    "agent_name": "name",
    "description": "description",
    "project": "project",
    "language": "language",
    "webhook_url": "webhook_url",
    "webhook_secret": "webhook_secret",
    "email_id": "email_id",
    "agent_gives_first_message": "agent_speaks_first",
    "transcript_provider": "transcript_provider",
    "predefined_metrics": "predefined_metrics",
}
TELEPHONY = {
    "contact_number": "phone_number",
    "inbound": "inbound",
    "sip_endpoint": "sip_uri",
    "sip_auth": "sip_auth",
    "websocket_voice_url": "websocket_url",
    "websocket_auth": "websocket_auth",
    "outbound_numbers": "outbound_numbers",
}
FLAGS = {
    "auto_fetch_calls_enabled": "auto_import_calls",
    "auto_sync_prompt_enabled": "auto_sync_prompt",
    "outbound_auto_call": "auto_dial_outbound",
}
# Simulation settings only v1 has; kept and answered as they were sent.
V1_ONLY = (
    "llm_system_prompt",
    "llm_model",
    "llm_temperature",
    "llm_max_tokens",
    "dropoff_nodes",
    "topic_nodes",
    "pronunciation_words",
    "spelling_word_types",
    "auto_update_dropoff_nodes",
    "auto_update_topic_nodes",
    "hallucination_metric_kb_files",
)
CHAT_ONLY = ("sms", "whatsapp", "agentforce", "sierra")
API_KEYS = {
    "vapi_api_key": "vapi",
    "retell_api_key": "retell",
    "elevenlabs_api_key": "elevenlabs",
    "bland_api_key": "bland",
    "livekit_api_key": "livekit",
    "pipecat_api_key": "pipecat",
    "koreai_client_secret": "koreai",
    "genesys_client_secret": "genesys",
    "amazon_connect_security_token": "amazon_connect",
    "custom_provider_api_key": "custom",
    "agora_api_key": "agora",
    "synthflow_api_key": "synthflow",
    "telnyx_api_key": "telnyx",
}
DATA = {f"{p}_data": p for p in ("vapi", "retell", "elevenlabs", "bland", "livekit", "pipecat")}
DATA |= {f"{p}_data": p for p in ("koreai", "genesys", "amazon_connect", "agora", "synthflow")}
DATA["custom_provider_data"] = "custom"
CHAT_SECRETS = {
    "agentforce_client_secret": ("agentforce", "client_secret"),
    "sierra_agent_token": ("sierra", "agent_token"),
}
CHAT_DATA = {"agentforce_data": "agentforce", "sierra_data": "sierra"}
SHARED_AGENT_ID = ("retell", "bland")  # v1 sends their agent id as chat_assistant_id


def to_v2(given: dict[str, Any], stored: dict[str, Any]) -> tuple[dict[str, Any], Errors]:
    """A v1 write as the v2 write it means, with the v1 fields that cannot be mapped."""
    errors: Errors = {}
    out = {RENAMED[k]: v for k, v in given.items() if k in RENAMED}
    telephony = {TELEPHONY[k]: v for k, v in given.items() if k in TELEPHONY}
    if telephony:
        out["telephony"] = telephony
    extras = {k: given[k] for k in V1_ONLY if k in given}
    if extras:
        out["v1"] = extras
    provider = _provider(given, stored, errors)
    if provider:
        out["provider"] = provider
    return out, errors


def _provider(given: dict[str, Any], stored: dict[str, Any], errors: Errors) -> dict[str, Any]:
    provider: dict[str, Any] = {v2: given[v1] for v1, v2 in FLAGS.items() if v1 in given}
    chat: dict[str, Any] = {}
    voice, chat_kind = voice_type(stored.get("type")), (stored.get("chat") or {}).get("type")
    kind = given.get("assistant_provider")
    if kind == "vocera":
        errors["assistant_provider"] = ["Cekura-hosted (vocera) agents are not available."]
    elif kind in CHAT_ONLY:
        voice, chat_kind = "custom", kind
        provider["type"], chat["type"] = voice, kind
    elif kind is not None:
        voice = provider["type"] = voice_type(kind)
    creds = _credentials(given, voice, errors)
    if creds:
        provider["credentials"] = creds
    _ids(given, voice, provider, chat)
    _chat_fields(given, chat_kind, chat, errors)
    if chat:
        provider["chat_agent_details"] = chat
    return provider


def _credentials(given: dict[str, Any], voice: str, errors: Errors) -> dict[str, Any]:
    creds: dict[str, Any] = {}
    for key, owner in API_KEYS.items():
        if key in given and _owned(key, owner, voice, given[key], errors):
            creds["api_key"] = given[key]
    for key, owner in DATA.items():
        if key in given and _owned(key, owner, voice, given[key], errors):
            data = _object(key, given[key], errors)
            if data is not None:
                creds["config"] = data
    return creds


def _owned(key: str, owner: str, current: str | None, value: Any, errors: Errors) -> bool:
    if owner == current or value in (None, ""):
        return owner == current
    errors[key] = [f"Applies only when assistant_provider is {owner}."]
    return False


def _object(key: str, value: Any, errors: Errors) -> dict[str, Any] | None:
    if value is None:
        return None
    if isinstance(value, str):
        try:
            value = json.loads(value) if value.strip() else {}
        except ValueError:
            pass
    if not isinstance(value, dict):
        errors[key] = ["Must be a JSON object."]
        return None
    return value


def _ids(given: dict[str, Any], voice: str, provider: dict[str, Any], chat: dict[str, Any]) -> None:
    if "assistant_id" in given:
        provider["agent_id"] = given["assistant_id"]
    if "chat_assistant_id" in given:
        if voice in SHARED_AGENT_ID and "assistant_id" not in given:
            provider["agent_id"] = given["chat_assistant_id"]
        else:
            chat.setdefault("config", {})["agent_id"] = given["chat_assistant_id"]


def _chat_fields(
    given: dict[str, Any], chat_kind: str | None, chat: dict[str, Any], errors: Errors
) -> None:
    config: dict[str, Any] = chat.setdefault("config", {})
    if "websocket_url" in given or "websocket_headers" in given:
        chat["type"] = chat_kind = "self_hosted"
        if "websocket_url" in given:
            config["url"] = given["websocket_url"]
        if "websocket_headers" in given:
            config["headers"] = given["websocket_headers"]
    for key, (owner, field) in CHAT_SECRETS.items():
        if key in given and _owned(key, owner, chat_kind, given[key], errors):
            config[field] = given[key]
    for key, owner in CHAT_DATA.items():
        if key in given and _owned(key, owner, chat_kind, given[key], errors):
            config.update(_object(key, given[key], errors) or {})
    if not config:
        chat.pop("config")
    if chat and "type" not in chat and chat_kind:
        chat["type"] = chat_kind


# -- reading ---------------------------------------------------------------------------------


async def serialize_v1(session: AsyncSession, services: Services, row: Agent) -> dict[str, Any]:
    v2 = await read_v2(session, services, row)
    attrs = dict(row.attrs or {})
    present = secret_names(services, row)
    provider = attrs.get("provider") or {}
    telephony = v2["telephony"]
    out: dict[str, Any] = {v1: v2[name] for v1, name in RENAMED.items() if name in v2}
    out.update({v1: telephony.get(name) for v1, name in TELEPHONY.items()})
    out.update({v1: v2["provider"][name] for v1, name in FLAGS.items()})
    out.update({k: (attrs.get("v1") or {}).get(k) for k in V1_ONLY})
    out.update(_provider_fields(provider, present))
    out["contact_number"] = telephony["phone_number"] or None
    out["knowledge_base_files"] = [f["id"] for f in v2["knowledge_base_files"]]
    out["transcript_provider"] = attrs.get("transcript_provider") or provider.get("type") or ""
    for key in ("id", "created_at", "updated_at", "enabled_personalities"):
        out[key] = v2[key]
    out["webhook_secret_configured"] = v2["webhook_secret_configured"]
    # Unset v1 fields are left out: the reference types most of them as non-nullable.
    return shaped({k: v for k, v in out.items() if v is not None}, AIAgent)


def _provider_fields(provider: dict[str, Any], present: set[str]) -> dict[str, Any]:
    voice = provider.get("type") or ""
    chat = provider.get("chat") or {}
    chat_config = chat.get("config") or {}
    shared = voice in SHARED_AGENT_ID
    out: dict[str, Any] = {
        "assistant_provider": _assistant_provider(voice, chat.get("type")),
        "assistant_id": provider.get("agent_id"),
        "chat_assistant_id": chat_config.get("agent_id")
        or (provider.get("agent_id") if shared else None),
        "websocket_url": chat_config.get("url") if chat.get("type") == "self_hosted" else None,
        "websocket_headers": chat_config.get("headers")
        if chat.get("type") == "self_hosted"
        else None,
        "vapi_public_key_configured": voice == "vapi" and "config.public_key" in present,
        "koreai_api_key_configured": voice == "koreai" and "config.api_secret" in present,
    }
    for key, owner in API_KEYS.items():
        out[f"{key}_configured"] = voice == owner and "api_key" in present
    config = _masked(provider.get("config") or {}, present, "config")
    for key, owner in DATA.items():
        out[key] = config if voice == owner else None
    for key, (owner, field) in CHAT_SECRETS.items():
        out[f"{key}_configured"] = chat.get("type") == owner and f"chat.{field}" in present
    for key, owner in CHAT_DATA.items():
        out[key] = _masked(chat_config, present, "chat") if chat.get("type") == owner else None
    return out


def _assistant_provider(voice: str, chat: str | None) -> str:
    if voice in ("custom", "") and chat in CHAT_ONLY:
        return chat
    return "self_hosted" if voice == "custom" else voice


def _masked(public: dict[str, Any], present: set[str], prefix: str) -> dict[str, Any]:
    names = sorted(n.split(".", 1)[1] for n in present if n.startswith(prefix + "."))
    return {**public, **{f"{n}_configured": True for n in names}}


V2_TO_V1 = {v2: v1 for v1, v2 in RENAMED.items()}
TELEPHONY_TO_V1 = {v2: v1 for v1, v2 in TELEPHONY.items()}


def v1_errors(exc: ValidationFailed) -> ValidationFailed:
    """A 400 raised in v2 terms, with the field names the v1 client sent."""
    out: dict[str, Any] = {}
    for key, value in exc.detail.items():
        if key == "telephony" and isinstance(value, dict):
            out.update({TELEPHONY_TO_V1.get(str(k), str(k)): v for k, v in value.items()})
        else:
            out[V2_TO_V1.get(key, key)] = value
    return ValidationFailed(out)

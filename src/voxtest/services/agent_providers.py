"""An agent's provider block: merging a write into the stored state, and reading it back.

Stored state (`Agent.attrs["provider"]`): `{type, agent_id, config, chat: {type, config} | None,
<flags>}` with only public values. Write-only values live in the sealed `Agent.secrets` under
`api_key`, `config.<key>` and `chat.<key>`; answers report them as `<key>_configured`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from voxtest.domain.agent_rules import (
    CHAT,
    FLAG_SUPPORT,
    VOICE,
    ConfigSpec,
    Errors,
    check_chat_pairing,
    check_config,
    check_flags,
    voice_type,
)

FLAGS = (*FLAG_SUPPORT, "redact_fields")


@dataclass
class ProviderChange:
    """The merged provider state, the secret updates to seal, and every problem found."""

    state: dict[str, Any]
    secrets: dict[str, Any] = field(default_factory=dict)
    present: set[str] = field(default_factory=set)
    errors: Errors = field(default_factory=dict)

    def set_secret(self, name: str, value: Any) -> None:
        self.secrets[name] = value or None
        if value:
            self.present.add(name)
        else:
            self.present.discard(name)

    def clear_prefix(self, prefix: str) -> None:
        for name in [n for n in self.present if n == prefix or n.startswith(prefix + ".")]:
            self.set_secret(name, None)


def merge_provider(
    state: Mapping[str, Any], present: set[str], given: Mapping[str, Any]
) -> ProviderChange:
    """Apply a (partial) provider block to the stored state; validate the result."""
    kind = voice_type(given["type"]) if "type" in given else str(state.get("type") or "")
    change = ProviderChange(state=dict(state), present=set(present))
    if kind != (state.get("type") or ""):
        change.state = {"chat": state.get("chat")}  # a new platform starts from scratch
        change.clear_prefix("api_key")
        change.clear_prefix("config")
    change.state["type"] = kind
    if "agent_id" in given:
        change.state["agent_id"] = given["agent_id"] or None
    for flag in FLAGS:
        if flag in given:
            change.state[flag] = given[flag]
    if "credentials" in given:
        _merge_credentials(change, VOICE[kind].config, given["credentials"])
    if "chat_agent_details" in given:
        _merge_chat(change, given["chat_agent_details"])
    _validate(change)
    return change


def _merge_credentials(change: ProviderChange, spec: ConfigSpec, creds: Any) -> None:
    if creds is None:
        change.clear_prefix("api_key")
        change.clear_prefix("config")
        change.state["config"] = {}
        return
    if "api_key" in creds:
        change.set_secret("api_key", creds["api_key"])
    if "config" in creds:
        if creds["config"] is None:
            change.clear_prefix("config")
            change.state["config"] = {}
        else:
            change.state["config"] = _merge_config(
                change, spec, change.state.get("config") or {}, creds["config"], "config"
            )


def _merge_chat(change: ProviderChange, chat: Any) -> None:
    stored = change.state.get("chat") or {}
    if chat is None or chat.get("type") == "":
        change.state["chat"] = None
        change.clear_prefix("chat")
        return
    kind = chat.get("type") or stored.get("type")
    if kind != stored.get("type"):
        stored = {}
        change.clear_prefix("chat")
    spec = CHAT.get(kind or "")
    config = stored.get("config") or {}
    if spec is not None and chat.get("config") is not None:
        config = _merge_config(change, spec, config, chat["config"], "chat")
    elif chat.get("config", ...) is None:
        change.clear_prefix("chat")
        config = {}
    change.state["chat"] = {"type": kind, "config": config}


def _merge_config(
    change: ProviderChange,
    spec: ConfigSpec,
    public: Mapping[str, Any],
    given: Mapping[str, Any],
    prefix: str,
) -> dict[str, Any]:
    out = dict(public)
    for key, value in given.items():
        if key in spec.secrets:
            if value is not None and not isinstance(value, str):
                out[key] = value  # left in place so validation reports it
            else:
                change.set_secret(f"{prefix}.{key}", value)
        elif value is None:
            out.pop(key, None)
        else:
            out[key] = value
    return out


def _validate(change: ProviderChange) -> None:
    state, errors = change.state, change.errors
    kind = state["type"]
    voice = VOICE[kind]
    if voice.needs_agent_id and not state.get("agent_id"):
        errors["agent_id"] = [f"This field is required for {kind} agents."]
    creds: Errors = {}
    if voice.needs_api_key and "api_key" not in change.present:
        creds["api_key"] = [f"This field is required for {kind} agents."]
    config_errors = check_config(
        voice.config, state.get("config") or {}, _names(change.present, "config")
    )
    config_errors.update(_pipecat_rule(kind, state.get("config") or {}))
    if config_errors:
        creds["config"] = config_errors
    if creds:
        errors["credentials"] = creds
    errors.update(check_flags(kind, state))
    chat_errors = _chat_errors(kind, state.get("chat"), _names(change.present, "chat"))
    if chat_errors:
        errors["chat_agent_details"] = chat_errors


def _pipecat_rule(kind: str, config: Mapping[str, Any]) -> Errors:
    if (
        kind == "pipecat"
        and not config.get("tracing_enabled")
        and not config.get("pipecat_agent_name")
    ):
        return {"pipecat_agent_name": ["This field is required unless tracing_enabled is true."]}
    return {}


def _chat_errors(voice: str, chat: Mapping[str, Any] | None, secrets: set[str]) -> Errors:
    if not chat:
        return {}
    kind = chat.get("type")
    if not kind:
        return {"type": ["This field is required."]}
    spec = CHAT.get(kind)
    if spec is None:
        return {"type": [f'"{kind}" is not a valid choice.']}
    errors: Errors = {}
    pairing = check_chat_pairing(voice, kind)
    if pairing:
        errors["type"] = [pairing]
    config_errors = check_config(spec, chat.get("config") or {}, secrets)
    if config_errors:
        errors["config"] = config_errors
    return errors


def _names(present: set[str], prefix: str) -> set[str]:
    return {n.split(".", 1)[1] for n in present if n.startswith(prefix + ".")}


# -- reading ---------------------------------------------------------------------------------


def read_provider(state: Mapping[str, Any], present: set[str]) -> dict[str, Any]:
    """The v2 `provider` block; secrets appear only as `<key>_configured: true`."""
    kind = str(state.get("type") or "")
    chat = state.get("chat")
    out: dict[str, Any] = {"type": kind, "agent_id": state.get("agent_id")}
    if kind:
        config = _masked(state.get("config") or {}, _names(present, "config"))
        out["credentials"] = {"api_key_configured": "api_key" in present, "config": config}
    out["chat_agent_details"] = (
        {"type": chat["type"], "config": _masked(chat.get("config") or {}, _names(present, "chat"))}
        if chat
        else None
    )
    if chat:
        out["chat_provider"] = chat["type"]
    for flag in FLAG_SUPPORT:
        out[flag] = bool(state.get(flag))
    out["redact_fields"] = list(state.get("redact_fields") or [])
    return out


def _masked(public: Mapping[str, Any], secrets: set[str]) -> dict[str, Any] | None:
    out = {**public, **{f"{name}_configured": True for name in sorted(secrets)}}
    return out or None

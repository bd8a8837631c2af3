"""An agent as the v2 API answers it (the v1 shape is derived in agents_v1)."""

from __future__ import annotations

from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from voxtest.context import Services
from voxtest.services import agent_children as children
from voxtest.services import agent_tools as tools
from voxtest.services import personality_sets
from voxtest.services.agent_providers import read_provider
from voxtest.services.agent_writes import TELEPHONY_DEFAULTS
from voxtest.services.common import iso
from voxtest.storage.tables import Agent


def secret_names(services: Services, row: Agent) -> set[str]:
    return set(services.box.open(row.secrets))


def read_telephony(attrs: dict[str, Any]) -> dict[str, Any]:
    """Unset auth blocks are left out: the reference's `oneOf [{}, null]` admits no null."""
    out = {**TELEPHONY_DEFAULTS, **(attrs.get("telephony") or {})}
    return {
        k: v for k, v in out.items() if v is not None or k not in ("sip_auth", "websocket_auth")
    }


async def read_v2(session: AsyncSession, services: Services, row: Agent) -> dict[str, Any]:
    attrs = dict(row.attrs or {})
    present = secret_names(services, row)
    base = services.settings.public_base_url
    return {
        "id": row.id,
        "name": row.name,
        "description": attrs.get("description") or "",
        "project": row.project_id,
        "language": attrs.get("language") or "en",
        "telephony": read_telephony(attrs),
        "provider": read_provider(attrs.get("provider") or {}, present),
        "agent_speaks_first": attrs.get("agent_speaks_first"),
        "knowledge_base_files": await children.serialize_files(session, row.id, base),
        "enabled_personalities": await personality_sets.enabled_ids(session, agent_id=row.id),
        "webhook_url": attrs.get("webhook_url") or "",
        "webhook_secret_configured": "webhook_secret" in present,
        "mock_tools": await tools.serialize_tools(session, row.id, base),
        "mock_tools_enabled": bool(attrs.get("mock_tools_enabled")),
        "mock_tools_provider": attrs.get("mock_tools_provider"),
        "dynamic_variables": await children.serialize_variables(session, row.id),
        "created_at": iso(row.created_at),
        "updated_at": iso(row.updated_at),
        "email_id": attrs.get("email_id"),
    }

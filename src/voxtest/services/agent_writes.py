"""Checking an agent write (v2 shape) and turning it into what is stored, before any write."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from voxtest.api.auth import Principal
from voxtest.context import Services
from voxtest.domain.agent_rules import Errors, check_telephony
from voxtest.services import agent_children as children
from voxtest.services import agent_tools as tools
from voxtest.services.agent_providers import merge_provider
from voxtest.services.common import raise_if
from voxtest.storage.tables import Agent, Project
from voxtest.urls import url_problem

# Top-level v2 fields kept as they are in `Agent.attrs`.
PLAIN = (
    "description",
    "language",
    "agent_speaks_first",
    "webhook_url",
    "mock_tools_enabled",
    "email_id",
    "predefined_metrics",
    "transcript_provider",
)
TELEPHONY_DEFAULTS: dict[str, Any] = {
    "phone_number": "",
    "inbound": False,
    "sip_uri": None,
    "sip_auth": None,
    "websocket_url": None,
    "websocket_auth": None,
    "outbound_numbers": [],
}
AUTH_FIELDS = ("sip_auth", "websocket_auth")
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


@dataclass
class AgentWrite:
    project_id: int
    name: str
    attrs: dict[str, Any]
    secrets: dict[str, Any]
    tools: list[tools.ToolPlan] | None = None
    variables: list[dict[str, Any]] | None = None
    files: tuple[set[int], list[children.NewFile]] | None = None


def lift_seed_fields(raw: Any, given: dict[str, Any], errors: Errors) -> None:
    """The seed sends `inbound` and `phone_number` at the top level; they belong in telephony."""
    if not isinstance(raw, dict):
        return
    telephony = given.setdefault("telephony", {}) if _has_lifted(raw) else None
    for key, kind in (("inbound", bool), ("phone_number", str)):
        if key not in raw or telephony is None or key in telephony:
            continue
        if not isinstance(raw[key], kind):
            errors[key] = ["Must be a valid boolean." if kind is bool else "Not a valid string."]
        else:
            telephony[key] = raw[key]


def _has_lifted(raw: dict[str, Any]) -> bool:
    return "inbound" in raw or "phone_number" in raw


async def check_write(
    session: AsyncSession,
    services: Services,
    principal: Principal,
    row: Agent,
    given: dict[str, Any],
    errors: Errors,
    *,
    creating: bool,
) -> AgentWrite:
    """Validate everything; raise one 400 with every problem, or return what to store."""
    attrs: dict[str, Any] = dict(row.attrs or {})
    present = set(services.box.open(row.secrets))
    write = AgentWrite(project_id=row.project_id, name=row.name, attrs=attrs, secrets={})
    if "project" in given and given["project"] != row.project_id:
        if not creating:
            errors["project"] = ["An agent cannot be moved to another project."]
        elif await project_of(session, principal, given["project"]) is None:
            errors["project"] = [f'Invalid pk "{given["project"]}" - object does not exist.']
        else:
            write.project_id = given["project"]
    if creating and "inbound" not in (given.get("telephony") or {}):
        errors.setdefault("inbound", ["This field is required."])
    _check_plain(given, errors)
    write.name = given.get("name", row.name)
    attrs.update({k: given[k] for k in PLAIN if k in given})
    if "webhook_secret" in given:
        write.secrets["webhook_secret"] = given["webhook_secret"]
    if "telephony" in given:
        _merge_telephony(write, given["telephony"] or {}, errors)
    if "provider" in given or creating:
        _merge_provider(write, present, given.get("provider") or {}, errors)
    if "v1" in given:
        attrs["v1"] = {**(attrs.get("v1") or {}), **given["v1"]}
    await _plan_children(session, row, write, given, errors)
    raise_if(errors)
    return write


async def project_of(
    session: AsyncSession, principal: Principal, project_id: Any
) -> Project | None:
    """The caller's project with this id, or None."""
    if not isinstance(project_id, int):
        return None
    row = await session.get(Project, project_id)
    if row is None or row.organization_id != principal.organization_id or row.is_deleted:
        return None
    if principal.project_id is not None and row.id != principal.project_id:
        return None
    return row


def _check_plain(given: dict[str, Any], errors: Errors) -> None:
    for key in ("name", "description"):
        if key in given and not (given[key] or "").strip():
            errors[key] = ["This field may not be blank."]
    if given.get("webhook_url"):
        problem = url_problem(given["webhook_url"])
        if problem:
            errors["webhook_url"] = [problem]
    if given.get("email_id") and not EMAIL.match(given["email_id"]):
        errors["email_id"] = ["Enter a valid email address."]


def _merge_telephony(write: AgentWrite, given: dict[str, Any], errors: Errors) -> None:
    problems = check_telephony(given)
    if problems:
        errors["telephony"] = problems
        return
    stored = {**TELEPHONY_DEFAULTS, **(write.attrs.get("telephony") or {})}
    for key, value in given.items():
        if key in AUTH_FIELDS:
            auth = value or {}
            stored[key] = {"username": auth["username"]} if auth else None
            write.secrets[f"telephony.{key}"] = auth.get("password") or None
        else:
            stored[key] = value
    write.attrs["telephony"] = stored


def _merge_provider(
    write: AgentWrite, present: set[str], given: dict[str, Any], errors: Errors
) -> None:
    change = merge_provider(write.attrs.get("provider") or {}, present, given)
    if change.errors:
        errors["provider"] = change.errors
        return
    write.attrs["provider"] = change.state
    write.secrets.update(change.secrets)


async def _plan_children(
    session: AsyncSession, row: Agent, write: AgentWrite, given: dict[str, Any], errors: Errors
) -> None:
    agent_id = row.id if row.id else None
    if given.get("mock_tools") is not None and "project" not in errors:
        plans, problems = await tools.plan_tools(
            session, write.project_id, agent_id, given["mock_tools"]
        )
        if problems:
            errors["mock_tools"] = problems
        write.tools = plans
    if given.get("dynamic_variables") is not None:
        problems = children.check_variables(given["dynamic_variables"])
        if problems:
            errors["dynamic_variables"] = problems
        write.variables = given["dynamic_variables"]
    if given.get("knowledge_base_files") is not None:
        keep, new, problems = await children.plan_files(
            session, agent_id, given["knowledge_base_files"]
        )
        if problems:
            errors["knowledge_base_files"] = problems
        write.files = (keep, new)

"""Test profiles: caller facts and dynamic variables a scenario runs with.

`information` is sectioned: `main_agent_variables` reach the agent under test (keys starting
`X-` also become SIP / websocket headers), `testing_agent_variables` only the simulated
caller. A legacy flat dict (no section keys) goes to both.
"""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from voxtest.api.auth import Principal
from voxtest.services import scenario_refs as refs
from voxtest.services import tenancy
from voxtest.services.common import iso, raise_if
from voxtest.storage.tables import Agent, Scenario, TestProfile

SECTIONS = ("main_agent_variables", "testing_agent_variables")
RESERVED_HEADERS = frozenset({"x-run-id", "x-scenario-id", "x-result-id"})
HEADER_NAME = re.compile(r"^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$")  # RFC 9110 token
MAX_NAME = 255


def information_problems(info: Any) -> dict[str, Any]:
    """DRF-style errors for `information`, nested by section; empty when it is acceptable."""
    if not isinstance(info, dict):
        return {"non_field_errors": ["Must be an object."]}
    if not any(s in info for s in SECTIONS):
        return _header_problems(info)  # legacy flat: also sent to the agent under test
    problems: dict[str, Any] = {}
    extra = sorted(k for k in info if k not in SECTIONS)
    if extra:
        problems["non_field_errors"] = [
            f"Unknown section(s) {', '.join(extra)}; use main_agent_variables and "
            "testing_agent_variables."
        ]
    for section in SECTIONS:
        value = info.get(section, {})
        if not isinstance(value, dict):
            problems[section] = ["Must be an object of variable names to values."]
        elif section == "main_agent_variables":
            found = _header_problems(value)
            if found:
                problems[section] = found
    return problems


def _header_problems(variables: dict[str, Any]) -> dict[str, Any]:
    problems: dict[str, Any] = {}
    for key, value in variables.items():
        if not key.strip():
            problems[key] = ["Variable names may not be blank."]
        elif key[:2].lower() == "x-":
            message = _header_problem(key, value)
            if message:
                problems[key] = [message]
    return problems


def _header_problem(key: str, value: Any) -> str | None:
    if not HEADER_NAME.match(key):
        return f"{key!r} is sent as a header and is not a valid header name."
    if key.lower() in RESERVED_HEADERS:
        return f"{key} is reserved; voxtest sets it on every call."
    if isinstance(value, dict | list) or value is None:
        return "A header value must be a string, number or boolean."
    if any(c in str(value) for c in "\r\n\0"):
        return "A header value may not contain line breaks."
    return None


def serialize(row: TestProfile, agent_name: str | None) -> dict[str, Any]:
    return {
        "id": row.id,
        "project": row.project_id,
        "agent": row.agent_id,
        "agent_name": agent_name,
        "name": row.name,
        "information": row.information,
        "created_by": _user(row.created_by),
        "last_updated_by": _user(row.last_updated_by),
        "created_at": iso(row.created_at),
        "updated_at": iso(row.updated_at),
    }


async def serialize_one(session: AsyncSession, row: TestProfile) -> dict[str, Any]:
    names = await refs.names_by_id(session, Agent, [row.agent_id] if row.agent_id else [])
    return serialize(row, names.get(row.agent_id) if row.agent_id else None)


async def get_row(session: AsyncSession, principal: Principal, profile_id: int) -> TestProfile:
    return await tenancy.owned(session, principal, TestProfile, profile_id)


async def list_profiles(
    session: AsyncSession, principal: Principal, agent_id: int | None, project_id: int | None
) -> list[dict[str, Any]]:
    query = select(TestProfile).where(TestProfile.organization_id == principal.organization_id)
    if principal.project_id is not None:
        query = query.where(TestProfile.project_id == principal.project_id)
    if project_id is not None:
        query = query.where(TestProfile.project_id == project_id)
    if agent_id is not None:
        query = query.where(TestProfile.agent_id == agent_id)
    rows = list((await session.scalars(query.order_by(TestProfile.id))).all())
    agents = await refs.names_by_id(session, Agent, [r.agent_id for r in rows if r.agent_id])
    used = await _scenarios_by_profile(session, [r.id for r in rows])
    return [
        {**serialize(r, agents.get(r.agent_id or 0)), "scenarios": used.get(r.id, [])} for r in rows
    ]


async def create_profile(
    session: AsyncSession, principal: Principal, given: dict[str, Any], errors: dict[str, Any]
) -> dict[str, Any]:
    row = TestProfile(organization_id=principal.organization_id, information={})
    row.created_by = str(principal.key_id)
    await _apply(session, principal, row, given, errors)
    session.add(row)
    await session.flush()
    return await serialize_one(session, row)


async def update_profile(
    session: AsyncSession,
    principal: Principal,
    profile_id: int,
    given: dict[str, Any],
    errors: dict[str, Any],
) -> dict[str, Any]:
    row = await get_row(session, principal, profile_id)
    await _apply(session, principal, row, given, errors)
    await session.flush()
    await session.refresh(row)
    return await serialize_one(session, row)


async def delete_profile(session: AsyncSession, principal: Principal, profile_id: int) -> None:
    row = await get_row(session, principal, profile_id)
    await session.execute(delete(TestProfile).where(TestProfile.id == row.id))


async def _apply(
    session: AsyncSession,
    principal: Principal,
    row: TestProfile,
    given: dict[str, Any],
    errors: dict[str, Any],
) -> None:
    if "name" in given and not (isinstance(given["name"], str) and given["name"].strip()):
        errors["name"] = ["This field may not be blank."]
    elif len(given.get("name") or "") > MAX_NAME:
        errors["name"] = [f"Ensure this field has no more than {MAX_NAME} characters."]
    if "information" in given:
        found = information_problems(given["information"])
        if found:
            errors["information"] = found
    await _place(session, principal, row, given, errors)
    raise_if(errors)
    if "name" in given:
        row.name = given["name"]
    if "information" in given:
        row.information = given["information"]
    row.last_updated_by = str(principal.key_id)


async def _place(
    session: AsyncSession,
    principal: Principal,
    row: TestProfile,
    given: dict[str, Any],
    errors: dict[str, Any],
) -> None:
    """Set the agent and project: an agent implies its project; one of them is required."""
    if given.get("agent") is not None:
        agent = await refs.visible_agent(session, principal, given["agent"])
        if agent is None:
            errors["agent"] = [refs.invalid_pk(given["agent"])]
        elif given.get("project") not in (None, agent.project_id):
            errors["project"] = [f"Agent {agent.id} belongs to project {agent.project_id}."]
        else:
            _move(row, agent.project_id, agent.id, errors)
        return
    project_id = given.get("project") or getattr(row, "project_id", None) or principal.project_id
    if project_id is None:
        errors["non_field_errors"] = ["Either agent or project must be provided."]
    elif await refs.visible_project(session, principal, project_id) is None:
        errors["project"] = [refs.invalid_pk(project_id)]
    else:
        agent_id = None if "agent" in given else row.agent_id
        _move(row, project_id, agent_id, errors)


def _move(row: TestProfile, project_id: int, agent_id: int | None, errors: dict[str, Any]) -> None:
    if row.id is not None and row.project_id != project_id:
        errors["project"] = ["A test profile cannot move to another project."]
        return
    row.project_id, row.agent_id = project_id, agent_id


async def _scenarios_by_profile(
    session: AsyncSession, profile_ids: list[int]
) -> dict[int, list[int]]:
    if not profile_ids:
        return {}
    rows = await session.execute(
        select(Scenario.test_profile_id, Scenario.id)
        .where(Scenario.test_profile_id.in_(profile_ids))
        .order_by(Scenario.id)
    )
    out: dict[int, list[int]] = {}
    for profile_id, scenario_id in rows:
        if profile_id is not None:
            out.setdefault(profile_id, []).append(scenario_id)
    return out


def _user(value: str | None) -> int | None:
    """Who made a change: voxtest records the API key's id (it has no user accounts)."""
    return int(value) if value and value.isdigit() else None

"""Validating a scenario write against its project, then applying it to the row."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from voxtest.api.auth import Principal
from voxtest.domain import scenario_rules
from voxtest.services import scenario_refs as refs
from voxtest.services.agents import agents_by_assistant_id
from voxtest.services.common import raise_if
from voxtest.services.scenario_fields import (
    LANGUAGES,
    builtin_tool_problems,
    check_plain_fields,
    clean_tags,
)
from voxtest.services.scenario_folders import folder_exists
from voxtest.storage.tables import Scenario, ScenarioMetric, ScenarioTag, Tool

# Fields read from the raw JSON body: not declared by every operation's request schema (the
# reference's serializer still accepts them) or declared too loosely to keep their values.
RAW_FIELDS = (
    "conditional_actions",
    "dynamic_variable_values",
    "max_duration",
    "scenario_language",
    "first_message",
    "simulation_description",
    "information_fields",
    "suite_type",
    "is_predefined",
    "tags",
    "metrics",
    "tool_ids",
    "generated_mock_tool_entries",
)
COLUMNS = frozenset({"name", "scenario_type", "folder_path"})
NOT_STORED = frozenset(
    {"agent", "project", "assistant_id", "personality", "test_profile", "tags", "metrics"}
    | {"conditional_actions", "dynamic_variable_values"}
)
CA = "conditional_actions"


@dataclass
class Placement:
    project_id: int
    agent_id: int | None


def merged_body(given: dict[str, Any], raw: Any) -> dict[str, Any]:
    """The fields the client sent: the model's values, with RAW_FIELDS as sent."""
    if isinstance(raw, dict):
        given.update({k: raw[k] for k in RAW_FIELDS if k in raw})
    return given


async def validate(
    session: AsyncSession,
    principal: Principal,
    given: dict[str, Any],
    current: Scenario | None,
    errors: dict[str, Any],
) -> Placement:
    """Check every field of `given`; raise one 400 with all problems, else where it goes."""
    check_plain_fields(given, errors)
    place = await _placement(session, principal, given, current, errors)
    if place is not None:
        language = (current.attrs or {}).get("scenario_language") if current else None
        await _check_refs(session, principal, given, place, errors, language)
    _check_script(given, current, errors)
    raise_if(errors)
    assert place is not None
    return place


async def apply(
    session: AsyncSession, row: Scenario, given: dict[str, Any], place: Placement
) -> None:
    """Write a validated `given` onto `row` (and its tags and metrics)."""
    row.project_id, row.agent_id = place.project_id, place.agent_id
    if "personality" in given:
        row.personality_id = given["personality"]
    if "test_profile" in given:
        row.test_profile_id = given["test_profile"]
    for key in COLUMNS & given.keys():
        value = given[key]
        setattr(row, key, (value or None) if key == "folder_path" else value)
    attrs = {k: v for k, v in given.items() if k not in COLUMNS and k not in NOT_STORED}
    row.attrs = {**(row.attrs or {}), **attrs}
    await session.flush()
    if "tags" in given:
        await replace_tags(session, row.id, clean_tags(given["tags"]))
    if "metrics" in given:
        await replace_metrics(session, row.id, given["metrics"])


async def replace_tags(session: AsyncSession, scenario_id: int, tags: list[str]) -> None:
    await session.execute(delete(ScenarioTag).where(ScenarioTag.scenario_id == scenario_id))
    session.add_all(ScenarioTag(scenario_id=scenario_id, tag=t) for t in dict.fromkeys(tags))


async def replace_metrics(session: AsyncSession, scenario_id: int, metric_ids: list[int]) -> None:
    await session.execute(delete(ScenarioMetric).where(ScenarioMetric.scenario_id == scenario_id))
    session.add_all(
        ScenarioMetric(scenario_id=scenario_id, metric_id=m) for m in dict.fromkeys(metric_ids)
    )


# -- placement: agent, project or assistant_id ---------------------------------------------


async def _placement(
    session: AsyncSession,
    principal: Principal,
    given: dict[str, Any],
    current: Scenario | None,
    errors: dict[str, Any],
) -> Placement | None:
    place = await _requested_placement(session, principal, given, current, errors)
    if place is None:
        return None
    if current is not None and place.project_id != current.project_id:
        errors["project"] = ["A scenario cannot move to another project; duplicate it instead."]
        return None
    return place


async def _requested_placement(
    session: AsyncSession,
    principal: Principal,
    given: dict[str, Any],
    current: Scenario | None,
    errors: dict[str, Any],
) -> Placement | None:
    if given.get("agent") is not None:
        return await _agent_placement(session, principal, given, errors)
    if given.get("assistant_id"):
        ids = await agents_by_assistant_id(session, principal, given["assistant_id"])
        if not ids:
            errors["assistant_id"] = ["No agent has this assistant_id."]
            return None
        given["agent"] = ids[0]
        return await _agent_placement(session, principal, given, errors)
    project_id = given.get("project") or (current.project_id if current else principal.project_id)
    if project_id is None:
        errors["non_field_errors"] = ["Either agent or project must be provided."]
        return None
    if await refs.visible_project(session, principal, project_id) is None:
        errors["project"] = [refs.invalid_pk(project_id)]
        return None
    keep_agent = current.agent_id if current is not None and "agent" not in given else None
    return Placement(project_id=project_id, agent_id=keep_agent)


async def _agent_placement(
    session: AsyncSession, principal: Principal, given: dict[str, Any], errors: dict[str, Any]
) -> Placement | None:
    agent = await refs.visible_agent(session, principal, given["agent"])
    if agent is None:
        errors["agent"] = [refs.invalid_pk(given["agent"])]
        return None
    if given.get("project") not in (None, agent.project_id):
        errors["project"] = [f"Agent {agent.id} belongs to project {agent.project_id}."]
        return None
    return Placement(project_id=agent.project_id, agent_id=agent.id)


# -- references within the project ---------------------------------------------------------


async def _check_refs(
    session: AsyncSession,
    principal: Principal,
    given: dict[str, Any],
    place: Placement,
    errors: dict[str, Any],
    current_language: str | None,
) -> None:
    """Check what `given` points at; a new personality also sets a default language."""
    pid = place.project_id
    if given.get("personality") is not None and "personality" not in errors:
        person = await refs.usable_personality(session, principal, given["personality"], pid)
        if person is None:
            errors["personality"] = [refs.invalid_pk(given["personality"])]
        elif "scenario_language" not in given and current_language is None:
            given["scenario_language"] = person.language if person.language in LANGUAGES else "en"
    if given.get("test_profile") is not None:
        profile = await refs.project_test_profile(session, principal, given["test_profile"], pid)
        if profile is None:
            errors["test_profile"] = [refs.invalid_pk(given["test_profile"])]
    if "metrics" not in errors and given.get("metrics"):
        missing = await refs.missing_metrics(session, given["metrics"], pid)
        if missing:
            errors["metrics"] = [refs.invalid_pk(m) for m in missing]
    if given.get("folder_path") and not await folder_exists(session, pid, given["folder_path"]):
        errors["folder_path"] = [
            f"Folder {given['folder_path']!r} does not exist; create it first (create_folder)."
        ]
    if "tool_ids" not in errors and given.get("tool_ids"):
        tools = set((await session.scalars(select(Tool.id).where(Tool.project_id == pid))).all())
        problems = builtin_tool_problems(given["tool_ids"], tools)
        if problems:
            errors["tool_ids"] = problems


# -- instructions and conditional actions --------------------------------------------------


def _check_script(given: dict[str, Any], current: Scenario | None, errors: dict[str, Any]) -> None:
    kind = given.get("scenario_type") or (current.scenario_type if current else "instruction")
    script = given.get(CA)
    if script is not None:
        if kind != CA:
            errors["scenario_type"] = ['Must be "conditional_actions" to send conditional_actions.']
        elif given.get("instructions"):
            errors[CA] = ["Send either conditional_actions or instructions, not both."]
        else:
            _check_structured(script, given, errors)
        return
    given.pop(CA, None)
    if kind == CA:
        _check_json_instructions(given, current, errors)
    elif current is None and not (given.get("instructions") or "").strip():
        errors.setdefault("instructions", ["This field is required."])


def _check_structured(script: Any, given: dict[str, Any], errors: dict[str, Any]) -> None:
    problems = scenario_rules.check_conditional_actions(script)
    if problems:
        errors[CA] = scenario_rules.nest(problems)
    else:
        given["instructions"] = json.dumps(script, ensure_ascii=False)


def _check_json_instructions(
    given: dict[str, Any], current: Scenario | None, errors: dict[str, Any]
) -> None:
    text = given.get("instructions")
    if text is None:
        changing = current is None or current.scenario_type != CA
        text = (current.attrs or {}).get("instructions") if current is not None else None
        if not changing:
            return
        if not text:
            errors[CA] = ['This field is required when scenario_type is "conditional_actions".']
            return
    script, problems = scenario_rules.parse_instructions(text)
    problems = problems or scenario_rules.check_conditional_actions(script)
    if problems:
        errors["instructions"] = scenario_rules.flatten(problems)

"""Checks of a metric write that need the database: scope, links, slug, rubric.

Each check adds its problems to a shared `errors` dict so one 400 reports them all.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from voxtest.api.auth import Principal
from voxtest.domain.metric_rules import (
    configuration_problems,
    default_condition,
    merge_configuration,
    rubric_mentions,
    rubric_with_rule,
    rubric_without,
    spread_to_agents,
)
from voxtest.domain.rubric import MetricInfo, RubricErrors, validate_rubric
from voxtest.services import metrics_links as links
from voxtest.services.agents import agents_by_assistant_id
from voxtest.services.common import collect
from voxtest.services.metric_catalogue import CatalogueMetric
from voxtest.services.projects import get_project_row
from voxtest.storage.tables import Agent, Metric, Project

Errors = dict[str, list[str]]
REQUIRED = "This field is required."


@dataclass(frozen=True)
class Scope:
    project: Project
    agent: Agent | None


@dataclass
class Links:
    agents: list[int] | None = None  # replaces the enabled agents when not None
    scenarios: list[int] | None = None  # attaches (create) or replaces (update)


async def resolve_scope(
    session: AsyncSession, principal: Principal, given: Mapping[str, Any], errors: Errors
) -> Scope | None:
    """A new metric's project, and its agent when `agent` or `assistant_id` names one."""
    agent = await _named_agent(session, principal, given, errors)
    project_id = given.get("project") or principal.project_id
    if agent is not None:
        if given.get("project") not in (None, agent.project_id):
            errors.setdefault("agent", []).append(
                f"Agent {agent.id} belongs to project {agent.project_id}, "
                f"not project {given['project']}."
            )
            return None
        project_id = agent.project_id
    if project_id is None:
        if "agent" not in errors and "assistant_id" not in errors:
            errors.setdefault("project", []).append(REQUIRED)
        return None
    return Scope(await get_project_row(session, principal, project_id), agent)


async def _named_agent(
    session: AsyncSession, principal: Principal, given: Mapping[str, Any], errors: Errors
) -> Agent | None:
    if given.get("agent") is not None:
        agent = await links.find_agent(session, principal, given["agent"])
        if agent is None:
            errors.setdefault("agent", []).extend(links.does_not_exist([given["agent"]]))
        return agent
    if given.get("assistant_id"):
        found = await agents_by_assistant_id(session, principal, given["assistant_id"])
        if not found:
            errors.setdefault("assistant_id", []).append("No agent has this assistant_id.")
            return None
        return await links.find_agent(session, principal, found[0])
    return None


def check_fixed_scope(row: Metric, given: Mapping[str, Any], errors: Errors) -> None:
    """`project` and `agent` are read-only once set."""
    if given.get("project") not in (None, row.project_id):
        errors.setdefault("project", []).append("A metric's project cannot be changed.")
    if "agent" in given and given["agent"] != row.agent_id:
        errors.setdefault("agent", []).append("A metric's agent cannot be changed.")


async def check_links(
    session: AsyncSession, project_id: int, given: Mapping[str, Any], errors: Errors
) -> Links:
    out = Links()
    if "agents" in given:
        wanted = [a for a in given["agents"] or [] if a is not None]
        known = await links.project_agent_ids(session, project_id)
        collect(errors, "agents", links.does_not_exist(a for a in wanted if a not in known))
        out.agents = wanted
    if "scenarios" in given:
        out.scenarios = await _scenarios(session, project_id, given["scenarios"], errors)
    if "kb_file_ids" in given:
        ids = given["kb_file_ids"]
        if not _int_list(ids):
            errors.setdefault("kb_file_ids", []).append("Expected a list of file ids.")
        else:
            missing = await links.unknown_kb_files(session, project_id, ids)
            collect(errors, "kb_file_ids", links.does_not_exist(missing))
    return out


async def _scenarios(
    session: AsyncSession, project_id: int, value: Any, errors: Errors
) -> list[int] | None:
    if value == "all":
        return await links.all_scenarios(session, project_id)
    if not _int_list(value):
        errors.setdefault("scenarios", []).append('Expected "all" or a list of scenario ids.')
        return None
    if len(value) > 1000:
        errors.setdefault("scenarios", []).append("At most 1000 scenarios per request.")
        return None
    missing = await links.unknown_scenarios(session, project_id, value)
    collect(errors, "scenarios", links.does_not_exist(missing))
    return list(value)


def _int_list(value: Any) -> bool:
    return isinstance(value, list) and all(
        isinstance(v, int) and not isinstance(v, bool) for v in value
    )


async def check_slug(
    session: AsyncSession,
    organization_id: int,
    given: Mapping[str, Any],
    metric_id: int | None,
    errors: Errors,
) -> None:
    slug = given.get("slug")
    if (
        slug
        and "slug" not in errors
        and await links.slug_taken(session, organization_id, slug, metric_id)
    ):
        errors.setdefault("slug", []).append("metric with this slug already exists.")


async def checked_configuration(
    session: AsyncSession,
    project_id: int,
    old: Mapping[str, Any],
    given: Mapping[str, Any],
    catalogue: CatalogueMetric | None,
    errors: Errors,
) -> dict[str, Any] | None:
    """The configuration to store (per-agent keys merged), or None when nothing changes."""
    if "configuration" not in given and not given.get("apply_to_all_agents"):
        return None
    sent = given.get("configuration", {})
    per_agent = catalogue.per_agent_keys if catalogue else ()
    agent_ids = await links.project_agent_ids(session, project_id)
    call_level = catalogue.call_level_keys if catalogue else None
    problems = configuration_problems(
        sent, call_level=call_level, per_agent=per_agent, agent_ids=agent_ids
    )
    collect(errors, "configuration", problems)
    if problems:
        return None
    # A predefined metric's keys merge (per agent); a custom metric's object is replaced.
    merged = merge_configuration(old, sent, per_agent) if catalogue else dict(sent)
    if given.get("apply_to_all_agents"):
        source = sent.get("nodes") or old.get("nodes")
        if not isinstance(source, Mapping) or not source:
            errors.setdefault("apply_to_all_agents", []).append(
                "Needs per-agent nodes in configuration to copy to every agent."
            )
            return None
        merged = spread_to_agents(merged, "nodes", source, agent_ids)
    return merged


def planned_rubric(
    rubric: Mapping[str, Any],
    metric_id: int,
    state: Mapping[str, Any],
    catalogue: CatalogueMetric | None,
    add: bool | None,
    errors: Errors,
) -> dict[str, Any] | None:
    """The project rubric after this write, or None when it does not change.

    add=True adds the default rule (an existing valid rule is kept); add=False removes the
    rule. A rule the new eval_type or enum_values no longer fit is an error unless replaced.
    """
    if add is False:
        return rubric_without(rubric, [metric_id]) if rubric_mentions(rubric, metric_id) else None
    stale = rubric_mentions(rubric, metric_id) and not _rule_fits(rubric, metric_id, state)
    if stale and not add:
        errors.setdefault("eval_type", []).append(
            "The project rubric's rule for this metric does not fit this eval_type/enum_values; "
            "send add_to_rubric=true to replace it with the default rule, or false to drop it."
        )
        return None
    if not add:
        return None
    try:
        condition = default_condition(
            state["eval_type"],
            list(state.get("enum_values") or []),
            catalogue.rubric_rule if catalogue else None,
            predefined=catalogue is not None,
        )
    except ValueError as exc:
        errors.setdefault("add_to_rubric", []).append(str(exc))
        return None
    base = rubric_without(rubric, [metric_id]) if stale else rubric
    return rubric_with_rule(base, metric_id, condition)


def _rule_fits(rubric: Mapping[str, Any], metric_id: int, state: Mapping[str, Any]) -> bool:
    rules = [r for r in rubric.get("rules") or [] if r.get("metric_id") == metric_id]
    info = MetricInfo(
        id=metric_id,
        name=str(state.get("name", "")),
        eval_type=str(state["eval_type"]),
        enum_values=tuple(str(v) for v in state.get("enum_values") or ()),
    )
    try:
        validate_rubric({"evaluation_logic": "and", "rules": rules}, {metric_id: info})
    except RubricErrors:
        return False
    return True

"""Metrics: create, update, bulk create and delete, every rule checked before any write."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from voxtest.api.auth import Principal
from voxtest.domain.metric_rules import definition_errors, slugify
from voxtest.errors import ValidationFailed
from voxtest.services import metrics_checks as checks
from voxtest.services import metrics_links as links
from voxtest.services.agents import agents_by_assistant_id
from voxtest.services.common import raise_if
from voxtest.services.metric_catalogue import by_function
from voxtest.services.metrics_read import DEFAULTS, get_metric_row
from voxtest.services.metrics_wire import AnyMetricWrite, MetricWrite
from voxtest.storage.tables import Metric

# Request fields that are links or instructions, not stored on the metric.
TRANSIENT = frozenset(
    {"project", "agent", "agents", "assistant_id", "scenarios", "add_to_rubric",
     "apply_to_all_agents"}
)  # fmt: skip
COLUMNS = frozenset({"name", "slug", "type", "eval_type"})


async def create_metric(
    session: AsyncSession, principal: Principal, body: AnyMetricWrite
) -> Metric:
    given = body.given()
    errors = body.missing()
    scope = await checks.resolve_scope(session, principal, given, errors)
    state = _state(None, given)
    _merge(errors, definition_errors(state, given, creating=True))
    if scope is None:
        raise ValidationFailed(errors)
    project_id = scope.project.id
    linked = await checks.check_links(session, project_id, given, errors)
    await checks.check_slug(session, principal.organization_id, given, None, errors)
    config = await checks.checked_configuration(session, project_id, {}, given, None, errors)
    rubric = await links.rubric_of(session, project_id)
    add = bool(given.get("add_to_rubric"))
    checks.planned_rubric(rubric, 0, state, None, add, errors)
    raise_if(errors)
    row = Metric(
        organization_id=principal.organization_id,
        project_id=project_id,
        agent_id=scope.agent.id if scope.agent else None,
        name=state["name"],
        slug=given.get("slug"),
        type=state["type"],
        eval_type=state["eval_type"],
        attrs=_attrs({}, given, config, state),
    )
    session.add(row)
    await session.flush()
    await _finish_new(session, row, given)
    enabled = [*(linked.agents or []), *([scope.agent.id] if scope.agent else [])]
    if enabled:
        await links.set_agents(session, row.id, enabled)
    if linked.scenarios:
        await links.attach_scenarios(session, row.id, linked.scenarios, replace=False)
    if add:
        planned = checks.planned_rubric(rubric, row.id, state, None, True, {})
        await links.save_rubric(session, project_id, planned or rubric)
    await session.flush()
    return row


async def _finish_new(session: AsyncSession, row: Metric, given: Mapping[str, Any]) -> None:
    """Defaults that need the new id: the slug and the display order."""
    if not row.slug:
        row.slug = await _free_slug(session, row)
    if "display_order" not in given:
        row.attrs = {**row.attrs, "display_order": row.id}


async def _free_slug(session: AsyncSession, row: Metric) -> str:
    slug = f"{slugify(row.name)}_{row.id}"
    while await links.slug_taken(session, row.organization_id, slug, row.id):
        slug = f"{slug}_{row.id}"
    return slug


async def update_metric(
    session: AsyncSession,
    principal: Principal,
    ident: int,
    body: AnyMetricWrite,
    *,
    partial: bool,
) -> Metric:
    row = await get_metric_row(session, principal, ident)
    given = body.given()
    errors = {} if partial else body.missing()
    checks.check_fixed_scope(row, given, errors)
    await _check_assistant(session, principal, row, given, errors)
    catalogue = by_function((row.attrs or {}).get("function_name"))
    state = _state(row, given)
    _merge(errors, definition_errors(state, given, creating=False, previous_type=row.type))
    linked = await checks.check_links(session, row.project_id, given, errors)
    await checks.check_slug(session, row.organization_id, given, row.id, errors)
    old_config = (row.attrs or {}).get("configuration") or {}
    config = await checks.checked_configuration(
        session, row.project_id, old_config, given, catalogue, errors
    )
    rubric = await links.rubric_of(session, row.project_id)
    add = given.get("add_to_rubric")
    new_rubric = checks.planned_rubric(rubric, row.id, state, catalogue, add, errors)
    raise_if(errors)
    row.name, row.type, row.eval_type = state["name"], state["type"], state["eval_type"]
    if "slug" in given:
        row.slug = given["slug"] or await _free_slug(session, row)
    row.attrs = _attrs(row.attrs or {}, given, config, state)
    if linked.agents is not None:
        await links.set_agents(session, row.id, linked.agents)
    if linked.scenarios is not None:
        await links.attach_scenarios(session, row.id, linked.scenarios, replace=True)
    if new_rubric is not None:
        await links.save_rubric(session, row.project_id, new_rubric)
    await session.flush()
    await session.refresh(row)
    return row


async def bulk_create(
    session: AsyncSession, principal: Principal, bodies: Iterable[MetricWrite]
) -> list[Metric]:
    """All or nothing: errors come back keyed by the failing item's index."""
    rows: list[Metric] = []
    errors: dict[str, Any] = {}
    for index, body in enumerate(bodies):
        try:
            rows.append(await create_metric(session, principal, body))
        except ValidationFailed as exc:
            errors[str(index)] = exc.detail
    raise_if(errors)
    return rows


async def delete_metric(session: AsyncSession, principal: Principal, ident: int) -> None:
    row = await get_metric_row(session, principal, ident)
    await links.delete_metric(session, row)


async def _check_assistant(
    session: AsyncSession,
    principal: Principal,
    row: Metric,
    given: Mapping[str, Any],
    errors: dict[str, list[str]],
) -> None:
    """An `assistant_id` on update may only name the metric's own agent."""
    if not given.get("assistant_id"):
        return
    found = await agents_by_assistant_id(session, principal, given["assistant_id"])
    if row.agent_id is None or row.agent_id not in found:
        errors.setdefault("assistant_id", []).append(
            "A metric's agent cannot be changed; this assistant_id names another agent."
        )


def _state(row: Metric | None, given: Mapping[str, Any]) -> dict[str, Any]:
    """The metric as it would be after this write (wire field names)."""
    state: dict[str, Any] = {**DEFAULTS, **((row.attrs or {}) if row else {})}
    state.update(
        name=row.name if row else "",
        type=row.type if row else "llm_judge",
        eval_type=row.eval_type if row else "binary",
    )
    state.update(given)
    catalogue = by_function(state.get("function_name"))
    state["enum_from_nodes"] = bool(catalogue and catalogue.enum_from_nodes)
    if state["eval_type"] != "enum" and "enum_values" not in given:
        state["enum_values"] = []
    return state


def _attrs(
    old: Mapping[str, Any],
    given: Mapping[str, Any],
    config: dict[str, Any] | None,
    state: Mapping[str, Any],
) -> dict[str, Any]:
    attrs = {**old, **{k: v for k, v in given.items() if k not in TRANSIENT | COLUMNS}}
    if config is not None:
        attrs["configuration"] = config
    if state["eval_type"] != "enum" and "enum_values" not in given:
        attrs.pop("enum_values", None)
    return attrs


def _merge(errors: dict[str, list[str]], more: Mapping[str, list[str]]) -> None:
    for key, messages in more.items():
        errors.setdefault(key, []).extend(messages)

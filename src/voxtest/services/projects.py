"""Projects: create, read, update, delete, with the rubric and notification rules validated."""

from __future__ import annotations

from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from voxtest.api.auth import Principal
from voxtest.api.wire._generated import PatchedProjectWrite, ProjectWrite
from voxtest.context import Services
from voxtest.domain.notify_window import is_time_zone, validate_no_calls_window
from voxtest.domain.rubric import MetricInfo, RubricErrors, referenced_metric_ids, validate_rubric
from voxtest.errors import NotFound, PermissionDenied, ValidationFailed
from voxtest.services.common import (
    FieldSplit,
    collect,
    configured_flags,
    iso,
    raise_if,
    update_secrets,
)
from voxtest.storage.tables import (
    Agent,
    Metric,
    Organization,
    Personality,
    Project,
    ProjectPersonality,
)
from voxtest.urls import url_problem

PROVIDER_KEYS = (
    "vapi_api_key",
    "retell_api_key",
    "syntflow_api_key",
    "elevenlabs_api_key",
    "livekit_api_key",
    "pipecat_api_key",
)
SECRET_FIELDS = ("webhook_secret", *PROVIDER_KEYS)

DEFAULTS: dict[str, Any] = {
    "outbound_timeout": 300,
    "max_call_duration": 600,
    "min_call_duration": 0,
    "sample_rate": 1.0,
    "max_messages_chat_runs_limit": 100,
    "webhook_url": "",
    "evaluate_relevant_metrics_enabled": False,
    "end_call_enabled": True,
    "generate_scenario_auto_assign_numbers_enabled": False,
    "enable_client_side_testing": False,
    "use_provider_transcript": False,
    "should_show_powered_by": True,
    "notify_results_completion": False,
    "notify_daily_report": False,
    "notify_daily_report_no_calls": False,
    "daily_report_ai_summary_enabled": False,
    "notify_cron_failure": False,
    "notify_cron_success": False,
    "notify_no_calls": False,
    "no_calls_notify_time_period": {},
    "notify_daily_report_webhook": False,
    "notify_pre_run_webhook": False,
    "daily_report_dashboard_ids": [],
    "notify_result_webhook_failed": False,
    "notify_result_webhook_success": False,
    "notify_result_webhook_error": False,
    "notify_cronjob_webhook_failed": False,
    "notify_cronjob_webhook_success": False,
    "notify_cronjob_webhook_error": False,
    "notify_call_log_webhook_failed": False,
    "notify_call_log_webhook_success": False,
    "notify_frequent_calls_for_number": False,
    "frequent_calls_threshold": 5,
    "frequent_calls_time_period": 60,
    "frequent_calls_cooldown": 60,
    "forward_vapi_webhook": False,
    "forward_retell_webhook": False,
    "is_send_emails_enabled": False,
    "rubric_config": {},
    "timezone": "UTC",
}

FIELDS = FieldSplit(
    columns=frozenset({"name", "is_deleted"}),
    secrets=frozenset(SECRET_FIELDS),
    ignored=frozenset({"organization_id"}),
    defaults=DEFAULTS,
)


async def get_project_row(session: AsyncSession, principal: Principal, project_id: int) -> Project:
    """The caller's project, or 404 (another organization's projects do not exist for it)."""
    row = await session.get(Project, project_id)
    if (
        row is None
        or row.organization_id != principal.organization_id
        or row.is_deleted
        or (principal.project_id is not None and row.id != principal.project_id)
    ):
        raise NotFound()
    return row


async def serialize(session: AsyncSession, services: Services, row: Project) -> dict[str, Any]:
    org = await session.get(Organization, row.organization_id)
    assert org is not None
    flags = configured_flags(services.box, row.secrets, SECRET_FIELDS)
    return {
        "id": row.id,
        "name": row.name,
        "members": [],
        "organization": {
            "id": org.id,
            "name": org.name,
            "members": [],
            "created_at": iso(org.created_at),
            "updated_at": iso(org.updated_at),
        },
        **FIELDS.read(row.attrs),
        **flags,
        "vapi_public_key_configured": False,
        "is_deleted": row.is_deleted,
        "created_at": iso(row.created_at),
        "updated_at": iso(row.updated_at),
    }


async def list_projects(
    session: AsyncSession,
    services: Services,
    principal: Principal,
    organization_id: int | None = None,
    project_id: int | None = None,
) -> list[dict[str, Any]]:
    if organization_id is not None and organization_id != principal.organization_id:
        return []
    query = select(Project).where(
        Project.organization_id == principal.organization_id, Project.is_deleted.is_(False)
    )
    if principal.project_id is not None:
        query = query.where(Project.id == principal.project_id)
    if project_id is not None:
        query = query.where(Project.id == project_id)
    rows = (await session.scalars(query.order_by(Project.id))).all()
    return [await serialize(session, services, row) for row in rows]


async def create_project(
    session: AsyncSession, services: Services, principal: Principal, body: ProjectWrite
) -> dict[str, Any]:
    if principal.project_id is not None:
        raise PermissionDenied("A project-scoped API key cannot create projects.")
    given = body.given()
    if given.get("organization_id") not in (None, principal.organization_id):
        raise PermissionDenied("You can only create projects in your own organization.")
    row = Project(organization_id=principal.organization_id, name="", attrs={})
    await _apply(session, services, row, given, agent_ids=[], errors=body.missing())
    session.add(row)
    await session.flush()
    # A new project starts with every built-in personality enabled, so runs work at once.
    builtin = await session.scalars(
        select(Personality.id).where(Personality.is_predefined.is_(True))
    )
    session.add_all(ProjectPersonality(project_id=row.id, personality_id=p) for p in builtin)
    return await serialize(session, services, row)


async def update_project(
    session: AsyncSession,
    services: Services,
    principal: Principal,
    project_id: int,
    body: ProjectWrite | PatchedProjectWrite,
    *,
    partial: bool,
) -> dict[str, Any]:
    row = await get_project_row(session, principal, project_id)
    agent_ids = (await session.scalars(select(Agent.id).where(Agent.project_id == row.id))).all()
    missing = {} if partial else body.missing()
    await _apply(session, services, row, body.given(), agent_ids=list(agent_ids), errors=missing)
    await session.flush()
    await session.refresh(row)
    return await serialize(session, services, row)


async def delete_project(session: AsyncSession, principal: Principal, project_id: int) -> None:
    row = await get_project_row(session, principal, project_id)
    others = await session.scalar(
        select(Project.id).where(
            Project.organization_id == row.organization_id,
            Project.id != row.id,
            Project.is_deleted.is_(False),
        )
    )
    if others is None:
        raise ValidationFailed("The last remaining project in an organization cannot be deleted.")
    await session.execute(delete(Project).where(Project.id == row.id))


async def _apply(
    session: AsyncSession,
    services: Services,
    row: Project,
    given: dict[str, Any],
    *,
    agent_ids: list[int],
    errors: dict[str, list[str]],
) -> None:
    _check_simple_fields(given, errors)
    if "no_calls_notify_time_period" in given:
        collect(
            errors,
            "no_calls_notify_time_period",
            validate_no_calls_window(given["no_calls_notify_time_period"], agent_ids),
        )
    if "rubric_config" in given:
        try:
            given["rubric_config"] = await _checked_rubric(session, row, given["rubric_config"])
        except RubricErrors as exc:
            collect(errors, "rubric_config", exc.messages)
    raise_if(errors)
    cols, attrs, secrets = FIELDS.split(given)
    if "name" in cols:
        row.name = cols["name"]
    if "is_deleted" in cols:
        row.is_deleted = bool(cols["is_deleted"])
    if given.get("no_calls_notify_time_period") is None and "no_calls_notify_time_period" in given:
        attrs["no_calls_notify_time_period"] = {}
    row.attrs = {**(row.attrs or {}), **attrs}
    row.secrets = update_secrets(services.box, row.secrets, secrets)


def _check_simple_fields(given: dict[str, Any], errors: dict[str, list[str]]) -> None:
    if "name" in given and not (given["name"] or "").strip():
        errors["name"] = ["This field may not be blank."]
    rate = given.get("sample_rate")
    if rate is not None and not 0.0 <= rate <= 1.0:
        errors["sample_rate"] = ["Ensure this value is between 0.0 and 1.0."]
    for key in ("outbound_timeout", "max_call_duration", "min_call_duration"):
        if given.get(key) is not None and given[key] < 0:
            errors[key] = ["Ensure this value is greater than or equal to 0."]
    if (
        given.get("max_messages_chat_runs_limit") is not None
        and given["max_messages_chat_runs_limit"] < 1
    ):
        errors["max_messages_chat_runs_limit"] = [
            "Ensure this value is greater than or equal to 1."
        ]
    if (
        given.get("max_call_duration") is not None
        and given.get("min_call_duration") is not None
        and given["min_call_duration"] > given["max_call_duration"]
    ):
        errors["min_call_duration"] = ["Must not exceed max_call_duration."]
    if given.get("webhook_url"):
        problem = url_problem(given["webhook_url"])
        if problem:
            errors["webhook_url"] = [problem]
    if "timezone" in given and not is_time_zone(given["timezone"]):
        errors["timezone"] = [f"{given['timezone']!r} is not an IANA time zone name."]


async def _checked_rubric(session: AsyncSession, row: Project, config: Any) -> dict[str, Any]:
    ids = referenced_metric_ids(config)
    metrics: dict[int, MetricInfo] = {}
    if ids and row.id is not None:
        found = await session.scalars(
            select(Metric).where(Metric.id.in_(ids), Metric.project_id == row.id)
        )
        for m in found:
            metrics[m.id] = MetricInfo(
                id=m.id,
                name=m.name,
                eval_type=m.eval_type,
                enum_values=tuple(str(v) for v in (m.attrs or {}).get("enum_values") or ()),
            )
    return validate_rubric(config, metrics)

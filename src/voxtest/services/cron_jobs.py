"""`/schedules/v1/cron-jobs/`: scheduled runs of an agent's scenarios (or tags), with the
reference's `CronJob` fields. voxtest plays text conversations, so `execution_mode` is
`text` (the default here; other modes are refused with a message, docs/compatibility.md).

The request schema (`SchemaPostCronJob`) lacks four fields the `CronJob` schema has as
writable: `frequency`, `concurrency_limit`, `notify_on`, `is_active`; they are read from the
same body (`CronJobExtras`).
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from voxtest.api.auth import Principal
from voxtest.api.wire._generated import PatchedSchemaPostCronJobWrite, SchemaPostCronJobWrite
from voxtest.domain import fanout
from voxtest.domain.schedule import crontab_problem, next_tick
from voxtest.errors import NotFound, ValidationFailed
from voxtest.services import tenancy
from voxtest.services.common import iso, raise_if
from voxtest.services.projects import DEFAULTS as PROJECT_DEFAULTS
from voxtest.storage.tables import (
    Agent,
    AgentPersonality,
    CronJob,
    Personality,
    Project,
    Scenario,
)
from voxtest.storage.tables.base import utcnow

Errors = dict[str, list[str]]
TEXT = "text"
ATTR_KEYS = ("scenarios", "tags", "personalities", "frequency", "concurrency_limit")


class CronJobExtras(BaseModel):
    """The writable `CronJob` fields the request schema leaves out."""

    model_config = ConfigDict(extra="ignore")

    frequency: int | None = Field(None, ge=1, le=fanout.MAX_FREQUENCY)
    concurrency_limit: int | None = Field(None, ge=1)
    notify_on: Literal["never", "success", "failure", "both"] | None = None
    is_active: bool | None = None


def extras(raw: Any) -> tuple[dict[str, Any], Errors]:
    """The extra fields the client sent, and their problems."""
    if not isinstance(raw, dict):
        return {}, {}
    try:
        model = CronJobExtras.model_validate(raw)
    except ValidationError as exc:
        errors: Errors = {}
        for err in exc.errors():
            errors.setdefault(str(err["loc"][0]), []).append(str(err["msg"]))
        return {}, errors
    return {k: getattr(model, k) for k in model.model_fields_set}, {}


def _visible(principal: Principal) -> Any:
    query = select(CronJob).where(CronJob.organization_id == principal.organization_id)
    if principal.project_id is not None:
        query = query.where(CronJob.project_id == principal.project_id)
    return query


async def get_row(session: AsyncSession, principal: Principal, job_id: int) -> CronJob:
    row = await session.get(CronJob, job_id)
    if (
        row is None
        or row.organization_id != principal.organization_id
        or (principal.project_id is not None and row.project_id != principal.project_id)
    ):
        raise NotFound()
    return row


async def list_jobs(
    session: AsyncSession, principal: Principal, filters: dict[str, Any]
) -> list[dict[str, Any]]:
    query = _visible(principal)
    for key, column in (("agent_id", CronJob.agent_id), ("project_id", CronJob.project_id)):
        value = filters.get(key)
        if value not in (None, ""):
            if not str(value).isdigit():
                raise ValidationFailed({key: ["A valid integer is required."]})
            query = query.where(column == int(value))
    org = filters.get("organization_id")
    if org is not None and org != principal.organization_id:
        return []
    rows = (await session.scalars(query.order_by(CronJob.id))).all()
    return [await serialize(session, row) for row in rows]


async def create_job(
    session: AsyncSession,
    principal: Principal,
    body: SchemaPostCronJobWrite,
    extra: dict[str, Any],
    errors: Errors,
) -> dict[str, Any]:
    given = body.given()
    errors = {**body.missing(), **errors}
    row = CronJob(
        organization_id=principal.organization_id,
        project_id=0,
        agent_id=0,
        crontab_expression="",
        attrs={"frequency": 1, "notify_on": "never", "created_via": "api"},
        is_active=True,
    )
    await _apply(session, principal, row, given, extra, errors, creating=True)
    session.add(row)
    await session.flush()
    return await serialize(session, row)


async def update_job(
    session: AsyncSession,
    principal: Principal,
    job_id: int,
    body: SchemaPostCronJobWrite | PatchedSchemaPostCronJobWrite,
    extra: dict[str, Any],
    errors: Errors,
    *,
    partial: bool,
) -> dict[str, Any]:
    row = await get_row(session, principal, job_id)
    errors = {**({} if partial else body.missing()), **errors}
    await _apply(session, principal, row, body.given(), extra, errors, creating=False)
    await session.flush()
    await session.refresh(row)
    return await serialize(session, row)


async def delete_job(session: AsyncSession, principal: Principal, job_id: int) -> None:
    row = await get_row(session, principal, job_id)
    await session.delete(row)


async def _apply(
    session: AsyncSession,
    principal: Principal,
    row: CronJob,
    given: dict[str, Any],
    extra: dict[str, Any],
    errors: Errors,
    *,
    creating: bool,
) -> None:
    attrs = dict(row.attrs or {})
    if "personality" in given and "personalities" not in given:  # the deprecated single id
        given["personalities"] = [given["personality"]] if given["personality"] else []
    attrs.update({k: given[k] for k in ATTR_KEYS if k in given})
    attrs.update({k: extra[k] for k in ATTR_KEYS if k in extra})
    if "notify_on" in extra:
        attrs["notify_on"] = extra["notify_on"] or "never"
    if "crontab_expression" in given:
        problem = crontab_problem(given["crontab_expression"])
        if problem:
            errors["crontab_expression"] = [problem]
    mode = given.get("execution_mode")
    if mode is not None and mode != TEXT:
        errors["execution_mode"] = [
            f"voxtest plays scheduled runs as text conversations; execution_mode {mode!r} "
            'is not available (use "text").'
        ]
    agent = await _agent(session, principal, row, given, attrs, errors, creating=creating)
    _check_selection(attrs, errors)
    if agent is not None:
        await _check_scenarios(session, principal, agent, attrs.get("scenarios"), errors)
        await _check_personalities(session, agent, attrs.get("personalities"), errors)
    raise_if(errors)
    assert agent is not None
    project = await session.get(Project, agent.project_id)
    assert project is not None
    changed = _schedule_changed(row, given, extra, creating)
    row.agent_id, row.project_id = agent.id, agent.project_id
    row.name = given.get("name", row.name) or ""
    row.crontab_expression = str(given.get("crontab_expression", row.crontab_expression)).strip()
    project_zone = str({**PROJECT_DEFAULTS, **(project.attrs or {})}.get("timezone") or "UTC")
    row.timezone = str(given.get("timezone") or (row.timezone if not creating else project_zone))
    if "is_active" in extra and extra["is_active"] is not None:
        row.is_active = bool(extra["is_active"])
    attrs["execution_mode"] = TEXT
    attrs["run_as_text"] = True
    row.attrs = attrs
    if not row.is_active:
        row.next_run_at = None
    elif changed or row.next_run_at is None:
        row.next_run_at = next_tick(row.crontab_expression, row.timezone, utcnow())


def _schedule_changed(
    row: CronJob, given: dict[str, Any], extra: dict[str, Any], creating: bool
) -> bool:
    if creating:
        return True
    if given.get("crontab_expression", row.crontab_expression) != row.crontab_expression:
        return True
    return bool(given.get("timezone") and given["timezone"] != row.timezone)


async def _agent(
    session: AsyncSession,
    principal: Principal,
    row: CronJob,
    given: dict[str, Any],
    attrs: dict[str, Any],
    errors: Errors,
    *,
    creating: bool,
) -> Agent | None:
    agent_id = given.get("agent") or (None if creating else row.agent_id)
    if agent_id is None and attrs.get("scenarios"):
        first = await session.get(Scenario, attrs["scenarios"][0])
        agent_id = first.agent_id if first is not None else None
    if agent_id is None:
        errors.setdefault("agent", ["This field is required."])
        return None
    try:
        return await tenancy.owned(session, principal, Agent, int(agent_id))
    except NotFound:
        errors["agent"] = [f'Invalid pk "{agent_id}" - object does not exist.']
        return None


def _check_selection(attrs: dict[str, Any], errors: Errors) -> None:
    has_scenarios, has_tags = bool(attrs.get("scenarios")), bool(attrs.get("tags"))
    if not has_scenarios and not has_tags:
        errors.setdefault("scenarios", ["Either scenarios or tags must be provided."])
    elif has_scenarios and has_tags:
        errors.setdefault("tags", ["Send only one of scenarios, tags."])


async def _check_scenarios(
    session: AsyncSession,
    principal: Principal,
    agent: Agent,
    wanted: list[int] | None,
    errors: Errors,
) -> None:
    if not wanted:
        return
    query = tenancy.visible(principal, Scenario).where(
        Scenario.project_id == agent.project_id, Scenario.id.in_(wanted)
    )
    found = {s.id for s in await session.scalars(query)}
    missing = [i for i in wanted if i not in found]
    if missing:
        errors["scenarios"] = [f"Invalid scenarios provided: {missing}."]


async def _check_personalities(
    session: AsyncSession, agent: Agent, wanted: list[int] | None, errors: Errors
) -> None:
    if not wanted:
        return
    enabled = set(
        await session.scalars(
            select(AgentPersonality.personality_id).where(AgentPersonality.agent_id == agent.id)
        )
    )
    if fanout.unknown_ids(wanted, enabled):
        errors["personalities"] = [fanout.INVALID_PERSONALITIES]


async def serialize(session: AsyncSession, row: CronJob) -> dict[str, Any]:
    attrs = row.attrs or {}
    scenario_ids = list(attrs.get("scenarios") or [])
    scenarios = (
        {
            s.id: s
            for s in await session.scalars(select(Scenario).where(Scenario.id.in_(scenario_ids)))
        }
        if scenario_ids
        else {}
    )
    names = dict(
        (
            await session.execute(
                select(Personality.id, Personality.name).where(
                    Personality.id.in_({s.personality_id for s in scenarios.values()} - {None})
                )
            )
        ).all()
    )
    personalities = list(attrs.get("personalities") or [])
    return {
        "id": row.id,
        "agent": row.agent_id,
        "name": row.name,
        "crontab_expression": row.crontab_expression,
        "timezone": row.timezone,
        "scenario_ids": scenario_ids,
        "scenarios_data": [
            {
                "id": s.id,
                "agent": s.agent_id,
                "name": s.name,
                "personality": s.personality_id,
                "personality_name": names.get(s.personality_id) if s.personality_id else None,
            }
            for i in scenario_ids
            if (s := scenarios.get(i)) is not None
        ],
        "personality": personalities[0] if personalities else None,
        "personalities": personalities,
        "tags": list(attrs.get("tags") or []),
        "frequency": int(attrs.get("frequency") or 1),
        "run_as_text": True,
        "execution_mode": TEXT,
        "notify_on": attrs.get("notify_on") or "never",
        "is_active": row.is_active,
        "created_by": None,
        "created_via": attrs.get("created_via") or "api",
        "created_at": iso(row.created_at),
        "updated_at": iso(row.updated_at),
    }

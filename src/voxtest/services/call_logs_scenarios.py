"""`create_scenarios/`: scenarios (evaluators) from production calls, in a background job.

Each selected call becomes one scenario replaying the caller's side (`domain.call_replay`),
placed on the call's agent or `copy_to_agent`, in `folder_path` when given. Calls without
caller turns count as failed with their reason in `errors`. Progress is the reference's
`SchemaCreateScenariosProgressResponse`; `scenarios_list` is filled once the job is done.
"""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from voxtest.api.auth import Principal
from voxtest.api.errors import errors_to_drf
from voxtest.api.wire._generated import SchemaPostCreateScenariosWrite, SchemaScenario
from voxtest.context import Services
from voxtest.domain.call_replay import NothingToReplay, replay
from voxtest.errors import ApiError, ValidationFailed
from voxtest.services import call_logs_jobs as jobs
from voxtest.services import scenarios, scenarios_read, tenancy
from voxtest.services.call_logs_ingest import find_agent
from voxtest.services.common import raise_if
from voxtest.services.scenario_folders import ensure_folder, path_problem
from voxtest.storage.tables import Agent, CallLog, CallLogJob, Scenario

MAX_CALLS = 500
TAG = "from-production-call"


async def queue_create_scenarios(
    session: AsyncSession, principal: Principal, raw: dict[str, Any]
) -> CallLogJob:
    """Check the body now (400), then queue the job over the selected calls."""
    every = raw.get("call_logs") == "all"
    try:
        body = SchemaPostCreateScenariosWrite.model_validate(
            {k: v for k, v in raw.items() if not (k == "call_logs" and every)}
        )
    except ValidationError as exc:
        raise ValidationFailed(errors_to_drf(list(exc.errors()))) from None  # type: ignore[arg-type]
    given = body.given()
    errors: dict[str, list[str]] = {}
    agent = await find_agent(session, principal, given, errors, "agent_id")
    if not every and not given.get("call_logs"):
        errors["call_logs"] = ['Give a list of call log ids or "all".']
    target = agent
    if given.get("copy_to_agent") is not None:
        target = await _visible_agent(session, principal, given["copy_to_agent"])
        if target is None:
            errors["copy_to_agent"] = [f'Invalid pk "{given["copy_to_agent"]}".']
    folder = given.get("folder_path")
    if folder:
        if given.get("project_id") is None:
            errors["project_id"] = ["Give project_id when using folder_path."]
        elif target is not None and given["project_id"] != target.project_id:
            errors["project_id"] = [f"The scenarios' agent is in project {target.project_id}."]
        problem = path_problem(folder)
        if problem:
            errors["folder_path"] = [problem]
    raise_if(errors)
    assert agent is not None and target is not None
    ids = await _call_ids(session, principal, agent, None if every else given["call_logs"])
    params = {
        "principal": jobs.principal_params(principal),
        "call_logs": ids,
        "agent_id": target.id,
        "folder_path": folder or None,
    }
    progress = _progress(target.id, len(ids))
    return await jobs.enqueue(
        session, principal.organization_id, "create_scenarios", params, progress
    )


async def run_create_scenarios(services: Services, job: CallLogJob) -> str | None:
    principal = jobs.principal_of(job)
    agent_id, folder = job.params["agent_id"], job.params.get("folder_path")
    progress = {**_progress(agent_id, len(job.params["call_logs"])), **(job.progress or {})}
    done = set(progress.get("done_call_logs") or [])  # a resumed job skips what it made
    for call_log_id in job.params["call_logs"]:
        if call_log_id in done:
            continue
        async with services.db.session() as session:
            made, error = await _one(session, principal, call_log_id, agent_id, folder)
        if made is not None:
            progress["completed_scenarios"] += 1
            progress["scenario_ids"].append(made)
        else:
            progress["failed_scenarios"] += 1
            progress["errors"].append({"call_log_id": call_log_id, "error": error})
        progress["done_call_logs"].append(call_log_id)
        await jobs.save_progress(services.db, job.id, progress)
    return None


async def _one(
    session: AsyncSession,
    principal: Principal,
    call_log_id: int,
    agent_id: int,
    folder: str | None,
) -> tuple[int | None, str]:
    row = await session.get(CallLog, call_log_id)
    if row is None:
        return None, "The call log was deleted."
    outcome = {
        "summary": (row.call_metadata or {}).get("summary"),
        "topic": row.topic,
        "call_ended_reason": row.call_ended_reason,
        "success": row.success,
    }
    try:
        plan = replay(row.call_id, row.transcript or [], outcome)
    except NothingToReplay as exc:
        return None, str(exc)
    agent = await session.get(Agent, agent_id)
    if agent is None:
        return None, "The agent was deleted."
    if folder:
        await ensure_folder(session, agent.project_id, folder)
    given: dict[str, Any] = {
        "name": plan.name,
        "agent": agent_id,
        "instructions": plan.instructions,
        "expected_outcome_prompt": plan.expected_outcome,
        "tags": [TAG],
        "folder_path": folder,
    }
    if plan.first_message:
        given["first_message"] = plan.first_message
    try:
        created = await scenarios.create_scenario(session, principal, given, {})
    except ApiError as exc:
        return None, str(exc.detail)
    return int(created["id"]), ""


async def scenario_list(session: AsyncSession, ids: list[int]) -> list[dict[str, Any]]:
    rows = list(await session.scalars(select(Scenario).where(Scenario.id.in_(ids))))
    rows.sort(key=lambda r: ids.index(r.id))
    return await scenarios_read.serialize_many(session, rows, SchemaScenario)


def _progress(agent_id: int, total: int) -> dict[str, Any]:
    return {
        "agent_id": agent_id,
        "completed_scenarios": 0,
        "failed_scenarios": 0,
        "total_scenarios": total,
        "scenario_ids": [],
        "errors": [],
        "done_call_logs": [],
    }


async def _visible_agent(
    session: AsyncSession, principal: Principal, agent_id: int
) -> Agent | None:
    query = tenancy.visible(principal, Agent).where(Agent.id == agent_id)
    return (await session.scalars(query)).first()


async def _call_ids(
    session: AsyncSession, principal: Principal, agent: Agent, wanted: list[int] | None
) -> list[int]:
    query = tenancy.visible(principal, CallLog).where(CallLog.agent_id == agent.id)
    if wanted is not None:
        query = query.where(CallLog.id.in_(wanted))
    found = list(await session.scalars(query.with_only_columns(CallLog.id).order_by(CallLog.id)))
    if wanted is not None:
        unknown = sorted(set(wanted) - set(found))
        if unknown:
            raise ValidationFailed({"call_logs": [f"Call logs {unknown} are not this agent's."]})
    if len(found) > MAX_CALLS:
        raise ValidationFailed({"call_logs": [f"Select at most {MAX_CALLS} call logs at a time."]})
    return found

"""The webhook events of runs: `result.pre_trigger` before a result's runs start and
`result.completed` when they have all finished, with Cekura's `{event_type, data}` envelope
and payloads (research notes §6.1), gated by the project's `notify_*` flags.

Both are written to the outbox in the transaction that creates the runs or finishes the
result; `hooks.deliverer` sends them.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from voxtest.domain.notify_gates import RunFacts, result_outcomes, result_webhook_wanted
from voxtest.evaluation.rubric_eval import success_rate
from voxtest.services import notices, outbox
from voxtest.services.common import iso
from voxtest.services.projects import DEFAULTS as PROJECT_DEFAULTS
from voxtest.services.webhook_targets import Target, target_for
from voxtest.storage.tables import Agent, CronJobResult, Delivery, Project, Result, Run
from voxtest.storage.tables.base import utcnow

RESULT_COMPLETED = "result.completed"
DONE = ("completed", "failed", "timeout", "cancelled")


def project_flags(project: Project) -> dict[str, Any]:
    return {**PROJECT_DEFAULTS, **(project.attrs or {})}


async def before_dispatch(session: AsyncSession, result: Result, runs: Sequence[Run]) -> bool:
    """With `notify_pre_run_webhook` on and a webhook URL, write the result's pre-trigger and
    hold its runs until it is answered (or given up on); True when held."""
    box = outbox.maybe_box(session)
    if box is None:
        return False
    project = await session.get(Project, result.project_id)
    agent = await session.get(Agent, result.agent_id)
    if project is None or not project_flags(project).get("notify_pre_run_webhook"):
        return False
    target = target_for(box, project, agent)
    if target is None:
        return False
    data = {
        "result_id": result.id,
        "label": result.name or "",
        "agent_id": result.agent_id,
        "timestamp": iso(utcnow()),
        "runs": {str(run.id): _pre_trigger_run(run) for run in runs},
    }
    outbox.enqueue(
        session,
        organization_id=result.organization_id,
        project_id=result.project_id,
        agent_id=result.agent_id,
        result_id=result.id,
        event_type=outbox.PRE_TRIGGER,
        target=target.url,
        secret_from=target.secret_from,
        payload={"event_type": outbox.PRE_TRIGGER, "data": data},
        idempotency_key=f"result_pre_trigger:{result.id}",
    )
    await session.flush()
    await outbox.hold_runs(session, result.id)
    return True


def _pre_trigger_run(run: Run) -> dict[str, Any]:
    snap = run.snapshot or {}
    profile = snap.get("test_profile_data") or None
    return {
        "id": run.id,
        "scenario": {"id": run.scenario_id, "name": snap.get("scenario_name")},
        "test_profile": (
            {
                "id": profile.get("id"),
                "name": profile.get("name"),
                "information": profile.get("information"),
            }
            if isinstance(profile, dict)
            else None
        ),
        "personality": (
            {"id": run.personality_id, "name": snap.get("personality_name")}
            if run.personality_id
            else None
        ),
        "phone_number": None,
    }


async def result_finished(session: AsyncSession, result_id: int) -> None:
    """A result reached a final status: its `result.completed` webhook and notices."""
    box = outbox.maybe_box(session)
    result = await session.get(Result, result_id)
    if result is None or box is None:  # no running services: nothing to notify from
        return
    project = await session.get(Project, result.project_id)
    agent = await session.get(Agent, result.agent_id)
    if project is None:
        return
    runs = list(
        await session.scalars(select(Run).where(Run.result_id == result_id).order_by(Run.id))
    )
    cron = await session.get(CronJobResult, result_id)
    outcomes = result_outcomes(
        result.status, [RunFacts(r.status, r.success, r.error_message) for r in runs]
    )
    flags = project_flags(project)
    target = target_for(box, project, agent)
    if target is not None and result_webhook_wanted(flags, outcomes, is_cronjob=cron is not None):
        await _enqueue_completed(session, result, runs, cron is not None, target)
    await notices.result_notices(session, project, result, runs, cron, outcomes)


async def _enqueue_completed(
    session: AsyncSession,
    result: Result,
    runs: list[Run],
    is_cronjob: bool,
    target: Target,
) -> None:
    earlier = await session.scalar(
        select(func.count())
        .select_from(Delivery)
        .where(Delivery.result_id == result.id, Delivery.event_type == RESULT_COMPLETED)
    )
    key = f"result_completed:{result.id}" + (f":{earlier + 1}" if earlier else "")
    outbox.enqueue(
        session,
        organization_id=result.organization_id,
        project_id=result.project_id,
        agent_id=result.agent_id,
        result_id=result.id,
        event_type=RESULT_COMPLETED,
        target=target.url,
        secret_from=target.secret_from,
        payload={"event_type": RESULT_COMPLETED, "data": result_payload(result, runs, is_cronjob)},
        idempotency_key=key,
    )


def result_payload(result: Result, runs: Sequence[Run], is_cronjob: bool) -> dict[str, Any]:
    """`data` of `result.completed`, as Cekura's webhook-format documentation shows it."""
    scores = [(r.expected_outcome or {}).get("score") for r in runs]
    scored = [s for s in scores if isinstance(s, int | float)]
    rate = success_rate(r.success for r in runs if r.status in DONE)
    return {
        "id": result.id,
        "name": result.name or "",
        "agent": result.agent_id,
        "status": result.status,
        "met_expected_outcome_count": sum(s >= 100 for s in scored),
        "total_expected_outcome_count": len(scored),
        "success_rate": rate,
        "run_as_text": result.run_as_text,
        "is_cronjob": is_cronjob,
        "runs": {str(r.id): _completed_run(r) for r in runs},
        "created_at": iso(result.created_at),
    }


def _completed_run(run: Run) -> dict[str, Any]:
    snap = run.snapshot or {}
    return {
        "id": run.id,
        "scenario": {
            "id": run.scenario_id,
            "name": snap.get("scenario_name"),
            "personality_name": snap.get("personality_name"),
            "expected_outcome_prompt": snap.get("expected_outcome_prompt"),
        },
        "expected_outcome": run.expected_outcome or {},
        "success": run.success,
        "evaluation": run.evaluation or {"metrics": []},
        "transcript_object": run.transcript or [],
        "voice_recording": None,
        "timestamp": iso(run.created_at),
        "executed_at": iso(run.executed_at),
        "error_message": run.error_message,
    }

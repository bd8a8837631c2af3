"""`call_log.completed`: what happens when a production call has been evaluated.

The observability service awaits `on_call_log_evaluated` each time the evaluation of a call
log is stored (first evaluation, `evaluate_metrics/`, `rerun_evaluation/`, a PATCH with
`reevaluate_metrics`), in the transaction that stores it. `emit_call_log_completed` writes
the webhook (gated by `notify_call_log_webhook_success/failed`, the agent's URL overriding
the project's), records the call for the no-calls and frequent-calls alerts and the daily
report, and raises the frequent-calls alert when one number passes the project's threshold
(`frequent_calls_threshold` calls in `frequent_calls_time_period` minutes, then quiet for
`frequent_calls_cooldown` minutes).
"""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from voxtest.domain.notify_gates import call_log_webhook_wanted, frequent_calls_due
from voxtest.services import notices, outbox
from voxtest.services.alert_marks import last_mark, set_mark
from voxtest.services.call_logs_read import detail
from voxtest.services.webhook_targets import target_for
from voxtest.storage.tables import Agent, CallSighting, Project
from voxtest.storage.tables.base import utcnow
from voxtest.storage.tables.call_logs import CallLog

CALL_LOG_COMPLETED = "call_log.completed"


async def on_call_log_evaluated(session: AsyncSession, call_log: CallLog) -> None:
    """The evaluation of `call_log` was just stored (success, status, metrics are final)."""
    agent = await session.get(Agent, call_log.agent_id)
    payload = detail(call_log, agent.name if agent is not None else "")
    await emit_call_log_completed(session, payload, call_log.project_id, call_log.agent_id)


async def emit_call_log_completed(
    session: AsyncSession,
    call_log_payload: dict[str, Any],
    project_id: int,
    agent_id: int | None,
) -> None:
    """The call log (its wire dict) was evaluated: webhook, sighting, frequent-calls alert."""
    project = await session.get(Project, project_id)
    if project is None:
        return
    agent = await session.get(Agent, agent_id) if agent_id is not None else None
    box = outbox.box_of(session)
    success = call_log_payload.get("success")
    target = target_for(box, project, agent)
    if target is not None and call_log_webhook_wanted(notices.flags(project), success):
        outbox.enqueue(
            session,
            organization_id=project.organization_id,
            project_id=project.id,
            agent_id=agent_id,
            event_type=CALL_LOG_COMPLETED,
            target=target.url,
            secret_from=target.secret_from,
            payload={"event_type": CALL_LOG_COMPLETED, "data": call_log_payload},
            idempotency_key=(
                f"call_log_completed:{call_log_payload.get('id')}:{uuid.uuid4().hex[:12]}"
            ),
        )
    number = call_log_payload.get("customer_number") or None
    now = utcnow()
    session.add(
        CallSighting(
            organization_id=project.organization_id,
            project_id=project.id,
            agent_id=agent_id,
            customer_number=str(number) if number else None,
            success=success if isinstance(success, bool) else None,
            seen_at=now,
        )
    )
    await session.flush()
    if number:
        await _frequent_calls(session, project, str(number), now)


async def _frequent_calls(
    session: AsyncSession, project: Project, number: str, now: datetime
) -> None:
    flags = notices.flags(project)
    if not flags.get("notify_frequent_calls_for_number"):
        return
    period = int(flags.get("frequent_calls_time_period") or 0)
    times = list(
        await session.scalars(
            select(CallSighting.seen_at).where(
                CallSighting.project_id == project.id,
                CallSighting.customer_number == number,
                CallSighting.seen_at >= now - timedelta(minutes=period),
            )
        )
    )
    key = f"frequent:{project.id}:{number}"
    if not frequent_calls_due(
        times,
        now,
        threshold=int(flags.get("frequent_calls_threshold") or 0),
        period_minutes=period,
        cooldown_minutes=int(flags.get("frequent_calls_cooldown") or 0),
        last_alert_at=await last_mark(session, key),
    ):
        return
    await set_mark(session, key, now)
    notices.notify(
        session,
        project,
        "notice.frequent_calls",
        f"[voxtest] Frequent calls from one number in {project.name}",
        f"{len(times)} calls from {number} in the last {period} minutes "
        f"(threshold {flags.get('frequent_calls_threshold')}).",
        f"{key}:{now.isoformat()}",
    )

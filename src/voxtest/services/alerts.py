"""Periodic notices: the no-calls alert over a project's `no_calls_notify_time_period`
windows, and the daily report. Each is claimed through a `NotificationMark`, so with several
processes exactly one sends it.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from voxtest.domain.notify_gates import counts_for_no_calls, no_calls_spell
from voxtest.services import notices, outbox
from voxtest.services.alert_marks import claim_once, last_mark, move_mark
from voxtest.services.common import iso
from voxtest.services.webhook_targets import target_for
from voxtest.storage.db import Database
from voxtest.storage.tables import CallSighting, Project, Result
from voxtest.storage.tables.base import utcnow

DAILY_REPORT = "daily_report"
RECENT_CALLS = 500


async def run_alerts(db: Database, now: datetime | None = None) -> int:
    """One pass over every project; how many notices were written."""
    now = now or utcnow()
    async with db.session() as session:
        ids = list(await session.scalars(select(Project.id).where(Project.is_deleted.is_(False))))
    sent = 0
    for project_id in ids:
        async with db.session() as session:
            project = await session.get(Project, project_id)
            if project is None:
                continue
            flags = notices.flags(project)
            if flags.get("notify_no_calls"):
                sent += await _no_calls(session, project, flags, now)
            if flags.get("notify_daily_report"):
                sent += await _daily_report(session, project, flags, now)
    return sent


async def _no_calls(
    session: AsyncSession, project: Project, flags: dict[str, Any], now: datetime
) -> int:
    window = flags.get("no_calls_notify_time_period") or {}
    if not window.get("time_periods"):
        return 0
    recent = await session.execute(
        select(CallSighting.seen_at, CallSighting.agent_id, CallSighting.customer_number)
        .where(CallSighting.project_id == project.id, CallSighting.seen_at <= now)
        .order_by(CallSighting.seen_at.desc())
        .limit(RECENT_CALLS)
    )
    last_call = next(
        (at for at, agent, number in recent if counts_for_no_calls(window, agent, number)), None
    )
    key = f"no_calls:{project.id}"
    last_alert = await last_mark(session, key)
    spell = no_calls_spell(window, now, last_call, last_alert, str(flags.get("timezone") or "UTC"))
    if spell is None:
        return 0
    won = (
        await claim_once(session, key, now)
        if last_alert is None
        else await move_mark(session, key, last_alert, now)
    )
    if not won:
        return 0
    minutes = int((now - spell.silent_since).total_seconds() // 60)
    return notices.notify(
        session,
        project,
        "notice.no_calls",
        f"[voxtest] No calls in {project.name}",
        f"No calls for {minutes} minutes in {project.name} (expected at least one every "
        f"{spell.time_frame} minutes between {spell.start_time} and {spell.end_time}).",
        f"{key}:{now.isoformat()}",
    )


async def _daily_report(
    session: AsyncSession, project: Project, flags: dict[str, Any], now: datetime
) -> int:
    settings = outbox.settings_of(session)
    local = now.astimezone(ZoneInfo(str(flags.get("timezone") or "UTC")))
    if local.hour < settings.daily_report_hour:
        return 0
    key = f"daily:{project.id}:{local.date().isoformat()}"
    if not await claim_once(session, key, now):
        return 0
    report = await daily_figures(session, project, now)
    if not report["calls"] and not flags.get("notify_daily_report_no_calls"):
        return 0
    text = (
        f"Last 24 hours in {project.name}: {report['calls']} calls "
        f"({report['successful_calls']} successful), {report['results']} test results "
        f"({report['completed_results']} completed)."
    )
    written = notices.notify(
        session,
        project,
        "notice.daily_report",
        f"[voxtest] Daily report: {project.name}",
        text,
        key,
    )
    target = target_for(outbox.box_of(session), project, None)
    if flags.get("notify_daily_report_webhook") and target is not None:
        outbox.enqueue(
            session,
            organization_id=project.organization_id,
            project_id=project.id,
            event_type=DAILY_REPORT,
            target=target.url,
            secret_from=target.secret_from,
            payload={"event_type": DAILY_REPORT, "data": report},
            idempotency_key=key.replace(":", "_", 1),
        )
        written += 1
    return written


async def daily_figures(session: AsyncSession, project: Project, now: datetime) -> dict[str, Any]:
    since = now - timedelta(days=1)
    calls = (
        await session.execute(
            select(func.count(), func.count().filter(CallSighting.success.is_(True))).where(
                CallSighting.project_id == project.id, CallSighting.seen_at > since
            )
        )
    ).one()
    results = (
        await session.execute(
            select(func.count(), func.count().filter(Result.status == "completed")).where(
                Result.project_id == project.id, Result.created_at > since
            )
        )
    ).one()
    return {
        "project_id": project.id,
        "period_start": iso(since),
        "period_end": iso(now),
        "calls": int(calls[0]),
        "successful_calls": int(calls[1]),
        "results": int(results[0]),
        "completed_results": int(results[1]),
    }

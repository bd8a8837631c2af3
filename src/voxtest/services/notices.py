"""Notices to people: email (`VOXTEST_SMTP_*`, to `VOXTEST_NOTIFY_EMAIL_TO`, for projects
with `is_send_emails_enabled`) and Slack (`VOXTEST_SLACK_WEBHOOK_URL`), written to the outbox
like webhooks. Texts carry ids, names and counts, never transcripts or callers' words.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from voxtest.domain.notify_gates import SUCCESS, cron_notice_wanted
from voxtest.services import outbox
from voxtest.services.projects import DEFAULTS as PROJECT_DEFAULTS
from voxtest.storage.tables import CronJob, CronJobResult, Project, Result, Run

EMAIL, SLACK = "email", "slack"
SLACK_TARGET = "VOXTEST_SLACK_WEBHOOK_URL"  # resolved when sent: the URL is a credential


def flags(project: Project) -> dict[str, Any]:
    return {**PROJECT_DEFAULTS, **(project.attrs or {})}


def notify(
    session: AsyncSession, project: Project, event_type: str, subject: str, text: str, key: str
) -> int:
    """Write the notice for every configured channel; how many were written."""
    settings = outbox.settings_of(session)
    common: dict[str, Any] = {
        "organization_id": project.organization_id,
        "project_id": project.id,
        "event_type": event_type,
    }
    written = 0
    to = [a.strip() for a in settings.notify_email_to.split(",") if a.strip()]
    if settings.smtp_host and to and flags(project).get("is_send_emails_enabled"):
        outbox.enqueue(
            session,
            **common,
            channel=EMAIL,
            target=", ".join(to),
            payload={"subject": subject, "text": text},
            idempotency_key=f"{key}:email",
        )
        written += 1
    if settings.slack_webhook_url:
        outbox.enqueue(
            session,
            **common,
            channel=SLACK,
            target=SLACK_TARGET,
            payload={"text": f"*{subject}*\n{text}"},
            idempotency_key=f"{key}:slack",
        )
        written += 1
    return written


async def result_notices(
    session: AsyncSession,
    project: Project,
    result: Result,
    runs: Sequence[Run],
    cron: CronJobResult | None,
    outcomes: frozenset[str],
) -> None:
    """`notify_results_completion`, and a cron job's success or failure notice."""
    succeeded = sum(r.success for r in runs)
    label = f"Result #{result.id}" + (f" {result.name!r}" if result.name else "")
    summary = f"{label} {result.status}: {succeeded} of {len(runs)} runs succeeded."
    if flags(project).get("notify_results_completion"):
        notify(
            session,
            project,
            "notice.result_completed",
            f"[voxtest] {label} {result.status}",
            summary,
            f"result_completed:{result.id}",
        )
    if cron is None:
        return
    ok = SUCCESS in outcomes
    if not cron_notice_wanted(flags(project), cron.notify_on, ok):
        return
    job = await session.get(CronJob, cron.cron_job_id) if cron.cron_job_id else None
    name = job.name if job is not None and job.name else f"#{cron.cron_job_id}"
    word = "succeeded" if ok else "failed"
    notify(
        session,
        project,
        f"notice.cron_{'success' if ok else 'failure'}",
        f"[voxtest] Cron job {name} {word}",
        f"Cron job {name} {word}. {summary}",
        f"cron_result:{result.id}",
    )


def cron_fire_failed(
    session: AsyncSession, project: Project, job: CronJob, notify_on: str, reason: str, at: str
) -> None:
    """A cron job could not start its run (its scenarios are gone, its agent is invalid)."""
    if cron_notice_wanted(flags(project), notify_on, succeeded=False):
        notify(
            session,
            project,
            "notice.cron_failure",
            f"[voxtest] Cron job {job.name or job.id} failed",
            f"Cron job {job.name or job.id} could not start its run: {reason}",
            f"cron_fire:{job.id}:{at}",
        )

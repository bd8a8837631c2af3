"""Cron jobs fire exactly once per due tick across processes (several engines on one
database here), once after missed ticks, and their results are cron results; notices go by
email (a real aiosmtpd server) and Slack (a loopback receiver); call logs drive the
`call_log.completed` webhook and the frequent-calls, no-calls and daily-report notices."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import select, update

from tests.api.run_support import (
    chat_agent,
    clinic_agent,
    reschedule_scenario,
    sarah_profile,
    wait_for_result,
)
from tests.conftest import Api, LiveServer
from tests.hooks.support import Mailbox, Receiver, body_of
from voxtest.context import Services
from voxtest.services import alerts, cron_fire
from voxtest.services.call_logs_events import emit_call_log_completed
from voxtest.storage.tables import CronJob, CronJobResult

PROCESSES = 4


@asynccontextmanager
async def services_of(server: LiveServer) -> AsyncIterator[Services]:
    """Another voxtest process's services on the server's database (no loops)."""
    services = await Services.start(server.settings, migrate_schema=False)
    try:
        yield services
    finally:
        await services.close()


def _cron_job(api: Api, agent_id: int, scenario_id: int, **extra: Any) -> int:
    body = {"agent": agent_id, "scenarios": [scenario_id], "crontab_expression": "0 3 * * *"}
    r = api.post("/schedules/v1/cron-jobs/", {**body, **extra})
    assert r.status_code == 201, r.text
    return int(r.json()["id"])


async def _fire_from_many(server: LiveServer, now: datetime) -> list[int]:
    async with asyncio.TaskGroup() as group:
        tasks = []
        stack = []
        for _ in range(PROCESSES):
            services = await Services.start(server.settings, migrate_schema=False)
            stack.append(services)
            tasks.append(group.create_task(cron_fire.fire_due(services.db, now)))
    for services in stack:
        await services.close()
    return [r for t in tasks for r in t.result()]


def test_a_due_job_fires_once_across_processes_and_notifies(
    hapi: Api, hooks_server: LiveServer, hook_receiver: Receiver, mailbox: Mailbox
) -> None:
    path = f"/cron/{uuid.uuid4().hex}"
    project_id = hapi.default_project_id()
    hapi.patch(
        f"/user/v1/projects/{project_id}/",
        {
            "webhook_url": f"{hook_receiver.url}{path}",
            "notify_cronjob_webhook_success": True,
            "notify_cronjob_webhook_failed": True,
            "notify_cron_success": True,
            "notify_cron_failure": True,
            "is_send_emails_enabled": True,
        },
    )
    with clinic_agent() as agent:
        agent_id = chat_agent(hapi, agent.url)
        scenario = reschedule_scenario(hapi, agent_id, sarah_profile(hapi, agent_id))
        name = f"Nightly {uuid.uuid4().hex[:6]}"
        job_id = _cron_job(hapi, agent_id, scenario, name=name, notify_on="both")

        async def fire() -> tuple[list[int], datetime | None, dict[str, Any]]:
            async with services_of(hooks_server) as services:
                async with services.db.session() as session:
                    job = await session.get(CronJob, job_id)
                    assert job is not None and job.next_run_at is not None
                    due = job.next_run_at
            # Three days of downtime: 3 missed ticks, one firing.
            now = due + timedelta(days=3, minutes=1)
            created = await _fire_from_many(hooks_server, now)
            async with services_of(hooks_server) as services:
                async with services.db.session() as session:
                    job = await session.get(CronJob, job_id)
                    assert job is not None
                    links = list(
                        await session.scalars(
                            select(CronJobResult.result_id).where(
                                CronJobResult.cron_job_id == job_id
                            )
                        )
                    )
                    assert links == created
                    return created, job.next_run_at, dict(job.attrs)

        created, next_run, attrs = asyncio.run(fire())
        assert len(created) == 1
        assert next_run is not None and next_run > datetime.now(UTC) + timedelta(days=3)
        assert attrs["missed_ticks"] == 3 and attrs["last_result_id"] == created[0]
        result = wait_for_result(hapi, created[0])
    assert result["is_cronjob"] is True and result["name"] == name
    got = hook_receiver.wait_for(lambda: hook_receiver.events(path, "result.completed"))
    assert got[0].body["data"]["is_cronjob"] is True
    word = "succeeded" if result["success_rate"] == 100 else "failed"
    email = mailbox.wait_for(f"Cron job {name} {word}")
    assert email["To"] == "ops@example.com, qa@example.com"
    assert f"Result #{created[0]}" in body_of(email)
    slack = hook_receiver.wait_for(
        lambda: [s for s in hook_receiver.on("/slack") if name in s.body["text"]]
    )
    assert slack[0].body["text"].startswith("*[voxtest] Cron job")


def test_a_job_that_cannot_start_spends_its_tick_and_says_why(
    hapi: Api, hooks_server: LiveServer, mailbox: Mailbox
) -> None:
    project_id = hapi.default_project_id()
    hapi.patch(
        f"/user/v1/projects/{project_id}/",
        {"notify_cron_failure": True, "is_send_emails_enabled": True},
    )
    agent_id = chat_agent(hapi, "ws://127.0.0.1:9/")
    scenario = reschedule_scenario(hapi, agent_id, None)
    name = f"Broken {uuid.uuid4().hex[:6]}"
    job_id = _cron_job(hapi, agent_id, scenario, name=name, notify_on="failure")
    assert hapi.delete(f"/test_framework/v1/scenarios/{scenario}/").status_code in (200, 204)

    async def fire() -> dict[str, Any]:
        async with services_of(hooks_server) as services:
            async with services.db.session() as session:
                await session.execute(
                    update(CronJob)
                    .where(CronJob.id == job_id)
                    .values(next_run_at=datetime.now(UTC) - timedelta(minutes=1))
                )
            assert await cron_fire.fire_due(services.db) == []
            async with services.db.session() as session:
                job = await session.get(CronJob, job_id)
                assert job is not None and job.next_run_at is not None
                assert job.next_run_at > datetime.now(UTC)
                return dict(job.attrs)

    attrs = asyncio.run(fire())
    assert "scenarios" in attrs["last_error"]
    email = mailbox.wait_for(f"Cron job {name} failed")
    assert "could not start its run" in body_of(email)


def test_result_completion_is_emailed_and_posted_to_slack(
    hapi: Api, hook_receiver: Receiver, mailbox: Mailbox
) -> None:
    project_id = hapi.default_project_id()
    hapi.patch(
        f"/user/v1/projects/{project_id}/",
        {"notify_results_completion": True, "is_send_emails_enabled": True},
    )
    with clinic_agent() as agent:
        agent_id = chat_agent(hapi, agent.url)
        scenario = reschedule_scenario(hapi, agent_id, sarah_profile(hapi, agent_id))
        r = hapi.post(
            "/test_framework/v1/scenarios/run_scenarios_text/",
            {"agent_id": agent_id, "scenarios": [scenario]},
        )
        result_id = int(r.json()["id"])
        wait_for_result(hapi, result_id)
    email = mailbox.wait_for(f"Result #{result_id} ", contains=f"Result #{result_id} ")
    assert "runs succeeded" in body_of(email)
    hook_receiver.wait_for(
        lambda: [s for s in hook_receiver.on("/slack") if f"Result #{result_id} " in s.body["text"]]
    )
    log = hapi.get(
        f"/user/v1/projects/{project_id}/webhook-deliveries/", params={"channel": "email"}
    ).json()["results"]
    assert log[0]["event_type"] == "notice.result_completed"
    assert log[0]["status"] in ("pending", "delivered")


def _call_log(number: str, success: bool) -> dict[str, Any]:
    return {
        "id": uuid.uuid4().int % 10_000_000,
        "call_id": uuid.uuid4().hex,
        "success": success,
        "customer_number": number,
        "status": "success" if success else "failure",
        "transcript_object": [],
    }


def test_call_logs_send_their_webhook_and_the_frequent_calls_alert(
    hapi: Api, hooks_server: LiveServer, hook_receiver: Receiver, mailbox: Mailbox
) -> None:
    path = f"/calls/{uuid.uuid4().hex}"
    project_id = hapi.default_project_id()
    hapi.patch(
        f"/user/v1/projects/{project_id}/",
        {
            "webhook_url": f"{hook_receiver.url}{path}",
            "notify_call_log_webhook_failed": True,
            "notify_frequent_calls_for_number": True,
            "frequent_calls_threshold": 3,
            "frequent_calls_time_period": 60,
            "frequent_calls_cooldown": 60,
            "is_send_emails_enabled": True,
        },
    )
    agent_id = chat_agent(hapi, "ws://127.0.0.1:9/")
    number = f"+1415555{uuid.uuid4().int % 10000:04d}"

    async def calls() -> None:
        async with services_of(hooks_server) as services:
            for success in (True, False, False, False):  # the 4th call is within cooldown
                async with services.db.session() as session:
                    await emit_call_log_completed(
                        session, _call_log(number, success), project_id, agent_id
                    )

    asyncio.run(calls())
    hook_receiver.wait_for(lambda: len(hook_receiver.events(path, "call_log.completed")) == 3)
    sent = hook_receiver.events(path, "call_log.completed")
    assert all(s.body["data"]["success"] is False for s in sent)  # success flag is off
    keys = {s.headers["X-CEKURA-IDEMPOTENCY-KEY"] for s in sent}
    assert len(keys) == 3 and all(k.startswith("call_log_completed:") for k in keys)
    email = mailbox.wait_for("Frequent calls from one number in", contains=number)
    assert f"3 calls from {number}" in body_of(email)
    log = hapi.get(
        f"/user/v1/projects/{project_id}/webhook-deliveries/",
        params={"event_type": "notice.frequent_calls", "channel": "email"},
    ).json()
    assert log["count"] == 1  # the 4th call was in the cooldown


def test_no_calls_alert_and_daily_report_are_sent_once(
    hapi: Api, hooks_server: LiveServer, hook_receiver: Receiver, mailbox: Mailbox
) -> None:
    path = f"/daily/{uuid.uuid4().hex}"
    project_id = hapi.default_project_id()
    name = f"Quiet {uuid.uuid4().hex[:6]}"
    window = {
        "time_zone": "UTC",
        "time_periods": [{"start_time": "09:00", "end_time": "17:00", "time_frame": 30}],
        "exception_numbers": [],
        "agents": [],
    }
    r = hapi.patch(
        f"/user/v1/projects/{project_id}/",
        {
            "name": name,
            "webhook_url": f"{hook_receiver.url}{path}",
            "notify_no_calls": True,
            "no_calls_notify_time_period": window,
            "notify_daily_report": True,
            "notify_daily_report_no_calls": True,
            "notify_daily_report_webhook": True,
            "is_send_emails_enabled": True,
            "timezone": "UTC",
        },
    )
    assert r.status_code == 200, r.text
    noon = datetime.now(UTC).replace(hour=12, minute=0, second=0, microsecond=0)

    async def passes() -> None:
        async with services_of(hooks_server) as services:
            for _ in range(3):  # several passes (processes): one alert, one report
                await alerts.run_alerts(services.db, noon)

    asyncio.run(passes())
    email = mailbox.wait_for(f"No calls in {name}")
    assert "expected at least one every 30 minutes" in body_of(email)
    mailbox.wait_for(f"Daily report: {name}")
    report = hook_receiver.wait_for(lambda: hook_receiver.events(path, "daily_report"))
    assert len(report) == 1 and report[0].body["data"]["project_id"] == project_id
    subjects = [str(m["Subject"]) for m in mailbox.messages]
    assert subjects.count(f"[voxtest] No calls in {name}") == 1
    assert subjects.count(f"[voxtest] Daily report: {name}") == 1

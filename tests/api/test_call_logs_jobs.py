"""Call-log jobs: `export_call_logs/` (filtered like the list, CSV and JSON, download for its
organization only), `create_scenarios/` (replaying the caller's turns) and a job left by a
dead process taken over."""

from __future__ import annotations

import asyncio
import csv
import io
import time
import uuid
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import update

from tests.api.call_log_support import V2, VAPI_CALL, evaluated, observe, observed_metric
from tests.api.factories import new_agent
from tests.conftest import Api
from voxtest.services import call_logs_jobs as jobs
from voxtest.storage.db import Database
from voxtest.storage.tables import CallLogJob
from voxtest.storage.tables.base import utcnow

BASES = (
    "/observability/v1/call-logs/",
    "/observability/v1/call-logs-external/",
    "/observability/v2/call-logs/",
)
PASSES = '_result = True\n_explanation = "ok"'


def cid() -> str:
    return f"call_{uuid.uuid4().hex[:10]}"


def finished(api: Api, path: str, progress_id: str, timeout_s: float = 30.0) -> dict[str, Any]:
    deadline = time.monotonic() + timeout_s
    while True:
        r = api.get(path, params={"progress_id": progress_id})
        assert r.status_code == 200, r.text
        body: dict[str, Any] = r.json()
        if "status" in body and body["status"] in ("done", "failed"):
            return body
        if (
            "status" not in body
            and body["completed_scenarios"] + body["failed_scenarios"] >= body["total_scenarios"]
        ):
            return body
        assert time.monotonic() < deadline, f"job {progress_id} unfinished: {body}"
        time.sleep(0.1)


@pytest.mark.parametrize("base", BASES)
def test_export_writes_the_filtered_calls_and_serves_the_file_to_its_organization(
    api: Api, base: str
) -> None:
    agent = new_agent(api, api.default_project_id())
    observed_metric(api, agent, "Passes", PASSES)
    spring = [observe(api, agent, cid(), metadata={"campaign": "spring"}) for _ in range(3)]
    observe(api, agent, cid(), metadata={"campaign": "autumn"})
    for call in spring:
        evaluated(api, call["id"])
    spring_filter = '{"field": "metadata.campaign", "op": "eq", "value": "spring"}'
    r = api.get(f"{base}export_call_logs/", params={"agent_id": agent, "filters_v2": spring_filter})
    assert r.status_code == 200, r.text
    done = finished(api, f"{base}export_call_logs_progress/", r.json()["progress_id"])
    assert done["status"] == "done" and done["total"] == done["exported"] == 3
    assert done["progress"] == 100
    path = done["download_url"].split("://", 1)[1].split("/", 1)[1]
    got = api.get(f"/{path}")
    assert got.status_code == 200 and got.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(got.text)))
    assert sorted(int(row["id"]) for row in rows) == sorted(c["id"] for c in spring)
    assert all(row["status"] == "success" and "Passes" in row["metrics"] for row in rows)
    assert all('"spring"' in row["metadata"] for row in rows)
    assert api.other().get(f"/{path}").status_code == 404
    anonymous = api.client.get(f"/{path}", headers={"X-CEKURA-API-KEY": ""})
    assert anonymous.status_code in (401, 403)
    assert (
        api.other()
        .get(f"{base}export_call_logs_progress/", params={"progress_id": done["progress_id"]})
        .status_code
        == 404
    )


def test_export_as_json_and_its_checks(api: Api) -> None:
    agent = new_agent(api, api.default_project_id())
    call = observe(api, agent, cid())
    r = api.get(f"{V2}export_call_logs/", params={"agent_id": agent, "format": "json"})
    done = finished(api, f"{V2}export_call_logs_progress/", r.json()["progress_id"])
    path = done["download_url"].split("://", 1)[1].split("/", 1)[1]
    records = api.get(f"/{path}").json()
    assert [rec["id"] for rec in records] == [call["id"]]
    assert records[0]["transcript"].startswith("[00:00] Main Agent:")
    assert (
        api.get(f"{V2}export_call_logs/", params={"agent_id": agent, "format": "xls"}).status_code
        == 400
    )
    bad = api.get(f"{V2}export_call_logs/", params={"agent_id": agent, "filters_v2": "{"})
    assert bad.status_code == 400 and "filters_v2" in bad.json()
    missing = api.get(f"{V2}export_call_logs_progress/")
    assert missing.status_code == 400 and "progress_id" in missing.json()
    unknown = api.get(f"{V2}export_call_logs_progress/", params={"progress_id": str(uuid.uuid4())})
    assert unknown.status_code == 404


@pytest.mark.parametrize("base", BASES)
def test_create_scenarios_replays_the_callers_turns(api: Api, base: str) -> None:
    project = api.default_project_id()
    agent, test_agent = new_agent(api, project), new_agent(api, project, "Test twin")
    call = observe(
        api,
        agent,
        cid(),
        transcript_type="vapi",
        transcript_json=[
            *VAPI_CALL,
            {"role": "user", "message": "Can I bring my son too?", "time": 9.0},
            {"role": "bot", "message": "Of course.", "time": 11.0},
        ],
        metadata={"summary": "Dana was booked for Tuesday."},
    )
    empty = observe(
        api,
        agent,
        cid(),
        transcript_type="cekura",
        transcript_json=[
            {"role": "Main Agent", "content": "Hello?", "start_time": 0.0, "end_time": 1.0}
        ],
    )
    body = {
        "agent_id": agent,
        "call_logs": [call["id"], empty["id"]],
        "copy_to_agent": test_agent,
        "project_id": project,
        "folder_path": "Production.Replays",
    }
    r = api.post(f"{base}create_scenarios/", body)
    assert r.status_code == 200, r.text
    done = finished(api, f"{base}create_scenarios_progress/", r.json()["progress_id"])
    assert (done["completed_scenarios"], done["failed_scenarios"], done["total_scenarios"]) == (
        1,
        1,
        2,
    )
    assert done["agent_id"] == test_agent
    assert done["errors"][0]["call_log_id"] == empty["id"]
    assert "no caller turns" in done["errors"][0]["error"]
    [scenario] = done["scenarios_list"]
    assert scenario["agent"] == test_agent and scenario["folder_path"] == "Production.Replays"
    assert "from-production-call" in scenario["tags"]
    stored = api.get(f"/test_framework/v2/scenarios/{scenario['id']}/").json()
    instructions = stored["instructions"]
    first, second = instructions.index("1. Say: This is Dana"), instructions.index("2. Say:")
    assert first < second and "Can I bring my son too?" in instructions[second:]
    assert "Dana was booked for Tuesday." in stored["expected_outcome_prompt"]
    assert stored["first_message"].startswith("Sunny Clinic")


def test_create_scenarios_checks_its_body(api: Api) -> None:
    agent = new_agent(api, api.default_project_id())
    stranger = api.other()
    other = new_agent(stranger, stranger.default_project_id())
    call = observe(api, agent, cid())
    cases: list[tuple[dict[str, Any], str]] = [
        ({"call_logs": [call["id"]]}, "agent_id"),
        ({"agent_id": agent}, "call_logs"),
        ({"agent_id": agent, "call_logs": [call["id"] + 10_000]}, "call_logs"),
        ({"agent_id": agent, "call_logs": "all", "copy_to_agent": other}, "copy_to_agent"),
        ({"agent_id": agent, "call_logs": "all", "folder_path": "X"}, "project_id"),
    ]
    for body, field in cases:
        r = api.post(f"{V2}create_scenarios/", body)
        assert r.status_code == 400 and field in r.json(), (body, r.text)
    r = api.post(f"{V2}create_scenarios/", {"agent_id": agent, "call_logs": "all"})
    done = finished(api, f"{V2}create_scenarios_progress/", r.json()["progress_id"])
    assert (done["completed_scenarios"], done["total_scenarios"]) == (1, 1)


async def test_a_job_left_by_a_dead_process_is_taken_over(api: Api) -> None:
    agent = new_agent(api, api.default_project_id())
    observe(api, agent, cid())
    r = api.get(f"{V2}export_call_logs/", params={"agent_id": agent})
    progress_id = r.json()["progress_id"]
    db = Database(api.server.settings)
    try:
        await asyncio.to_thread(finished, api, f"{V2}export_call_logs_progress/", progress_id)
        long_ago = utcnow() - timedelta(hours=1)
        async with db.session() as session:  # as if a process died running it
            await session.execute(
                update(CallLogJob)
                .where(CallLogJob.id == progress_id)
                .values(state="running", claimed_by="dead-worker", heartbeat_at=long_ago)
            )
        claimed = await jobs.claim(db, "test-worker", 10, timedelta(seconds=60))
        assert progress_id in claimed
        async with db.session() as session:
            job = await session.get(CallLogJob, progress_id)
            assert job is not None and job.claimed_by == "test-worker" and job.attempts == 2
            job.state, job.attempts, job.heartbeat_at = "running", jobs.MAX_ATTEMPTS, long_ago
        assert progress_id not in await jobs.claim(db, "test-worker", 10, timedelta(seconds=60))
        async with db.session() as session:
            job = await session.get(CallLogJob, progress_id)
            assert job is not None and job.state == "failed" and "interrupted" in (job.error or "")
    finally:
        await db.dispose()

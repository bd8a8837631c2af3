"""What production-call jobs leave on disk is deleted in time: export files after
VOXTEST_EXPORT_RETENTION_HOURS (the job then says it expired), uploads that no
`complete-upload/` took after VOXTEST_UPLOAD_RETENTION_HOURS; newer ones stay."""

from __future__ import annotations

import asyncio
import os
import time
import uuid
from datetime import timedelta
from urllib.parse import urlsplit

import httpx
import pytest
from sqlalchemy import update

from tests.api.call_log_support import V2, observe
from tests.api.factories import new_agent
from tests.api.test_call_logs_jobs import finished
from tests.conftest import Api
from voxtest.context import Services
from voxtest.services import call_logs_retention as retention
from voxtest.services import call_logs_upload as uploads
from voxtest.services.call_logs_worker import CallLogJobs
from voxtest.storage.tables import CallLogJob
from voxtest.storage.tables.base import utcnow

WAV = b"RIFF" + bytes(range(256)) * 8


def _export(api: Api, agent: int) -> dict[str, object]:
    r = api.get(f"{V2}export_call_logs/", params={"agent_id": agent})
    assert r.status_code == 200, r.text
    return finished(api, f"{V2}export_call_logs_progress/", r.json()["progress_id"])


async def _sweep(api: Api) -> retention.Swept:
    services = await Services.start(api.server.settings, migrate_schema=False)
    try:
        return await retention.sweep(services)
    finally:
        await services.close()


async def test_an_old_export_is_deleted_and_says_so_a_new_one_stays(api: Api) -> None:
    agent = new_agent(api, api.default_project_id())
    observe(api, agent, f"call_{uuid.uuid4().hex[:10]}")
    old = await asyncio.to_thread(_export, api, agent)
    new = await asyncio.to_thread(_export, api, agent)
    services = await Services.start(api.server.settings, migrate_schema=False)
    try:
        long_ago = utcnow() - timedelta(hours=api.server.settings.export_retention_hours + 1)
        async with services.db.session() as session:
            await session.execute(
                update(CallLogJob)
                .where(CallLogJob.id == old["progress_id"])
                .values(updated_at=long_ago)
            )
            job = await session.get(CallLogJob, old["progress_id"])
            assert job is not None and job.result_path
            file = api.server.settings.home / job.result_path
        assert file.is_file()
        swept = await retention.sweep(services)
    finally:
        await services.close()
    assert swept.exports == 1 and not file.exists()
    progress = api.get(
        f"{V2}export_call_logs_progress/", params={"progress_id": old["progress_id"]}
    )
    expired = progress.json()
    assert expired["status"] == "expired" and expired["download_url"] is None
    assert "VOXTEST_EXPORT_RETENTION_HOURS" in expired["error"]
    download = api.get("/" + str(old["download_url"]).split("://", 1)[1].split("/", 1)[1])
    assert download.status_code == 404 and "export again" in download.text
    fresh = api.get("/" + str(new["download_url"]).split("://", 1)[1].split("/", 1)[1])
    assert fresh.status_code == 200


async def test_an_abandoned_upload_is_deleted_a_recent_one_stays(api: Api) -> None:
    def upload() -> str:
        issued = api.post(f"{V2}get-upload-url/", {"file_name": "call.wav"}).json()
        path = urlsplit(issued["upload_url"]).path
        assert httpx.put(api.server.url + path, content=WAV, timeout=30).status_code == 200
        return str(issued["file_key"])

    old, recent = await asyncio.to_thread(upload), await asyncio.to_thread(upload)
    project = api.get(f"/user/v1/projects/{api.default_project_id()}/").json()
    org = project["organization"]["id"]
    staged = uploads.staged_path(api.server.settings, org, old)
    assert staged is not None
    keep_s = api.server.settings.upload_retention_hours * 3600
    stale = time.time() - keep_s - 60
    os.utime(staged, (stale, stale))
    swept = await _sweep(api)
    assert swept.uploads >= 1 and not staged.exists()
    body = {
        "file_key": old,
        "call_id": f"call_{uuid.uuid4().hex[:10]}",
        "agent": new_agent(api, api.default_project_id()),
        "transcript_type": "vapi",
        "transcript_json": [{"role": "user", "message": "Hi", "time": 0.0}],
    }
    gone = api.post(f"{V2}complete-upload/", body)
    assert gone.status_code == 404 and "Nothing was uploaded" in gone.text
    assert uploads.staged_path(api.server.settings, org, recent) is not None


async def test_each_process_sweeps_at_start_then_every_few_minutes(
    api: Api, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[float] = []

    async def counted(services: Services) -> retention.Swept:
        calls.append(time.monotonic())
        return retention.Swept(0, 0)

    monkeypatch.setattr(retention, "sweep", counted)
    services = await Services.start(api.server.settings, migrate_schema=False)
    try:
        loop = CallLogJobs(services)
        await loop.tidy()
        await loop.tidy()  # too soon: nothing
        assert len(calls) == 1
        assert loop._swept_at is not None
        loop._swept_at -= retention.SWEEP_EVERY_S
        await loop.tidy()
        assert len(calls) == 2
    finally:
        await services.close()

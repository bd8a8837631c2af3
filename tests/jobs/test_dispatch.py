"""The dispatcher against a real PostgreSQL and procrastinate's own tables: one job per
reserved run, idempotent redelivery, and repair of a job whose worker died before the run
started."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from datetime import timedelta
from pathlib import Path

import procrastinate
import pytest
from sqlalchemy import text

from tests.conftest import fresh_pg_database
from tests.runs.test_store import _result, _statuses
from voxtest.context import Services
from voxtest.jobs.dispatch import Dispatcher
from voxtest.jobs.queue import QUEUE, TASK, build_app, ensure_schema
from voxtest.runs import store
from voxtest.settings import Settings

pytestmark = pytest.mark.postgres


@pytest.fixture
def pg_url() -> Iterator[str]:
    with fresh_pg_database() as url:
        yield url


@pytest.fixture
async def queued(tmp_path: Path, pg_url: str) -> AsyncIterator[tuple[Services, procrastinate.App]]:
    settings = Settings(home=tmp_path, database_url=pg_url, jobs="procrastinate")
    services = await Services.start(settings)
    app = build_app(settings)
    try:
        async with app.open_async():
            await ensure_schema(app, services.db.engine)
            await ensure_schema(app, services.db.engine)  # a second start finds it made
            yield services, app
    finally:
        await services.close()


async def _jobs(services: Services) -> list[tuple[int, str]]:
    async with services.db.session() as s:
        rows = await s.execute(
            text("SELECT (args->>'run_id')::int, status FROM procrastinate_jobs ORDER BY id")
        )
        return [(int(r[0]), str(r[1])) for r in rows]


async def test_one_job_per_reserved_run_and_redelivery_is_idempotent(
    queued: tuple[Services, procrastinate.App],
) -> None:
    services, app = queued
    _, ids = await _result(services, 3, cap=2)
    dispatcher = Dispatcher(services, app)
    assert await dispatcher.dispatch_once() == 2
    assert await _jobs(services) == [(ids[0], "todo"), (ids[1], "todo")]
    await dispatcher.defer(ids[:2])  # e.g. a repair pass while the jobs still wait
    assert await _jobs(services) == [(ids[0], "todo"), (ids[1], "todo")]
    assert await dispatcher.dispatch_once() == 0  # the request's cap of 2 is reserved


async def test_a_job_taken_by_a_dead_worker_goes_back_to_the_queue(
    queued: tuple[Services, procrastinate.App],
) -> None:
    services, app = queued
    _, ids = await _result(services, 1)
    dispatcher = Dispatcher(services, app)
    await dispatcher.dispatch_once()
    worker_id = await app.job_manager.register_worker()
    job = await app.job_manager.fetch_job([QUEUE], worker_id)
    assert job is not None and job.task_name == TASK
    async with services.db.session() as s:  # the worker stops sending heartbeats
        await s.execute(
            text("UPDATE procrastinate_workers SET last_heartbeat = now() - interval '1 hour'")
        )
    await dispatcher.repair()
    assert await _jobs(services) == [(ids[0], "failed")]
    assert await _statuses(services, ids) == ["in_queue"]  # back in the queue, not failed
    assert await dispatcher.dispatch_once() == 1
    assert await _jobs(services) == [(ids[0], "failed"), (ids[0], "todo")]


async def test_reservations_without_a_job_are_delivered_again(
    queued: tuple[Services, procrastinate.App],
) -> None:
    services, app = queued
    _, ids = await _result(services, 1)
    await store.claim(services.db, "dispatcher", 1, reserve=True)  # then the process died
    assert await _jobs(services) == []
    await Dispatcher(services, app, redeliver_after=timedelta(seconds=-1)).repair()
    assert await _jobs(services) == [(ids[0], "todo")]

"""The executor's database rules on a scratch SQLite database: claiming within the request's
and the organization's limits, and failing runs a dead process left running."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from voxtest.context import Services
from voxtest.runs import result_state, store
from voxtest.runs.executor import Executor
from voxtest.settings import Settings
from voxtest.storage.tables import Agent, Organization, Project, Result, Run
from voxtest.storage.tables.base import utcnow


@pytest.fixture
async def services(tmp_path: Path) -> AsyncIterator[Services]:
    started = await Services.start(Settings(home=tmp_path))
    yield started
    await started.close()


async def _result(
    services: Services, runs: int, *, cap: int | None = None, org_limit: int | None = None
) -> tuple[int, list[int]]:
    async with services.db.session() as s:
        org = Organization(name=f"org-{utcnow().timestamp()}", attrs={})
        if org_limit is not None:
            org.attrs = {"max_concurrent_chat_runs_limit": org_limit}
        s.add(org)
        await s.flush()
        project = Project(organization_id=org.id, name="p")
        s.add(project)
        await s.flush()
        agent = Agent(organization_id=org.id, project_id=project.id, name="a")
        s.add(agent)
        await s.flush()
        result = Result(
            organization_id=org.id,
            project_id=project.id,
            agent_id=agent.id,
            concurrency_limit=cap,
        )
        s.add(result)
        await s.flush()
        made = [
            Run(
                organization_id=org.id,
                project_id=project.id,
                agent_id=agent.id,
                result_id=result.id,
            )
            for _ in range(runs)
        ]
        s.add_all(made)
        await s.flush()
        return result.id, [r.id for r in made]


async def _statuses(services: Services, ids: list[int]) -> list[str]:
    async with services.db.session() as s:
        rows = await s.scalars(select(Run.status).where(Run.id.in_(ids)).order_by(Run.id))
        return list(rows)


async def test_claims_respect_the_request_concurrency_limit(services: Services) -> None:
    result_id, ids = await _result(services, 3, cap=2)
    assert await store.claim(services.db, "w1", 10) == ids[:2]
    assert await _statuses(services, ids) == ["running", "running", "in_queue"]
    assert await store.claim(services.db, "w2", 10) == []  # another process: same limits
    async with services.db.session() as s:
        assert (await s.get(Result, result_id)).status == "running"  # type: ignore[union-attr]


async def test_claims_respect_the_organization_limit(services: Services) -> None:
    _, ids = await _result(services, 3, org_limit=1)
    assert await store.claim(services.db, "w1", 10) == ids[:1]
    done = store.Finished("completed", "Testing agent-ended-call", None, 1.0, [], {})
    await store.finish(services.db, ids[0], "w1", done)
    assert await store.claim(services.db, "w1", 10) == ids[1:2]


async def test_claims_stop_at_the_free_slots(services: Services) -> None:
    _, ids = await _result(services, 3)
    assert await store.claim(services.db, "w1", 1) == ids[:1]
    assert await store.claim(services.db, "w1", 0) == []


async def test_run_starts_keep_each_organizations_pace(services: Services) -> None:
    _, ids = await _result(services, 8, org_limit=20)
    _, others = await _result(services, 2, org_limit=20)
    claimed = await store.claim(services.db, "w1", 20, starts_per_second=3)
    assert claimed == [*ids[:3], *others]  # the other organization keeps its own pace
    assert await store.claim(services.db, "w2", 20, starts_per_second=3) == []  # same second
    assert await _statuses(services, ids[3:]) == ["in_queue"] * 5
    async with services.db.session() as s:  # a second later
        for run in await s.scalars(select(Run).where(Run.id.in_(claimed))):
            run.claimed_at = utcnow() - timedelta(seconds=1.5)
    assert await store.claim(services.db, "w2", 20, starts_per_second=3) == ids[3:6]
    assert await store.claim(services.db, "w2", 20, starts_per_second=0) == ids[6:]  # no pace


async def test_runs_left_running_by_a_dead_process_fail_at_start(services: Services) -> None:
    result_id, ids = await _result(services, 2)
    assert await store.claim(services.db, "dead", 10) == ids
    async with services.db.session() as s:
        for run in await s.scalars(select(Run).where(Run.id.in_(ids))):
            run.heartbeat_at = utcnow() - timedelta(minutes=5)
    executor = Executor(services, poll_s=60)
    await executor.start()
    await executor.stop()
    async with services.db.session() as s:
        runs = list(await s.scalars(select(Run).where(Run.id.in_(ids))))
        assert {r.status for r in runs} == {"failed"}
        assert {r.error_message for r in runs} == {store.ABANDONED}
        assert (await s.get(Result, result_id)).status == "failed"  # type: ignore[union-attr]


async def test_a_live_process_keeps_its_runs(services: Services) -> None:
    _, ids = await _result(services, 1)
    await store.claim(services.db, "alive", 1)
    await store.heartbeat(services.db, "alive", ids)
    assert await store.fail_abandoned(services.db, timedelta(seconds=60)) == []
    assert await _statuses(services, ids) == ["running"]


def test_result_status_follows_its_runs() -> None:
    assert result_state.result_status(["pending", "in_queue"]) == "pending"
    assert result_state.result_status(["running", "pending"]) == "running"
    assert result_state.result_status(["completed", "pending"]) == "running"
    assert result_state.result_status(["completed", "failed"]) == "completed"
    assert result_state.result_status(["failed", "timeout"]) == "failed"


async def test_reserved_runs_count_against_limits_until_a_worker_starts_them(
    services: Services,
) -> None:
    _, ids = await _result(services, 3, cap=2)
    assert await store.claim(services.db, "dispatcher", 10, reserve=True) == ids[:2]
    assert await _statuses(services, ids) == ["in_queue"] * 3
    assert await store.claim(services.db, "dispatcher", 10, reserve=True) == []  # cap holds
    assert await store.claim(services.db, "w1", 10) == []  # for embedded claims too
    assert await store.start_reserved(services.db, ids[0], "w1")
    assert not await store.start_reserved(services.db, ids[0], "w2")  # a duplicate job
    assert not await store.start_reserved(services.db, ids[2], "w1")  # never reserved
    assert await _statuses(services, ids) == ["running", "in_queue", "in_queue"]


async def test_released_reservations_are_claimed_again(services: Services) -> None:
    _, ids = await _result(services, 2, cap=1)
    assert await store.claim(services.db, "dispatcher", 10, reserve=True) == ids[:1]
    assert await store.reserved_since(services.db, timedelta(seconds=60)) == []
    assert await store.reserved_since(services.db, timedelta(seconds=-1)) == ids[:1]
    await store.release_reserved(services.db, ids[:1])
    assert await store.claim(services.db, "dispatcher", 10, reserve=True) == ids[:1]


async def test_cancelling_a_reserved_run_keeps_the_worker_from_starting_it(
    services: Services,
) -> None:
    _, ids = await _result(services, 1)
    await store.claim(services.db, "dispatcher", 1, reserve=True)
    async with services.db.session() as s:
        assert await store.request_cancel(s, ids) == []
    assert not await store.start_reserved(services.db, ids[0], "w1")
    assert await _statuses(services, ids) == ["cancelled"]

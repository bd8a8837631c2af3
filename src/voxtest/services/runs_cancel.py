"""Ending runs: `runs/{id}/end_call/`, `results/{id}/end_calls/`, `results/{id}/delete_runs/`.

Each returns the ids of the runs that were running: the database holds the request
(`cancel_requested`, seen by whichever process runs them); the route also hands them to its
own process's executor so a run held there stops at once. Waiting runs end `cancelled`
without starting; finished runs are left alone.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from voxtest.api.auth import Principal
from voxtest.errors import ValidationFailed
from voxtest.runs import result_state, store
from voxtest.services import tenancy
from voxtest.storage.tables import Result, Run

MAX_DELETE = 100


async def end_call(session: AsyncSession, principal: Principal, run_id: int) -> list[int]:
    run = await tenancy.owned(session, principal, Run, run_id)
    return await store.request_cancel(session, [run.id])


async def end_calls(session: AsyncSession, principal: Principal, result_id: int) -> list[int]:
    result = await tenancy.owned(session, principal, Result, result_id)
    unfinished = select(Run.id).where(
        Run.result_id == result.id, Run.status.not_in(result_state.TERMINAL)
    )
    return await store.request_cancel(session, list(await session.scalars(unfinished)))


async def delete_runs(
    session: AsyncSession, principal: Principal, result_id: int, body: dict[str, Any]
) -> list[int]:
    """Delete runs of the result (cancelling running ones); the result's status and counts
    follow the runs that are left."""
    result = await tenancy.owned(session, principal, Result, result_id)
    ids = list(dict.fromkeys(body.get("run_ids") or []))
    await _check_ids(session, result, ids)
    running = await store.request_cancel(session, ids)
    await session.execute(delete(Run).where(Run.id.in_(ids), Run.result_id == result.id))
    await result_state.refresh_result_ids(session, [result.id])
    return running


async def _check_ids(session: AsyncSession, result: Result, ids: list[int]) -> None:
    if not ids:
        raise ValidationFailed({"run_ids": ["This list may not be empty."]})
    if len(ids) > MAX_DELETE:
        raise ValidationFailed({"run_ids": [f"Send at most {MAX_DELETE} run ids at a time."]})
    query = select(Run.id).where(Run.id.in_(ids), Run.result_id == result.id)
    found = set(await session.scalars(query))
    missing = [i for i in ids if i not in found]
    if missing:
        raise ValidationFailed({"run_ids": [f"Runs not in this result: {missing}."]})

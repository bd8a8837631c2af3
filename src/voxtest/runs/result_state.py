"""A Result's status in step with its runs: running while any run waits or runs, then
completed, cancelled or failed; a result that just finished gets its `result.completed`
webhook and notices in the same transaction."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from voxtest.services.webhook_events import result_finished
from voxtest.storage.tables import Result, Run

WAITING = ("pending", "in_queue")
TERMINAL = ("completed", "failed", "timeout", "cancelled")


async def refresh_results(session: AsyncSession, run_ids: list[int]) -> None:
    """Set the status of the results of `run_ids` from their runs: running while any run
    waits or runs; then completed if any run completed, failed if none did."""
    if not run_ids:
        return
    result_ids = set(await session.scalars(select(Run.result_id).where(Run.id.in_(run_ids))))
    await refresh_result_ids(session, result_ids)


async def refresh_result_ids(session: AsyncSession, result_ids: Iterable[int]) -> None:
    """Set each result's status from its runs; a result that just finished gets its
    `result.completed` webhook and notices written in this same transaction."""
    for result_id in sorted(set(result_ids)):
        # Lock the result so two runs finishing at once cannot both see the other running.
        before = await session.scalar(
            select(Result.status).where(Result.id == result_id).with_for_update()
        )
        statuses = list(await session.scalars(select(Run.status).where(Run.result_id == result_id)))
        status = result_status(statuses)
        await session.execute(update(Result).where(Result.id == result_id).values(status=status))
        if status in TERMINAL and before is not None and before not in TERMINAL:
            await result_finished(session, result_id)


def result_status(statuses: list[str]) -> str:
    """Running while a run waits or runs; then completed if any completed (or none is left),
    cancelled if every run was cancelled, else failed."""
    if any(s not in TERMINAL for s in statuses):
        started = ("running", "evaluating", *TERMINAL)
        return "running" if any(s in started for s in statuses) else "pending"
    if not statuses or "completed" in statuses:
        return "completed"
    return "cancelled" if all(s == "cancelled" for s in statuses) else "failed"


async def results_running(session: AsyncSession, claimed: list[int]) -> None:
    """Waiting results of the runs `claimed` are running now."""
    if claimed:
        result_ids = select(Run.result_id).where(Run.id.in_(claimed))
        await session.execute(
            update(Result)
            .where(Result.id.in_(result_ids), Result.status.in_(WAITING))
            .values(status="running")
        )

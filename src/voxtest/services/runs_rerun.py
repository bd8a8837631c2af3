"""`results/{id}/rerun/`: a new Result that plays the same runs again.

Each run of the result is run again (same scenario, personality, test profile and websocket
URL) under a new Result with the original's name, settings and connection. A scenario that
still exists is played as it is now; a run whose scenario was deleted replays its snapshot.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from voxtest.api.auth import Principal
from voxtest.errors import ValidationFailed
from voxtest.services import results, tenancy
from voxtest.services.runs_create import NewRun, create
from voxtest.storage.tables import Result, Run, Scenario


async def rerun(session: AsyncSession, principal: Principal, result_id: int) -> dict[str, Any]:
    """The new Result, as the results list shows it."""
    old = await tenancy.owned(session, principal, Result, result_id)
    runs = list(await session.scalars(select(Run).where(Run.result_id == old.id).order_by(Run.id)))
    if not runs:
        raise ValidationFailed({"runs": ["The result has no runs to rerun."]})
    wanted = {r.scenario_id for r in runs if r.scenario_id is not None}
    scenarios = {
        s.id: s for s in await session.scalars(select(Scenario).where(Scenario.id.in_(wanted)))
    }
    created = await create(session, _copy(old), scenarios, [_again(run) for run in runs])
    return await results.summary(session, principal, int(created["id"]))


def _copy(old: Result) -> Result:
    return Result(
        organization_id=old.organization_id,
        project_id=old.project_id,
        agent_id=old.agent_id,
        name=old.name,
        status="pending",
        run_as_text=old.run_as_text,
        run_type=old.run_type,
        concurrency_limit=old.concurrency_limit,
        run_settings=dict(old.run_settings or {}),
        connection=dict(old.connection or {}),
    )


def _again(run: Run) -> NewRun:
    snap = run.snapshot or {}
    url = snap.get("websocket_url")
    return NewRun(
        run.scenario_id,
        run.personality_id,
        run.test_profile_id,
        websocket_url=str(url) if url else None,
        snapshot=snap,
    )

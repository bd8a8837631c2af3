"""A result's reliability report: per scenario (and overall) the pass rate with its 95 %
interval and pass^k, from the result's runs (`domain.reliability`)."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from voxtest.api.auth import Principal
from voxtest.domain.reliability import reliability
from voxtest.services import tenancy
from voxtest.storage.tables import Result, Run, Scenario


async def reliability_report(
    session: AsyncSession, principal: Principal, result_id: int
) -> dict[str, Any]:
    result = await tenancy.owned(session, principal, Result, result_id)
    rows = (
        await session.execute(
            select(Run.scenario_id, Run.status, Run.success)
            .where(Run.result_id == result.id)
            .order_by(Run.id)
        )
    ).all()
    by_scenario: dict[int | None, list[tuple[str, bool]]] = defaultdict(list)
    for scenario_id, status, success in rows:
        by_scenario[scenario_id].append((status, bool(success)))
    ids = [s for s in by_scenario if s is not None]
    names = dict(
        (
            await session.execute(select(Scenario.id, Scenario.name).where(Scenario.id.in_(ids)))
        ).all()
    )
    scenarios = [
        {
            "scenario": sid,
            "scenario_name": names.get(sid, "") if sid else "",
            **reliability(runs).report(),
        }
        for sid, runs in by_scenario.items()
    ]
    every = [(status, bool(success)) for _, status, success in rows]
    return {"result": result.id, "overall": reliability(every).report(), "scenarios": scenarios}

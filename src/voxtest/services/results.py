"""Results (one run request each): list with filters, detail with its runs keyed by id."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from voxtest.api.auth import Principal
from voxtest.api.pagination import PageRequest
from voxtest.api.wire._generated import Result as ResultShape
from voxtest.api.wire._generated import ResultDetailV2
from voxtest.api.wire.base import shaped
from voxtest.domain.transcript import clock
from voxtest.evaluation.model import MetricValue
from voxtest.evaluation.rubric_eval import performance_metrics, success_rate
from voxtest.services import runs_read, tenancy
from voxtest.services.agents import agents_by_assistant_id
from voxtest.services.common import iso
from voxtest.services.metrics_links import rubric_of as project_rubric
from voxtest.services.runs import ids_of
from voxtest.storage.tables import Agent, CronJobResult, Result, Run

FAILED = frozenset({"failed", "timeout", "cancelled"})
DONE = frozenset({"completed", *FAILED})
FULL_SCORE = 100.0  # an expected outcome met in every clause


async def list_results(
    session: AsyncSession, principal: Principal, page: PageRequest, filters: dict[str, Any]
) -> dict[str, Any]:
    query = await _filtered(session, principal, filters)
    count = await session.scalar(select(func.count()).select_from(query.subquery())) or 0
    page.check(count)
    rows = (
        await session.scalars(
            query.order_by(Result.id.desc()).offset(page.offset).limit(page.page_size)
        )
    ).all()
    return page.respond(count, await _serialize_many(session, rows, detail=False))


async def get_result(session: AsyncSession, principal: Principal, result_id: int) -> dict[str, Any]:
    row = await tenancy.owned(session, principal, Result, result_id)
    return (await _serialize_many(session, [row], detail=True))[0]


async def summary(session: AsyncSession, principal: Principal, result_id: int) -> dict[str, Any]:
    """A result as the results list shows it (`Result`)."""
    row = await tenancy.owned(session, principal, Result, result_id)
    return (await _serialize_many(session, [row], detail=False))[0]


async def _filtered(
    session: AsyncSession, principal: Principal, filters: dict[str, Any]
) -> Select[Result]:
    query = tenancy.visible(principal, Result)
    if filters.get("agent_id") is not None:
        query = query.where(Result.agent_id == filters["agent_id"])
    if filters.get("project_id") is not None:
        query = query.where(Result.project_id == filters["project_id"])
    if filters.get("assistant_id"):
        agents = await agents_by_assistant_id(session, principal, filters["assistant_id"])
        query = query.where(Result.agent_id.in_(agents))
    if filters.get("search"):
        query = query.where(Result.name.ilike(f"%{filters['search']}%"))
    if filters.get("scenarios"):
        ids = ids_of(filters["scenarios"], "scenarios")
        query = query.where(Result.id.in_(select(Run.result_id).where(Run.scenario_id.in_(ids))))
    return query


async def _serialize_many(
    session: AsyncSession, rows: Sequence[Result], *, detail: bool
) -> list[dict[str, Any]]:
    ids = [r.id for r in rows]
    runs: dict[int, list[Run]] = {i: [] for i in ids}
    for run in await session.scalars(select(Run).where(Run.result_id.in_(ids)).order_by(Run.id)):
        runs[run.result_id].append(run)
    agents = dict(
        (
            await session.execute(
                select(Agent.id, Agent.name).where(Agent.id.in_({r.agent_id for r in rows}))
            )
        ).all()
    )
    cron = set(
        await session.scalars(
            select(CronJobResult.result_id).where(CronJobResult.result_id.in_(ids))
        )
    )
    out = []
    for row in rows:
        name = agents.get(row.agent_id)
        data = _full(row, runs[row.id], name)
        data["is_cronjob"] = row.id in cron
        if detail:
            data["performance_metrics"] = await _performance(session, row, runs[row.id])
            full_runs = await runs_read.serialize_many(session, runs[row.id], runs_read.RunShape)
            data["runs"] = {str(r["id"]): r for r in full_runs}
            out.append(shaped(data, ResultDetailV2))
        else:
            data["runs"] = [_summary(run) for run in runs[row.id]]
            out.append(shaped(data, ResultShape))
    return out


async def _performance(session: AsyncSession, row: Result, runs: list[Run]) -> list[Any]:
    """Per rubric rule: the aggregate of the result's evaluated runs against the rule."""
    rubric = await project_rubric(session, row.project_id)
    evaluated = [
        [MetricValue.from_wire(m) for m in (r.evaluation or {}).get("metrics") or []]
        for r in runs
        if r.evaluation
    ]
    return performance_metrics(rubric, evaluated) if rubric and evaluated else []


def _summary(run: Run) -> dict[str, Any]:
    snap = run.snapshot or {}
    return {
        "id": run.id,
        "scenario": run.scenario_id,
        "scenario_name": snap.get("scenario_name"),
        "status": run.status,
        "success": run.success,
        "duration": runs_read.duration(run),
    }


def _full(row: Result, runs: list[Run], agent_name: str | None) -> dict[str, Any]:
    """Every field either result shape has."""
    connected = [r.id for r in runs if r.transcript]
    outcomes = [(r.expected_outcome or {}).get("score") for r in runs]
    scored = [s for s in outcomes if isinstance(s, int | float)]
    scenarios = {r.scenario_id: (r.snapshot or {}).get("scenario_name") for r in runs}
    return {
        "id": row.id,
        "name": row.name,
        "agent": row.agent_id,
        "agent_name": agent_name,
        "status": row.status,
        "success_rate": success_rate(r.success for r in runs if r.status in DONE),
        "run_as_text": row.run_as_text,
        "is_cronjob": False,
        "met_expected_outcome_count": sum(s >= FULL_SCORE for s in scored),
        "total_expected_outcome_count": len(scored),
        "total_runs_count": len(runs),
        "completed_runs_count": sum(r.status == "completed" for r in runs),
        "success_runs_count": sum(r.success for r in runs),
        "failed_runs_count": sum(r.status in FAILED for r in runs),
        "connected_runs": connected,
        "not_connected_runs": [r.id for r in runs if r.id not in set(connected)],
        "successful_calls": [r.id for r in runs if r.success],
        "total_duration": clock(sum(r.duration_s or 0.0 for r in runs)),
        "scenarios": [{"id": i, "name": n} for i, n in scenarios.items() if i is not None],
        "overall_evaluation": None,
        "run_type": row.run_type,
        "run_settings": row.run_settings or {},
        "created_at": iso(row.created_at),
        "updated_at": iso(row.updated_at),
    }

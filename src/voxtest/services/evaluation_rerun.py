"""Evaluating finished runs again: `results/{id}/evaluate_metrics/` and
`results/bulk_evaluate_metrics/`.

The request is checked, then the chosen runs are marked `evaluating` (their conversation's
status kept in details, as after a call) and held by this process's background evaluator
(`claimed_by`, heartbeats); the answer goes out at once and each run gets its conversation's
status back, with the new values, when its evaluation is stored. A run left `evaluating` by a
process that died gets its status back from the executors' sweep, with a note saying to
evaluate it again.

A metric can be evaluated on a run when it belongs to the run's project and is a project-level
metric or one of the run's agent's, attached to the run's scenario or not.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from voxtest.api.auth import Principal
from voxtest.api.wire._generated import (
    SchemaPostBulkEvaluateResultMetricsWrite,
    SchemaPostReRunResultDetailWrite,
)
from voxtest.errors import ValidationFailed
from voxtest.runs.store import CONVERSATION_STATUS
from voxtest.services import tenancy
from voxtest.services.common import raise_if
from voxtest.services.metrics_links import does_not_exist
from voxtest.storage.tables import Metric, Result, Run
from voxtest.storage.tables.base import utcnow

EVALUABLE = ("completed", "failed", "timeout")  # conversations that ended (cancelled ones aren't)
MAX_RESULTS = 100
EMPTY = "This list may not be empty."

Errors = dict[str, list[str]]


@dataclass(frozen=True)
class Chosen:
    """Runs marked `evaluating`, to be evaluated in the background with these metrics."""

    run_ids: list[int]
    metric_ids: list[int]


async def evaluate_metrics(
    session: AsyncSession,
    principal: Principal,
    result_id: int,
    body: SchemaPostReRunResultDetailWrite,
    worker: str,
) -> Chosen:
    """Check `{run_ids, metric_ids}` against result `result_id` and mark the runs."""
    result = await tenancy.owned(session, principal, Result, result_id)
    given = body.given()
    errors: Errors = body.missing()
    run_ids = _ids(given, "run_ids", errors)
    metric_ids = _ids(given, "metric_ids", errors)
    if run_ids:
        await _check_runs(session, result, run_ids, errors)
    if metric_ids:
        await _check_metrics(session, principal, [result], metric_ids, errors)
    raise_if(errors)
    marked = await _mark(session, run_ids, worker)
    if len(marked) < len(run_ids):
        busy = sorted(set(run_ids) - set(marked))
        raise ValidationFailed({"run_ids": [f"Runs {busy} changed meanwhile; send it again."]})
    await _results_running(session, [result.id])
    return Chosen(marked, metric_ids)


async def bulk_evaluate_metrics(
    session: AsyncSession,
    principal: Principal,
    body: SchemaPostBulkEvaluateResultMetricsWrite,
    worker: str,
) -> Chosen:
    """Mark every completed, failed or timed-out run of the results (runs still playing or
    being evaluated are left alone)."""
    given = body.given()
    errors: Errors = body.missing()
    result_ids = _ids(given, "result_ids", errors)
    metric_ids = _ids(given, "metric_ids", errors)
    if len(result_ids) > MAX_RESULTS:
        errors["result_ids"] = [f"Send at most {MAX_RESULTS} result ids at a time."]
        result_ids = []
    found: list[Result] = []
    if result_ids:
        query = tenancy.visible(principal, Result).where(Result.id.in_(result_ids))
        found = list(await session.scalars(query))
        unknown = sorted(set(result_ids) - {r.id for r in found})
        if unknown:
            errors["result_ids"] = does_not_exist(unknown)
    if metric_ids and found:
        await _check_metrics(session, principal, found, metric_ids, errors)
    raise_if(errors)
    finished = select(Run.id).where(Run.result_id.in_(result_ids), Run.status.in_(EVALUABLE))
    marked = await _mark(session, list(await session.scalars(finished.order_by(Run.id))), worker)
    touched = select(Run.result_id).where(Run.id.in_(marked)).distinct()
    await _results_running(session, list(await session.scalars(touched)))
    return Chosen(marked, metric_ids)


async def mark_for_evaluation(
    session: AsyncSession, run_ids: Sequence[int], worker: str
) -> list[int]:
    """Mark runs whose conversation ended `evaluating` for `worker` (their results running);
    returns those marked (a run still playing is evaluated when it ends anyway)."""
    marked = await _mark(session, run_ids, worker)
    touched = select(Run.result_id).where(Run.id.in_(marked)).distinct()
    await _results_running(session, list(await session.scalars(touched)))
    return marked


def _ids(given: Mapping[str, Any], field: str, errors: Errors) -> list[int]:
    """The ids of list `field` (integers or their strings), without repeats."""
    if field not in given:
        return []
    raw = given[field] or []
    if not raw:
        errors[field] = [EMPTY]
        return []
    ids: list[int] = []
    for item in raw:
        try:
            ids.append(int(str(item).strip()))
        except ValueError:
            errors[field] = [f'"{item}" is not a valid id.']
            return []
    return list(dict.fromkeys(ids))


async def _check_runs(
    session: AsyncSession, result: Result, run_ids: list[int], errors: Errors
) -> None:
    rows = await session.execute(
        select(Run.id, Run.status).where(Run.id.in_(run_ids), Run.result_id == result.id)
    )
    status = dict(rows.all())
    outside = [i for i in run_ids if i not in status]
    if outside:
        errors["run_ids"] = [f"Runs not in this result: {outside}."]
        return
    busy = [f"{i} ({status[i]})" for i in run_ids if status[i] not in EVALUABLE]
    if busy:
        errors["run_ids"] = [
            "Only completed, failed or timed-out runs can be evaluated; these are not: "
            f"{', '.join(busy)}."
        ]


async def _check_metrics(
    session: AsyncSession,
    principal: Principal,
    results: Sequence[Result],
    metric_ids: list[int],
    errors: Errors,
) -> None:
    """Each metric must be visible and in scope of every result's agent."""
    query = tenancy.visible(principal, Metric).where(Metric.id.in_(metric_ids))
    metrics = {m.id: m for m in await session.scalars(query)}
    unknown = [i for i in metric_ids if i not in metrics]
    if unknown:
        errors["metric_ids"] = does_not_exist(unknown)
        return
    problems = [
        f"Metric {m.id} ({m.name}) is not available to the agent of result {r.id}."
        for r in results
        for m in metrics.values()
        if not _in_scope(m, r)
    ]
    if problems:
        errors["metric_ids"] = [
            *problems,
            "A result's runs can be evaluated with its project's project-level metrics and "
            "its agent's metrics.",
        ]


def _in_scope(metric: Metric, result: Result) -> bool:
    return metric.project_id == result.project_id and metric.agent_id in (None, result.agent_id)


async def _mark(session: AsyncSession, run_ids: Iterable[int], worker: str) -> list[int]:
    """Mark the runs `evaluating` for `worker`, each only if its status did not change since
    it was checked; returns those marked."""
    ids = list(run_ids)
    if not ids:
        return []
    rows = await session.execute(
        select(Run.id, Run.status, Run.details).where(Run.id.in_(ids), Run.status.in_(EVALUABLE))
    )
    marked: list[int] = []
    now = utcnow()
    for run_id, status, details in rows:
        done = await session.execute(
            update(Run)
            .where(Run.id == run_id, Run.status == status)
            .values(
                status="evaluating",
                claimed_by=worker,
                heartbeat_at=now,
                details={**(details or {}), CONVERSATION_STATUS: status},
            )
        )
        if getattr(done, "rowcount", 0):
            marked.append(run_id)
    return sorted(marked)


async def _results_running(session: AsyncSession, result_ids: Iterable[int]) -> None:
    ids = list(result_ids)
    if ids:
        await session.execute(update(Result).where(Result.id.in_(ids)).values(status="running"))

"""Trying an unsaved metric on past runs: `metrics/preview/` and `metrics/preview-progress/`.

The metric (`metric_data`, checked as a new metric would be) is evaluated in the background on
up to ten runs, each with its other stored values (custom code can read them) and without the
expected outcome. The reference types both answers as `{}`; voxtest answers (docs/
compatibility.md):

    {"progress_id", "status": "in_progress" | "completed" | "failed", "total", "done",
     "results": [{"run_id", "name", "type", "score", "enum", "value", "explanation",
                  "extra"}],
     "error"}

each result being the metric's value as the run's `evaluation.metrics[]` would show it, in the
order the runs were asked for. The state lives in the database (`metric_previews`), so any
serving process answers the poll; previews are kept a day.
"""

from __future__ import annotations

import asyncio
import dataclasses
import logging
import uuid
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from sqlalchemy import delete, update
from sqlalchemy.ext.asyncio import AsyncSession

from voxtest.api.auth import Principal
from voxtest.api.wire._generated import MetricPreviewDataWrite, MetricPreviewWrite
from voxtest.domain.metric_rules import canonical_eval_type, definition_errors
from voxtest.errors import NotFound
from voxtest.evaluation.llm_metrics import LlmMetricJudge
from voxtest.evaluation.model import MetricSpec, MetricValue
from voxtest.evaluation.pipeline import evaluate_call
from voxtest.runs.evaluation_inputs import call_facts, metric_spec
from voxtest.services import tenancy
from voxtest.services.common import raise_if
from voxtest.services.metrics_links import does_not_exist
from voxtest.services.metrics_read import DEFAULTS
from voxtest.storage.db import Database
from voxtest.storage.tables import Metric, Run
from voxtest.storage.tables.base import utcnow
from voxtest.storage.tables.runs import MetricPreview

log = logging.getLogger(__name__)

IN_PROGRESS, COMPLETED, FAILED = "in_progress", "completed", "failed"
MAX_RUNS = 10
KEEP = timedelta(days=1)
STALE = timedelta(minutes=15)  # no run finished for this long: the process stopped
ABANDONED = "voxtest stopped while this preview was running; start it again."
NOT_PLAYED = ("pending", "in_queue", "running")  # no conversation to judge yet
PREVIEW_ID = 0  # the unsaved metric's id in the pipeline
COLUMNS = ("name", "type", "eval_type")

Errors = dict[str, Any]


@dataclass(frozen=True)
class PreviewPlan:
    preview_id: str
    spec: MetricSpec
    run_ids: list[int]


async def start_preview(
    session: AsyncSession, principal: Principal, body: MetricPreviewWrite
) -> tuple[PreviewPlan, dict[str, Any]]:
    """Check the request and record the preview; the plan is for the background."""
    errors: Errors = body.missing()
    spec = _spec(body.metric_data, errors) if body.metric_data is not None else None
    run_ids = await _runs(session, principal, body.given(), errors)
    raise_if(errors)
    assert spec is not None  # metric_data is required: its absence is an error above
    row = MetricPreview(
        id=uuid.uuid4().hex,
        organization_id=principal.organization_id,
        project_id=principal.project_id,
        status=IN_PROGRESS,
        total=len(run_ids),
        results=[],
    )
    await session.execute(delete(MetricPreview).where(MetricPreview.created_at < utcnow() - KEEP))
    session.add(row)
    await session.flush()
    return PreviewPlan(row.id, spec, run_ids), progress(row)


async def get_progress(
    session: AsyncSession, principal: Principal, progress_id: str
) -> dict[str, Any]:
    row = await session.get(MetricPreview, progress_id)
    if (
        row is None
        or row.organization_id != principal.organization_id
        or (principal.project_id is not None and row.project_id != principal.project_id)
    ):
        raise NotFound("No metric preview has this progress_id.")
    return progress(row)


def progress(row: MetricPreview) -> dict[str, Any]:
    status, error = row.status, row.error
    if status == IN_PROGRESS and utcnow() - row.updated_at > STALE:
        status, error = FAILED, ABANDONED
    return {
        "progress_id": row.id,
        "status": status,
        "total": row.total,
        "done": len(row.results or []),
        "results": list(row.results or []),
        "error": error,
    }


def _spec(data: MetricPreviewDataWrite, errors: Errors) -> MetricSpec | None:
    """The metric `data` defines, as a saved one would be read; None with `errors` set."""
    given = data.given()
    problems: dict[str, list[str]] = data.missing()
    state: dict[str, Any] = {**DEFAULTS, "name": "", "type": "llm_judge", "eval_type": "binary"}
    state.update(given, eval_type=canonical_eval_type(given.get("eval_type", "binary")))
    for key, messages in definition_errors(state, given, creating=True).items():
        problems.setdefault(key, []).extend(messages)
    if problems:
        errors["metric_data"] = problems
        return None
    attrs = {k: v for k, v in state.items() if k not in COLUMNS}
    metric = Metric(
        id=PREVIEW_ID,
        name=state["name"],
        type=state["type"],
        eval_type=state["eval_type"],
        attrs=attrs,
    )
    return metric_spec(metric)


async def _runs(
    session: AsyncSession, principal: Principal, given: dict[str, Any], errors: Errors
) -> list[int]:
    if given.get("call_log_ids"):
        errors["call_log_ids"] = [
            "Call logs do not exist in voxtest yet (observability is not served); preview the "
            "metric on run_ids."
        ]
        return []
    ids = list(dict.fromkeys(given.get("run_ids") or []))
    if given.get("run_ids") is None:
        errors["run_ids"] = ["Give run_ids: the runs (up to 10) to try the metric on."]
    elif not ids:
        errors["run_ids"] = ["This list may not be empty."]
    elif len(ids) > MAX_RUNS:
        errors["run_ids"] = [f"Ensure this field has no more than {MAX_RUNS} elements."]
    else:
        query = tenancy.visible(principal, Run).where(Run.id.in_(ids))
        found = {r.id: r for r in await session.scalars(query)}
        problems = _run_problems(ids, found, given)
        if problems:
            errors["run_ids"] = problems
    return ids


def _run_problems(ids: list[int], found: dict[int, Run], given: dict[str, Any]) -> list[str]:
    unknown = [i for i in ids if i not in found]
    if unknown:
        return does_not_exist(unknown)
    problems = []
    for field, column in (("agent_id", "agent_id"), ("project_id", "project_id")):
        wanted = given.get(field)
        others = [i for i in ids if wanted is not None and getattr(found[i], column) != wanted]
        if others:
            problems.append(f"Runs {others} do not belong to {field} {wanted}.")
    unplayed = [i for i in ids if found[i].status in NOT_PLAYED]
    if unplayed:
        problems.append(f"Runs {unplayed} have not finished their conversation yet.")
    return problems


async def run_preview(db: Database, plan: PreviewPlan, judge: LlmMetricJudge) -> None:
    """Evaluate the plan's metric on each run, recording each value as it comes."""
    done: dict[int, dict[str, Any]] = {}
    lock = asyncio.Lock()

    async def one(run_id: int) -> None:
        try:
            item = await _on_run(db, plan.spec, run_id, judge)
        except Exception as exc:  # this run's value says so; the others go on
            log.exception("metric preview %s on run %s failed", plan.preview_id, run_id)
            item = _failed(plan.spec, run_id, f"Evaluating this run failed: {exc}")
        async with lock:
            done[run_id] = item
            finished = len(done) == len(plan.run_ids)
            ordered = [done[i] for i in plan.run_ids if i in done]
            await _save(
                db, plan.preview_id, results=ordered, status=COMPLETED if finished else None
            )

    try:
        await asyncio.gather(*(one(run_id) for run_id in plan.run_ids))
    except Exception as exc:  # a bug must end the preview visibly, not leave it running
        log.exception("metric preview %s failed", plan.preview_id)
        await _save(db, plan.preview_id, status=FAILED, error=f"The preview failed: {exc}")


async def _on_run(
    db: Database, spec: MetricSpec, run_id: int, judge: LlmMetricJudge
) -> dict[str, Any]:
    async with db.session() as session:
        run = await session.get(Run, run_id)
        if run is None:
            return _failed(spec, run_id, "The run was deleted.")
        facts = await call_facts(session, run, home=db.settings.home)
        stored = (run.evaluation or {}).get("metrics") or []
        kept = [MetricValue.from_wire(m) for m in stored if isinstance(m, dict)]
    no_outcome = {**facts.scenario, "expected_outcome_prompt": ""}  # not asked again here
    facts = dataclasses.replace(facts, scenario=no_outcome)
    evaluation = await evaluate_call(facts, [spec], None, judge=judge, kept=kept)
    value = next(v for v in evaluation.metrics if v.metric_id == spec.id)
    return _result(run_id, value)


def _failed(spec: MetricSpec, run_id: int, why: str) -> dict[str, Any]:
    value = MetricValue(
        metric_id=spec.id, name=spec.name, eval_type=spec.eval_type, error=why, explanation=(why,)
    )
    return _result(run_id, value)


def _result(run_id: int, value: MetricValue) -> dict[str, Any]:
    wire = value.to_wire()
    wire.pop("id")
    return {"run_id": run_id, **wire}


async def _save(db: Database, preview_id: str, **values: Any) -> None:
    values = {k: v for k, v in values.items() if v is not None}
    async with db.session() as session:
        await session.execute(
            update(MetricPreview)
            .where(MetricPreview.id == preview_id)
            .values(updated_at=utcnow(), **values)
        )

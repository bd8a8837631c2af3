"""A run's votes applied to its evaluation (see `evaluation_votes` for what a vote is).

Each voted metric shows its vote in `extra.vote`; a run with votes is reviewed and its review
status is the project's rubric with the voted values in place of the judged ones (a value that
does not apply skips its rule), and the call connected. `runs.store` applies the votes again
whenever it stores an evaluation, so votes outlive evaluating a metric again.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from voxtest.evaluation.model import FAIL_SCORE, PASS_SCORE, MetricValue
from voxtest.evaluation.rubric_eval import evaluate_rubric, run_success
from voxtest.services.metrics_links import rubric_of
from voxtest.storage.tables import CallLog, Run

REVIEWED_SUCCESS, REVIEWED_FAILURE = "reviewed_success", "reviewed_failure"


async def apply_votes(session: AsyncSession, run: Run | CallLog) -> None:
    """Show the votes on a run's (or call log's) metric values and set its review status."""
    votes = run.metric_votes or {}
    items = [_shown(item, votes.get(str(item.get("id")))) for item in metric_items(run)]
    run.evaluation = {**(run.evaluation or {}), "metrics": items}
    if not votes:
        run.review_status = None
        return
    rubric = await rubric_of(session, run.project_id)
    values = [_as_voted(MetricValue.from_wire(i), votes.get(str(i.get("id")))) for i in items]
    connected = bool((run.details or {}).get("connected", True)) if isinstance(run, Run) else True
    passed = evaluate_rubric(rubric, values).passed
    run.review_status = REVIEWED_SUCCESS if run_success(connected, passed) else REVIEWED_FAILURE


def metric_items(run: Run | CallLog) -> list[dict[str, Any]]:
    metrics = (run.evaluation or {}).get("metrics") or []
    return [m for m in metrics if isinstance(m, dict)]


def _shown(item: dict[str, Any], vote: Mapping[str, Any] | None) -> dict[str, Any]:
    extra = {k: v for k, v in (item.get("extra") or {}).items() if k != "vote"}
    if vote is not None:
        extra["vote"] = dict(vote)
    return {**item, "extra": extra}


def _as_voted(value: MetricValue, vote: Mapping[str, Any] | None) -> MetricValue:
    """`value` with the vote's expected value in place of the judged one."""
    if vote is None:
        return value
    expected = vote.get("expected_value")
    settled = replace(value, not_applicable=False, error=None)
    if expected is None:
        return replace(value, not_applicable=True, score=None, value=None, passed=None)
    if isinstance(expected, bool):
        return replace(settled, score=PASS_SCORE if expected else FAIL_SCORE, passed=expected)
    if isinstance(expected, int | float):
        return replace(settled, score=float(expected), passed=None)
    return replace(settled, value=str(expected))

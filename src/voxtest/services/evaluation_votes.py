"""Votes on a run's metric values: `runs/{id}/mark_metric_vote/`.

A vote is a person's verdict on one metric's value on one run, kept as its expected value:
- `thumbs_up: true`: the judged value is right (an `expected_value`, if sent, must equal it);
- `thumbs_up: false`: `expected_value` is the right value: true/false (or 5/0) for binary
  metrics, 0–5 for continuous_qualitative, a number for numeric, one of `enum_values` for enum.
  Null means the opposite verdict for a binary metric and "does not apply" for the others;
- `thumbs_up: null` withdraws the vote on that metric.

A run with votes is reviewed (`is_reviewed`) and its `evaluation_status` is `reviewed_success`
or `reviewed_failure` (`evaluation_review`); `success`, `rubric[]` and the result's aggregates
keep the judged values.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from voxtest.api.auth import Principal
from voxtest.api.wire._generated import MarkMetricVoteWrite
from voxtest.errors import ValidationFailed
from voxtest.evaluation.model import BINARY_TYPES, ENUM_TYPES, FAIL_SCORE, PASS_SCORE
from voxtest.services import tenancy
from voxtest.services.common import raise_if
from voxtest.services.evaluation_review import apply_votes, metric_items
from voxtest.services.metrics_links import does_not_exist
from voxtest.storage.tables import CallLog, Metric, Run

SCORE_RANGE = (0.0, 5.0)  # continuous_qualitative


async def mark_metric_vote(
    session: AsyncSession, principal: Principal, run_id: int, body: MarkMetricVoteWrite
) -> dict[str, Any]:
    run = await tenancy.owned(session, principal, Run, run_id)
    await session.refresh(run, with_for_update=True)  # votes on one run apply one at a time
    await vote(session, principal, run, body)
    return {"success": True}


async def vote(
    session: AsyncSession, principal: Principal, run: Run | CallLog, body: MarkMetricVoteWrite
) -> None:
    """Record the vote on `run` (a run or a call log, locked by the caller)."""
    raise_if(body.missing())
    given = body.given()
    metric_id = int(given["metric_id"])
    query = tenancy.visible(principal, Metric).where(Metric.id == metric_id)
    metric = (await session.scalars(query)).first()
    if metric is None:
        raise ValidationFailed({"metric_id": does_not_exist([metric_id])})
    what = "run" if isinstance(run, Run) else "call"
    busy = run.status == "evaluating" if isinstance(run, Run) else run.eval_state != "done"
    if busy:
        raise ValidationFailed(
            f"The {what} is being evaluated; vote once its evaluation is stored."
        )
    item = next((m for m in metric_items(run) if m.get("id") == metric_id), None)
    if item is None:
        raise ValidationFailed(
            {"metric_id": [f"Metric {metric_id} has no value on this {what}; evaluate it first."]}
        )
    votes = dict(run.metric_votes or {})
    if given["thumbs_up"] is None:
        votes.pop(str(metric_id), None)
    else:
        enum_values = [str(v) for v in (metric.attrs or {}).get("enum_values") or []]
        votes[str(metric_id)] = _vote(item, enum_values, given)
    run.metric_votes = votes
    await apply_votes(session, run)


def _vote(item: Mapping[str, Any], enum_values: Sequence[str], given: Mapping[str, Any]) -> Any:
    """The vote as stored: `{thumbs_up, expected_value, feedback}`, expected value settled."""
    kind = str(item.get("type") or "")
    judged = _judged(item)
    expected = given.get("expected_value")
    if expected is not None:
        expected = _expected(kind, enum_values, expected)
    if given["thumbs_up"]:
        if expected is not None and expected != judged:
            raise ValidationFailed(
                {
                    "expected_value": [
                        f"A thumbs-up agrees with the judged value ({judged!r}); send null or "
                        "that value."
                    ]
                }
            )
        expected = judged
    elif expected is None and kind in BINARY_TYPES and isinstance(judged, bool):
        expected = not judged
    elif expected is not None and expected == judged:
        raise ValidationFailed(
            {"expected_value": [f"A thumbs-down needs a value other than the judged {judged!r}."]}
        )
    return {
        "thumbs_up": bool(given["thumbs_up"]),
        "expected_value": expected,
        "feedback": given.get("feedback") or "",
    }


def _judged(item: Mapping[str, Any]) -> Any:
    """The value the judge gave, in the vote's terms (None: no value)."""
    extra = item.get("extra") or {}
    if extra.get("not_applicable") or extra.get("error"):
        return None
    kind = item.get("type")
    if kind in ENUM_TYPES:
        return item.get("value")
    score = item.get("score")
    if kind in BINARY_TYPES:
        passed = extra.get("passed")
        return (
            passed if isinstance(passed, bool) else (None if score is None else score >= PASS_SCORE)
        )
    return score


def _expected(kind: str, enum_values: Sequence[str], raw: Any) -> Any:
    """`raw` as a value of a `kind` metric, or 400 saying what fits."""
    number = raw if isinstance(raw, int | float) and not isinstance(raw, bool) else None
    if kind in BINARY_TYPES:
        if isinstance(raw, bool):
            return raw
        if number in (PASS_SCORE, FAIL_SCORE):
            return number == PASS_SCORE
        if isinstance(raw, str) and raw.strip().lower() in ("true", "false"):
            return raw.strip().lower() == "true"
        problem = "A binary metric's expected value is true or false (or 5 / 0)."
    elif kind in ENUM_TYPES:
        if isinstance(raw, str) and (not enum_values or raw in enum_values):
            return raw
        problem = f"Give one of the metric's values: {', '.join(enum_values)}."
    elif kind == "continuous_qualitative":
        if number is not None and SCORE_RANGE[0] <= number <= SCORE_RANGE[1]:
            return number
        problem = "A continuous_qualitative metric's expected value is a score from 0 to 5."
    elif number is not None:
        return number
    else:
        problem = "This metric's expected value is a number."
    raise ValidationFailed({"expected_value": [problem]})

"""A call's critical categories (the reference's `CallLogCriticalCategories`) and reviewers'
marks of them as wrong. A category is a metric the call failed; a mark, kept by category id,
says the failure was wrongly flagged, with the reviewer's feedback. Pure: no I/O."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

Marks = dict[str, dict[str, Any]]


def failed(metric: Mapping[str, Any]) -> bool:
    passed = (metric.get("extra") or {}).get("passed")
    return passed is False


def categories(
    metrics: Sequence[Mapping[str, Any]], marks: Mapping[str, Any]
) -> list[dict[str, Any]]:
    out = []
    for metric in metrics:
        if not failed(metric) or metric.get("id") is None:
            continue
        mark = marks.get(str(metric["id"]))
        score = metric.get("score")
        out.append(
            {
                "category_id": int(metric["id"]),
                "category": str(metric.get("name") or ""),
                "deviation": float(score) if isinstance(score, int | float) else 0.0,
                "wrongly_marked": mark is not None,
                "feedback": str((mark or {}).get("feedback") or ""),
                "priority": str((mark or {}).get("priority") or "critical"),
            }
        )
    return out


def marked(
    marks: Mapping[str, Any],
    ids: Iterable[int],
    feedback: str,
    priority: str | None,
) -> Marks:
    """`marks` with each of `ids` marked wrong."""
    out: Marks = {k: dict(v) for k, v in marks.items()}
    for category_id in ids:
        out[str(category_id)] = {"feedback": feedback, "priority": priority or "not_a_bug"}
    return out


def unmarked(marks: Mapping[str, Any], ids: Iterable[int]) -> Marks:
    gone = {str(i) for i in ids}
    return {k: dict(v) for k, v in marks.items() if k not in gone}

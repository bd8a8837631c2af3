"""`mark_critical_scenario_wrong/` and `unmark_critical_scenario_wrong/`: a reviewer says a
call's critical category (a failed metric) was flagged wrongly, or takes that back. The
marks live in the call's `attrs.critical_marks` and show in `critical_categories`."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from voxtest.domain import critical_marks
from voxtest.errors import ValidationFailed
from voxtest.storage.tables import CallLog

PRIORITIES = ("critical", "non-critical", "not_a_bug")


def categories_of(row: CallLog) -> list[dict[str, Any]]:
    metrics = list((row.evaluation or {}).get("metrics") or [])
    return critical_marks.categories(metrics, (row.attrs or {}).get("critical_marks") or {})


def apply_mark(row: CallLog, body: Mapping[str, Any], wrong: bool) -> None:
    """Mark (or unmark) `category_id`/`category_ids` of `body`, every category when none."""
    known = {c["category_id"] for c in categories_of(row)}
    if not known:
        raise ValidationFailed({"non_field_errors": ["This call has no critical categories."]})
    ids = _ids(body)
    unknown = sorted(set(ids or []) - known)
    if unknown:
        raise ValidationFailed(
            {"category_id": [f"{unknown} are not critical categories of this call."]}
        )
    priority = body.get("priority")
    if priority is not None and priority not in PRIORITIES:
        raise ValidationFailed({"priority": [f"Choose one of: {', '.join(PRIORITIES)}."]})
    marks = (row.attrs or {}).get("critical_marks") or {}
    chosen = ids if ids is not None else sorted(known)
    if wrong:
        marks = critical_marks.marked(marks, chosen, str(body.get("feedback") or ""), priority)
    else:
        marks = critical_marks.unmarked(marks, chosen)
    row.attrs = {**(row.attrs or {}), "critical_marks": marks}


def _ids(body: Mapping[str, Any]) -> list[int] | None:
    raw = body.get("category_ids", body.get("category_id"))
    if raw is None:
        return None
    items = raw if isinstance(raw, list) else [raw]
    try:
        return [int(i) for i in items]
    except (TypeError, ValueError):
        raise ValidationFailed({"category_id": ["Give category ids as integers."]}) from None

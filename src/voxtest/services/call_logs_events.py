"""Events of call logs for other parts of voxtest (webhooks, notifications).

`on_call_log_evaluated` is awaited once each time the evaluation of a call log is stored
(first evaluation, `evaluate_metrics/`, `rerun_evaluation/`, a PATCH with
`reevaluate_metrics`), in the session that stored it, before it commits. It is a no-op until
the webhook work emits `call_log.completed` from here.
"""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from voxtest.storage.tables.call_logs import CallLog


async def on_call_log_evaluated(session: AsyncSession, call_log: CallLog) -> None:
    """The evaluation of `call_log` was just stored (success, status, metrics are final)."""
    return None

"""The delivery log of a project (a voxtest extension, docs/compatibility.md): every
webhook, email and Slack notice with its status, attempts, last answer and error; replay."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from voxtest.api.auth import Principal
from voxtest.api.pagination import PageRequest
from voxtest.errors import NotFound, ValidationFailed
from voxtest.services import outbox
from voxtest.services.common import iso
from voxtest.services.projects import get_project_row
from voxtest.storage.tables import Delivery

STATUSES = (outbox.PENDING, outbox.DELIVERED, outbox.FAILED)


def serialize(row: Delivery) -> dict[str, Any]:
    return {
        "id": row.id,
        "project": row.project_id,
        "agent": row.agent_id,
        "result": row.result_id,
        "event_type": row.event_type,
        "channel": row.channel,
        "target": row.target.split("?", 1)[0],  # a query may carry a token
        "idempotency_key": row.idempotency_key,
        "status": row.status,
        "attempts": row.attempts,
        "response_code": row.response_code,
        "last_error": row.last_error,
        "next_attempt_at": iso(row.next_attempt_at) if row.status == outbox.PENDING else None,
        "last_attempt_at": iso(row.last_attempt_at),
        "delivered_at": iso(row.delivered_at),
        "payload": row.payload,
        "created_at": iso(row.created_at),
    }


async def list_deliveries(
    session: AsyncSession,
    principal: Principal,
    project_id: int,
    page: PageRequest,
    filters: dict[str, Any],
) -> dict[str, Any]:
    project = await get_project_row(session, principal, project_id)
    query = select(Delivery).where(Delivery.project_id == project.id)
    status = filters.get("status")
    if status:
        if status not in STATUSES:
            raise ValidationFailed({"status": [f"Choose one of: {', '.join(STATUSES)}."]})
        query = query.where(Delivery.status == status)
    for key, column in (("event_type", Delivery.event_type), ("channel", Delivery.channel)):
        if filters.get(key):
            query = query.where(column == filters[key])
    count = await session.scalar(select(func.count()).select_from(query.subquery())) or 0
    page.check(count)
    rows = await session.scalars(
        query.order_by(Delivery.id.desc()).offset(page.offset).limit(page.page_size)
    )
    return page.respond(count, [serialize(r) for r in rows])


async def get_delivery(
    session: AsyncSession, principal: Principal, project_id: int, delivery_id: int
) -> Delivery:
    project = await get_project_row(session, principal, project_id)
    row = await session.get(Delivery, delivery_id)
    if row is None or row.project_id != project.id:
        raise NotFound()
    return row


async def replay(
    session: AsyncSession, principal: Principal, project_id: int, delivery_id: int
) -> dict[str, Any]:
    """Send a delivery again (same payload and idempotency key); not one being sent now."""
    row = await get_delivery(session, principal, project_id, delivery_id)
    if row.status == outbox.PENDING:
        raise ValidationFailed({"status": ["This delivery is still pending; it is retried."]})
    await outbox.replay(session, row)
    return serialize(row)

"""`test-webhook/` of the reference, and voxtest's delivery log extension:
`/user/v1/projects/{id}/webhook-deliveries/` (list) and `.../{delivery_id}/replay/`."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request

from voxtest.api.auth import PrincipalDep
from voxtest.api.deps import ServicesDep
from voxtest.api.pagination import PageDep
from voxtest.api.routing import family, operation
from voxtest.api.wire._generated import ProjectWrite
from voxtest.hooks.test_webhook import send_test_webhook
from voxtest.services import deliveries

router = APIRouter(tags=["user"])
BASES = ("/user/v1/projects", "/user/v1/projects-external")


@operation(router, "POST", family(*BASES, suffix="{id}/test-webhook/"), summary="Test webhook")
async def test_webhook(
    id: int, principal: PrincipalDep, services: ServicesDep, body: ProjectWrite | None = None
) -> Any:
    """Send a sample `result.completed` to the project's webhook URL now; 400 says why it
    failed. The body of the reference (a Project) is accepted and ignored."""
    return await send_test_webhook(services, principal, id)


@operation(
    router,
    "GET",
    family(*BASES, suffix="{id}/webhook-deliveries/"),
    summary="Webhook and notification deliveries (voxtest extension)",
)
async def list_deliveries(
    id: int,
    principal: PrincipalDep,
    services: ServicesDep,
    page: PageDep,
    status: str | None = None,
    event_type: str | None = None,
    channel: str | None = None,
) -> Any:
    filters = {"status": status, "event_type": event_type, "channel": channel}
    async with services.db.session() as session:
        return await deliveries.list_deliveries(session, principal, id, page, filters)


@operation(
    router,
    "GET",
    family(*BASES, suffix="{id}/webhook-deliveries/{delivery_id}/"),
    summary="One delivery (voxtest extension)",
)
async def get_delivery(
    id: int, delivery_id: int, principal: PrincipalDep, services: ServicesDep
) -> Any:
    async with services.db.session() as session:
        row = await deliveries.get_delivery(session, principal, id, delivery_id)
        return deliveries.serialize(row)


@operation(
    router,
    "POST",
    family(*BASES, suffix="{id}/webhook-deliveries/{delivery_id}/replay/"),
    summary="Send a delivery again (voxtest extension)",
)
async def replay_delivery(
    id: int, delivery_id: int, request: Request, principal: PrincipalDep, services: ServicesDep
) -> Any:
    async with services.db.session() as session:
        answer = await deliveries.replay(session, principal, id, delivery_id)
    request.app.state.hooks.wake()
    return answer

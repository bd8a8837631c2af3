"""`/user/organizations/` and `/user/v2/organizations/` (paginated)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from voxtest.api.auth import PrincipalDep
from voxtest.api.deps import ServicesDep
from voxtest.api.pagination import PageDep
from voxtest.api.routing import operation
from voxtest.services import organizations

router = APIRouter(tags=["user"])


@operation(router, "GET", ["/user/organizations/"], summary="List your organizations")
async def list_organizations(
    principal: PrincipalDep, services: ServicesDep, search: str | None = None
) -> Any:
    async with services.db.session() as session:
        return await organizations.list_organizations(session, principal, search)


@operation(
    router, "GET", ["/user/v2/organizations/"], summary="List your organizations (paginated)"
)
async def list_organizations_v2(
    principal: PrincipalDep, services: ServicesDep, page: PageDep, search: str | None = None
) -> Any:
    async with services.db.session() as session:
        items = await organizations.list_organizations(session, principal, search)
    page.check(len(items))
    return page.respond(len(items), items[page.offset : page.offset + page.page_size])

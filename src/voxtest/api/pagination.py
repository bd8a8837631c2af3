"""DRF page-number pagination: `?page=&page_size=` to `{count, next, previous, results}`."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import Depends, Query, Request
from starlette.datastructures import URL

from voxtest.errors import NotFound


@dataclass(frozen=True)
class PageRequest:
    page: int
    page_size: int
    url: str

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.page_size

    def check(self, count: int) -> None:
        """DRF answers 404 "Invalid page." past the last page (page 1 is always valid)."""
        if self.page > 1 and self.offset >= count:
            raise NotFound("Invalid page.")

    def respond(self, count: int, results: Sequence[Any]) -> dict[str, Any]:
        last = max(1, -(-count // self.page_size))
        return {
            "count": count,
            "next": self._link(self.page + 1) if self.page < last else None,
            "previous": self._link(self.page - 1) if self.page > 1 else None,
            "results": list(results),
        }

    def _link(self, page: int) -> str:
        url = URL(self.url)
        return str(
            url.remove_query_params("page") if page == 1 else url.include_query_params(page=page)
        )


def _page_request(
    request: Request,
    page: Annotated[
        int, Query(ge=1, description="A page number within the paginated result set.")
    ] = 1,
    page_size: Annotated[
        int | None, Query(ge=1, description="Number of results to return per page.")
    ] = None,
) -> PageRequest:
    settings = request.app.state.settings
    size = min(page_size or settings.default_page_size, settings.max_page_size)
    return PageRequest(page=page, page_size=size, url=str(request.url))


PageDep = Annotated[PageRequest, Depends(_page_request)]

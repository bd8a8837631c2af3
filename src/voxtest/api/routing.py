"""Serving one handler under every alias of an operation, with and without the trailing slash.

Cekura's API has each resource under `v1`, `v2` and `-external` paths; the official SDK calls
some without the final slash. voxtest registers the canonical (slashed) paths and an ASGI
middleware appends the slash before routing, so no redirect ever turns a POST into a GET.
"""

from __future__ import annotations

import functools
import typing
from collections.abc import Awaitable, Callable, Sequence
from typing import Any

from fastapi import APIRouter
from starlette.responses import Response
from starlette.types import ASGIApp, Receive, Scope, Send

from voxtest.api.responses import JsonResponse
from voxtest.api.wire._generated import OPERATIONS

API_PREFIXES = ("/user/", "/test_framework/", "/observability/", "/schedules/", "/dashboards/")

Handler = Callable[..., Awaitable[Any]]


class TrailingSlashMiddleware:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] in ("http", "websocket"):
            path: str = scope["path"]
            if not path.endswith("/") and path.startswith(API_PREFIXES):
                scope = dict(scope)
                scope["path"] = path + "/"
                raw = scope.get("raw_path")
                if raw is not None:
                    scope["raw_path"] = raw + b"/"
        await self.app(scope, receive, send)


def operation(
    router: APIRouter,
    method: str,
    paths: Sequence[str],
    *,
    status_code: int = 200,
    summary: str | None = None,
    **kwargs: Any,
) -> Callable[[Handler], Handler]:
    """Register `fn` for `method` on every path; documentation comes from the reference.

    The handler returns plain data (or a Response); it is sent as JSON with `status_code`
    without a second validation pass, so the documented models cost nothing per request.
    """

    def decorate(fn: Handler) -> Handler:
        @functools.wraps(fn)
        async def endpoint(*args: Any, **kw: Any) -> Response:
            result = await fn(*args, **kw)
            if isinstance(result, Response):
                return result
            return JsonResponse(result, status_code=status_code)

        endpoint.required_fields = _required_body_fields(fn)  # type: ignore[attr-defined]

        for path in paths:
            ref = OPERATIONS.get((method, path))
            extra: dict[str, Any] = dict(kwargs)
            responses: dict[int | str, Any] = {}
            if ref is not None:
                extra.setdefault("operation_id", ref.operation_id)
                responses = {
                    s: ({"model": m, "description": ""} if m is not None else {"description": ""})
                    for s, m in ref.responses.items()
                }
            extra.setdefault("responses", responses)
            router.add_api_route(
                path,
                endpoint,
                response_class=JsonResponse,
                methods=[method],
                status_code=status_code,
                summary=summary,
                **extra,
            )
        return fn

    return decorate


def _required_body_fields(fn: Handler) -> frozenset[str]:
    """The REQUIRED set of the handler's body model, for DRF-style merged 400s."""
    from voxtest.api.wire.base import WriteModel

    for hint in typing.get_type_hints(fn).values():
        if isinstance(hint, type) and issubclass(hint, WriteModel):
            return hint.REQUIRED
    return frozenset()


def family(*bases: str, suffix: str = "") -> list[str]:
    """`family("/user/v1/projects", suffix="{id}/")` -> the path under each alias base."""
    return [f"{base}/{suffix}" for base in bases]

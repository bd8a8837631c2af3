"""A scenario's REST functions, called over HTTP at call start (`run_functions`).

Functions run one after the other in the order the script lists them, so a function can use
the outputs of those before it. A function with `auto_run: false` is not called (text runs do
not perform the `<function>` tag): its outputs are its defaults. A function that fails (the
URL is refused, no answer within its timeout, an HTTP error status, a body that is not JSON)
takes its defaults too; nothing here fails the run. What happened to each function is kept in
the run's details (`metadata.functions`).

Every URL is checked when it is dialled, after substitution: http(s) only, no credentials,
and every address its host resolves to must be public unless `Settings.allow_private_urls`;
the request goes to a checked address (`voxtest.net`). Redirects are not followed.
"""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

import httpx

from voxtest import net
from voxtest.domain.rest_functions import (
    NAMESPACE,
    Request,
    RestFunction,
    map_outputs,
    render_request,
)
from voxtest.urls import url_problem

MAX_RESPONSE_BYTES = 1_000_000


class FunctionFailed(Exception):
    """Why a function's call gave no outputs (shown to the user)."""

    def __init__(self, message: str, http_status: int | None = None) -> None:
        super().__init__(message)
        self.http_status = http_status


@dataclass(frozen=True)
class FunctionCall:
    """What happened to one function, as the run's details show it."""

    name: str
    status: Literal["ok", "failed", "not_run"]
    outputs: dict[str, Any]
    error: str | None = None
    http_status: int | None = None
    defaulted: tuple[str, ...] = ()  # outputs that took their default
    duration_ms: float = 0.0

    def details(self) -> dict[str, Any]:
        out: dict[str, Any] = {"name": self.name, "status": self.status, "outputs": self.outputs}
        if self.error:
            out["error"] = self.error
        if self.http_status is not None:
            out["http_status"] = self.http_status
        if self.defaulted:
            out["defaulted"] = list(self.defaulted)
        out["duration_ms"] = self.duration_ms
        return out


@dataclass(frozen=True)
class FunctionResults:
    calls: tuple[FunctionCall, ...] = ()
    outputs: dict[str, dict[str, Any]] = field(default_factory=dict)

    def details(self) -> list[dict[str, Any]]:
        return [call.details() for call in self.calls]


async def run_functions(
    functions: Sequence[RestFunction],
    variables: Mapping[str, Any],
    *,
    allow_private: bool = False,
) -> FunctionResults:
    """Call the auto-run functions in order; `variables` are the template namespaces
    (`test_profile`) their requests may use, besides earlier functions' outputs."""
    calls: list[FunctionCall] = []
    outputs: dict[str, dict[str, Any]] = {}
    if not functions:
        return FunctionResults()
    async with httpx.AsyncClient(trust_env=False, follow_redirects=False) as client:
        for function in functions:
            if function.auto_run:
                scope = {**variables, NAMESPACE: {k: dict(v) for k, v in outputs.items()}}
                call = await call_function(client, function, scope, allow_private=allow_private)
            else:
                call = FunctionCall(
                    function.name,
                    "not_run",
                    function.defaults(),
                    "auto_run is false, and text runs do not perform the <function> tag: "
                    "its outputs are their defaults.",
                )
            calls.append(call)
            outputs[function.name] = call.outputs
    return FunctionResults(tuple(calls), outputs)


async def call_function(
    client: httpx.AsyncClient,
    function: RestFunction,
    variables: Mapping[str, Any],
    *,
    allow_private: bool,
) -> FunctionCall:
    """One function's call: its outputs, or its defaults and why it failed."""
    started = time.monotonic()
    request = render_request(function, variables)
    status: int | None = None

    def took() -> float:
        return round((time.monotonic() - started) * 1000, 1)

    try:
        async with asyncio.timeout(request.timeout_s):
            status, body = await _call(client, request, allow_private)
        document = _document(body, net.shown(request.url)) if function.outputs else None
    except TimeoutError:
        error = f"{net.shown(request.url)} gave no answer within {request.timeout_s:g} s."
    except FunctionFailed as exc:
        error, status = str(exc), exc.http_status
    else:
        outputs, missing = map_outputs(function, document)
        return FunctionCall(function.name, "ok", outputs, None, status, tuple(missing), took())
    defaults = function.defaults()
    return FunctionCall(function.name, "failed", defaults, error, status, tuple(defaults), took())


async def _call(
    client: httpx.AsyncClient, request: Request, allow_private: bool
) -> tuple[int, bytes]:
    """(HTTP status, the body) of a 2xx answer; FunctionFailed otherwise."""
    shown = net.shown(request.url)
    url = _checked_url(request.url)
    try:
        async with net.stream(
            client,
            request.method,
            url,
            allow_private=allow_private,
            headers=httpx.Headers(request.headers),
            params=request.params,
            json=request.json,
            content=request.content,
            timeout=request.timeout_s,
        ) as response:
            status, body = response.status_code, await _read_body(response, shown)
    except net.DialFailed as exc:
        raise FunctionFailed(str(exc)) from None
    except httpx.TimeoutException:
        raise TimeoutError from None
    except (httpx.HTTPError, ValueError) as exc:  # ValueError: a header it cannot send
        why = str(exc) or type(exc).__name__
        raise FunctionFailed(f"{request.method} {shown} failed: {why}") from None
    if not 200 <= status < 300:
        raise FunctionFailed(f"{request.method} {shown} answered HTTP {status}.", status)
    return status, body


async def _read_body(response: httpx.Response, shown: str) -> bytes:
    body = b""
    async for chunk in response.aiter_bytes():
        body += chunk
        if len(body) > MAX_RESPONSE_BYTES:
            raise FunctionFailed(
                f"The answer of {shown} is larger than {MAX_RESPONSE_BYTES} bytes."
            )
    return body


def _checked_url(raw: str) -> httpx.URL:
    """`raw` as a URL voxtest may dial (http(s), a host, no credentials); FunctionFailed."""
    try:
        problem = url_problem(raw)
        url = httpx.URL(raw)
    except (ValueError, httpx.InvalidURL) as exc:
        problem = str(exc) or "Enter a valid URL."
    if problem:
        raise FunctionFailed(f"Cannot call {net.shown(raw)!r}: {problem}")
    return url


def _document(body: bytes, shown: str) -> Any:
    if not body.strip():
        return None
    try:
        return json.loads(body)
    except ValueError:
        raise FunctionFailed(f"The answer of {shown} is not JSON.") from None

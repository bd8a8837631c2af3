"""Dialling a URL on a user's behalf: resolve its host, refuse addresses that are not public
(unless an instance setting allows them), and connect to a checked address.

Every caller (scenario REST functions, webhooks, recording downloads, the agent's websocket
and LiveKit server) goes through `resolve`, so one rule decides what voxtest may reach. The
HTTP helper `stream` sends the request to the checked address itself, keeping the URL's host
for the Host header and TLS, so a second DNS answer cannot redirect it; redirects are the
caller's client's business (ours never follow them).

    DialFailed(message)
     ├── Unresolvable   the host name does not resolve
     ├── NotPublic      it resolves to a loopback, private or link-local address
     └── CannotConnect  no address accepted the connection
"""

from __future__ import annotations

import asyncio
import contextlib
import ipaddress
import socket
from collections.abc import AsyncIterator
from typing import Any

import httpx

from voxtest.domain.addresses import is_public_address

Address = ipaddress.IPv4Address | ipaddress.IPv6Address
PRIVATE_URLS_SETTING = "VOXTEST_ALLOW_PRIVATE_URLS"
PRIVATE_AGENT_URLS_SETTING = "VOXTEST_ALLOW_PRIVATE_AGENT_URLS"


class DialFailed(Exception):
    """Why voxtest did not reach a URL (worded for the user)."""


class Unresolvable(DialFailed):
    pass


class NotPublic(DialFailed):
    pass


class CannotConnect(DialFailed):
    pass


async def resolve(
    host: str, port: int | None, *, allow_private: bool, setting: str = PRIVATE_URLS_SETTING
) -> list[Address]:
    """The addresses `host` resolves to (off the event loop), IPv4 first. Unresolvable, or
    NotPublic when any of them is not public and `allow_private` is off (`setting` names
    the instance setting that allows them)."""
    try:
        infos = await asyncio.get_running_loop().getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError) as exc:
        raise Unresolvable(f"Cannot resolve {host!r}: {exc}") from None
    found: list[Address] = []
    for info in infos:
        address = ipaddress.ip_address(str(info[4][0]).split("%", 1)[0])
        if address not in found:
            found.append(address)
    if not found:
        raise Unresolvable(f"Cannot resolve {host!r}: no address.")
    blocked = [a for a in found if not is_public_address(a)]
    if blocked and not allow_private:
        raise NotPublic(
            f"{host!r} resolves to {blocked[0]}, a loopback, private or link-local address; "
            f"voxtest calls only public hosts unless {setting}=true."
        )
    return sorted(found, key=lambda a: a.version)


def default_port(scheme: str, port: int | None) -> int:
    """`port`, or the scheme's own (443 for https/wss, else 80)."""
    return port or (443 if scheme in ("https", "wss") else 80)


@contextlib.asynccontextmanager
async def stream(
    client: httpx.AsyncClient,
    method: str,
    url: httpx.URL,
    *,
    allow_private: bool,
    headers: httpx.Headers | dict[str, str] | None = None,
    **options: Any,
) -> AsyncIterator[httpx.Response]:
    """`client.stream(method, url, ...)` sent to the first checked address of `url`'s host
    that accepts the connection. DialFailed before an answer; other httpx errors pass."""
    addresses = await resolve(
        url.host, default_port(url.scheme, url.port), allow_private=allow_private
    )
    send_headers = httpx.Headers(headers or {})
    if "host" not in send_headers:
        send_headers["Host"] = url.netloc.decode("ascii")
    extensions = {"sni_hostname": url.host} if url.scheme == "https" else {}
    last = "no address"
    async with contextlib.AsyncExitStack() as stack:
        for address in addresses:
            pinned = url.copy_with(host=str(address))
            opened = client.stream(
                method, pinned, headers=send_headers, extensions=extensions, **options
            )
            try:
                response = await stack.enter_async_context(opened)
            except httpx.ConnectError as exc:  # try the host's next address
                last = str(exc) or type(exc).__name__
                continue
            yield response
            return
        raise CannotConnect(f"Cannot connect to {shown(str(url))}: {last}")


def shown(url: str) -> str:
    """The URL without its query (it may carry a token)."""
    return url.split("?", 1)[0]

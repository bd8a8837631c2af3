"""voxtest.net: what may be dialled, and that the checked address is the one dialled."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import httpx
import pytest

from tests.fake_dns import resolve_once
from voxtest import net
from voxtest.testing import free_port


@contextmanager
def host_echo() -> Iterator[int]:
    """An HTTP server on 127.0.0.1 answering each GET with the Host header it received."""

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:
            return

        def do_GET(self) -> None:
            data = (self.headers.get("Host") or "").encode()
            self.send_response(200)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield int(httpd.server_address[1])
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(5)


async def test_loopback_is_refused_unless_allowed_and_the_message_names_the_setting() -> None:
    with pytest.raises(net.NotPublic) as refused:
        await net.resolve("127.0.0.1", 80, allow_private=False)
    assert str(refused.value) == (
        "'127.0.0.1' resolves to 127.0.0.1, a loopback, private or link-local address; "
        "voxtest calls only public hosts unless VOXTEST_ALLOW_PRIVATE_URLS=true."
    )
    with pytest.raises(net.NotPublic, match="VOXTEST_ALLOW_PRIVATE_AGENT_URLS=true"):
        await net.resolve(
            "localhost", 80, allow_private=False, setting=net.PRIVATE_AGENT_URLS_SETTING
        )
    assert [str(a) for a in await net.resolve("127.0.0.1", 80, allow_private=True)] == ["127.0.0.1"]


async def test_a_name_that_does_not_resolve() -> None:
    with pytest.raises(net.Unresolvable, match="Cannot resolve 'nowhere.invalid'"):
        await net.resolve("nowhere.invalid", 443, allow_private=True)


async def test_the_request_goes_to_the_checked_address_with_the_name_as_host(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    name = resolve_once(monkeypatch, "agent.voxtest-test")
    with host_echo() as port:
        async with (
            httpx.AsyncClient() as client,
            net.stream(
                client, "GET", httpx.URL(f"http://{name.name}:{port}/x"), allow_private=False
            ) as response,
        ):
            body = await response.aread()
    assert response.status_code == 200 and body.decode() == f"agent.voxtest-test:{port}"
    assert name.lookups == ["agent.voxtest-test"]  # looked up once: not again by httpx


async def test_nothing_listening_is_cannot_connect_without_the_query() -> None:
    port = free_port()
    url = httpx.URL(f"http://127.0.0.1:{port}/hook?token=secret")
    async with httpx.AsyncClient() as client:
        with pytest.raises(net.CannotConnect) as failed:
            async with net.stream(client, "GET", url, allow_private=True):
                pass
    assert str(failed.value).startswith(f"Cannot connect to http://127.0.0.1:{port}/hook: ")
    assert "secret" not in str(failed.value)

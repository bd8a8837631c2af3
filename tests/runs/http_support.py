"""A small JSON HTTP server on a loopback port, in a thread, for REST-function tests.

Routes: `GET /patients?phone=` a patient record, `POST /login` a token, `GET /visits/<token>`
the visits a token unlocks, `GET /broken` HTTP 500, `GET /slow` answers after 3 s,
`GET /text` a non-JSON body. Every request is recorded (method, path, query, headers, body).
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

SLOW_S = 3.0


@dataclass(frozen=True)
class Seen:
    method: str
    path: str
    query: dict[str, list[str]]
    headers: dict[str, str]
    body: bytes


@dataclass
class JsonServer:
    url: str
    seen: list[Seen] = field(default_factory=list)

    def paths(self) -> list[str]:
        return [s.path for s in self.seen]


def _handler(server: JsonServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:  # quiet
            return

        def do_GET(self) -> None:
            self._serve("GET")

        def do_POST(self) -> None:
            self._serve("POST")

        def _serve(self, method: str) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else b""
            parts = urlsplit(self.path)
            seen = Seen(method, parts.path, parse_qs(parts.query), dict(self.headers), body)
            server.seen.append(seen)
            status, answer = _route(seen)
            data = answer if isinstance(answer, bytes) else json.dumps(answer).encode()
            try:
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)
            except (BrokenPipeError, ConnectionResetError):  # the caller gave up (timeout)
                return

    return Handler


def _route(seen: Seen) -> tuple[int, Any]:
    if seen.path == "/patients":
        phone = (seen.query.get("phone") or [""])[0]
        record = {"name": "Sarah Johnson", "phone": phone, "plan": "gold"}
        return 200, {"patient": record, "visits": [{"day": "Tuesday"}]}
    if seen.path == "/login" and seen.method == "POST":
        return 200, {"token": "tok-" + str(json.loads(seen.body or b"{}").get("user"))}
    if seen.path.startswith("/visits/"):
        return 200, {"next": {"day": "Friday", "token": seen.path.rsplit("/", 1)[-1]}}
    if seen.path == "/broken":
        return 500, {"detail": "boom"}
    if seen.path == "/slow":
        time.sleep(SLOW_S)
        return 200, {"late": True}
    if seen.path == "/text":
        return 200, b"<html>not json</html>"
    return 404, {"detail": "not found"}


@contextmanager
def json_server() -> Iterator[JsonServer]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), BaseHTTPRequestHandler)
    server = JsonServer(f"http://127.0.0.1:{httpd.server_address[1]}")
    httpd.RequestHandlerClass = _handler(server)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield server
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(5)

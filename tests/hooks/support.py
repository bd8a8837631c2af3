"""A webhook receiver and an SMTP server on loopback, and a voxtest server that may call
them (private URLs allowed, fast retries)."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email import message_from_bytes
from email.message import Message
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from aiosmtpd.controller import Controller

from voxtest.settings import Settings
from voxtest.testing import free_port


@dataclass(frozen=True)
class Received:
    path: str
    headers: dict[str, str]
    body: dict[str, Any]
    at: float


@dataclass
class Receiver:
    """Records every POST; answers `statuses[path]` (a list consumed one per request, then
    200), so a test can make it fail a few times first."""

    url: str
    seen: list[Received] = field(default_factory=list)
    statuses: dict[str, list[int]] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def on(self, path: str) -> list[Received]:
        with self.lock:
            return [r for r in self.seen if r.path == path]

    def events(self, path: str, event_type: str) -> list[Received]:
        return [r for r in self.on(path) if r.body.get("event_type") == event_type]

    def wait_for(
        self, check: Callable[[], Any], timeout_s: float = 30.0, what: str = "the webhook"
    ) -> Any:
        deadline = time.monotonic() + timeout_s
        while True:
            found = check()
            if found:
                return found
            assert time.monotonic() < deadline, f"{what} did not arrive: {self.seen}"
            time.sleep(0.05)


def _handler(receiver: Receiver) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:
            return

        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length) if length else b""
            with receiver.lock:
                receiver.seen.append(
                    Received(self.path, dict(self.headers), json.loads(raw or b"{}"), time.time())
                )
                queue = receiver.statuses.get(self.path) or []
                status = queue.pop(0) if queue else 200
            data = b'{"ok": true}'
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

    return Handler


@contextmanager
def receiver() -> Iterator[Receiver]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), BaseHTTPRequestHandler)
    out = Receiver(f"http://127.0.0.1:{httpd.server_address[1]}")
    httpd.RequestHandlerClass = _handler(out)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield out
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(5)


@dataclass
class Mailbox:
    port: int
    messages: list[Message] = field(default_factory=list)

    def wait_for(self, subject_part: str, contains: str = "", timeout_s: float = 30.0) -> Message:
        deadline = time.monotonic() + timeout_s
        while True:
            for m in list(self.messages):
                if subject_part in str(m["Subject"]) and contains in body_of(m):
                    return m
            assert time.monotonic() < deadline, f"no email about {subject_part!r}: " + str(
                [m["Subject"] for m in self.messages]
            )
            time.sleep(0.05)


def body_of(message: Message) -> str:
    """The decoded text of a plain-text email."""
    raw = message.get_payload(decode=True)
    return raw.decode() if isinstance(raw, bytes) else str(raw)


class _Collect:
    def __init__(self, box: Mailbox) -> None:
        self.box = box

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.box.messages.append(message_from_bytes(envelope.content))
        return "250 Message accepted for delivery"


@contextmanager
def smtp_server() -> Iterator[Mailbox]:
    box = Mailbox(free_port())
    controller = Controller(_Collect(box), hostname="127.0.0.1", port=box.port)
    controller.start()
    try:
        yield box
    finally:
        controller.stop()


def hooks_settings(home: Path, database_url: str, mailbox: Mailbox, slack_url: str) -> Settings:
    return Settings(
        home=home,
        database_url=database_url,
        api_key_cache_seconds=0.0,
        allow_private_urls=True,
        hooks_poll_seconds=0.1,
        webhook_retry_base_seconds=0.2,
        webhook_retry_max_seconds=0.5,
        webhook_max_attempts=8,
        webhook_timeout_seconds=5.0,
        pre_trigger_timeout_seconds=5.0,
        smtp_host="127.0.0.1",
        smtp_port=mailbox.port,
        notify_email_to="ops@example.com, qa@example.com",
        slack_webhook_url=slack_url,
        run_starts_per_second=0,
    )

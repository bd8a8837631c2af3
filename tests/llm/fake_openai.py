"""A real HTTP server on loopback speaking the OpenAI chat-completions wire format.

Answers from a script (one `Scripted` per request, in order) and records what it received.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit


@dataclass(frozen=True)
class Scripted:
    status: int = 200
    body: Any = None  # dict → JSON; str → sent as is
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds before answering


@dataclass(frozen=True)
class Received:
    path: str
    query: dict[str, list[str]]
    headers: dict[str, str]  # lower-cased names
    body: dict[str, Any]


def completion(
    content: str | None = "Hello",
    *,
    tool_calls: list[dict[str, Any]] | None = None,
    finish_reason: str = "stop",
    usage: dict[str, int] | None = None,
) -> Scripted:
    message: dict[str, Any] = {"role": "assistant", "content": content}
    if tool_calls is not None:
        message["tool_calls"] = tool_calls
    body = {
        "id": "chatcmpl-1",
        "object": "chat.completion",
        "choices": [{"index": 0, "message": message, "finish_reason": finish_reason}],
        "usage": usage or {"prompt_tokens": 12, "completion_tokens": 3, "total_tokens": 15},
    }
    return Scripted(200, body)


def wire_tool_call(name: str, arguments: str, call_id: str = "call_abc") -> dict[str, Any]:
    return {"id": call_id, "type": "function", "function": {"name": name, "arguments": arguments}}


def error(status: int, message: str, headers: dict[str, str] | None = None) -> Scripted:
    body = {"error": {"message": message, "type": "api_error", "code": None}}
    return Scripted(status, body, headers or {})


class FakeOpenAI:
    def __init__(self) -> None:
        self.script: list[Scripted] = []
        self.received: list[Received] = []
        self.stopping = threading.Event()
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _handler_for(self))
        self._server.daemon_threads = True
        self._server.handle_error = lambda *_: None  # type: ignore[method-assign]
        self.base_url = f"http://127.0.0.1:{self._server.server_address[1]}/v1"

    def add(self, *responses: Scripted) -> None:
        self.script.extend(responses)

    def take(self, received: Received) -> Scripted:
        with self._lock:
            self.received.append(received)
            if not self.script:
                return error(500, "fake server: no scripted response left")
            return self.script.pop(0)

    @contextmanager
    def running(self) -> Iterator[FakeOpenAI]:
        thread = threading.Thread(target=self._server.serve_forever, args=(0.02,), daemon=True)
        thread.start()
        try:
            yield self
        finally:
            self.stopping.set()
            self._server.shutdown()
            self._server.server_close()
            thread.join()


def _handler_for(fake: FakeOpenAI) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            length = int(self.headers.get("content-length") or 0)
            raw = self.rfile.read(length)
            parts = urlsplit(self.path)
            headers = {k.lower(): v for k, v in self.headers.items()}
            body = json.loads(raw) if raw else {}
            answer = fake.take(Received(parts.path, parse_qs(parts.query), headers, body))
            if answer.delay and fake.stopping.wait(answer.delay):
                return
            self._send(answer)

        def _send(self, answer: Scripted) -> None:
            payload = answer.body if isinstance(answer.body, str) else json.dumps(answer.body)
            data = payload.encode()
            self.send_response(answer.status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            for name, value in answer.headers.items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, format: str, *args: Any) -> None:
            """Quiet."""

    return Handler

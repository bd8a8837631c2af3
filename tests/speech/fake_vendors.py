"""A real HTTP server on loopback speaking the cloud speech vendors' documented wire formats.

ElevenLabs `POST /v1/text-to-speech/{voice}`, Cartesia `POST /tts/bytes`, OpenAI
`POST /audio/speech` and `POST /audio/transcriptions`, Deepgram `POST /v1/listen`. It checks
each vendor's auth header against `key`, answers TTS with a 440 Hz tone (0.1 s per word, at
the rate the vendor sends) and STT with a fixed transcript, and records every request.
`fail_next` queues error statuses to answer first.
"""

from __future__ import annotations

import io
import json
import re
import threading
import wave
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

import numpy as np

TRANSCRIPT = "Your appointment is on Tuesday."
WORDS = [("Your", 0.1, 0.3), ("appointment", 0.3, 0.8), ("is", 0.8, 0.9), ("on", 0.9, 1.0),
         ("Tuesday.", 1.0, 1.5)]  # fmt: skip


@dataclass(frozen=True)
class Received:
    path: str
    query: dict[str, list[str]]
    headers: dict[str, str]  # lower-cased names
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body)

    def form(self) -> dict[str, list[bytes]]:
        """Fields of a multipart/form-data body."""
        boundary = self.headers["content-type"].split("boundary=")[1].strip('"')
        fields: dict[str, list[bytes]] = {}
        for part in self.body.split(b"--" + boundary.encode())[1:-1]:
            head, _, value = part.strip(b"\r\n").partition(b"\r\n\r\n")
            name = re.search(rb'name="([^"]+)"', head)
            assert name is not None
            fields.setdefault(name.group(1).decode(), []).append(value)
        return fields


@dataclass
class FakeVendors:
    url: str
    key: str
    received: list[Received] = field(default_factory=list)
    fail_next: list[int] = field(default_factory=list)


def tone(seconds: float, rate: int) -> bytes:
    t = np.arange(round(seconds * rate)) / rate
    return (0.5 * 32767 * np.sin(2 * np.pi * 440 * t)).astype("<i2").tobytes()


def _auth_ok(path: str, headers: dict[str, str], key: str) -> bool:
    if path.startswith("/v1/text-to-speech/"):
        return headers.get("xi-api-key") == key
    if path == "/v1/listen":
        return headers.get("authorization") == f"Token {key}"
    if path == "/tts/bytes" and not headers.get("cartesia-version"):
        return False
    return headers.get("authorization") == f"Bearer {key}"


def _answer(request: Received) -> tuple[int, str, bytes]:
    path = request.path
    if path.startswith("/v1/text-to-speech/"):
        words = len(request.json()["text"].split())
        rate = int(request.query["output_format"][0].removeprefix("pcm_"))
        return 200, "audio/pcm", tone(0.1 * words, rate)
    if path == "/tts/bytes":
        body = request.json()
        rate = body["output_format"]["sample_rate"]
        return 200, "audio/pcm", tone(0.1 * len(body["transcript"].split()), rate)
    if path == "/audio/speech":
        return 200, "audio/pcm", tone(0.1 * len(request.json()["input"].split()), 24_000)
    if path == "/v1/listen":
        timed = [
            {"word": w.lower().strip("."), "punctuated_word": w, "start": s, "end": e}
            for w, s, e in WORDS
        ]
        alternative = {"transcript": TRANSCRIPT, "words": timed, "confidence": 0.98}
        body = {"results": {"channels": [{"alternatives": [alternative]}]}}
        return 200, "application/json", json.dumps(body).encode()
    if path == "/audio/transcriptions":
        with wave.open(io.BytesIO(request.form()["file"][0])) as wav:
            assert wav.getframerate() == 16_000
        listed = [{"word": w, "start": s, "end": e} for w, s, e in WORDS]
        body = {"text": TRANSCRIPT, "language": "english", "words": listed}
        return 200, "application/json", json.dumps(body).encode()
    return 404, "application/json", b'{"detail": "Not found"}'


@contextmanager
def fake_vendors(key: str = "sk-test") -> Iterator[FakeVendors]:
    state = FakeVendors(url="", key=key)

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            parts = urlsplit(self.path)
            length = int(self.headers.get("content-length") or 0)
            request = Received(
                path=parts.path,
                query=parse_qs(parts.query),
                headers={k.lower(): v for k, v in self.headers.items()},
                body=self.rfile.read(length),
            )
            state.received.append(request)
            if state.fail_next:
                status, kind, body = state.fail_next.pop(0), "application/json", b'{"e": 1}'
            elif not _auth_ok(request.path, request.headers, state.key):
                status, kind, body = 401, "application/json", b'{"detail": "bad key"}'
            else:
                status, kind, body = _answer(request)
            self.send_response(status)
            self.send_header("content-type", kind)
            self.send_header("content-length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    state.url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, args=(0.02,), daemon=True)
    thread.start()
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()

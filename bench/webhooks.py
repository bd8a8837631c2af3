"""Webhook delivery with the receiver down: `python -m bench --only webhooks [--save]`.

`voxtest serve --workers 2` (two processes delivering from one outbox) with default retry
settings, a project whose `call_log.completed` webhook is on, and a receiver on a fixed
loopback port that is *not listening* for the first `DOWN_S` seconds. During the outage
`EVENTS` call logs are reported (spread over the first half of it), each writing one event;
then the receiver comes up. Measured: every event delivered, duplicates (an event received
twice) always under one idempotency key, and how long after the receiver came back the last
event arrived. SQLite and PostgreSQL.
"""

from __future__ import annotations

import asyncio
import json
import os
import tempfile
import threading
import time
from collections import defaultdict
from contextlib import ExitStack
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import httpx
from rich.console import Console
from rich.table import Table

from voxtest.context import Services
from voxtest.services.call_logs_events import emit_call_log_completed
from voxtest.settings import Settings
from voxtest.testing import free_port, scratch_database, serve

RESULTS = Path(__file__).parent / "results" / "webhooks.json"
PG_ADMIN = os.environ.get(
    "VOXTEST_TEST_PG_URL", "postgresql+asyncpg://postgres@127.0.0.1:5432/postgres"
)
DOWN_S = 120.0
EVENTS = 300
console = Console(width=150)


class _Log:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.keys_by_event: dict[int, set[str]] = defaultdict(set)
        self.received: dict[int, float] = {}
        self.per_event: dict[int, int] = defaultdict(int)
        self.requests = 0


def _handler(log: _Log) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:
            return

        def do_POST(self) -> None:
            body = json.loads(self.rfile.read(int(self.headers.get("Content-Length") or 0)))
            event = int(body["data"]["id"])
            with log.lock:
                log.requests += 1
                log.per_event[event] += 1
                log.keys_by_event[event].add(self.headers["X-CEKURA-IDEMPOTENCY-KEY"])
                log.received.setdefault(event, time.monotonic())
            self.send_response(204)
            self.end_headers()

    return Handler


def run(*, save: bool) -> dict[str, Any]:
    results = {"sqlite": _backend(""), "postgres": _backend(PG_ADMIN)}
    table = Table(title=f"webhooks: receiver down {DOWN_S:.0f} s, {EVENTS} events")
    for col in ("backend", "delivered", "requests", "dup events", "keys/event", "drain s", "p50 s"):
        table.add_column(col)
    for name, r in results.items():
        table.add_row(
            name,
            f"{r['delivered']}/{r['events']}",
            str(r["requests"]),
            str(r["duplicated_events"]),
            str(r["max_keys_per_event"]),
            f"{r['last_after_up_s']:.1f}",
            f"{r['p50_after_up_s']:.1f}",
        )
    console.print(table)
    if save:
        RESULTS.write_text(json.dumps(results, indent=2) + "\n")
        console.print(f"saved as the new baseline: {RESULTS}")
    return results


def _backend(pg_admin: str) -> dict[str, Any]:
    with ExitStack() as stack:
        url = stack.enter_context(scratch_database(pg_admin, "voxtest_bench")) if pg_admin else ""
        home = Path(stack.enter_context(tempfile.TemporaryDirectory()))
        server = stack.enter_context(serve(home, url, workers=2, allow_private_urls="true"))
        port = free_port()
        client = stack.enter_context(
            httpx.Client(
                base_url=server.url,
                headers={"X-CEKURA-API-KEY": server.new_key("bench")},
                timeout=60,
            )
        )
        project = client.get("/user/v1/projects/").json()[0]["id"]
        r = client.patch(
            f"/user/v1/projects/{project}/",
            json={
                "webhook_url": f"http://127.0.0.1:{port}/hook",
                "webhook_secret": "bench",
                "notify_call_log_webhook_success": True,
            },
        )
        r.raise_for_status()
        settings = Settings(home=home, database_url=url)
        log = _Log()
        started = time.monotonic()
        asyncio.run(_emit(settings, project, started))
        time.sleep(max(0.0, DOWN_S - (time.monotonic() - started)))
        up = time.monotonic()
        httpd = ThreadingHTTPServer(("127.0.0.1", port), _handler(log))
        httpd.daemon_threads = True
        threading.Thread(target=httpd.serve_forever, args=(0.05,), daemon=True).start()
        stack.callback(httpd.server_close)
        stack.callback(httpd.shutdown)
        deadline = up + 600
        while len(log.received) < EVENTS and time.monotonic() < deadline:
            time.sleep(0.2)
        time.sleep(3)  # late duplicates, if any
        after = sorted(t - up for t in log.received.values())
        return {
            "events": EVENTS,
            "delivered": len(log.received),
            "requests": log.requests,
            "duplicated_events": sum(1 for n in log.per_event.values() if n > 1),
            "max_keys_per_event": max((len(k) for k in log.keys_by_event.values()), default=0),
            "last_after_up_s": round(after[-1], 2) if after else None,
            "p50_after_up_s": round(after[len(after) // 2], 2) if after else None,
            "down_s": DOWN_S,
        }


async def _emit(settings: Settings, project_id: int, started: float) -> None:
    services = await Services.start(settings, migrate_schema=False)
    try:
        gap = (DOWN_S / 2) / EVENTS
        for i in range(1, EVENTS + 1):
            payload = {"id": i, "call_id": f"bench-{i}", "success": True, "agent": None}
            async with services.db.session() as session:
                await emit_call_log_completed(session, payload, project_id, None)
            await asyncio.sleep(max(0.0, started + i * gap - time.monotonic()))
    finally:
        await services.close()

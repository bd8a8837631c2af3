"""Mock tool calls against `voxtest serve`: `python -m bench --only mock-tools [--save]`.

One agent with a direct tool (`get_order`, webhook) and an MCP tool (`crm_lookup`, served at
`mcp/1/`), each with a few `mock_data` entries. Measured on SQLite and PostgreSQL: latency
p50/p95 of `CALLS` sequential calls (direct POST, and an MCP `tools/call` JSON-RPC POST on
the stateless streamable HTTP endpoint), then calls/s with `CONCURRENCY` clients calling the
direct tool for `seconds`. Calls carry no run id (each is still matched and recorded).
"""

from __future__ import annotations

import asyncio
import json
import os
import statistics
import tempfile
import time
from contextlib import ExitStack
from pathlib import Path
from typing import Any

import httpx
from rich.console import Console
from rich.table import Table

from voxtest.testing import scratch_database, serve

RESULTS = Path(__file__).parent / "results" / "mock_tools.json"
PG_ADMIN = os.environ.get(
    "VOXTEST_TEST_PG_URL", "postgresql+asyncpg://postgres@127.0.0.1:5432/postgres"
)
CALLS = 300
CONCURRENCY = (1, 8, 32)
ORDERS = [
    {"input": {"order_id": f"A{i}"}, "output": {"status": "shipped", "eta": f"2026-12-{i:02d}"}}
    for i in range(1, 21)
]
MCP_HEADERS = {"accept": "application/json, text/event-stream"}
console = Console(width=150)


def run(*, seconds: int = 5, save: bool = False) -> dict[str, Any]:
    results = {"sqlite": _backend("", seconds), "postgres": _backend(PG_ADMIN, seconds)}
    table = Table(title=f"mock tools: {CALLS} sequential calls, then {seconds} s of load")
    for col in ("backend", "direct p50/p95 ms", "MCP p50/p95 ms", "errors", "calls/s by clients"):
        table.add_column(col)
    for name, r in results.items():
        direct, mcp = r["direct_ms"], r["mcp_ms"]
        table.add_row(
            name,
            f"{direct['p50']:.1f} / {direct['p95']:.1f}",
            f"{mcp['p50']:.1f} / {mcp['p95']:.1f}",
            str(r["errors"]),
            ", ".join(f"{c}: {v:.0f}" for c, v in r["calls_per_s"].items()),
        )
    console.print(table)
    if save:
        RESULTS.write_text(json.dumps(results, indent=2) + "\n")
        console.print(f"saved as the new baseline: {RESULTS}")
    return results


def _backend(pg_admin: str, seconds: int) -> dict[str, Any]:
    with ExitStack() as stack:
        url = stack.enter_context(scratch_database(pg_admin, "voxtest_bench")) if pg_admin else ""
        home = Path(stack.enter_context(tempfile.TemporaryDirectory()))
        server = stack.enter_context(serve(home, url))
        headers = {"X-CEKURA-API-KEY": server.new_key("bench")}
        with httpx.Client(base_url=server.url, headers=headers, timeout=30) as client:
            agent = _agent(client)
        return asyncio.run(_measure(server.url, agent, seconds))


def _agent(client: httpx.Client) -> int:
    project = client.get("/user/v1/projects/").json()[0]["id"]
    tools = [
        {"name": "get_order", "mock_data": ORDERS},
        {
            "name": "crm_lookup",
            "mock_data": [{"input": {"email": "ann@example.com"}, "output": {"name": "Ann"}}],
            "served_via": {"type": "mcp", "mock_index": 1},
        },
    ]
    body = {
        "name": "Bench agent",
        "description": "Calls mock tools.",
        "project": project,
        "inbound": True,
        "provider": {"type": "self_hosted"},
        "mock_tools": tools,
    }
    r = client.post("/test_framework/v2/aiagents/", json=body)
    r.raise_for_status()
    return int(r.json()["id"])


async def _measure(base: str, agent_id: int, seconds: int) -> dict[str, Any]:
    root = f"/test_framework/v1/aiagents/{agent_id}"
    errors = 0
    limits = httpx.Limits(max_connections=max(CONCURRENCY))
    async with httpx.AsyncClient(base_url=base, timeout=30, limits=limits) as client:

        async def direct(i: int) -> bool:
            r = await client.post(f"{root}/tool/get_order/", json={"order_id": f"A{i % 20 + 1}"})
            return r.status_code == 201 and r.json().get("status") == "shipped"

        async def mcp(i: int) -> bool:
            call = {
                "jsonrpc": "2.0",
                "id": i,
                "method": "tools/call",
                "params": {"name": "crm_lookup", "arguments": {"email": "Ann@example.com"}},
            }
            r = await client.post(f"{root}/mcp/1/", json=call, headers=MCP_HEADERS)
            return r.status_code == 200 and '"Ann"' in r.text and '"isError":true' not in r.text

        direct_ms, bad = await _latencies(direct)
        errors += bad
        mcp_ms, bad = await _latencies(mcp)
        errors += bad
        rates = {}
        for clients in CONCURRENCY:
            rate, bad = await _load(direct, clients, seconds)
            rates[str(clients)] = round(rate, 1)
            errors += bad
    return {
        "calls": CALLS,
        "direct_ms": direct_ms,
        "mcp_ms": mcp_ms,
        "calls_per_s": rates,
        "errors": errors,
        "seconds": seconds,
    }


async def _latencies(call: Any) -> tuple[dict[str, float], int]:
    for i in range(10):  # warm-up
        await call(i)
    took, bad = [], 0
    for i in range(CALLS):
        started = time.perf_counter()
        ok = await call(i)
        took.append((time.perf_counter() - started) * 1000)
        bad += not ok
    cuts = statistics.quantiles(took, n=100)
    return {"p50": round(cuts[49], 2), "p95": round(cuts[94], 2)}, bad


async def _load(call: Any, clients: int, seconds: int) -> tuple[float, int]:
    deadline = time.monotonic() + seconds
    done, bad = 0, 0

    async def one_client(k: int) -> None:
        nonlocal done, bad
        i = k
        while time.monotonic() < deadline:
            ok = await call(i)
            done += 1
            bad += not ok
            i += clients

    started = time.monotonic()
    await asyncio.gather(*(one_client(k) for k in range(clients)))
    return done / (time.monotonic() - started), bad

"""Observability ingest: production calls accepted per second by `observe/`, and the time
from a call's arrival to its stored evaluation, on SQLite and PostgreSQL (issue 6).

A fresh `voxtest serve` per backend; `clients` concurrent HTTP clients post `calls` Vapi
transcripts (10 turns, two PII kinds redacted) for one agent. Two profiles:

- `bookkeeping`: the agent has no metrics, so the evaluation is only the job's claim and store;
- `code-metric`: one observability-enabled custom_code metric, run in its sandbox per call.

Accepted/s counts 201 answers over the posting phase. End-to-end is each call log's
`updated_at - created_at` (the evaluation is the last write), read back once all are done;
drain is the first arrival to the last evaluation stored.

    python -m bench --only ingest
"""

from __future__ import annotations

import asyncio
import statistics
import time
from datetime import datetime
from typing import Any

import httpx
from rich.console import Console
from rich.table import Table

from bench.server import voxtest_server

CALLS, CLIENTS = 400, 16
PROFILES = ("bookkeeping", "code-metric")
CODE = '_result = "refund" not in data["transcript"]\n_explanation = "checked"'
TURNS = [
    {"role": "bot" if i % 2 == 0 else "user", "message": line, "time": i * 3.0}
    for i, line in enumerate(
        [
            "Sunny Clinic, this is Ava. How can I help?",
            "Hi, this is Dana Whitfield, I want to move my appointment.",
            "Sure Dana. Can I have your date of birth?",
            "March 3rd, 1985.",
            "Thanks. Your appointment is on Tuesday at 10am. When suits you?",
            "Thursday afternoon, please.",
            "Thursday at 3 PM is free. Shall I book it?",
            "Yes, and text me at 415-555-0132.",
            "Done. You'll get a text shortly.",
            "Great, thanks. Bye!",
        ]
    )
]
console = Console(width=140)


def run() -> dict[str, Any]:
    results: dict[str, Any] = {}
    for backend in ("sqlite", "postgres"):
        for profile in PROFILES:
            results[f"{backend}/{profile}"] = _one(backend, profile)
    _report(results)
    return results


def _one(backend: str, profile: str) -> dict[str, Any]:
    with voxtest_server(backend) as (url, key):
        return asyncio.run(_load(url, key, profile))


async def _load(url: str, key: str, profile: str) -> dict[str, Any]:
    headers = {"X-CEKURA-API-KEY": key}
    async with httpx.AsyncClient(base_url=url, headers=headers, timeout=60) as client:
        project = (await client.get("/user/v1/projects/")).json()[0]["id"]
        agent = (
            await client.post(
                "/test_framework/v2/aiagents/",
                json={
                    "name": "Bench",
                    "description": "Clinic.",
                    "project": project,
                    "inbound": True,
                },
            )
        ).json()["id"]
        if profile == "code-metric":
            metric = {
                "name": "No refund",
                "agent": agent,
                "type": "custom_code",
                "eval_type": "binary",
                "custom_code": CODE,
                "observability_enabled": True,
            }
            assert (
                await client.post("/test_framework/v2/metrics/", json=metric)
            ).status_code == 201
        queue: asyncio.Queue[int] = asyncio.Queue()
        for i in range(CALLS):
            queue.put_nowait(i)
        failures: list[int] = []

        async def worker() -> None:
            while not queue.empty():
                i = queue.get_nowait()
                body = {"call_id": f"bench-{profile}-{i}", "agent": agent,
                        "transcript_type": "vapi", "transcript_json": TURNS,
                        "redact_fields": ["person_name", "phone_number"]}  # fmt: skip
                r = await client.post("/observability/v1/observe/", json=body)
                if r.status_code != 201:
                    failures.append(r.status_code)

        started = time.perf_counter()
        async with asyncio.TaskGroup() as group:
            for _ in range(CLIENTS):
                group.create_task(worker())
        posting = time.perf_counter() - started
        rows = await _all_evaluated(client, agent, deadline=time.perf_counter() + 900)
    arrived = [_t(r["created_at"]) for r in rows]
    stored = [_t(r["updated_at"]) for r in rows]
    latencies = sorted(s - a for a, s in zip(arrived, stored, strict=True))
    return {
        "calls": CALLS,
        "clients": CLIENTS,
        "failed": len(failures),
        "accepted_per_s": round((CALLS - len(failures)) / posting, 1),
        "e2e_p50_s": round(statistics.median(latencies), 3),
        "e2e_p95_s": round(latencies[int(0.95 * (len(latencies) - 1))], 3),
        "drain_s": round(max(stored) - min(arrived), 2),
        "evaluated_per_s": round(len(rows) / (max(stored) - min(arrived)), 1),
    }


async def _all_evaluated(
    client: httpx.AsyncClient, agent: int, deadline: float
) -> list[dict[str, Any]]:
    while True:
        r = await client.get(
            "/observability/v2/call-logs/", params={"agent_id": agent, "page_size": 1000}
        )
        rows: list[dict[str, Any]] = r.json()["results"]
        if len(rows) >= CALLS and all(c["status"] != "evaluating" for c in rows):
            return rows
        if time.perf_counter() > deadline:
            raise RuntimeError("call logs still evaluating after 15 minutes")
        await asyncio.sleep(0.5)


def _t(iso: str) -> float:
    return datetime.fromisoformat(iso.replace("Z", "+00:00")).timestamp()


def _report(results: dict[str, Any]) -> None:
    table = Table(title=f"observe/ ingest: {CALLS} calls, {CLIENTS} clients, 2 cores")
    for column in (
        "backend/profile",
        "accepted/s",
        "evaluated/s",
        "e2e p50 s",
        "e2e p95 s",
        "drain s",
        "failed",
    ):
        table.add_column(column)
    for name, r in results.items():
        keys = ("accepted_per_s", "evaluated_per_s", "e2e_p50_s", "e2e_p95_s", "drain_s", "failed")
        table.add_row(name, *(str(r[k]) for k in keys))
    console.print(table)


if __name__ == "__main__":
    run()

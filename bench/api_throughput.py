"""API throughput and latency: create and list scenarios on one `voxtest serve` process.

For each backend (SQLite, PostgreSQL) a fresh server is started, seeded with scenarios, then
loaded with wrk (32 connections) for each request kind. Aim (issue 2): over 1,000 GET requests
per second with p99 under 50 ms on a 2-core machine.

    python -m bench --only api [--seconds 10] [--save]
"""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path
from typing import Any

import httpx
from rich.console import Console
from rich.table import Table

from bench.server import voxtest_server
from bench.wrk import LoadResult, run_wrk

RESULTS = Path(__file__).parent / "results" / "api.json"
SEED_SCENARIOS = 300
console = Console()


def _seed(base: str, key: str) -> dict[str, Any]:
    headers = {"X-CEKURA-API-KEY": key}
    with httpx.Client(base_url=base, headers=headers, timeout=30) as client:
        project = client.get("/user/v1/projects/").json()[0]["id"]
        personality = client.get(
            "/test_framework/v1/personalities/", params={"language": "en"}
        ).json()[0]["id"]
        body = {
            "name": "Reschedule appointment",
            "project": project,
            "personality": personality,
            "instructions": "Call to move your cleaning to next Tuesday afternoon.",
            "expected_outcome_prompt": "The agent reschedules and confirms the new time.",
            "tags": ["bench", "reschedule"],
        }
        first = None
        for i in range(SEED_SCENARIOS):
            r = client.post("/test_framework/v1/scenarios/", json={**body, "name": f"Scenario {i}"})
            r.raise_for_status()
            first = first or r.json()["id"]
    return {"project": project, "scenario": first, "body": body}


def _phases(base: str, key: str, seeded: dict[str, Any]) -> dict[str, tuple[str, str, str | None]]:
    return {
        "GET scenario list (page of 20)": (
            "GET",
            f"{base}/test_framework/v1/scenarios/?project_id={seeded['project']}&page_size=20",
            None,
        ),
        "GET scenario detail": (
            "GET",
            f"{base}/test_framework/v1/scenarios/{seeded['scenario']}/",
            None,
        ),
        "GET project detail": ("GET", f"{base}/user/v1/projects/{seeded['project']}/", None),
        "POST scenario create": (
            "POST",
            f"{base}/test_framework/v1/scenarios/",
            json.dumps(seeded["body"]),
        ),
    }


CONFIGURATIONS = (("sqlite", 1), ("postgres", 1), ("sqlite", 2), ("postgres", 2))


def run(*, seconds: int, save: bool) -> dict[str, dict[str, dict[str, float]]]:
    results: dict[str, dict[str, dict[str, float]]] = {}
    for backend, workers in CONFIGURATIONS:
        label = f"{backend}, {workers} worker{'s' if workers > 1 else ''}"
        with voxtest_server(backend, workers) as (base, key):
            seeded = _seed(base, key)
            headers = {"X-CEKURA-API-KEY": key, "Content-Type": "application/json"}
            for name, (method, url, body) in _phases(base, key, seeded).items():
                res = run_wrk(url, headers, seconds=seconds, method=method, body=body)
                results.setdefault(label, {})[name] = asdict(res)
                _check(name, res)
    _report(results)
    if save:
        RESULTS.parent.mkdir(parents=True, exist_ok=True)
        RESULTS.write_text(json.dumps(results, indent=2) + "\n")
        console.print(f"saved as the new baseline: {RESULTS}")
    return results


def _check(name: str, res: LoadResult) -> None:
    if res.non_2xx or res.errors:
        console.print(
            f"[red]{name}: {res.non_2xx} non-2xx answers, {res.errors} socket errors[/red]"
        )


def _report(results: dict[str, dict[str, dict[str, float]]]) -> None:
    previous: dict[str, Any] = json.loads(RESULTS.read_text()) if RESULTS.exists() else {}
    table = Table(title="voxtest API, wrk 32 connections")
    for col in ("backend", "request", "req/s", "p50 ms", "p90 ms", "p99 ms", "vs baseline req/s"):
        table.add_column(col)
    for backend, phases in results.items():
        for name, r in phases.items():
            before = previous.get(backend, {}).get(name, {}).get("requests_per_second")
            delta = f"{(r['requests_per_second'] / before - 1) * 100:+.0f}%" if before else "-"
            table.add_row(
                backend,
                name,
                f"{r['requests_per_second']:.0f}",
                f"{r['p50_ms']:.1f}",
                f"{r['p90_ms']:.1f}",
                f"{r['p99_ms']:.1f}",
                delta,
            )
    console.print(table)

"""The demo's run: evaluators against the example agent, a progress bar, a result table."""

from __future__ import annotations

import time
from typing import Any

import httpx
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

DONE = {"completed", "failed", "timeout", "cancelled"}
RESULT_TIMEOUT_S = 180.0


class DemoError(RuntimeError):
    pass


def check(r: httpx.Response, what: str) -> Any:
    """The answer's JSON; a `DemoError` naming `what` on an error status."""
    if r.status_code >= 400:
        raise DemoError(f"{what} failed: {r.status_code} {r.text[:500]}")
    return r.json() if r.content else None


def run_and_report(
    console: Console,
    client: httpx.Client,
    agent_id: int,
    scenarios: list[dict[str, Any]],
    frequency: int,
) -> bool:
    """Run `scenarios` in text mode, show progress and outcomes; True when every run completed."""
    body = {
        "agent_id": agent_id,
        "scenarios": [s["id"] for s in scenarios],
        "frequency": frequency,
        "name": "voxtest demo",
    }
    r = client.post("/test_framework/v1/scenarios/run_scenarios_text/", json=body)
    if r.status_code >= 400:
        raise RuntimeError(f"run_scenarios_text failed: {r.status_code} {r.text[:500]}")
    result = follow(console, client, int(r.json()["id"]))
    ids = ",".join(str(run["id"]) for run in result["runs"].values())
    runs = client.get("/test_framework/v2/runs/bulk/", params={"run_ids": ids}).json()
    console.print(_table(runs))
    return all(run["status"] == "completed" for run in runs)


def follow(console: Console, client: httpx.Client, result_id: int) -> dict[str, Any]:
    columns = (TextColumn("runs"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    deadline = time.monotonic() + RESULT_TIMEOUT_S
    with Progress(*columns, console=console) as progress:
        task = progress.add_task("runs", total=None)
        while True:
            result: dict[str, Any] = client.get(f"/test_framework/v2/results/{result_id}/").json()
            runs = list(result["runs"].values())
            finished = sum(1 for run in runs if run["status"] in DONE)
            progress.update(task, total=len(runs), completed=finished)
            if result["status"] in DONE and finished == len(runs):
                return result
            if time.monotonic() > deadline:
                raise RuntimeError(f"runs still unfinished after {RESULT_TIMEOUT_S:.0f} s")
            time.sleep(0.25)


def _table(runs: list[dict[str, Any]]) -> Table:
    table = Table(title="Runs")
    for col in (
        "run",
        "evaluator",
        "status",
        "turns",
        "metrics",
        "success",
    ):
        table.add_column(col)
    for run in sorted(runs, key=lambda r: r["id"]):
        turns = run.get("transcript_object") or []
        table.add_row(
            str(run["id"]),
            str(run.get("scenario_name", "")),
            run["status"],
            str(len(turns)),
            _metrics(run),
            "yes" if run.get("success") else "no",
        )
    return table


def _metrics(run: dict[str, Any]) -> str:
    """One line per metric: its verdict or value, "n/a", or "error" (the reason is on the run)."""
    metrics = (run.get("evaluation") or {}).get("metrics") or []
    return "\n".join(f"{m['name']}: {metric_shown(m)}" for m in metrics) or "-"


def metric_shown(metric: dict[str, Any]) -> str:
    """A metric's verdict ("pass"/"FAIL"), value, "n/a" or "error"."""
    extra = metric.get("extra") or {}
    if extra.get("error"):
        return "error"
    if extra.get("not_applicable"):
        return "n/a"
    if "passed" in extra:
        return "pass" if extra["passed"] else "FAIL"
    return str(metric.get("value") or metric.get("score"))

"""The demo's run: evaluators against the example agent, a progress bar, a result table."""

from __future__ import annotations

import json
import time
from collections.abc import Sequence
from typing import Any

import httpx
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from voxtest.demo.suite import MOCK_SLOT

DONE = {"completed", "failed", "timeout", "cancelled"}
RESULT_TIMEOUT_S = 180.0


class DemoError(RuntimeError):
    pass


def check(r: httpx.Response, what: str) -> Any:
    """The answer's JSON; a `DemoError` naming `what` on an error status."""
    if r.status_code >= 400:
        raise DemoError(f"{what} failed: {r.status_code} {r.text[:500]}")
    return r.json() if r.content else None


def copy_metrics(client: httpx.Client, agent_id: int, names: Sequence[str]) -> list[Any]:
    """The predefined metrics called `names`, copied onto the agent (every one must exist)."""
    catalogue = check(client.get("/test_framework/v1/predefined-metrics/"), "predefined metrics")
    wanted = [m["id"] for m in catalogue if m["name"] in names]
    if len(wanted) != len(names):
        raise DemoError(f"the catalogue lacks some of {list(names)}")
    copied: list[Any] = check(
        client.post(
            "/test_framework/v1/predefined-metrics/copy/",
            json={"agent_id": agent_id, "predefined_metric_ids": wanted},
        ),
        "copy predefined metrics",
    )
    return copied


def first_personality(client: httpx.Client) -> dict[str, Any]:
    listed = check(
        client.get("/test_framework/v1/personalities/", params={"language": "en"}), "personalities"
    )
    return dict(listed[0])


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
    with_entries = {s["id"] for s in scenarios if s.get("generated_mock_tool_entries")}
    shown: dict[Any, dict[str, Any]] = {}
    for run in sorted(runs, key=lambda r: r["id"]):
        shown.setdefault(run.get("scenario"), run)
    for scenario_id, run in shown.items():
        if scenario_id in with_entries:
            console.print(tool_calls(run))
    return all(run["status"] == "completed" for run in runs)


def tool_calls(run: dict[str, Any]) -> Table:
    """A run's Function Call rows with the mock's answers and which entry gave them."""
    table = Table(title=f"Tool calls of run {run['id']} ({run.get('scenario_name', '')})")
    for col in ("tool", "arguments", "mock answer", "matched"):
        table.add_column(col)
    turns = run.get("transcript_object") or []
    answers = {
        str(t["data"].get("id")): t["data"]
        for t in turns
        if t.get("role") == "Function Call Result" and isinstance(t.get("data"), dict)
    }
    for turn in turns:
        data = turn.get("data") if turn.get("role") == "Function Call" else None
        if not isinstance(data, dict):
            continue
        answer = answers.get(str(data.get("id")), {})
        mock = data.get("mock") or answer.get("mock") or {}
        matched = mock.get("error") or (
            f"{mock.get('source', '?')} entry {mock.get('entry', '?')}"
            + (" (exact)" if mock.get("exact") else "")
        )
        table.add_row(
            str(data.get("name")),
            json.dumps(data.get("arguments"), sort_keys=True),
            json.dumps(answer.get("result"), sort_keys=True),
            str(matched),
        )
    said = [
        t["content"] for t in turns if t.get("role") == "Main Agent" and MOCK_SLOT in t["content"]
    ]
    if said:
        table.caption = f"Agent: {said[0]}"
    return table


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

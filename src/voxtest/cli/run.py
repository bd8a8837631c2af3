"""`voxtest run SUITE.json --agent ID`: run a tests-as-code spec on a voxtest server from CI.

Posts the spec to `run_scenarios_json/`, follows the result with a progress bar, prints a
table of runs and optionally writes JUnit XML. Exit codes: 0 every run completed, 1 a run
did not, 2 usage or validation errors (nothing ran).
"""

from __future__ import annotations

import json
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

import httpx
import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

RUN_JSON = "/test_framework/v1/scenarios/run_scenarios_json/"
RESULT = "/test_framework/v2/results/{id}/"
RUNS_BULK = "/test_framework/v2/runs/bulk/"
DEFAULT_URL = "http://127.0.0.1:8000"
TERMINAL = frozenset({"completed", "failed", "timeout", "cancelled"})
PASSED, FAILED, USAGE = 0, 1, 2
POLL_S = 0.3
MIN_FREQUENCY, MAX_FREQUENCY = 1, 100  # what the server accepts per test case

HELP = """Run the test cases of a JSON spec (Cekura test-suite format) against an agent.

The spec is posted to a running voxtest with the text channel; the command waits for every run, \
prints them and exits 0 when every run completed successfully, 1 when any run failed, timed out \
or did not finish within --timeout, 2 on usage or validation errors (the server's field errors \
are printed; nothing ran).

"Completed successfully" currently means run status `completed`: the conversation ran to its \
end. Evaluation of expected outcomes and metrics is not part of the verdict yet.
"""

err = Console(stderr=True)
out = Console()


class Abort(Exception):
    """A usage or validation error: exit code 2 with this message."""


@dataclass(frozen=True)
class Case:
    """One run as a test case: its name, outcome and what to report."""

    name: str
    status: str
    failure: str | None
    seconds: float
    transcript: str


def run(
    suite: Annotated[Path, typer.Argument(help="The spec file (JSON).", show_default=False)],
    agent: Annotated[int, typer.Option("--agent", help="Id of the agent to test.")],
    frequency: Annotated[
        int | None,
        typer.Option(help="Run every test case N times (1-100), whatever the spec says."),
    ] = None,
    junit: Annotated[Path | None, typer.Option(help="Write a JUnit XML report here.")] = None,
    url: Annotated[str, typer.Option(envvar="VOXTEST_URL", help="voxtest's base URL.")] = (
        DEFAULT_URL
    ),
    key: Annotated[
        str | None,
        typer.Option(envvar=["VOXTEST_API_KEY", "CEKURA_API_KEY"], help="API key."),
    ] = None,
    name: Annotated[str | None, typer.Option(help="Label of the result.")] = None,
    dry_run: Annotated[bool, typer.Option(help="Only validate and list the runs.")] = False,
    timeout: Annotated[float, typer.Option(help="Seconds to wait for the runs.")] = 900.0,
) -> None:
    try:
        spec = _read_spec(suite, frequency)
        if not key:
            raise Abort("no API key: pass --key or set VOXTEST_API_KEY (or CEKURA_API_KEY).")
        with httpx.Client(base_url=url, headers={"X-CEKURA-API-KEY": key}, timeout=30) as api:
            code = _run(api, spec, agent, name, dry_run, timeout, junit, suite.stem)
    except Abort as exc:
        err.print(f"[red]error:[/red] {escape(str(exc))}")
        raise typer.Exit(USAGE)
    raise typer.Exit(code)


run.__doc__ = HELP


def _read_spec(path: Path, frequency: int | None) -> Any:
    if frequency is not None and not MIN_FREQUENCY <= frequency <= MAX_FREQUENCY:
        raise Abort(
            f"--frequency must be between {MIN_FREQUENCY} and {MAX_FREQUENCY}, not {frequency}."
        )
    try:
        spec = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise Abort(f"cannot read {path}: {exc.strerror}") from None
    except ValueError as exc:
        raise Abort(f"{path} is not valid JSON: {exc}") from None
    if frequency is not None and isinstance(spec, dict):
        for scenario in spec.get("scenarios") or []:
            if isinstance(scenario, dict):
                scenario["frequency"] = frequency
    return spec


def _run(
    api: httpx.Client,
    spec: Any,
    agent: int,
    name: str | None,
    dry_run: bool,
    timeout: float,
    junit: Path | None,
    suite_name: str,
) -> int:
    body: dict[str, Any] = {"spec": spec, "agent_id": agent, "channel": "text"}
    if name:
        body["name"] = name
    made = _post(api, body, dry_run)
    if dry_run:
        out.print(_planned_table(made["runs"]))
        return PASSED
    result = _follow(api, int(made["id"]), len(made["runs"]), timeout)
    runs = _runs(api, [run["id"] for run in made["runs"]])
    cases = [_case(run, label) for run, label in zip(runs, _labels(runs), strict=True)]
    out.print(_table(runs, cases))
    reliability = _reliability_table(api, int(made["id"]))
    if reliability is not None:
        out.print(reliability)
    if junit is not None:
        write_junit(junit, result.get("name") or suite_name, cases)
    failed = [c for c in cases if c.status != "completed"]
    summary = f"{len(cases) - len(failed)} of {len(cases)} runs completed"
    out.print(f"[{'red' if failed else 'green'}]{summary}[/]")
    return FAILED if failed else PASSED


def _post(api: httpx.Client, body: dict[str, Any], dry_run: bool) -> dict[str, Any]:
    params = {"dry_run": "true"} if dry_run else {}
    try:
        r = api.post(RUN_JSON, json=body, params=params)
    except httpx.HTTPError as exc:
        raise Abort(f"cannot reach voxtest at {api.base_url}: {exc}") from None
    if r.status_code == 400:
        raise Abort("the server rejected the spec:\n" + _field_errors(r.json()))
    if r.status_code >= 300:
        raise Abort(f"{RUN_JSON} answered {r.status_code}: {r.text[:500]}")
    answer: dict[str, Any] = r.json()
    return answer


def _field_errors(errors: Any, prefix: str = "") -> str:
    """DRF's `{field: [messages]}` (nested or not), one `field: message` per line."""
    if isinstance(errors, dict):
        return "\n".join(
            _field_errors(v, f"{prefix}{k}" if not prefix else f"{prefix}.{k}")
            for k, v in errors.items()
        )
    if isinstance(errors, list):
        return "\n".join(_field_errors(item, prefix) for item in errors)
    return f"  {prefix}: {errors}" if prefix else f"  {errors}"


def _follow(api: httpx.Client, result_id: int, total: int, timeout: float) -> dict[str, Any]:
    """The result once its runs are finished, or as it is when `timeout` is over."""
    columns = (TextColumn("runs"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    deadline = time.monotonic() + timeout
    with Progress(*columns, console=err, transient=True) as progress:
        task = progress.add_task("runs", total=total)
        while True:
            result: dict[str, Any] = _get(api, RESULT.format(id=result_id))
            runs = list((result.get("runs") or {}).values())
            finished = sum(1 for run in runs if run.get("status") in TERMINAL)
            progress.update(task, total=len(runs) or total, completed=finished)
            if finished == len(runs) or time.monotonic() > deadline:
                return result
            time.sleep(POLL_S)


def _get(api: httpx.Client, path: str, **params: str) -> Any:
    try:
        r = api.get(path, params=params)
        r.raise_for_status()
    except httpx.HTTPError as exc:
        raise Abort(f"reading {path} failed: {exc}") from None
    return r.json()


def _runs(api: httpx.Client, ids: list[int]) -> list[dict[str, Any]]:
    runs: list[dict[str, Any]] = []
    for start in range(0, len(ids), 50):
        chunk = ",".join(str(i) for i in ids[start : start + 50])
        runs += _get(api, RUNS_BULK, run_ids=chunk)
    return sorted(runs, key=lambda run: int(run["id"]))


def _labels(runs: list[dict[str, Any]]) -> list[str]:
    """`<test case> #<repetition>`: runs are made test case by test case, in id order."""
    seen: dict[str, int] = {}
    labels = []
    for run in runs:
        scenario = str(run.get("scenario_name") or f"run {run['id']}")
        seen[scenario] = seen.get(scenario, 0) + 1
        labels.append(f"{scenario} #{seen[scenario]}")
    return labels


def _case(run: dict[str, Any], label: str) -> Case:
    status = str(run.get("status"))
    ended = str((run.get("metadata") or {}).get("ended_reason") or "")
    failure = None
    if status != "completed":
        failure = run.get("error_message") or ended or f"run {status}"
        if status not in TERMINAL:
            failure = f"still {status} when the wait was over"
    return Case(label, status, failure, _seconds(run.get("duration")), run.get("transcript") or "")


def _seconds(duration: Any) -> float:
    """`"mm:ss"` or `"hh:mm:ss"` to seconds."""
    total = 0.0
    for part in str(duration or "0").split(":"):
        total = total * 60 + float(part or 0)
    return total


def _table(runs: list[dict[str, Any]], cases: list[Case]) -> Table:
    table = Table(title="Runs")
    for column in ("run", "test case", "status", "ended", "duration", "error"):
        table.add_column(column)
    for run, case in zip(runs, cases, strict=True):
        style = "green" if case.status == "completed" else "red"
        table.add_row(
            str(run["id"]),
            escape(case.name),
            f"[{style}]{case.status}[/]",
            escape(str((run.get("metadata") or {}).get("ended_reason") or "")),
            str(run.get("duration") or ""),
            escape((case.failure or "")[:80]),
        )
    return table


def _reliability_table(api: httpx.Client, result_id: int) -> Table | None:
    """Per test case run more than once: passed, the pass rate's 95 % interval and the chance
    that all its runs pass. None from a server without the report (Cekura's own)."""
    try:
        r = api.get(f"/voxtest/v1/results/{result_id}/reliability/")
    except httpx.HTTPError:
        return None
    repeated = [s for s in r.json().get("scenarios", []) if s["runs"] > 1] if r.is_success else []
    if not repeated:
        return None
    table = Table(title="Reliability")
    for column in ("test case", "passed", "pass rate", "95% interval", "all runs pass"):
        table.add_column(column)
    for s in repeated:
        low, high = s["ci95"]
        table.add_row(
            escape(str(s["scenario_name"] or s["scenario"])),
            f"{s['passed']} / {s['runs']}",
            f"{s['pass_rate']:.0%}",
            f"{low:.0%} – {high:.0%}",
            f"{s['pass_hat_k'][str(s['runs'])]:.0%}",
        )
    return table


def _planned_table(runs: list[dict[str, Any]]) -> Table:
    table = Table(title=f"Dry run: {len(runs)} runs would be made")
    table.add_column("test case")
    table.add_column("test profile")
    for run in runs:
        profile = (run.get("test_profile_data") or {}).get("name") or ""
        table.add_row(escape(str(run.get("scenario_name"))), escape(str(profile)))
    return table


def write_junit(path: Path, suite_name: str, cases: list[Case]) -> None:
    """One `<testcase>` per run: `<failure>` unless completed, the transcript as system-out."""
    failures = sum(1 for c in cases if c.failure is not None)
    suite = ET.Element(
        "testsuite",
        name=suite_name,
        tests=str(len(cases)),
        failures=str(failures),
        errors="0",
        time=f"{sum(c.seconds for c in cases):.3f}",
    )
    for case in cases:
        element = ET.SubElement(
            suite, "testcase", name=case.name, classname=suite_name, time=f"{case.seconds:.3f}"
        )
        if case.failure is not None:
            failure = ET.SubElement(element, "failure", message=case.failure, type=case.status)
            failure.text = case.failure
        ET.SubElement(element, "system-out").text = case.transcript
    suites = ET.Element("testsuites", name=suite_name)
    suites.append(suite)
    ET.indent(suites)
    path.parent.mkdir(parents=True, exist_ok=True)
    ET.ElementTree(suites).write(path, encoding="utf-8", xml_declaration=True)

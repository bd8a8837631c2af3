"""Start a server on a fresh home, build the demo project through the API, show it, stop."""

from __future__ import annotations

import tempfile
from typing import Any

import httpx
from rich.console import Console
from rich.table import Table

from voxtest.demo import suite
from voxtest.demo.runs import DemoError, check, run_and_report
from voxtest.demo.voice import VOICE_SECRET, build_voice, run_voice
from voxtest.testing import ServerProcess, example_chat_agent, example_voice_agent, serve

console = Console()


def build(client: httpx.Client, agent_url: str) -> dict[str, Any]:
    """Create the demo objects; returns what was made."""
    project = check(
        client.post("/user/v1/projects/", json={"name": "Bright Smile Dental"}), "project"
    )
    pid = project["id"]
    agent = check(
        client.post("/test_framework/v2/aiagents/", json=suite.agent_body(pid, agent_url)), "agent"
    )
    profile = check(
        client.post(
            "/test_framework/v1/test-profiles/", json={**suite.TEST_PROFILE, "agent": agent["id"]}
        ),
        "test profile",
    )
    for name, parent in suite.FOLDERS:
        folder = {"project_id": pid, "name": name, "parent_path": parent}
        check(
            client.post("/test_framework/v1/scenarios/create_folder/", json=folder),
            f"folder {name}",
        )
    catalogue = check(client.get("/test_framework/v1/predefined-metrics/"), "predefined metrics")
    wanted = [m["id"] for m in catalogue if m["name"] in suite.PREDEFINED_METRICS]
    if len(wanted) != len(suite.PREDEFINED_METRICS):
        raise DemoError(f"the catalogue lacks some of {suite.PREDEFINED_METRICS}")
    metrics = check(
        client.post(
            "/test_framework/v1/predefined-metrics/copy/",
            json={"agent_id": agent["id"], "predefined_metric_ids": wanted},
        ),
        "copy predefined metrics",
    )
    personality = check(
        client.get("/test_framework/v1/personalities/", params={"language": "en"}), "personalities"
    )[0]
    scenarios = []
    for spec in suite.SCENARIOS:
        body = {
            **spec,
            "agent": agent["id"],
            "personality": personality["id"],
            "test_profile": profile["id"],
            "metrics": [m["id"] for m in metrics],
        }
        scenarios.append(
            check(client.post("/test_framework/v1/scenarios/", json=body), spec["name"])
        )
    expected = next((m for m in metrics if m["name"] == "Expected Outcome"), None)
    if expected is not None:
        rubric = {
            "evaluation_logic": "and",
            "rules": [
                {
                    "metric_id": expected["id"],
                    "conditions": {
                        "operator": "and",
                        "conditions": [{"field": "score", "op": "eq", "value": True}],
                    },
                }
            ],
        }
        check(client.patch(f"/user/v1/projects/{pid}/", json={"rubric_config": rubric}), "rubric")
    return {"project": project, "agent": agent, "scenarios": scenarios, "metrics": metrics}


def show(client: httpx.Client, made: dict[str, Any]) -> None:
    pid = made["project"]["id"]
    agent = check(client.get(f"/test_framework/v2/aiagents/{made['agent']['id']}/"), "agent")
    console.print(f"[bold]Project[/bold] {made['project']['name']} (id {pid})")
    console.print(f"[bold]Agent[/bold] {agent['name']} (id {agent['id']}), mock tools:")
    for tool in agent.get("mock_tools") or []:
        console.print(f"  {tool['name']:<12} {tool['served_via']['url']}")
    listed = check(
        client.get("/test_framework/v1/scenarios/", params={"project_id": pid, "page_size": 50}),
        "list",
    )
    table = Table(title=f"Evaluators ({listed['count']})")
    for col in ("id", "name", "type", "folder", "tags"):
        table.add_column(col)
    for s in listed["results"]:
        table.add_row(
            str(s["id"]),
            s["name"],
            str(s.get("scenario_type", "")),
            str(s.get("folder_path") or ""),
            ", ".join(s.get("tags") or []),
        )
    console.print(table)
    metrics = Table(title="Metrics attached")
    for col in ("id", "name", "eval_type"):
        metrics.add_column(col)
    for m in made["metrics"]:
        metrics.add_row(str(m["id"]), m["name"], str(m.get("eval_type", "")))
    console.print(metrics)


def run_evaluators(client: httpx.Client, made: dict[str, Any], server: ServerProcess) -> bool:
    """Scripted evaluators always run; instruction ones need a model (VOXTEST_LLM_*)."""
    scripted = [s for s in made["scenarios"] if s["scenario_type"] == "conditional_actions"]
    if not server.env.get("VOXTEST_LLM_BASE_URL"):
        console.print(
            "[dim]instruction evaluators need a model: set VOXTEST_LLM_BASE_URL and "
            "VOXTEST_LLM_MODEL to run them too; running the scripted ones[/dim]"
        )
        chosen = scripted
    else:
        chosen = made["scenarios"]
    return run_and_report(console, client, made["agent"]["id"], chosen, suite.RUN_FREQUENCY)


def _voice_suite(client: httpx.Client, project_id: int) -> bool:
    """The phone evaluator against the clinic agent over CHIRP, with the offline voices."""
    console.print("[dim]example clinic voice agent (CHIRP), loading its speech models[/dim]")
    auth = ("--username", "voxtest", "--password", VOICE_SECRET, "--delay-ms", "300")
    with example_voice_agent(*auth) as voice_url:
        console.print(f"[dim]example clinic voice agent on {voice_url}[/dim]")
        return run_voice(console, client, build_voice(client, project_id, voice_url))


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="voxtest-demo-") as home:
        console.print(f"[dim]voxtest serve on a free port, home {home} (SQLite)[/dim]")
        try:
            with (
                serve(home) as server,
                example_chat_agent("--secret", suite.AGENT_SECRET) as agent_url,
            ):
                console.print(f"[dim]example clinic agent on {agent_url}[/dim]")
                key = server.new_key("Demo Dental Group")
                headers = {"X-CEKURA-API-KEY": key}
                with httpx.Client(base_url=server.url, headers=headers, timeout=30) as client:
                    made = build(client, agent_url)
                    show(client, made)
                    if not run_evaluators(client, made, server):
                        return 1
                    if not _voice_suite(client, made["project"]["id"]):
                        return 1
        except (DemoError, RuntimeError) as exc:
            console.print(f"[red]demo failed:[/red] {exc}")
            return 1
    console.print("[green]demo finished; the server stopped cleanly[/green]")
    return 0

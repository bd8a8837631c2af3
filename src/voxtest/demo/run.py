"""Start a server on a fresh home, build the demo project through the API, show it, stop."""

from __future__ import annotations

import tempfile
from typing import Any

import httpx
from rich.console import Console
from rich.table import Table

from voxtest.demo import suite
from voxtest.demo.runs import DemoError, check, copy_metrics, first_personality, run_and_report
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
    metrics = copy_metrics(client, agent["id"], suite.PREDEFINED_METRICS)
    personality = first_personality(client)
    scenarios = []
    for spec in suite.SCENARIOS:
        expects_tools = bool(spec.get("generated_mock_tool_entries"))
        body = {
            **spec,
            **_with_tool_ids(spec, agent),
            "agent": agent["id"],
            "personality": personality["id"],
            "test_profile": profile["id"],
            "metrics": [
                m["id"]
                for m in metrics
                if expects_tools or m["name"] not in suite.MOCK_ONLY_METRICS
            ],
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


def _with_tool_ids(spec: dict[str, Any], agent: dict[str, Any]) -> dict[str, Any]:
    """The scenario's generated mock entries with the ids of the agent's tools they name."""
    ids = {t["name"]: t["id"] for t in agent.get("mock_tools") or []}
    entries = spec.get("generated_mock_tool_entries")
    if not entries:
        return {}
    return {"generated_mock_tool_entries": [{**e, "tool_id": ids[e["tool_name"]]} for e in entries]}


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


def point_agent(client: httpx.Client, made: dict[str, Any], url: str) -> None:
    """Send the demo agent's conversations to the example agent at `url`."""
    body = suite.agent_body(made["project"]["id"], url)
    agent_id = made["agent"]["id"]
    patch = {"provider": body["provider"]}
    check(client.patch(f"/test_framework/v2/aiagents/{agent_id}/", json=patch), "agent URL")


def _chat_suite(client: httpx.Client, server: ServerProcess) -> dict[str, Any] | None:
    """The chat evaluators against the example agent, its tools pointed at voxtest's mocks
    of the demo agent's tools; what was made, or None when a run did not complete."""
    made = build(client, suite.NOT_YET_LISTENING)
    mocks = f"{server.url}/test_framework/v1/aiagents/{made['agent']['id']}/"
    switches = ("--secret", suite.AGENT_SECRET, "--mock-tools-url", mocks)
    with example_chat_agent(*switches) as agent_url:
        console.print(f"[dim]example clinic agent on {agent_url}, tools served by {mocks}[/dim]")
        point_agent(client, made, agent_url)
        show(client, made)
        return made if run_evaluators(client, made, server) else None


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="voxtest-demo-") as home:
        console.print(f"[dim]voxtest serve on a free port, home {home} (SQLite)[/dim]")
        try:
            with serve(home) as server:
                key = server.new_key("Demo Dental Group")
                headers = {"X-CEKURA-API-KEY": key}
                with httpx.Client(base_url=server.url, headers=headers, timeout=30) as client:
                    made = _chat_suite(client, server)
                    if made is None:
                        return 1
                    if not _voice_suite(client, made["project"]["id"]):
                        return 1
        except (DemoError, RuntimeError) as exc:
            console.print(f"[red]demo failed:[/red] {exc}")
            return 1
    console.print("[green]demo finished; the server stopped cleanly[/green]")
    return 0

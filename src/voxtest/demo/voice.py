"""The demo's voice suite: the clinic agent over CHIRP (`voxtest example-agent voice`, its own
offline STT/TTS/VAD), a scripted caller speaking through voxtest's offline voice, and the
audio metrics of the recording.

The lines are chosen for the offline engines (Piper's voice heard by Whisper tiny.en): the
agent's STT hears "Tom Baker" reliably (it hears "Sarah" as "Eric" about one time in three),
and a spoken "14:30" comes back as "1430", which the condition accepts.
"""

from __future__ import annotations

from typing import Any

import httpx
from rich.console import Console
from rich.table import Table

from voxtest.demo.runs import check, copy_metrics, first_personality, follow, metric_shown

VOICE_SECRET = "demo-voice-pw"
AUDIO_METRICS = (
    "Latency (in ms)",
    "Infrastructure Issues",
    "AI Interrupting User",
    "User Interrupting AI",
    "Talk Ratio",
    "Words Per Minute",
    "Average Pitch",
    "Transcription Accuracy",
    "Detect Silence in Conversation",
)
VOICE_PROFILE: dict[str, Any] = {
    "name": "Tom Baker",
    "information": {
        "main_agent_variables": {"customer_name": "Tom Baker"},
        "testing_agent_variables": {"name": "Tom Baker", "date_of_birth": "1985-06-15"},
    },
}
MOVE_CHECKUP: dict[str, Any] = {
    "role": "A patient who wants to move a check-up, by phone",
    "conditions": [
        {"id": 0, "condition": "FIRST_MESSAGE", "type": "standard", "fixed_message": True,
         "action": "Hi, I need to move my check-up."},
        {"id": 1, "condition": "The agent asks for your name", "type": "standard",
         "fixed_message": True, "action": "It is {{test_profile.name}}."},
        {"id": 2, "condition": "The agent asks for your date of birth", "type": "standard",
         "fixed_message": True, "action": "June fifteenth, nineteen eighty five."},
        {"id": 3, "condition": 'contains "14:30" OR contains "14 30" OR contains "1430"',
         "type": "standard", "fixed_message": True,
         "action": "Yes, the afternoon one, please."},
        {"id": 4, "condition": 3, "type": "action_followup", "fixed_message": True,
         "action": "<endcall/>"},
    ],
}  # fmt: skip


def voice_agent_body(project_id: int, url: str) -> dict[str, Any]:
    return {
        "name": "Bright Smile phone line",
        "description": "Books, moves and cancels dental appointments by phone.",
        "project": project_id,
        "inbound": True,
        "agent_speaks_first": True,
        "telephony": {
            "websocket_url": url,
            "websocket_auth": {"username": "voxtest", "password": VOICE_SECRET},
        },
    }


def build_voice(client: httpx.Client, project_id: int, url: str) -> dict[str, Any]:
    """The voice agent, its audio metrics, its profile and the phone evaluator."""
    agent = check(
        client.post("/test_framework/v2/aiagents/", json=voice_agent_body(project_id, url)),
        "voice agent",
    )
    profile = check(
        client.post(
            "/test_framework/v1/test-profiles/", json={**VOICE_PROFILE, "agent": agent["id"]}
        ),
        "voice test profile",
    )
    metrics = copy_metrics(client, agent["id"], AUDIO_METRICS)
    personality = first_personality(client)
    scenario = check(
        client.post(
            "/test_framework/v1/scenarios/",
            json={
                "name": "Move a check-up by phone",
                "agent": agent["id"],
                "personality": personality["id"],
                "test_profile": profile["id"],
                "scenario_type": "conditional_actions",
                "conditional_actions": MOVE_CHECKUP,
                "expected_outcome_prompt": "The agent verifies Tom and moves his check-up.",
                "metrics": [m["id"] for m in metrics],
                "tags": ["voice", "smoke"],
            },
        ),
        "voice evaluator",
    )
    return {"agent": agent, "scenario": scenario}


def run_voice(console: Console, client: httpx.Client, made: dict[str, Any]) -> bool:
    """Call the agent over CHIRP, show the call and its audio metrics; True when it completed."""
    body = {
        "agent_id": made["agent"]["id"],
        "scenarios": [made["scenario"]["id"]],
        "name": "voxtest demo (voice)",
    }
    answer = check(
        client.post("/test_framework/v1/scenarios/run_scenarios_chirp/", json=body),
        "run_scenarios_chirp",
    )
    result = follow(console, client, int(answer["id"]))
    ids = ",".join(str(run["id"]) for run in result["runs"].values())
    runs = check(client.get("/test_framework/v2/runs/bulk/", params={"run_ids": ids}), "runs")
    for run in runs:
        console.print(_call_table(run))
        console.print(_audio_table(run))
    return all(run["status"] == "completed" for run in runs)


def _call_table(run: dict[str, Any]) -> Table:
    voice = (run.get("metadata") or {}).get("voice") or {}
    latencies = {round(t["start_s"], 1): t.get("latency_ms") for t in voice.get("turns") or []}
    table = Table(title=f"Voice call {run['id']}: {run['status']} ({run.get('duration') or '-'})")
    for col in ("at", "speaker", "said", "latency ms"):
        table.add_column(col)
    for turn in run.get("transcript_object") or []:
        latency = latencies.get(round(turn["start_time"], 1))
        shown = f"{latency:.0f}" if isinstance(latency, int | float) else ""
        table.add_row(f"{turn['start_time']:.1f}", turn["role"], turn["content"], shown)
    return table


def _audio_table(run: dict[str, Any]) -> Table:
    table = Table(title="Audio metrics (from the recording)")
    for col in ("metric", "value", "explanation"):
        table.add_column(col)
    for metric in (run.get("evaluation") or {}).get("metrics") or []:
        value = metric_shown(metric)
        table.add_row(metric["name"], value, str(metric.get("explanation") or "")[:80])
    return table

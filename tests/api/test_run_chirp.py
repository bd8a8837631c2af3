"""`run_scenarios_chirp/`: voice runs against the clinic voice agent over real CHIRP."""

from __future__ import annotations

import asyncio
import copy
import io
import threading
import time
import wave
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any
from urllib.parse import urlsplit

import pytest

from tests.api.factories import personality_id
from tests.api.run_support import sarah_profile, wait_for_result
from tests.conftest import Api
from voxtest.demo.suite import RESCHEDULE_ACTIONS
from voxtest.examples.clinic_voice_agent import ClinicVoiceAgent, VoiceAgentOptions
from voxtest.speech.fake import fake_engines

RUN_CHIRP = "/test_framework/v1/scenarios/run_scenarios_chirp/"
P = "/test_framework/v1/personalities/"
SAY_AND_HANG_UP = {
    "role": "A caller on a bad line",
    "conditions": [
        {"id": 0, "condition": "FIRST_MESSAGE", "type": "standard", "fixed_message": True,
         "action": "Hi, I need to move my cleaning to another day next week, please."},
        {"id": 1, "condition": 0, "type": "action_followup", "fixed_message": True,
         "action": "<endcall/>"},
    ],
}  # fmt: skip
VOICE_ACTIONS = copy.deepcopy(RESCHEDULE_ACTIONS)
VOICE_ACTIONS["conditions"][3]["condition"] = 'contains "14:30" OR contains "14 30"'

pytestmark = pytest.mark.xdist_group("voice")


@contextmanager
def voice_agent(**options: Any) -> Iterator[ClinicVoiceAgent]:
    """The clinic voice agent on its own thread and event loop."""
    agent = ClinicVoiceAgent(fake_engines, VoiceAgentOptions(**options))
    loop = asyncio.new_event_loop()
    started = threading.Event()
    stop: asyncio.Future[None] | None = None

    async def serve() -> None:
        nonlocal stop
        stop = loop.create_future()
        async with agent:
            started.set()
            await stop

    thread = threading.Thread(target=loop.run_until_complete, args=(serve(),), daemon=True)
    thread.start()
    assert started.wait(10)
    try:
        yield agent
    finally:
        loop.call_soon_threadsafe(lambda: stop.set_result(None) if stop else None)
        thread.join(10)
        loop.close()


def voice_agent_row(api: Api, url: str, password: str = "pw") -> int:
    body = {
        "name": "Bright Smile voice line",
        "description": "Books, moves and cancels dental appointments by phone.",
        "project": api.default_project_id(),
        "inbound": True,
        "agent_speaks_first": True,
        "telephony": {
            "websocket_url": url,
            "websocket_auth": {"username": "voxtest", "password": password},
        },
    }
    r = api.post("/test_framework/v2/aiagents/", body)
    assert r.status_code == 201, r.text
    return int(r.json()["id"])


def voice_scenario(
    api: Api,
    agent_id: int,
    personality: int | None = None,
    actions: dict[str, Any] = VOICE_ACTIONS,
) -> int:
    body = {
        "name": "Reschedule a cleaning by phone",
        "agent": agent_id,
        "personality": personality or personality_id(api),
        "scenario_type": "conditional_actions",
        "conditional_actions": actions,
        "test_profile": sarah_profile(api, agent_id),
    }
    r = api.post("/test_framework/v2/scenarios/", body)
    assert r.status_code == 201, r.text
    return int(r.json()["id"])


def test_a_chirp_run_is_stored_with_its_recording_and_timing(api: Api) -> None:
    with voice_agent(username="voxtest", password="pw") as agent:
        agent_id = voice_agent_row(api, agent.url)
        voice_scenario(api, agent_id)
        r = api.post(RUN_CHIRP, {"agent_id": agent_id, "scenarios": 1})
        assert r.status_code == 200, r.text
        result = wait_for_result(api, r.json()["id"], timeout_s=90)
    run_id = (
        next(iter(result["runs"].values()))["id"]
        if isinstance(result["runs"], dict)
        else (result["runs"][0]["id"])
    )
    run = api.get(f"/test_framework/v2/runs/{run_id}/").json()
    assert run["status"] == "completed", run["error_message"]
    assert run["run_as_text"] is False and run["testing_channel_index"] == 0
    said = [t["content"] for t in run["transcript_object"] if t["role"] == "Main Agent"]
    assert "bs 1042" in said[-1]
    voice = run["metadata"]["voice"]
    assert voice["outcome"] == "COMPLETED" and voice["frame_timer"]["frames"] > 100
    latencies = [t["latency_ms"] for t in voice["turns"] if t.get("latency_ms") is not None]
    assert len(latencies) >= 3
    url = run["voice_recording_url"]  # on VOXTEST_PUBLIC_BASE_URL; the test server's port differs
    assert url.endswith(f"/voxtest/v1/runs/{run_id}/recording.wav")
    path = urlsplit(url).path
    recording = api.client.get(path)
    assert recording.status_code == 200 and recording.headers["content-type"] == "audio/wav"
    with wave.open(io.BytesIO(recording.content)) as wav:
        assert (wav.getnchannels(), wav.getframerate()) == (2, 16000)
    stranger = api.other()
    assert stranger.client.get(path).status_code == 404


def test_a_wrong_websocket_password_fails_the_run_as_rejected(api: Api) -> None:
    with voice_agent(username="voxtest", password="right") as agent:
        agent_id = voice_agent_row(api, agent.url, password="wrong")
        voice_scenario(api, agent_id)
        r = api.post(RUN_CHIRP, {"agent_id": agent_id, "scenarios": "all"})
        assert r.status_code == 200, r.text
        result = wait_for_result(api, r.json()["id"])
    runs = result["runs"].values() if isinstance(result["runs"], dict) else result["runs"]
    run = api.get(f"/test_framework/v2/runs/{next(iter(runs))['id']}/").json()
    assert run["status"] == "failed" and "websocket_auth" in run["error_message"]
    assert run["metadata"]["voice"]["outcome"] == "REJECTED"


def test_scenario_selectors_are_checked(api: Api) -> None:
    agent_id = voice_agent_row(api, "ws://127.0.0.1:9/chirp")
    for selector, message in ((0, "at least 1"), ("some", '"all"')):
        r = api.post(RUN_CHIRP, {"agent_id": agent_id, "scenarios": selector})
        assert r.status_code == 400 and message in r.json()["scenarios"][0]
    r = api.post(RUN_CHIRP, {"agent_id": agent_id, "scenarios": "all"})
    assert r.status_code == 400 and "no scenarios" in r.json()["scenarios"][0]


def test_end_call_keeps_a_voice_runs_transcript_recording_and_timing(api: Api) -> None:
    with voice_agent(username="voxtest", password="pw", delay_ms=1500) as agent:
        agent_id = voice_agent_row(api, agent.url)
        voice_scenario(api, agent_id)
        made = api.post(RUN_CHIRP, {"agent_id": agent_id, "scenarios": 1}).json()
        runs = made["runs"].values() if isinstance(made["runs"], dict) else made["runs"]
        run_id = next(iter(runs))["id"]
        early = api.get(f"/test_framework/v2/runs/{run_id}/").json()
        assert early["run_type"] == "CHIRP" and early["run_as_text"] is False  # before it ends
        deadline = time.monotonic() + 60
        while not (agent.connections and len(agent.connections[0].replies) >= 2):
            assert time.monotonic() < deadline, "the call never got going"
            time.sleep(0.05)
        assert api.post(f"/test_framework/v2/runs/{run_id}/end_call/").status_code == 200
        while (run := api.get(f"/test_framework/v2/runs/{run_id}/").json())["status"] not in (
            "completed",
            "failed",
            "cancelled",
        ):
            assert time.monotonic() < deadline, "the run was never cancelled"
            time.sleep(0.1)
    assert run["status"] == "cancelled", run["error_message"]
    roles = {t["role"] for t in run["transcript_object"]}
    assert roles >= {"Main Agent", "Testing Agent"}  # what was said before the hang-up
    voice = run["metadata"]["voice"]
    assert voice["turns"] and voice["frame_timer"]["frames"] > 50
    recording = api.client.get(urlsplit(run["voice_recording_url"]).path)
    assert recording.status_code == 200
    with wave.open(io.BytesIO(recording.content)) as wav:  # closed: a readable header
        assert wav.getnchannels() == 2 and wav.getnframes() / 16000 > 2


def test_a_personality_on_a_bad_line_loses_caller_audio(api: Api) -> None:
    base = {"project": api.default_project_id(), "name": "Bad line", "voice_model": "piper"}
    bad = api.post(P, {**base, "background_noise": "off", "network_simulation": "3g"})
    assert bad.status_code == 400 and "packet_loss" in bad.json()["network_simulation"][0]
    made = api.post(
        P, {**base, "background_noise": "off", "network_simulation": '{"packet_loss": 10}'}
    )
    assert made.status_code == 201, made.text
    with voice_agent(username="voxtest", password="pw") as agent:
        agent_id = voice_agent_row(api, agent.url)
        voice_scenario(api, agent_id, made.json()["id"], SAY_AND_HANG_UP)
        r = api.post(RUN_CHIRP, {"agent_id": agent_id, "scenarios": 1})
        assert r.status_code == 200, r.text
        result = wait_for_result(api, r.json()["id"], timeout_s=90)
    runs = result["runs"].values() if isinstance(result["runs"], dict) else result["runs"]
    run = api.get(f"/test_framework/v2/runs/{next(iter(runs))['id']}/").json()
    network = run["metadata"]["voice"]["network"]
    assert network["frames"] > 100 and 4 < network["lost_percent"] < 16, network

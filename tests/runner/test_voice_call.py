"""The voice loop against the clinic voice agent over real CHIRP on loopback (tone engines)."""

from __future__ import annotations

import copy
import wave
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np
from websockets.asyncio.server import ServerConnection, serve

from voxtest.channels.chirp import BasicAuth, ChirpChannel
from voxtest.demo.suite import RESCHEDULE_ACTIONS, TEST_PROFILE
from voxtest.domain.actions_engine import Script
from voxtest.domain.conditions import KeywordJudge
from voxtest.domain.transcript import MAIN_AGENT, TESTING_AGENT
from voxtest.domain.turn_taking import TurnRules
from voxtest.domain.voice_tags import Background
from voxtest.examples.clinic_voice_agent import ClinicVoiceAgent, VoiceAgentOptions
from voxtest.llm.fake import ScriptedModel, reply, tool_call
from voxtest.runner import limits as reasons
from voxtest.runner.limits import Limits
from voxtest.runner.simulated_caller import CallerBrief, SimulatedCaller
from voxtest.runner.voice_conversation import VoiceOptions, VoiceOutcome, run_voice_call
from voxtest.runner.voice_instruction import InstructionCaller
from voxtest.runner.voice_script import VoiceScript
from voxtest.speech.dtmf import decode_dtmf, dtmf_pcm
from voxtest.speech.fake import fake_engines
from voxtest.speech.recording import TESTING_CHANNEL_INDEX

VOICE_RESCHEDULE = copy.deepcopy(RESCHEDULE_ACTIONS)  # speech has no colons: "14 30"
VOICE_RESCHEDULE["conditions"][3]["condition"] = 'contains "14:30" OR contains "14 30"'
VARIABLES = {"test_profile": TEST_PROFILE["information"]["testing_agent_variables"]}
FAST = Limits(max_duration_s=60, greeting_wait_s=0.5)
OPTIONS = VoiceOptions(rules=TurnRules(reply_after_s=0.5, idle_timeout_s=3), played_out_grace_s=1)


async def _call(
    url: str, tmp_path: Path, played: Script | None = None, **kwargs: Any
) -> VoiceOutcome:
    script = VoiceScript(
        played or Script.from_json(VOICE_RESCHEDULE), KeywordJudge(), VARIABLES, None
    )
    return await run_voice_call(
        ChirpChannel(url, auth=kwargs.pop("auth", None)),
        kwargs.pop("caller", script),
        fake_engines(),
        tmp_path / "call.wav",
        limits=kwargs.pop("limits", FAST),
        options=kwargs.pop("options", OPTIONS),
        agent_speaks_first=kwargs.pop("agent_speaks_first", True),
    )


async def test_the_reschedule_script_completes_by_voice(tmp_path: Path) -> None:
    auth = BasicAuth("voxtest", "pw")
    options = VoiceAgentOptions(username="voxtest", password="pw", delay_ms=200)
    async with ClinicVoiceAgent(fake_engines, options) as agent:
        done = await _call(agent.url, tmp_path, auth=auth)
    outcome = done.conversation
    print(outcome.transcript.render_text(), outcome.error, done.timing["frame_timer"])
    assert outcome.end_reason == reasons.TESTING_AGENT_ENDED_CALL, outcome.error
    assert done.outcome == "COMPLETED"
    said = [t.content for t in outcome.transcript.turns if t.role == MAIN_AGENT]
    assert said[0].startswith("thank you for calling bright smile dental")
    assert "bs 1042" in said[-1]
    truth = [r.latency_ms for r in agent.connections[0].replies if r.latency_ms is not None]
    measured = [t["latency_ms"] for t in done.timing["turns"] if t.get("latency_ms") is not None]
    print(truth, measured)
    assert len(measured) == len(truth) >= 3
    assert all(abs(m - t) < 30 for m, t in zip(measured, truth, strict=True))
    with wave.open(str(tmp_path / "call.wav")) as wav:
        assert (wav.getnchannels(), wav.getframerate()) == (2, 16000)
        assert abs(wav.getnframes() / 16000 - outcome.duration_s) < 0.5
    for turn in (t for t in done.timing["turns"] if t["role"] == "Main Agent"):
        assert turn["words"], turn  # word times from the audio, inside the turn
        assert turn["start_s"] - 0.15 <= turn["words"][0]["start"] < turn["words"][-1]["end"]
        assert turn["words"][-1]["end"] <= turn["end_s"] + 0.15
    caller_turns = [t for t in done.timing["turns"] if t["role"] == "Testing Agent"]
    assert caller_turns and all("heard" in t for t in caller_turns)
    assert caller_turns[0]["heard"] == "hi i need to move my cleaning"  # the tone STT's words


def _channel(path: Path, index: int) -> bytes:
    with wave.open(str(path)) as wav:
        frames = np.frombuffer(wav.readframes(wav.getnframes()), dtype="<i2")
    return frames[index::2].tobytes()


def chain(role: str, *actions: str) -> dict[str, Any]:
    """A script of fixed lines: the opening, then each a follow-up of the one before."""
    conditions = [
        {"id": i, "condition": i - 1 if i else "FIRST_MESSAGE", "fixed_message": True,
         "type": "action_followup" if i else "standard", "action": action}
        for i, action in enumerate(actions)
    ]  # fmt: skip
    return {"role": role, "conditions": conditions}


ONE_LINE = chain("A patient with a code", 'My code is <dtmf digits="42#"/> <spell>ab</spell>',
                 "<endcall/>")  # fmt: skip


async def test_voice_tags_and_background_noise_reach_the_agent(tmp_path: Path) -> None:
    options = replace(OPTIONS, background=Background("busy-street", 0.02))
    async with ClinicVoiceAgent(fake_engines, VoiceAgentOptions()) as agent:
        done = await _call(agent.url, tmp_path, Script.from_json(ONE_LINE), options=options)
    assert done.conversation.end_reason == reasons.TESTING_AGENT_ENDED_CALL, done.conversation.error
    caller = [t for t in done.conversation.transcript.turns if t.role == TESTING_AGENT]
    assert caller[0].content == "My code is a b"  # the transcript says what was spoken
    audio = _channel(tmp_path / "call.wav", TESTING_CHANNEL_INDEX)
    assert decode_dtmf(audio) == "42#"
    turn = next(t for t in done.timing["turns"] if t["role"] == "Testing Agent")
    start, end = (round(turn[k] * 16000) for k in ("start_s", "end_s"))
    line = np.frombuffer(audio, dtype="<i2")[start:end]
    blocks = line[: line.size // 320 * 320].reshape(-1, 320).astype(np.float64)
    loudness = np.sqrt(np.mean(np.square(blocks), axis=1))
    assert loudness.min() > 20  # the gaps between words and tones carry the noise


async def test_an_instruction_scenario_is_played_by_the_callers_model(tmp_path: Path) -> None:
    model = ScriptedModel([
        "Hi, I need to move my cleaning.",
        "It's Sarah Johnson.",
        reply("Thanks, goodbye.", tool_call("end_call", reason="done")),
    ])  # fmt: skip
    brief = CallerBrief(instructions="Move your cleaning to another day.")
    caller = InstructionCaller(SimulatedCaller(model, brief))
    async with ClinicVoiceAgent(fake_engines, VoiceAgentOptions()) as agent:
        done = await _call(agent.url, tmp_path, caller=caller)
    outcome = done.conversation
    assert outcome.end_reason == reasons.TESTING_AGENT_ENDED_CALL, outcome.error
    said = [t.content for t in outcome.transcript.turns if t.role == TESTING_AGENT]
    assert said == ["Hi, I need to move my cleaning.", "It's Sarah Johnson.", "Thanks, goodbye."]
    heard_by_model = [m.content for m in model.calls[1].messages if m.role == "user"]
    assert any("bright smile dental" in (c or "") for c in heard_by_model)  # the agent's words


INTERRUPTING = chain(
    "A patient in a hurry",
    "Hi, I need to move my cleaning.",
    '<interruption time="0.4s"/>Sorry, it is urgent.',
    "<endcall/>",
)


async def test_an_interruption_tag_barges_in_on_the_agents_reply(tmp_path: Path) -> None:
    async with ClinicVoiceAgent(fake_engines, VoiceAgentOptions()) as agent:
        done = await _call(agent.url, tmp_path, Script.from_json(INTERRUPTING))
    assert done.conversation.end_reason == reasons.TESTING_AGENT_ENDED_CALL, done.conversation.error
    turns = done.timing["turns"]
    barge = done.timing["barge_ins"]
    assert [b["by"] for b in barge] == ["caller"], barge
    cut = next(t for t in turns if t["role"] == "Main Agent" and t["interrupted"])
    assert abs(barge[0]["at_s"] - (cut["start_s"] + 0.4)) < 0.05  # on the agent's onset + 0.4 s
    line = next(t for t in turns if t["text"] == "Sorry, it is urgent.")
    assert line["barge_in"] is True and line["start_s"] - barge[0]["at_s"] < 0.3
    assert line["start_s"] < max(t["end_s"] for t in turns if t["role"] == "Main Agent")


LOSSY = chain(
    "A caller on a bad line",
    "Hi, I need to move my cleaning please.",
    '<network_simulation packet_loss="0"/>Can you hear me better now?',
    "<endcall/>",
)


async def test_packet_loss_reaches_the_agent_as_silence_until_a_line_stops_it(
    tmp_path: Path,
) -> None:
    options = replace(OPTIONS, packet_loss_percent=50, seed=3)
    async with ClinicVoiceAgent(fake_engines, VoiceAgentOptions()) as agent:
        done = await _call(agent.url, tmp_path, Script.from_json(LOSSY), options=options)
    assert done.conversation.end_reason == reasons.TESTING_AGENT_ENDED_CALL, done.conversation.error
    network = done.timing["network"]
    first, second = [t for t in done.timing["turns"] if t["role"] == "Testing Agent"][:2]
    assert 0.3 * first["frames"] < first["lost_frames"] < 0.7 * first["frames"]
    assert "lost_frames" not in second  # the second line turned loss off before it started
    assert network["lost"] >= first["lost_frames"] and network["lost_percent"] < 50
    audio = np.frombuffer(_channel(tmp_path / "call.wav", TESTING_CHANNEL_INDEX), dtype="<i2")
    start, end = (round(first[k] * 16000) for k in ("start_s", "end_s"))
    line = audio[start:end]
    silent = sum(1 for i in range(0, line.size - 320, 320) if not line[i : i + 320].any())
    assert silent >= 0.2 * (line.size // 320)  # the lost frames are silence in the recording


IVR = chain("A phone menu", '<ivr text="Press two for billing."/>', "<endcall/>")


async def test_an_agent_pressing_keys_at_a_phone_menu_shows_them(tmp_path: Path) -> None:
    async def agent(ws: ServerConnection) -> None:
        heard, pressed = 0, False
        async for message in ws:
            if isinstance(message, bytes):
                heard += len(message)
            if not pressed and heard >= 2 * 16000 * 1.2:  # the menu, then a moment
                pressed = True
                keys = dtmf_pcm("2#")
                for at in range(0, len(keys), 640):
                    await ws.send(keys[at : at + 640].ljust(640, b"\0"))

    async with serve(agent, "127.0.0.1", 0) as server:
        url = f"ws://127.0.0.1:{server.sockets[0].getsockname()[1]}/chirp"
        done = await _call(url, tmp_path, Script.from_json(IVR), agent_speaks_first=False)
    outcome = done.conversation
    assert outcome.end_reason == reasons.TESTING_AGENT_ENDED_CALL, outcome.error
    caller, agent_turn = outcome.transcript.turns[:2]
    assert (caller.role, caller.content) == (TESTING_AGENT, "Press two for billing.")
    assert agent_turn.role == MAIN_AGENT and agent_turn.content.endswith('<dtmf digits="2#"/>')

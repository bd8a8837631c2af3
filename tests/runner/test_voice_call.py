"""The voice loop against the clinic voice agent over real CHIRP on loopback (tone engines)."""

from __future__ import annotations

import copy
import wave
from pathlib import Path
from typing import Any

from voxtest.channels.chirp import BasicAuth, ChirpChannel
from voxtest.demo.suite import RESCHEDULE_ACTIONS, TEST_PROFILE
from voxtest.domain.actions_engine import Script
from voxtest.domain.conditions import KeywordJudge
from voxtest.domain.transcript import MAIN_AGENT
from voxtest.domain.turn_taking import TurnRules
from voxtest.examples.clinic_voice_agent import ClinicVoiceAgent, VoiceAgentOptions
from voxtest.runner import limits as reasons
from voxtest.runner.limits import Limits
from voxtest.runner.voice_conversation import VoiceOptions, VoiceOutcome, run_voice_call
from voxtest.speech.fake import fake_engines

VOICE_RESCHEDULE = copy.deepcopy(RESCHEDULE_ACTIONS)  # speech has no colons: "14 30"
VOICE_RESCHEDULE["conditions"][3]["condition"] = 'contains "14:30" OR contains "14 30"'
VARIABLES = {"test_profile": TEST_PROFILE["information"]["testing_agent_variables"]}
FAST = Limits(max_duration_s=60, greeting_wait_s=0.5)
OPTIONS = VoiceOptions(rules=TurnRules(reply_after_s=0.5, idle_timeout_s=3), played_out_grace_s=1)


async def _call(
    url: str, tmp_path: Path, played: Script | None = None, **kwargs: Any
) -> VoiceOutcome:
    return await run_voice_call(
        ChirpChannel(url, auth=kwargs.pop("auth", None)),
        played or Script.from_json(VOICE_RESCHEDULE),
        KeywordJudge(),
        fake_engines(),
        tmp_path / "call.wav",
        variables=VARIABLES,
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

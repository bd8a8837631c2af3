"""Play a conditional-actions script over a voice call; return the transcript, the CHIRP
outcome and the timing record (see `runner.voice_call` for the loop)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from voxtest.channels.audio import AudioChannel
from voxtest.channels.base import Clock, SystemClock
from voxtest.channels.chirp import dial
from voxtest.domain.actions_engine import Script
from voxtest.domain.transcript import Transcript
from voxtest.protocols import chirp
from voxtest.runner import limits as reasons
from voxtest.runner.limits import Limits
from voxtest.runner.outcome import ConversationOutcome, Judge, Paraphrase
from voxtest.runner.voice_call import VoiceCall, VoiceOptions
from voxtest.runner.voice_recording import StereoWavRecorder
from voxtest.runner.voice_script import VoiceScript
from voxtest.speech.base import SpeechEngines

__all__ = ["VoiceOptions", "VoiceOutcome", "run_voice_call"]

# Ends of a call that ran its course; the others leave it INCOMPLETED.
_COMPLETE = (
    reasons.MAIN_AGENT_ENDED_CALL,
    reasons.TESTING_AGENT_ENDED_CALL,
    reasons.EXCEEDED_MAX_DURATION,
    reasons.MAIN_AGENT_SILENCE_TIMED_OUT,
    reasons.MAIN_AGENT_DID_NOT_ANSWER,
)


@dataclass(frozen=True)
class VoiceOutcome:
    conversation: ConversationOutcome
    outcome: chirp.Outcome
    timing: dict[str, Any] = field(default_factory=dict)
    recording: Path | None = None


async def run_voice_call(
    channel: AudioChannel,
    script: Script,
    judge: Judge,
    engines: SpeechEngines,
    recording: Path,
    *,
    variables: Mapping[str, Any] | None = None,
    limits: Limits | None = None,
    options: VoiceOptions | None = None,
    clock: Clock | None = None,
    agent_speaks_first: bool | None = None,
    paraphrase: Paraphrase | None = None,
) -> VoiceOutcome:
    """Dial (CHIRP retries), hold the call, hang up; the recording is written to `recording`."""
    limits, options, clock = limits or Limits(), options or VoiceOptions(), clock or SystemClock()
    dialled = await dial(channel, clock, backoff_s=limits.connect_backoff_s)
    if not dialled.connected:
        conversation = ConversationOutcome(
            Transcript(),
            reasons.TESTING_AGENT_DID_NOT_CONNECT,
            dialled.error,
            connected=False,
            connect_attempts=dialled.attempts,
        )
        timing = {"version": 1, "transport": "chirp", "outcome": dialled.outcome}
        return VoiceOutcome(conversation, dialled.outcome or chirp.INCOMPLETED, timing)
    recorder = StereoWavRecorder(recording, clock.now())
    voice_script = VoiceScript(script, judge, variables, paraphrase)
    call = VoiceCall(channel, voice_script, engines, recorder, limits, options, clock)
    try:
        await call.run(agent_speaks_first)
    finally:
        await channel.close()
        recorder.close()
    conversation = ConversationOutcome(
        call.transcript(),
        call.end_reason,
        call.error,
        connected=True,
        duration_s=round(call.ended_at - call.t0, 3),
        connect_attempts=dialled.attempts,
    )
    outcome = chirp.COMPLETED if call.end_reason in _COMPLETE else chirp.INCOMPLETED
    timing = call.timing.record(
        recording={
            "sample_rate": 16000,
            "channels": 2,
            "testing_channel_index": recorder.caller_index,
            "duration_s": round(recorder.duration_s, 3),
        },
        outcome=outcome,
        attempts=dialled.attempts,
        engines={
            "tts": engines.synthesizer.name,
            "stt": engines.transcriber.name,
            "vad": type(call.vad).__name__,
        },
    )
    return VoiceOutcome(conversation, outcome, timing, recording)

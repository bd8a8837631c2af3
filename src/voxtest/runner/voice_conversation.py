"""Hold a voice call with a caller (a conditional-actions `VoiceScript` or an instruction
`InstructionCaller`); return the transcript, the CHIRP outcome and the timing record (see
`runner.voice_call` for the loop). The recording streams to disk as the call goes."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from voxtest.channels.audio import AudioChannel
from voxtest.channels.base import Clock, SystemClock
from voxtest.channels.chirp import dial
from voxtest.domain.transcript import Transcript
from voxtest.protocols import chirp
from voxtest.runner import limits as reasons
from voxtest.runner.limits import Limits
from voxtest.runner.outcome import ConversationOutcome
from voxtest.runner.voice_call import VoiceCall
from voxtest.runner.voice_hearing import hear_caller
from voxtest.runner.voice_options import VoiceOptions
from voxtest.runner.voice_script import CallerScript
from voxtest.speech.base import SAMPLE_RATE, SpeechEngines
from voxtest.speech.recording import TESTING_CHANNEL_INDEX, StereoRecorder

__all__ = ["VoiceOptions", "VoiceOutcome", "outcome_of", "run_voice_call"]

# The agent's audio may run this far ahead of the caller's (a burst of synthesized speech)
# before the recording writes it out; memory per call stays under 2 x 16 kHz x 2 B x this.
RECORDER_LAG_S = 30.0

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
    caller: CallerScript,
    engines: SpeechEngines,
    recording: Path,
    *,
    limits: Limits | None = None,
    options: VoiceOptions | None = None,
    clock: Clock | None = None,
    agent_speaks_first: bool | None = None,
    started: Callable[[VoiceCall], None] | None = None,
) -> VoiceOutcome:
    """Dial (CHIRP retries), hold the call, hang up; the recording is written to `recording`.
    `started` is told the call once connected (a cancelled run reads it, `runs.live`)."""
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
    recorder = StereoRecorder(recording, max_lag_s=RECORDER_LAG_S)
    call = VoiceCall(channel, caller, engines, recorder, limits, options, clock, clock.now())
    if started is not None:
        started(call)
    try:
        await call.run(agent_speaks_first)
    finally:
        await channel.close()
        recorder.close()
    await hear_caller(call.engines.transcriber, call.said)
    call.said.clear()
    return outcome_of(call, attempts=dialled.attempts)


def outcome_of(call: VoiceCall, *, attempts: int) -> VoiceOutcome:
    """The call as it stands (also for a call cancelled midway)."""
    recorder = call.recorder
    conversation = ConversationOutcome(
        call.transcript(),
        call.end_reason,
        call.error,
        connected=True,
        duration_s=round(call.ended_at - call.t0, 3),
        connect_attempts=attempts,
    )
    outcome = chirp.COMPLETED if call.end_reason in _COMPLETE else chirp.INCOMPLETED
    timing = call.timing.record(
        recording={
            "sample_rate": SAMPLE_RATE,
            "channels": 2,
            "testing_channel_index": TESTING_CHANNEL_INDEX,
            "duration_s": round(recorder.duration_s, 3),
        },
        outcome=outcome,
        attempts=attempts,
        engines={
            "tts": call.engines.synthesizer.name,
            "stt": call.engines.transcriber.name,
            "vad": type(call.vad).__name__,
        },
        **({"network": call.loss.record()} if call.loss.used else {}),
    )
    return VoiceOutcome(conversation, outcome, timing, recorder.path)

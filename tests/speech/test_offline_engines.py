"""The offline engines for real: Piper speaks, Whisper hears it, Silero finds its edges."""

from __future__ import annotations

import numpy as np
import pytest

from tests.speech.speech_support import energy_edges, wer
from voxtest.settings import Settings
from voxtest.speech.audio import to_float, to_pcm
from voxtest.speech.base import FRAME_BYTES, SpeechError, VadEvent, Voice, duration_s
from voxtest.speech.extras import require
from voxtest.speech.piper_tts import PiperConfig, PiperSynthesizer
from voxtest.speech.registry import synthesizer
from voxtest.speech.silero import POOL, SileroVad
from voxtest.speech.whisper_stt import WhisperConfig, WhisperTranscriber

SENTENCES = [
    "Can I please have your full name and date of birth?",
    "I would like to move my appointment to next Tuesday afternoon.",
    "This call may be recorded for quality and training purposes.",
]
TTS = PiperSynthesizer(PiperConfig(steady_durations=True))  # the same timing every run
STT = WhisperTranscriber(WhisperConfig(threads=2))


def feed_frames(vad: SileroVad, pcm: bytes) -> list[VadEvent]:
    events: list[VadEvent] = []
    for at in range(0, len(pcm), FRAME_BYTES):
        events += vad.feed(pcm[at : at + FRAME_BYTES])
    return events + list(vad.flush())


@pytest.mark.voice
async def test_piper_speaks_16k_and_whisper_hears_it_back() -> None:
    for sentence in SENTENCES[:2]:
        pcm = await TTS.synthesize(sentence, Voice())
        assert 1.5 < duration_s(pcm) < 8
        heard = await STT.transcribe(pcm, language="en")
        assert wer(sentence, heard.text) <= 0.15, heard.text
        assert heard.language == "en"
        starts = [w.start for w in heard.words]
        assert starts == sorted(starts) and heard.words[-1].end <= duration_s(pcm) + 0.1
        assert len(heard.words) >= len(sentence.split()) - 1


@pytest.mark.voice
async def test_speed_changes_the_length_not_the_words() -> None:
    sentence = SENTENCES[1]
    normal = await TTS.synthesize(sentence, Voice())
    assert duration_s(await TTS.synthesize(sentence, Voice())) == duration_s(normal)
    fast = await TTS.synthesize(sentence, Voice(speed=1.5))
    slow = await TTS.synthesize(sentence, Voice(speed=0.7))
    # measured 0.73 and 0.77: Piper's edges of silence do not scale with the speed
    assert 0.65 < duration_s(fast) / duration_s(normal) < 0.8
    assert 0.7 < duration_s(normal) / duration_s(slow) < 0.85
    assert wer(sentence, (await STT.transcribe(fast)).text) <= 0.2


@pytest.mark.voice
async def test_the_setting_gives_reruns_the_same_timing() -> None:
    steady = synthesizer(Settings(piper_steady_durations=True), "piper")
    lengths = {len(await steady.synthesize(SENTENCES[0], Voice())) for _ in range(3)}
    assert len(lengths) == 1


async def test_empty_text_is_no_audio_and_silence_is_no_words() -> None:
    assert await TTS.synthesize("  ", Voice()) == b""
    assert (await STT.transcribe(b"")).text == ""


@pytest.mark.voice
async def test_silero_finds_speech_between_silences_within_tolerance() -> None:
    pieces, truth, at = [], [], 0
    for sentence in SENTENCES:
        gap = np.zeros(16_000, np.float32)  # 1 s of silence before each sentence
        speech = to_float(await TTS.synthesize(sentence, Voice()))
        start, end = energy_edges(speech)
        truth.append((at + gap.size + start, at + gap.size + end))
        pieces += [gap, speech]
        at += gap.size + speech.size
    pieces.append(np.zeros(24_000, np.float32))
    events = feed_frames(SileroVad(), to_pcm(np.concatenate(pieces)))
    assert [e.kind for e in events] == ["start", "end"] * len(SENTENCES)
    start_errors_ms = [(e.sample - t[0]) / 16 for e, t in zip(events[::2], truth, strict=True)]
    end_errors_ms = [(e.sample - t[1]) / 16 for e, t in zip(events[1::2], truth, strict=True)]
    assert max(abs(e) for e in start_errors_ms) <= 40, start_errors_ms
    # the 85 ms end bias is subtracted; trailing fricatives ("birth?") still end late
    assert abs(float(np.median(end_errors_ms))) <= 50, end_errors_ms
    assert max(abs(e) for e in end_errors_ms) <= 130, end_errors_ms


async def test_silero_ignores_silence_and_white_noise_and_returns_its_detector() -> None:
    rng = np.random.default_rng(1)
    noise = (0.01 * rng.standard_normal(48_000)).astype(np.float32)
    vad = SileroVad()
    idle_before = POOL.idle
    assert feed_frames(vad, bytes(64_000) + to_pcm(noise)) == []
    assert POOL.idle == idle_before + 1  # flushed: back in the pool


def test_a_missing_module_names_the_extra() -> None:
    with pytest.raises(SpeechError, match=r"pip install 'voxtest\[voice\]'"):
        require("voxtest_no_such_engine", "Test")


async def test_a_missing_voice_file_is_a_clear_error(tmp_path: object) -> None:
    engine = PiperSynthesizer(
        PiperConfig(voice_path=__import__("pathlib").Path("/nonexistent.onnx"))
    )
    with pytest.raises(SpeechError, match="VOXTEST_PIPER_VOICE_PATH"):
        await engine.synthesize("hello", Voice())

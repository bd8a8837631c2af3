"""Which engines a run gets from settings and the personality's voice."""

from __future__ import annotations

import pytest

from voxtest.settings import Settings
from voxtest.speech.base import SpeechError, Voice
from voxtest.speech.energy import EnergyVad
from voxtest.speech.registry import engines_for, synthesizer, transcriber
from voxtest.speech.silero import SileroVad


def test_offline_defaults() -> None:
    engines = engines_for(Settings())
    assert engines.synthesizer.name == "piper"
    assert engines.transcriber.name == "whisper"
    assert engines.vad_factory is SileroVad
    assert dict(engines.options) == {"tts": "piper", "stt": "whisper", "vad": "silero"}


def test_a_cloud_provider_without_its_key_falls_back_to_the_offline_voice() -> None:
    engines = engines_for(Settings(), Voice(provider="11labs", voice_id="abc"))
    assert engines.synthesizer.name == "piper"
    assert engines.options["tts_fallback"] == "VOXTEST_ELEVENLABS_API_KEY is not set"


def test_a_cloud_provider_with_its_key_is_used() -> None:
    settings = Settings(cartesia_api_key="k", elevenlabs_api_key="k")
    assert engines_for(settings, Voice(provider="cartesia")).synthesizer.name == "cartesia"
    assert engines_for(settings, Voice(provider="ElevenLabs")).synthesizer.name == "elevenlabs"


def test_unknown_provider_falls_back_and_says_so() -> None:
    engines = engines_for(Settings(), Voice(provider="acme"))
    assert engines.synthesizer.name == "piper"
    assert "acme" in engines.options["tts_fallback"]


def test_settings_choose_the_stt_and_vad() -> None:
    settings = Settings(stt_provider="deepgram", deepgram_api_key="k", vad_provider="energy")
    engines = engines_for(settings)
    assert engines.transcriber.name == "deepgram"
    assert isinstance(engines.vad_factory(), EnergyVad)


def test_a_configured_cloud_engine_without_its_key_is_an_error() -> None:
    with pytest.raises(SpeechError, match="VOXTEST_DEEPGRAM_API_KEY"):
        transcriber(Settings(), "deepgram")
    with pytest.raises(SpeechError, match="VOXTEST_OPENAI_SPEECH_API_KEY"):
        synthesizer(Settings(), "openai")


def test_openai_speech_reuses_the_llm_key_for_openai_itself() -> None:
    settings = Settings(llm_base_url="https://api.openai.com/v1", llm_api_key="sk-1")
    assert synthesizer(settings, "openai").name == "openai"
    with pytest.raises(SpeechError):
        synthesizer(Settings(llm_base_url="http://127.0.0.1:1/v1", llm_api_key="x"), "openai")

"""Which speech engines a voice run uses, from settings and the personality's voice.

    engines = engines_for(settings, Voice(provider="11labs", voice_id="..."))
    pcm = await engines.synthesizer.synthesize("Hello", voice)

TTS: the personality's provider (`11labs`/`elevenlabs`, `cartesia`, `openai`, `piper`) picks
the engine when that engine can run: a cloud engine needs its API key
(`VOXTEST_ELEVENLABS_API_KEY`, ...). Otherwise, or with no provider, `VOXTEST_TTS_PROVIDER`
(default `piper`, offline) speaks, and `options["tts_fallback"]` says why. Built-in
personalities name `11labs`, so an instance without keys speaks with Piper out of the box.
STT is `VOXTEST_STT_PROVIDER` (default `whisper`, offline), VAD `VOXTEST_VAD_PROVIDER`
(default `silero`). A configured engine without its key is a SpeechError naming the setting.
Cloud base URLs are settings, so tests point them at local servers speaking the vendor's wire
format. Building engines loads nothing: models load on first use.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import SecretStr

from voxtest.settings import Settings
from voxtest.speech.base import SpeechEngines, SpeechError, Synthesizer, Transcriber, Voice
from voxtest.speech.cloud_stt import CloudSttConfig, DeepgramTranscriber, OpenAITranscriber
from voxtest.speech.cloud_tts import (
    CartesiaSynthesizer,
    CloudVoiceConfig,
    ElevenLabsSynthesizer,
    OpenAISynthesizer,
)
from voxtest.speech.energy import EnergyVad
from voxtest.speech.piper_tts import PiperConfig, PiperSynthesizer
from voxtest.speech.silero import SileroVad
from voxtest.speech.whisper_stt import WhisperConfig, WhisperTranscriber

TTS_ALIASES = {
    "11labs": "elevenlabs",
    "elevenlabs": "elevenlabs",
    "eleven_labs": "elevenlabs",
    "cartesia": "cartesia",
    "openai": "openai",
    "piper": "piper",
}
KEY_SETTINGS = {
    "elevenlabs": "VOXTEST_ELEVENLABS_API_KEY",
    "cartesia": "VOXTEST_CARTESIA_API_KEY",
    "openai": "VOXTEST_OPENAI_SPEECH_API_KEY",
    "deepgram": "VOXTEST_DEEPGRAM_API_KEY",
}


def engines_for(settings: Settings, voice: Voice | None = None) -> SpeechEngines:
    """The synthesizer, transcriber and VAD factory for one run's caller voice."""
    voice = voice or Voice()
    tts, fallback = _tts_choice(settings, voice)
    options = {"tts": tts, "stt": settings.stt_provider, "vad": settings.vad_provider}
    if fallback:
        options["tts_fallback"] = fallback
    vad_factory = SileroVad if settings.vad_provider == "silero" else _energy_factory
    return SpeechEngines(
        synthesizer=synthesizer(settings, tts),
        transcriber=transcriber(settings, settings.stt_provider),
        vad_factory=vad_factory,
        options=options,
    )


def _energy_factory() -> EnergyVad:
    return EnergyVad()


def _tts_choice(settings: Settings, voice: Voice) -> tuple[str, str | None]:
    asked = (voice.provider or "").strip().lower()
    if not asked:
        return settings.tts_provider, None
    chosen = TTS_ALIASES.get(asked)
    if chosen is None:
        return settings.tts_provider, f"unknown voice provider {asked!r}"
    if chosen != "piper" and _api_key(settings, chosen) is None:
        return settings.tts_provider, f"{KEY_SETTINGS[chosen]} is not set"
    return chosen, None


def synthesizer(settings: Settings, provider: str) -> Synthesizer:
    """The TTS engine `provider` configured from settings (SpeechError without its key)."""
    if provider == "piper":
        raw = settings.piper_voice_path.strip()
        voice = Path(raw).expanduser() if raw else None
        return PiperSynthesizer(PiperConfig(voice, settings.piper_steady_durations))
    if provider == "elevenlabs":
        return ElevenLabsSynthesizer(
            _voice_config(
                settings,
                provider,
                settings.elevenlabs_base_url,
                settings.elevenlabs_model,
                settings.elevenlabs_voice_id,
            )
        )
    if provider == "cartesia":
        return CartesiaSynthesizer(
            _voice_config(
                settings,
                provider,
                settings.cartesia_base_url,
                settings.cartesia_model,
                settings.cartesia_voice_id,
            )
        )
    if provider == "openai":
        return OpenAISynthesizer(
            _voice_config(
                settings,
                provider,
                settings.openai_speech_base_url,
                settings.openai_tts_model,
                settings.openai_tts_voice,
            )
        )
    raise SpeechError(f"Unknown TTS provider {provider!r} (VOXTEST_TTS_PROVIDER).")


def transcriber(settings: Settings, provider: str) -> Transcriber:
    """The STT engine `provider` configured from settings (SpeechError without its key)."""
    if provider == "whisper":
        raw = settings.whisper_model_path.strip()
        path = Path(raw).expanduser() if raw else None
        return WhisperTranscriber(WhisperConfig(model_path=path, threads=settings.stt_threads))
    if provider == "deepgram":
        return DeepgramTranscriber(
            _stt_config(settings, provider, settings.deepgram_base_url, settings.deepgram_model)
        )
    if provider == "openai":
        return OpenAITranscriber(
            _stt_config(
                settings, provider, settings.openai_speech_base_url, settings.openai_stt_model
            )
        )
    raise SpeechError(f"Unknown STT provider {provider!r} (VOXTEST_STT_PROVIDER).")


def _voice_config(
    settings: Settings, provider: str, base_url: str, model: str, default_voice: str
) -> CloudVoiceConfig:
    return CloudVoiceConfig(
        base_url=base_url,
        api_key=_required_key(settings, provider),
        model=model,
        default_voice=default_voice,
        key_setting=KEY_SETTINGS[provider],
        timeout_s=settings.speech_timeout_seconds,
    )


def _stt_config(settings: Settings, provider: str, base_url: str, model: str) -> CloudSttConfig:
    return CloudSttConfig(
        base_url=base_url,
        api_key=_required_key(settings, provider),
        model=model,
        key_setting=KEY_SETTINGS[provider],
        timeout_s=settings.speech_timeout_seconds,
    )


def _required_key(settings: Settings, provider: str) -> str:
    key = _api_key(settings, provider)
    if key is None:
        raise SpeechError(
            f"The {provider} speech engine needs an API key: set {KEY_SETTINGS[provider]}."
        )
    return key


def _api_key(settings: Settings, provider: str) -> str | None:
    secret: SecretStr | None = {
        "elevenlabs": settings.elevenlabs_api_key,
        "cartesia": settings.cartesia_api_key,
        "deepgram": settings.deepgram_api_key,
        "openai": settings.openai_speech_api_key,
    }.get(provider)
    if secret is None and provider == "openai" and "api.openai.com" in settings.llm_base_url:
        secret = settings.llm_api_key
    value = secret.get_secret_value().strip() if secret is not None else ""
    return value or None


__all__ = ["engines_for", "synthesizer", "transcriber"]

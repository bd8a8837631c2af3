"""Cloud voices for the caller, over each vendor's documented HTTP API (raw 16-bit PCM).

    ElevenLabsSynthesizer  POST /v1/text-to-speech/{voice_id}?output_format=pcm_16000
                           (`xi-api-key`; `voice_settings.speed` 0.7-1.2)
    CartesiaSynthesizer    POST /tts/bytes, `Cartesia-Version: 2025-04-16`, raw pcm_s16le at
                           16 kHz; `generation_config` {speed 0.6-1.5, emotion}
    OpenAISynthesizer      POST /audio/speech, `response_format: pcm` (24 kHz, resampled);
                           speed 0.25-4, emotion as `instructions`

Emotion markers (`[laughter]`, `[sigh]`) stay in the text for engines that read them inline
(`keeps_markers`: Cartesia's sonic-3 family, ElevenLabs' eleven_v3); the renderer strips them
for the others and passes the emotion (`Voice.emotion`) instead.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import httpx

from voxtest.speech.audio import resample, to_float, to_pcm
from voxtest.speech.base import SAMPLE_RATE, Voice
from voxtest.speech.cloud_http import SpeechHttp

CARTESIA_VERSION = "2025-04-16"
OPENAI_PCM_RATE = 24_000


@dataclass(frozen=True)
class CloudVoiceConfig:
    """One vendor's endpoint and defaults (built by `speech.registry` from settings)."""

    base_url: str
    api_key: str = field(repr=False)
    model: str
    default_voice: str
    key_setting: str
    timeout_s: float = 30.0


def _clamp(value: float, low: float, high: float) -> float:
    return min(high, max(low, value))


def _even(pcm: bytes) -> bytes:
    return pcm[: len(pcm) - len(pcm) % 2]


class ElevenLabsSynthesizer:
    """ElevenLabs text to speech."""

    def __init__(
        self, config: CloudVoiceConfig, transport: httpx.AsyncBaseTransport | None = None
    ) -> None:
        self.config = config
        headers = {"xi-api-key": config.api_key, "accept": "audio/pcm"}
        self._http = SpeechHttp.for_endpoint("ElevenLabs", config, headers, transport)

    @property
    def name(self) -> str:
        return "elevenlabs"

    def keeps_markers(self, voice: Voice) -> bool:
        return (voice.model or self.config.model).startswith("eleven_v3")

    async def synthesize(self, text: str, voice: Voice) -> bytes:
        body = {
            "text": text,
            "model_id": voice.model or self.config.model,
            "voice_settings": {"speed": _clamp(voice.speed, 0.7, 1.2)},
        }
        if voice.language and voice.language != "multi":
            body["language_code"] = voice.language
        voice_id = voice.voice_id or self.config.default_voice
        response = await self._http.post(
            f"/v1/text-to-speech/{voice_id}", params={"output_format": "pcm_16000"}, json=body
        )
        return _even(response.content)

    async def aclose(self) -> None:
        await self._http.aclose()


class CartesiaSynthesizer:
    """Cartesia text to speech (the bytes endpoint)."""

    def __init__(
        self, config: CloudVoiceConfig, transport: httpx.AsyncBaseTransport | None = None
    ) -> None:
        self.config = config
        headers = {
            "Authorization": f"Bearer {config.api_key}",
            "Cartesia-Version": CARTESIA_VERSION,
        }
        self._http = SpeechHttp.for_endpoint("Cartesia", config, headers, transport)

    @property
    def name(self) -> str:
        return "cartesia"

    def keeps_markers(self, voice: Voice) -> bool:
        return (voice.model or self.config.model).startswith("sonic-3")

    async def synthesize(self, text: str, voice: Voice) -> bytes:
        generation: dict[str, object] = {"speed": _clamp(voice.speed, 0.6, 1.5)}
        if voice.emotion:
            generation["emotion"] = voice.emotion
        body = {
            "model_id": voice.model or self.config.model,
            "transcript": text,
            "voice": {"mode": "id", "id": voice.voice_id or self.config.default_voice},
            "output_format": {
                "container": "raw",
                "encoding": "pcm_s16le",
                "sample_rate": SAMPLE_RATE,
            },
            "language": voice.language if voice.language != "multi" else "en",
            "generation_config": generation,
        }
        response = await self._http.post("/tts/bytes", json=body)
        return _even(response.content)

    async def aclose(self) -> None:
        await self._http.aclose()


class OpenAISynthesizer:
    """OpenAI's speech endpoint (any OpenAI-compatible `/audio/speech`)."""

    def __init__(
        self, config: CloudVoiceConfig, transport: httpx.AsyncBaseTransport | None = None
    ) -> None:
        self.config = config
        self._http = SpeechHttp.for_endpoint(
            "OpenAI speech", config, {"Authorization": f"Bearer {config.api_key}"}, transport
        )

    @property
    def name(self) -> str:
        return "openai"

    def keeps_markers(self, voice: Voice) -> bool:
        return False

    async def synthesize(self, text: str, voice: Voice) -> bytes:
        body: dict[str, object] = {
            "model": voice.model or self.config.model,
            "input": text,
            "voice": voice.voice_id or self.config.default_voice,
            "response_format": "pcm",
            "speed": _clamp(voice.speed, 0.25, 4.0),
        }
        if voice.emotion:
            body["instructions"] = f"Speak as a caller who sounds {voice.emotion}."
        response = await self._http.post("/audio/speech", json=body)
        samples = to_float(_even(response.content))
        return to_pcm(resample(samples, OPENAI_PCM_RATE, SAMPLE_RATE)) if samples.size else b""

    async def aclose(self) -> None:
        await self._http.aclose()


__all__ = [
    "CartesiaSynthesizer",
    "CloudVoiceConfig",
    "ElevenLabsSynthesizer",
    "OpenAISynthesizer",
]

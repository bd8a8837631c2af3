"""Cloud transcription of the agent, over each vendor's documented HTTP API.

DeepgramTranscriber  POST /v1/listen?model=..&encoding=linear16&sample_rate=16000&channels=1
                     (`Authorization: Token <key>`, raw PCM body); words from
                     results.channels[0].alternatives[0].words
OpenAITranscriber    POST /audio/transcriptions (multipart WAV), `verbose_json` with
                     `timestamp_granularities[]=word` (whisper-1 gives word times)
"""

from __future__ import annotations

import io
import wave
from dataclasses import dataclass, field
from typing import Any

import httpx

from voxtest.speech.base import SAMPLE_RATE, SAMPLE_WIDTH, SpeechError, Transcription, Word
from voxtest.speech.cloud_http import SpeechHttp


@dataclass(frozen=True)
class CloudSttConfig:
    """One vendor's endpoint (built by `speech.registry` from settings)."""

    base_url: str
    api_key: str = field(repr=False)
    model: str
    key_setting: str
    timeout_s: float = 30.0


def wav_bytes(pcm: bytes) -> bytes:
    """`pcm_s16le` 16 kHz mono wrapped in a WAV container."""
    out = io.BytesIO()
    with wave.open(out, "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(SAMPLE_WIDTH)
        wav.setframerate(SAMPLE_RATE)
        wav.writeframes(pcm)
    return out.getvalue()


def _words(items: Any, text_key: str) -> tuple[Word, ...]:
    words: list[Word] = []
    for item in items if isinstance(items, list) else []:
        if not isinstance(item, dict):
            continue
        text = item.get(text_key) or item.get("word") or ""
        try:
            words.append(Word(str(text).strip(), float(item["start"]), float(item["end"])))
        except (KeyError, TypeError, ValueError):
            continue
    return tuple(words)


def _json(response: httpx.Response, engine: str) -> dict[str, Any]:
    try:
        body = response.json()
    except ValueError:
        raise SpeechError(f"{engine} answered with something that is not JSON.")
    if not isinstance(body, dict):
        raise SpeechError(f"{engine} answered with an unexpected JSON shape.")
    return body


class DeepgramTranscriber:
    """Deepgram pre-recorded transcription."""

    def __init__(
        self, config: CloudSttConfig, transport: httpx.AsyncBaseTransport | None = None
    ) -> None:
        self.config = config
        self._http = SpeechHttp.for_endpoint(
            "Deepgram", config, {"Authorization": f"Token {config.api_key}"}, transport
        )

    @property
    def name(self) -> str:
        return "deepgram"

    async def transcribe(self, pcm: bytes, *, language: str | None = None) -> Transcription:
        params = {
            "model": self.config.model,
            "encoding": "linear16",
            "sample_rate": str(SAMPLE_RATE),
            "channels": "1",
            "punctuate": "true",
            "smart_format": "true",
        }
        if language and language != "multi":
            params["language"] = language
        else:
            params["detect_language"] = "true"
        response = await self._http.post(
            "/v1/listen",
            params=params,
            content=pcm,
            headers={"Content-Type": "application/octet-stream"},
        )
        body = _json(response, "Deepgram")
        try:
            channel = body["results"]["channels"][0]
            best = channel["alternatives"][0]
        except (KeyError, IndexError, TypeError):
            raise SpeechError("Deepgram's answer has no transcript (results.channels[0]).")
        detected = channel.get("detected_language") or language
        return Transcription(
            text=str(best.get("transcript", "")).strip(),
            words=_words(best.get("words"), "punctuated_word"),
            language=str(detected) if detected else None,
        )

    async def aclose(self) -> None:
        await self._http.aclose()


class OpenAITranscriber:
    """OpenAI's transcription endpoint (any OpenAI-compatible `/audio/transcriptions`)."""

    def __init__(
        self, config: CloudSttConfig, transport: httpx.AsyncBaseTransport | None = None
    ) -> None:
        self.config = config
        self._http = SpeechHttp.for_endpoint(
            "OpenAI transcription", config, {"Authorization": f"Bearer {config.api_key}"}, transport
        )

    @property
    def name(self) -> str:
        return "openai"

    async def transcribe(self, pcm: bytes, *, language: str | None = None) -> Transcription:
        data: dict[str, str | list[str]] = {
            "model": self.config.model,
            "response_format": "verbose_json",
            "timestamp_granularities[]": ["word"],
        }
        if language and language != "multi":
            data["language"] = language
        files = {"file": ("agent.wav", wav_bytes(pcm), "audio/wav")}
        response = await self._http.post("/audio/transcriptions", data=data, files=files)
        body = _json(response, "OpenAI transcription")
        detected = body.get("language") or language
        return Transcription(
            text=str(body.get("text", "")).strip(),
            words=_words(body.get("words"), "word"),
            language=str(detected) if detected else None,
        )

    async def aclose(self) -> None:
        await self._http.aclose()

"""The protocols of the speech pipeline, and the audio format every part of it speaks.

Audio inside voxtest is `pcm_s16le`, 16 kHz, mono (CHIRP's wire format): `bytes`, two bytes a
sample. Engines that produce or need another rate convert at their edge.

    Synthesizer  text -> caller audio (the testing agent's voice)
    Transcriber  agent audio -> text with word times
    VoiceActivityDetector  a stream of frames -> speech start / end events, sample-exact
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal, Protocol

from voxtest.errors import VoxtestError

SAMPLE_RATE = 16_000
SAMPLE_WIDTH = 2  # bytes, signed little-endian
FRAME_MS = 20
FRAME_BYTES = SAMPLE_RATE * SAMPLE_WIDTH * FRAME_MS // 1000  # 640


def duration_s(pcm: bytes) -> float:
    """Seconds of audio in a `pcm_s16le` 16 kHz mono buffer."""
    return len(pcm) / (SAMPLE_RATE * SAMPLE_WIDTH)


class SpeechError(VoxtestError):
    """An engine failed; `message` is worded for the user (which engine, what to set)."""

    def __init__(self, message: str, retryable: bool = False) -> None:
        super().__init__(message)
        self.message = message
        self.retryable = retryable


@dataclass(frozen=True)
class Voice:
    """What the personality asks of the caller's voice. `provider`/`voice_id` choose the
    engine and its voice (None: the offline default); `speed` 1.0 is normal; `emotion` is
    passed to engines that support it and ignored by the others."""

    provider: str | None = None
    voice_id: str | None = None
    speed: float = 1.0
    language: str = "en"
    emotion: str | None = None
    model: str | None = None  # the provider's voice model (personality `voice_model`)


class Synthesizer(Protocol):
    """Text to speech."""

    @property
    def name(self) -> str: ...

    async def synthesize(self, text: str, voice: Voice) -> bytes:
        """The spoken `text` as pcm_s16le 16 kHz mono; raises SpeechError."""
        ...

    async def aclose(self) -> None: ...


@dataclass(frozen=True)
class Word:
    text: str
    start: float  # seconds from the start of the audio given to `transcribe`
    end: float


@dataclass(frozen=True)
class Transcription:
    text: str
    words: tuple[Word, ...] = ()
    language: str | None = None


class Transcriber(Protocol):
    """Speech to text, one utterance (or a whole channel of a recording) at a time."""

    @property
    def name(self) -> str: ...

    async def transcribe(self, pcm: bytes, *, language: str | None = None) -> Transcription:
        """Raises SpeechError."""
        ...

    async def aclose(self) -> None: ...


@dataclass(frozen=True)
class VadEvent:
    """Speech started or ended at `sample` (index into the stream fed so far, 16 kHz), with
    the detector's known bias already corrected."""

    kind: Literal["start", "end"]
    sample: int

    @property
    def at_s(self) -> float:
        return self.sample / SAMPLE_RATE


class VoiceActivityDetector(Protocol):
    """Streaming VAD over one speaker's audio. Not shared between streams."""

    def feed(self, pcm: bytes) -> Sequence[VadEvent]:
        """Take the next audio (any length, whole samples) and return the events it closed."""
        ...

    def flush(self) -> Sequence[VadEvent]:
        """End of stream: an open speech segment ends here."""
        ...


@dataclass(frozen=True)
class SpeechEngines:
    """The engines one voice run uses (built by `speech.registry` from settings and the
    personality)."""

    synthesizer: Synthesizer
    transcriber: Transcriber
    vad_factory: VadFactory
    options: Mapping[str, str] = field(default_factory=dict)


class VadFactory(Protocol):
    def __call__(self) -> VoiceActivityDetector: ...

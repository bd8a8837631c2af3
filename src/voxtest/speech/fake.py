"""Test doubles for the speech protocols: exact, instant and dependency-light (numpy only).

- `ToneSynthesizer` speaks each character of a word as a 20 ms tone of its own pitch, words
  40 ms apart; `ToneTranscriber` decodes that audio back to the words with exact times.
- `EnergyVad` reports speech where the signal is louder than a threshold, sample-exact, after
  `hangover_s` of quiet (bias 0: onsets and offsets are the first and last loud samples).

So a voice loop can be tested end to end over real sockets with known text and known timing.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

import numpy as np

from voxtest.speech.base import (
    SAMPLE_RATE,
    SpeechEngines,
    Transcription,
    VadEvent,
    Voice,
    Word,
)
from voxtest.speech.shared import model_slot

T = TypeVar("T")

ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789'"
CHAR_SAMPLES = 320  # 20 ms per character
GAP_SAMPLES = 640  # 40 ms between words
AMPLITUDE = 8000
_BASE_HZ, _STEP_HZ = 400.0, 100.0  # FFT bins of 50 Hz at 320 samples: every tone on a bin
_QUIET = 200  # |sample| at or under this is silence for the decoder


def tone_hz(char: str) -> float:
    return _BASE_HZ + _STEP_HZ * ALPHABET.index(char)


def _words_of(text: str) -> list[str]:
    cleaned = "".join(c if c in ALPHABET else " " for c in text.lower())
    return cleaned.split()


def synthesize_tones(text: str) -> bytes:
    """The tone audio of `text` (characters outside ALPHABET separate words)."""
    t = np.arange(CHAR_SAMPLES) / SAMPLE_RATE
    parts: list[np.ndarray] = []
    for index, word in enumerate(_words_of(text)):
        if index:
            parts.append(np.zeros(GAP_SAMPLES))
        parts += [AMPLITUDE * np.cos(2 * np.pi * tone_hz(c) * t) for c in word]
    if not parts:
        return b""
    return np.concatenate(parts).astype("<i2").tobytes()


def decode_tones(pcm: bytes) -> Transcription:
    """Words spoken by `synthesize_tones`, found anywhere in `pcm` (silence around them)."""
    samples = np.frombuffer(pcm[: len(pcm) // 2 * 2], dtype="<i2").astype(np.float64)
    loud_at = np.abs(samples) > _QUIET
    words: list[Word] = []
    position = 0
    while True:
        loud = np.flatnonzero(loud_at[position:])
        if loud.size == 0:
            break
        start = position + int(loud[0])
        count = _chars_from(loud_at, start)
        if count == 0:  # a loud blip too short for a character
            position = start + 1
            continue
        end = start + count * CHAR_SAMPLES
        chunks = samples[start:end].reshape(count, CHAR_SAMPLES)
        word = "".join(_chars_of(chunks))
        words.append(Word(word, start / SAMPLE_RATE, end / SAMPLE_RATE))
        position = end
    return Transcription(" ".join(w.text for w in words), tuple(words), "en")


def _chars_from(loud_at: np.ndarray, start: int) -> int:
    """How many whole characters follow `start`: each begins loud within its first 40
    samples, the word ends at the first that does not."""
    count = (loud_at.size - start) // CHAR_SAMPLES
    if count <= 0:
        return 0
    heads = loud_at[start : start + count * CHAR_SAMPLES].reshape(count, CHAR_SAMPLES)[:, :40]
    quiet = np.flatnonzero(~heads.any(axis=1))
    return int(quiet[0]) if quiet.size else count


def _chars_of(chunks: np.ndarray) -> list[str]:
    spectrum = np.abs(np.fft.rfft(chunks, axis=1))
    hz = np.argmax(spectrum, axis=1) * SAMPLE_RATE / CHAR_SAMPLES
    indices = np.clip(np.round((hz - _BASE_HZ) / _STEP_HZ), 0, len(ALPHABET) - 1)
    return [ALPHABET[int(index)] for index in indices]


async def _work(threaded: bool, work: Callable[[], T]) -> T:
    """`work()` here, or on the engines' own thread as the real engines run (so a burst of
    calls transcribing at once does not stall the event loop's frame timers)."""
    if not threaded:
        return work()
    return await model_slot("fake-tones", lambda: None, "fake-tones").run(lambda _: work())


class ToneSynthesizer:
    name = "fake-tones"

    def __init__(self, *, threaded: bool = False) -> None:
        self.spoken: list[str] = []
        self.threaded = threaded

    async def synthesize(self, text: str, voice: Voice) -> bytes:
        self.spoken.append(text)
        return await _work(self.threaded, lambda: synthesize_tones(text))

    async def aclose(self) -> None:
        return None


class ToneTranscriber:
    name = "fake-tones"

    def __init__(self, *, threaded: bool = False) -> None:
        self.threaded = threaded

    async def transcribe(self, pcm: bytes, *, language: str | None = None) -> Transcription:
        return await _work(self.threaded, lambda: decode_tones(pcm))

    async def aclose(self) -> None:
        return None


class EnergyVad:
    """Speech is any sample louder than `threshold`; it ends after `hangover_s` of quiet."""

    def __init__(self, threshold: int = _QUIET, hangover_s: float = 0.12) -> None:
        self.threshold = threshold
        self.hangover = int(hangover_s * SAMPLE_RATE)
        self._fed = 0  # samples seen so far
        self._speaking = False
        self._last_loud = -1  # stream index of the latest loud sample

    def feed(self, pcm: bytes) -> Sequence[VadEvent]:
        samples = np.frombuffer(pcm[: len(pcm) // 2 * 2], dtype="<i2")
        base, self._fed = self._fed, self._fed + samples.size
        events: list[VadEvent] = []
        loud = np.flatnonzero(np.abs(samples.astype(np.int32)) > self.threshold) + base
        if loud.size:
            # a new segment starts where the quiet since the previous loud sample is longer
            # than the hangover (and at the first loud sample when not speaking)
            previous = np.concatenate(([self._last_loud], loud[:-1]))
            for index in np.flatnonzero(loud - previous > self.hangover).tolist():
                if self._speaking:
                    events.append(VadEvent("end", int(previous[index]) + 1))
                events.append(VadEvent("start", int(loud[index])))
                self._speaking = True
            if not self._speaking:
                events.append(VadEvent("start", int(loud[0])))
                self._speaking = True
            self._last_loud = int(loud[-1])
        if self._speaking and self._fed - 1 - self._last_loud > self.hangover:
            events.append(VadEvent("end", self._last_loud + 1))
            self._speaking = False
        return events

    def flush(self) -> Sequence[VadEvent]:
        if not self._speaking:
            return []
        self._speaking = False
        return [VadEvent("end", self._last_loud + 1)]


def fake_engines(*, threaded: bool = False) -> SpeechEngines:
    """The doubles; `threaded` runs synthesis and decoding on one worker thread, like the
    real engines (benchmarks), instead of inline (tests: instant and deterministic)."""
    return SpeechEngines(
        ToneSynthesizer(threaded=threaded),
        ToneTranscriber(threaded=threaded),
        EnergyVad,
        {"engines": "fake"},
    )

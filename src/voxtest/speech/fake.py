"""Test doubles for the speech protocols: exact, instant and dependency-light (numpy only).

- `ToneSynthesizer` speaks each character of a word as a 20 ms tone of its own pitch, words
  40 ms apart; `ToneTranscriber` decodes that audio back to the words with exact times.
- `EnergyVad` reports speech where the signal is louder than a threshold, sample-exact, after
  `hangover_s` of quiet (bias 0: onsets and offsets are the first and last loud samples).

So a voice loop can be tested end to end over real sockets with known text and known timing.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from voxtest.speech.base import (
    SAMPLE_RATE,
    SpeechEngines,
    Transcription,
    VadEvent,
    Voice,
    Word,
)

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
    words: list[Word] = []
    position = 0
    while True:
        loud = np.flatnonzero(np.abs(samples[position:]) > _QUIET)
        if loud.size == 0:
            break
        start = position + int(loud[0])
        chars: list[str] = []
        at = start
        while at + CHAR_SAMPLES <= samples.size and np.abs(samples[at : at + 40]).max() > _QUIET:
            chars.append(_char_of(samples[at : at + CHAR_SAMPLES]))
            at += CHAR_SAMPLES
        if not chars:  # a loud blip too short for a character
            position = start + 1
            continue
        words.append(Word("".join(chars), start / SAMPLE_RATE, at / SAMPLE_RATE))
        position = at
    return Transcription(" ".join(w.text for w in words), tuple(words), "en")


def _char_of(chunk: np.ndarray) -> str:
    spectrum = np.abs(np.fft.rfft(chunk))
    hz = float(np.argmax(spectrum)) * SAMPLE_RATE / chunk.size
    index = round((hz - _BASE_HZ) / _STEP_HZ)
    return ALPHABET[min(max(index, 0), len(ALPHABET) - 1)]


class ToneSynthesizer:
    name = "fake-tones"

    def __init__(self) -> None:
        self.spoken: list[str] = []

    async def synthesize(self, text: str, voice: Voice) -> bytes:
        self.spoken.append(text)
        return synthesize_tones(text)

    async def aclose(self) -> None:
        return None


class ToneTranscriber:
    name = "fake-tones"

    async def transcribe(self, pcm: bytes, *, language: str | None = None) -> Transcription:
        return decode_tones(pcm)

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
        loud = np.flatnonzero(np.abs(samples.astype(np.int32)) > self.threshold)
        for index in loud:
            at = base + int(index)
            if self._speaking and at - self._last_loud > self.hangover:
                events.append(VadEvent("end", self._last_loud + 1))
                self._speaking = False
            if not self._speaking:
                events.append(VadEvent("start", at))
                self._speaking = True
            self._last_loud = at
        if self._speaking and self._fed - 1 - self._last_loud > self.hangover:
            events.append(VadEvent("end", self._last_loud + 1))
            self._speaking = False
        return events

    def flush(self) -> Sequence[VadEvent]:
        if not self._speaking:
            return []
        self._speaking = False
        return [VadEvent("end", self._last_loud + 1)]


def fake_engines() -> SpeechEngines:
    return SpeechEngines(ToneSynthesizer(), ToneTranscriber(), EnergyVad, {"engines": "fake"})

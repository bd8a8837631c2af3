"""Synthetic stereo recordings: tones and noise bursts at known instants."""

from __future__ import annotations

import wave
from dataclasses import dataclass
from pathlib import Path

import numpy as np

RATE = 16_000
FRAME_S = 0.02  # the analysis is exact to one frame


@dataclass(frozen=True)
class Burst:
    channel: int
    start: float
    end: float
    hz: float = 180.0  # fundamental of a voice-like harmonic tone; 0 = white noise
    level: float = 0.3  # peak amplitude, fraction of full scale


def render(bursts: list[Burst], duration_s: float, channels: int = 2) -> np.ndarray:
    """int16 samples, shape (n, channels)."""
    n = round(duration_s * RATE)
    out = np.zeros((n, channels))
    rng = np.random.default_rng(7)
    for b in bursts:
        lo, hi = round(b.start * RATE), round(b.end * RATE)
        t = np.arange(hi - lo) / RATE
        if b.hz:
            wave_ = sum(np.sin(2 * np.pi * b.hz * k * t + k) / k for k in (1, 2, 3))
            wave_ = wave_ / np.max(np.abs(wave_))
        else:
            wave_ = np.clip(rng.normal(0, 0.35, hi - lo), -1, 1)
        out[lo:hi, b.channel] += b.level * wave_
    return np.clip(np.round(out * 32767), -32768, 32767).astype(np.int16)


def write_wav(path: Path, samples: np.ndarray, rate: int = RATE) -> Path:
    with wave.open(str(path), "wb") as w:
        w.setnchannels(samples.shape[1])
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(samples.astype("<i2").tobytes())
    return path


def recording(path: Path, bursts: list[Burst], duration_s: float) -> Path:
    return write_wav(path, render(bursts, duration_s))

"""Deterministic synthetic noise: each kind is a function of a seeded generator and a length.

Every clip is normalised to RMS -20 dBFS (so a volume of 0.3 puts noise about 10 dB under
speech peaking near full scale) and cross-faded end-to-start so it loops without a click.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from voxtest.speech.audio import Floats
from voxtest.speech.base import SAMPLE_RATE

TARGET_RMS = 0.1  # -20 dBFS
LOOP_FADE_S = 0.05

Generator = np.random.Generator


def _shaped(rng: Generator, n: int, exponent: float) -> Floats:
    """Noise whose power falls as 1/f**exponent (0 white, 1 pink, 2 brown)."""
    spectrum = np.fft.rfft(rng.standard_normal(n))
    freqs = np.fft.rfftfreq(n, 1 / SAMPLE_RATE)
    freqs[0] = freqs[1]
    return np.fft.irfft(spectrum / freqs ** (exponent / 2), n=n).astype(np.float32)


def _band(rng: Generator, n: int, low: float, high: float) -> Floats:
    spectrum = np.fft.rfft(rng.standard_normal(n))
    freqs = np.fft.rfftfreq(n, 1 / SAMPLE_RATE)
    spectrum[(freqs < low) | (freqs > high)] = 0
    return np.fft.irfft(spectrum, n=n).astype(np.float32)


def _envelope(rng: Generator, n: int, rate_hz: float, depth: float) -> Floats:
    """A slow random amplitude contour (syllables, traffic) between 1-depth and 1."""
    points = max(2, int(n / SAMPLE_RATE * rate_hz) + 2)
    knots = rng.uniform(1 - depth, 1, points)
    return np.interp(np.arange(n), np.linspace(0, n, points), knots).astype(np.float32)


def _talker(rng: Generator, n: int) -> Floats:
    """A voice-like source: harmonics of a drifting pitch, weighted by two formants that move
    every syllable (150 ms), switched on and off at a speaking rhythm."""
    t = np.arange(n) / SAMPLE_RATE
    f0 = rng.uniform(100, 220) * (1 + 0.08 * np.sin(2 * np.pi * rng.uniform(0.2, 0.6) * t))
    phase = 2 * np.pi * np.cumsum(f0) / SAMPLE_RATE
    syllable_n = 2400
    count = n // syllable_n + 1
    formants = np.array([[300, 2300], [700, 1200], [500, 1800], [400, 900], [600, 2000],
                         [350, 1500]], dtype=np.float64)[rng.integers(0, 6, count)]  # fmt: skip
    pitch = np.resize(f0, count * syllable_n).reshape(count, syllable_n).mean(axis=1)
    out = np.zeros(n)
    for k in range(1, 11):
        distance = (k * pitch[:, None] - formants) / 150
        weight = np.exp(-(distance**2)).sum(axis=1) / k**0.5
        out += np.repeat(weight, syllable_n)[:n] * np.sin(k * phase)
    gate = (_envelope(rng, n, 4.0, 1.0) > 0.35).astype(np.float64)
    sums = np.concatenate([np.zeros(400), np.cumsum(gate)])
    smooth = (sums[400:] - sums[:-400]) / 400  # 25 ms moving average: soft onsets
    return np.asarray(out * smooth, dtype=np.float32)


def babble(rng: Generator, n: int) -> Floats:
    voices = sum((_talker(rng, n) for _ in range(5)), np.zeros(n, np.float32))
    pink = _shaped(rng, n, 1)
    mixed = voices + 0.2 * float(np.std(voices)) * pink / float(np.std(pink))
    return np.asarray(mixed, dtype=np.float32)


def street(rng: Generator, n: int) -> Floats:
    rumble = _shaped(rng, n, 2) * _envelope(rng, n, 0.5, 0.7)
    cars = _band(rng, n, 80, 1500) * _envelope(rng, n, 0.3, 1.0) ** 3
    mixed = rumble / float(np.std(rumble)) + 0.6 * cars / (float(np.std(cars)) + 1e-9)
    return np.asarray(mixed, dtype=np.float32)


def office(rng: Generator, n: int) -> Floats:
    t = np.arange(n) / SAMPLE_RATE
    hum = (
        np.sin(2 * np.pi * 60 * t) + np.sin(4 * np.pi * 60 * t) / 2 + np.sin(6 * np.pi * 60 * t) / 3
    )
    air = _shaped(rng, n, 1)
    clicks = np.zeros(n, np.float32)
    decay = np.exp(-np.arange(240) / 40).astype(np.float32)
    for at in rng.integers(0, n - 240, int(n / SAMPLE_RATE * 6)):
        clicks[at : at + 240] += decay * rng.standard_normal(240).astype(np.float32)
    voices = babble(rng, n)
    return np.asarray(0.3 * hum + air / np.std(air) + 0.3 * clicks / (np.std(clicks) + 1e-9)
            + 0.4 * voices / np.std(voices), dtype=np.float32)  # fmt: skip


def hum(rng: Generator, n: int) -> Floats:
    t = np.arange(n) / SAMPLE_RATE
    tone = sum(np.sin(2 * np.pi * 120 * k * t + rng.uniform(0, 6)) / k for k in (1, 2, 3, 4))
    return (tone + 2 * _shaped(rng, n, 2) / np.std(_shaped(rng, n, 2))).astype(np.float32)


def music(rng: Generator, n: int) -> Floats:
    """Hold music: a looping tune of soft tones on a major scale."""
    scale = 261.63 * 2 ** (np.array([0, 2, 4, 5, 7, 9, 11, 12]) / 12)
    note_n = SAMPLE_RATE // 3
    t = np.arange(note_n) / SAMPLE_RATE
    shape = np.exp(-3 * t) * np.minimum(1, t / 0.01)
    notes = [shape * (np.sin(2 * np.pi * f * t) + 0.3 * np.sin(4 * np.pi * f * t))
             for f in rng.choice(scale, n // note_n + 1)]  # fmt: skip
    return np.concatenate(notes)[:n].astype(np.float32)


def hiss(rng: Generator, n: int) -> Floats:
    crackle = (rng.random(n) < 0.0005) * rng.standard_normal(n) * 8
    return (_band(rng, n, 2000, 7900) + crackle).astype(np.float32)


def beep(rng: Generator, n: int) -> Floats:
    t = np.arange(round(0.4 * SAMPLE_RATE)) / SAMPLE_RATE
    return np.sin(2 * np.pi * 1000 * t).astype(np.float32)


def cough(rng: Generator, n: int) -> Floats:
    burst_n = round(0.35 * SAMPLE_RATE)
    envelope = np.exp(-np.arange(burst_n) / (0.06 * SAMPLE_RATE))
    return (_band(rng, burst_n, 200, 3000) * envelope).astype(np.float32)


KINDS: dict[str, Callable[[Generator, int], Floats]] = {
    "babble": babble,
    "street": street,
    "office": office,
    "white": lambda rng, n: rng.standard_normal(n).astype(np.float32),
    "pink": lambda rng, n: _shaped(rng, n, 1),
    "brown": lambda rng, n: _shaped(rng, n, 2),
    "hum": hum,
    "music": music,
    "hiss": hiss,
    "beep": beep,
    "cough": cough,
}


def render(kind: str, seed: int, seconds: float, loop: bool = True) -> Floats:
    """A clip of `kind` at RMS -20 dBFS; loops cleanly when `loop`."""
    n = round(seconds * SAMPLE_RATE)
    clip = np.asarray(KINDS[kind](np.random.default_rng(seed), n), dtype=np.float32)
    clip = clip - float(np.mean(clip))
    clip *= TARGET_RMS / (float(np.sqrt(np.mean(np.square(clip)))) + 1e-12)
    if loop:
        fade = round(LOOP_FADE_S * SAMPLE_RATE)
        ramp = np.linspace(0, 1, fade, dtype=np.float32)
        head, tail = clip[:fade].copy(), clip[-fade:]
        clip = clip[:-fade].copy()
        clip[:fade] = head * ramp + tail * (1 - ramp)
    return np.clip(clip, -1, 1).astype(np.float32)

"""DTMF in-band tones (ITU-T Q.23 frequency pairs) and a Goertzel decoder for them.

Each key is the sum of one low-group (697, 770, 852, 941 Hz) and one high-group (1209, 1336,
1477, 1633 Hz) sine. Tones last `TONE_S` (100 ms) with `GAP_S` (100 ms) of silence between
keys: Q.24 asks receivers to accept 40 ms tones and 40 ms pauses, so both have margin. Each
sine peaks at 0.35 (the pair at 0.7, -3 dBFS), the high group 2 dB louder ("twist"),
as telephone keypads send it.
"""

from __future__ import annotations

import numpy as np

from voxtest.speech.audio import Floats, to_float, to_pcm
from voxtest.speech.base import SAMPLE_RATE

LOW = (697.0, 770.0, 852.0, 941.0)
HIGH = (1209.0, 1336.0, 1477.0, 1633.0)
KEYPAD = ("123A", "456B", "789C", "*0#D")
PAIRS = {key: (LOW[row], HIGH[col]) for row, keys in enumerate(KEYPAD)
         for col, key in enumerate(keys)}  # fmt: skip
TONE_S = 0.1
GAP_S = 0.1
TONE_SHARE = 0.6
LOW_AMPLITUDE = 0.3
HIGH_AMPLITUDE = 0.3 * 10 ** (2 / 20)


def dtmf_samples(digits: str, tone_s: float = TONE_S, gap_s: float = GAP_S) -> Floats:
    """The keys of `digits` (others skipped) as float samples: tone, gap, tone, ..."""
    tone_n, gap_n = round(tone_s * SAMPLE_RATE), round(gap_s * SAMPLE_RATE)
    t = np.arange(tone_n) / SAMPLE_RATE
    ramp = np.minimum(1.0, np.minimum(t, t[::-1]) / 0.004)  # 4 ms edges: no clicks
    pieces: list[Floats] = []
    for key in digits.upper():
        if key not in PAIRS:
            continue
        low, high = PAIRS[key]
        wave = LOW_AMPLITUDE * np.sin(2 * np.pi * low * t)
        wave += HIGH_AMPLITUDE * np.sin(2 * np.pi * high * t)
        if pieces:
            pieces.append(np.zeros(gap_n, np.float32))
        pieces.append((wave * ramp).astype(np.float32))
    return np.concatenate(pieces) if pieces else np.zeros(0, np.float32)


def dtmf_pcm(digits: str, volume: float = 1.0) -> bytes:
    """The same as `pcm_s16le`, scaled by `volume`."""
    return to_pcm(dtmf_samples(digits) * volume)


FREQUENCIES = np.array(LOW + HIGH)
COEFFICIENTS = 2 * np.cos(2 * np.pi * FREQUENCIES / SAMPLE_RATE)


def goertzel_power(block: Floats) -> Floats:
    """Goertzel's recurrence run for the eight DTMF frequencies at once: their powers."""
    s1 = np.zeros(FREQUENCIES.size)
    s2 = np.zeros(FREQUENCIES.size)
    for sample in block.tolist():
        s1, s2 = sample + COEFFICIENTS * s1 - s2, s1
    return (s1 * s1 + s2 * s2 - COEFFICIENTS * s1 * s2).astype(np.float32)


def decode_dtmf(pcm: bytes, block_s: float = 0.02) -> str:
    """The keys heard in `pcm` (Goertzel over 20 ms blocks; a key counts once per tone, after
    two blocks agree). Each group's peak must stand 10 dB over its group's other frequencies
    and the pair carry `TONE_SHARE` of the block's energy."""
    samples, size = to_float(pcm), round(block_s * SAMPLE_RATE)
    keys, previous, run = [], None, 0
    for at in range(0, samples.size - size + 1, size):
        key = _block_key(samples[at : at + size])
        run = run + 1 if key == previous else 1
        if key is not None and run == 2:
            keys.append(key)
        previous = key
    return "".join(keys)


def _block_key(block: Floats) -> str | None:
    if float(np.mean(np.square(block))) < 1e-5:
        return None
    powers = goertzel_power(block)
    low, high = powers[:4], powers[4:]
    li, hi = int(np.argmax(low)), int(np.argmax(high))
    if np.sort(low)[-2] * 10 > low[li] or np.sort(high)[-2] * 10 > high[hi]:
        return None
    # the pair must carry most of the block's energy (speech and music have harmonics there
    # too, but spread over many more frequencies): a pure pair scores 1.0
    energy = float(np.sum(np.square(block, dtype=np.float64)))
    if (low[li] + high[hi]) < TONE_SHARE * block.size / 2 * energy:
        return None
    return KEYPAD[li][hi]

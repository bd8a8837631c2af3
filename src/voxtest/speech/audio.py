"""Small numpy helpers on `pcm_s16le` audio: conversions, gain, resampling, mixing.

All pure functions on whole buffers (an utterance, a clip); nothing here keeps state.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from voxtest.speech.base import SAMPLE_RATE

Floats = npt.NDArray[np.float32]


def to_float(pcm: bytes) -> Floats:
    """`pcm_s16le` bytes as float32 samples in [-1, 1)."""
    usable = len(pcm) - len(pcm) % 2
    return np.frombuffer(pcm[:usable], dtype="<i2").astype(np.float32) / 32768.0


def to_pcm(samples: npt.NDArray[np.floating] | npt.NDArray[np.integer]) -> bytes:
    """Float samples (clipped to [-1, 1]) or int16 samples as `pcm_s16le` bytes."""
    if np.issubdtype(samples.dtype, np.integer):
        return np.asarray(samples, dtype="<i2").tobytes()
    scaled = np.clip(np.asarray(samples, dtype=np.float32), -1.0, 1.0) * 32767.0
    return np.round(scaled).astype("<i2").tobytes()


def silence(seconds: float) -> bytes:
    """`seconds` of digital silence (rounded to whole samples)."""
    return bytes(2 * max(0, round(seconds * SAMPLE_RATE)))


def gain(pcm: bytes, ratio: float) -> bytes:
    """`pcm` scaled by `ratio` (1.0 unchanged), clipped at full scale."""
    if ratio == 1.0:
        return pcm
    return to_pcm(to_float(pcm) * ratio)


def resample(samples: Floats, source_rate: int, target_rate: int = SAMPLE_RATE) -> Floats:
    """One utterance from `source_rate` to `target_rate` by FFT (band-limited, exact length
    `round(n * target / source)`). Meant for whole clips of a few seconds, not streams: the
    FFT treats the clip as periodic, which TTS output (silence at both ends) tolerates."""
    if source_rate == target_rate or samples.size == 0:
        return samples.astype(np.float32, copy=False)
    n_out = max(1, round(samples.size * target_rate / source_rate))
    spectrum = np.fft.rfft(samples.astype(np.float64))
    keep = min(spectrum.size, n_out // 2 + 1)
    out = np.fft.irfft(spectrum[:keep], n=n_out) * (n_out / samples.size)
    return out.astype(np.float32)


def mix(base: Floats, overlay: Floats, volume: float) -> Floats:
    """`overlay` scaled by `volume` added to `base`; the overlay loops (or is cut) to the
    base's length."""
    if base.size == 0 or overlay.size == 0 or volume == 0:
        return base
    repeats = -(-base.size // overlay.size)
    looped = np.tile(overlay, repeats)[: base.size]
    return (base + volume * looped).astype(np.float32)


def rms_dbfs(samples: Floats) -> float:
    """Root-mean-square level in dB below full scale (-inf for silence as -200)."""
    if samples.size == 0:
        return -200.0
    power = float(np.mean(np.square(samples, dtype=np.float64)))
    return 10 * float(np.log10(power)) + 3.0103 if power > 0 else -200.0

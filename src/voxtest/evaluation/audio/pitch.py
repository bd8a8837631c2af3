"""Fundamental frequency by YIN (de Cheveigné & Kawahara, 2002), vectorised over frames.

A frame is `2 × sample_rate / MIN_HZ` samples; half of it is the integration window, the
lags reach the other half. Frames whose best cumulative-mean-normalised difference stays
above `APERIODIC` are unvoiced (noise, breath) and give no pitch.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

MIN_HZ = 50.0
MAX_HZ = 500.0
THRESHOLD = 0.10  # the first dip below this is the period (YIN's absolute threshold)
APERIODIC = 0.35  # best dip above this: no periodicity, no pitch

Floats = npt.NDArray[np.float64]


def frame_length(sample_rate: int) -> int:
    return 2 * int(np.ceil(sample_rate / MIN_HZ))


def yin(frames: npt.NDArray[np.int16] | Floats, sample_rate: int) -> Floats:
    """The f0 in Hz of each row of `frames` (shape `(n, frame_length(sample_rate))`); NaN
    where a frame is aperiodic or silent."""
    x = np.asarray(frames, dtype=np.float64)
    if x.ndim != 2 or x.shape[0] == 0:
        return np.zeros(0)
    window = x.shape[1] // 2
    tau_max = min(window, int(sample_rate / MIN_HZ))
    tau_min = max(2, int(sample_rate / MAX_HZ))
    difference = _difference(x, window, tau_max)
    cmnd = _normalised(difference)
    periods = _periods(cmnd, tau_min, tau_max)
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(np.isnan(periods), np.nan, sample_rate / periods)


def _difference(x: Floats, window: int, tau_max: int) -> Floats:
    """d(τ) = Σ_{j<W} (x_j − x_{j+τ})² for τ in 0..tau_max, per row, via the FFT."""
    size = 1 << int(np.ceil(np.log2(x.shape[1] + window)))
    spectrum = np.fft.rfft(x, size, axis=1)
    head = np.fft.rfft(x[:, :window], size, axis=1)
    cross = np.fft.irfft(np.conj(head) * spectrum, size, axis=1)[:, : tau_max + 1]
    squares = np.concatenate((np.zeros((x.shape[0], 1)), np.cumsum(x * x, axis=1)), axis=1)
    lags = np.arange(tau_max + 1)
    energy_0 = squares[:, window][:, np.newaxis]
    energy_tau = squares[:, lags + window] - squares[:, lags]
    return np.maximum(energy_0 + energy_tau - 2.0 * cross, 0.0)


def _normalised(d: Floats) -> Floats:
    """Cumulative mean normalised difference: d'(0) = 1, d'(τ) = d(τ)·τ / Σ_{k≤τ} d(k)."""
    running = np.cumsum(d[:, 1:], axis=1)
    lags = np.arange(1, d.shape[1])
    with np.errstate(divide="ignore", invalid="ignore"):
        tail = np.where(running > 0, d[:, 1:] * lags / running, 1.0)
    return np.concatenate((np.ones((d.shape[0], 1)), tail), axis=1)


def _periods(cmnd: Floats, tau_min: int, tau_max: int) -> Floats:
    """Per row the period in samples (parabolic interpolation), NaN when aperiodic."""
    search = cmnd[:, tau_min : tau_max + 1]
    below = search < THRESHOLD
    first = np.where(below.any(axis=1), below.argmax(axis=1), search.argmin(axis=1))
    rows = np.arange(search.shape[0])
    # walk down to the bottom of the dip the threshold found
    for _ in range(search.shape[1]):
        step = np.minimum(first + 1, search.shape[1] - 1)
        lower = search[rows, step] < search[rows, first]
        if not lower.any():
            break
        first = np.where(lower, step, first)
    best = search[rows, first]
    tau = (first + tau_min).astype(np.float64)
    inner = (first > 0) & (first < search.shape[1] - 1)
    left = search[rows, np.maximum(first - 1, 0)]
    right = search[rows, np.minimum(first + 1, search.shape[1] - 1)]
    curve = left - 2.0 * best + right
    with np.errstate(divide="ignore", invalid="ignore"):
        shift = np.where(inner & (curve > 0), 0.5 * (left - right) / curve, 0.0)
    tau = tau + np.clip(shift, -0.5, 0.5)
    return np.where(best <= APERIODIC, tau, np.nan)

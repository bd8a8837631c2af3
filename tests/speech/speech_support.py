"""Helpers for the speech tests: word error rate, energy ground truth, test signals."""

from __future__ import annotations

import re

import numpy as np

from voxtest.speech.audio import Floats


def words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9']+", text.lower())


def wer(reference: str, hypothesis: str) -> float:
    """Word error rate (Levenshtein over words) after lower-casing and dropping punctuation."""
    ref, hyp = words(reference), words(hypothesis)
    row = list(range(len(hyp) + 1))
    for i, r in enumerate(ref, 1):
        previous, row[0] = row[0], i
        for j, h in enumerate(hyp, 1):
            previous, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, previous + (r != h))
    return row[len(hyp)] / max(1, len(ref))


def energy_edges(samples: Floats, gate_dbfs: float = -45.0) -> tuple[int, int]:
    """First and last sample of the 10 ms frames above the gate (the research's ground truth)."""
    frames = samples[: samples.size // 160 * 160].reshape(-1, 160)
    level = 20 * np.log10(np.sqrt(np.mean(np.square(frames), axis=1)) + 1e-9)
    loud = np.nonzero(level > gate_dbfs)[0]
    return int(loud[0] * 160), int((loud[-1] + 1) * 160)

"""The pcm helpers: conversions round-trip, resampling keeps a tone's pitch and length."""

from __future__ import annotations

import numpy as np

from voxtest.speech.audio import gain, mix, resample, silence, to_float, to_pcm


def test_pcm_round_trip_is_exact_for_int16() -> None:
    samples = np.array([0, 1, -1, 32767, -32768, 1234], dtype=np.int16)
    assert to_pcm(samples) == samples.astype("<i2").tobytes()
    back = to_float(to_pcm(samples))
    assert np.allclose(back * 32768, samples)


def test_silence_and_gain() -> None:
    assert silence(0.5) == bytes(16_000)
    loud = to_pcm(np.array([0.6, -0.6], dtype=np.float32))
    assert np.allclose(to_float(gain(loud, 2.0)), [1.0, -1.0], atol=1e-3)  # clipped
    assert gain(loud, 1.0) is loud


def test_resample_keeps_pitch_and_length() -> None:
    rate = 22_050
    t = np.arange(rate) / rate
    tone = np.sin(2 * np.pi * 440 * t).astype(np.float32)
    out = resample(tone, rate, 16_000)
    assert out.size == 16_000
    peak_hz = np.argmax(np.abs(np.fft.rfft(out))) * 16_000 / out.size
    assert abs(peak_hz - 440) <= 1


def test_mix_loops_the_overlay() -> None:
    base = np.zeros(10, dtype=np.float32)
    overlay = np.array([1.0, 2.0, 3.0], dtype=np.float32)
    assert mix(base, overlay, 0.5).tolist() == [0.5, 1, 1.5, 0.5, 1, 1.5, 0.5, 1, 1.5, 0.5]

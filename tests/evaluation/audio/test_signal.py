"""The streaming scan: pitch, clipping and dropouts at known instants; blocks do not matter."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from tests.evaluation.audio.synth import RATE, Burst, render, write_wav
from voxtest.evaluation.audio.energy_vad import EnergyVad
from voxtest.evaluation.audio.pitch import frame_length, yin
from voxtest.evaluation.audio.scan import ChannelScanner
from voxtest.evaluation.audio.wav import RecordingError, read_blocks, wav_info


def scan(samples: np.ndarray, block: int = RATE, **kwargs: object) -> ChannelScanner:
    scanner = ChannelScanner(RATE, EnergyVad(), **kwargs)  # type: ignore[arg-type]
    for at in range(0, len(samples), block):
        scanner.feed(samples[at : at + block].copy())
    return scanner


@pytest.mark.parametrize("hz", [70.0, 110.0, 180.0, 260.0, 440.0])
def test_yin_finds_the_fundamental_of_harmonic_tones(hz: float) -> None:
    samples = render([Burst(0, 0, 1.0, hz=hz)], 1.0)[:, 0]
    n = frame_length(RATE)
    f0 = yin(samples[: len(samples) // n * n].reshape(-1, n), RATE)
    assert np.nanmean(f0) == pytest.approx(hz, rel=0.005)
    assert not np.isnan(f0).any()


def test_yin_gives_no_pitch_for_noise_or_silence() -> None:
    n = frame_length(RATE)
    noise = render([Burst(0, 0, 1.0, hz=0)], 1.0)[:, 0]
    assert np.isnan(yin(noise[: 24 * n].reshape(-1, n), RATE)).all()
    assert np.isnan(yin(np.zeros((3, n), dtype=np.int16), RATE)).all()


def test_pitch_is_averaged_over_loud_frames_only_and_gated_by_spans() -> None:
    samples = render([Burst(0, 0.2, 1.2, hz=150), Burst(0, 2.0, 3.0, hz=300)], 3.5)[:, 0]
    both = scan(samples, measure_pitch=True).finish()[2]
    assert both.mean_hz == pytest.approx(225, abs=5)
    gated = scan(samples, measure_pitch=True, pitch_gate=[(2.0, 3.0)]).finish()[2]
    assert gated.mean_hz == pytest.approx(300, rel=0.01)
    assert gated.median_hz == pytest.approx(300, abs=1)


def test_clipped_peaks_are_counted_but_a_full_scale_sine_is_not() -> None:
    t = np.arange(RATE) / RATE
    clean = np.round(32767 * np.sin(2 * np.pi * 440 * t)).astype(np.int16)
    assert scan(clean).finish()[1].clipped_samples == 0
    clipped = np.clip(np.round(60000 * np.sin(2 * np.pi * 440 * t)), -32768, 32767)
    samples = np.concatenate((np.zeros(RATE // 2), clipped)).astype(np.int16)
    signal = scan(samples, block=777).finish()[1]
    assert signal.clipped_ratio > 0.3
    assert signal.first_clip_at == pytest.approx(0.5, abs=0.001)


def test_digital_silence_inside_speech_is_a_dropout_with_its_exact_length() -> None:
    samples = render([Burst(0, 0.5, 2.5, hz=0)], 3.0)[:, 0].copy()
    samples[round(1.2345 * RATE) : round(1.2345 * RATE) + round(0.06 * RATE)] = 0  # 60 ms
    samples[round(2.0 * RATE) : round(2.0 * RATE) + round(0.03 * RATE)] = 0  # 30 ms: too short
    for block in (RATE, 500):
        dropouts = scan(samples, block=block).finish()[1].dropouts
        assert [(d.at, round(d.duration_s, 4)) for d in dropouts] == [(1.2345, 0.06)]


def test_silence_between_turns_is_not_a_dropout() -> None:
    samples = render([Burst(0, 0.5, 1.0), Burst(0, 1.5, 2.0)], 3.0)[:, 0]
    assert scan(samples).finish()[1].dropouts == ()


def test_blocks_of_a_wav_file_and_its_errors(tmp_path: Path) -> None:
    samples = render([Burst(0, 0.1, 0.2), Burst(1, 0.3, 0.4)], 2.5)
    path = write_wav(tmp_path / "call.wav", samples)
    assert wav_info(path).duration_s == 2.5
    blocks = list(read_blocks(path))
    assert [len(b) for b in blocks] == [RATE, RATE, RATE // 2]
    assert np.array_equal(np.concatenate(blocks), samples)
    with pytest.raises(RecordingError, match="does not exist"):
        wav_info(tmp_path / "missing.wav")
    (tmp_path / "junk.wav").write_bytes(b"not a wav")
    with pytest.raises(RecordingError, match="not a readable WAV"):
        list(read_blocks(tmp_path / "junk.wav"))

"""Frame conversion between voxtest audio and LiveKit frames, with the SDK's real resampler."""

from __future__ import annotations

import numpy as np
import pytest
from livekit import rtc

from voxtest.channels.livekit_audio import AgentAudioConverter, caller_frame, downmix
from voxtest.speech.base import FRAME_BYTES, SAMPLE_RATE


def _tone(rate: int, seconds: float, hz: float, channels: int = 1) -> bytes:
    t = np.arange(int(rate * seconds)) / rate
    wave = (8000 * np.sin(2 * np.pi * hz * t)).astype("<i2")
    return np.repeat(wave, channels).tobytes()


def _dominant_hz(pcm: bytes, rate: int) -> float:
    samples = np.frombuffer(pcm, dtype="<i2").astype(float)
    spectrum = np.abs(np.fft.rfft(samples))
    return float(np.fft.rfftfreq(len(samples), 1 / rate)[int(np.argmax(spectrum))])


def test_caller_audio_becomes_a_16k_mono_frame_with_the_same_samples() -> None:
    pcm = _tone(SAMPLE_RATE, 0.02, 300)
    frame = caller_frame(pcm)
    assert (frame.sample_rate, frame.num_channels) == (16_000, 1)
    assert frame.samples_per_channel == FRAME_BYTES // 2
    assert bytes(frame.data.cast("B")) == pcm


def test_caller_audio_with_half_a_sample_is_refused() -> None:
    with pytest.raises(ValueError, match="whole 16-bit samples"):
        caller_frame(b"\x01\x02\x03")


def test_downmix_takes_the_mean_of_the_channels() -> None:
    stereo = np.array([1000, 3000, -200, -400], dtype="<i2").tobytes()
    assert np.frombuffer(downmix(stereo, 2), dtype="<i2").tolist() == [2000, -300]
    assert downmix(stereo, 1) == stereo


def test_agent_audio_at_48k_stereo_arrives_as_16k_mono_at_the_same_pitch() -> None:
    converter = AgentAudioConverter()
    pcm = _tone(48_000, 1.0, 440, channels=2)
    step = 480 * 2 * 2  # 10 ms frames of stereo int16, as WebRTC delivers them
    out = b"".join(
        converter.convert(rtc.AudioFrame(pcm[i : i + step], 48_000, 2, 480))
        for i in range(0, len(pcm), step)
    )
    out += converter.flush()
    assert abs(len(out) // 2 - SAMPLE_RATE) <= 16  # one second, give or take a millisecond
    assert _dominant_hz(out, SAMPLE_RATE) == pytest.approx(440, abs=2)


def test_agent_audio_already_at_16k_mono_passes_through_unchanged() -> None:
    pcm = _tone(SAMPLE_RATE, 0.02, 500)
    converter = AgentAudioConverter()
    assert converter.convert(rtc.AudioFrame(pcm, SAMPLE_RATE, 1, len(pcm) // 2)) == pcm
    assert converter.flush() == b""


def test_a_change_of_input_rate_flushes_the_resampler_and_starts_another() -> None:
    converter = AgentAudioConverter()
    first = _tone(24_000, 0.5, 440)
    second = _tone(48_000, 0.5, 440)
    out = converter.convert(rtc.AudioFrame(first, 24_000, 1, len(first) // 2))
    out += converter.convert(rtc.AudioFrame(second, 48_000, 1, len(second) // 2))
    out += converter.flush()
    assert abs(len(out) // 2 - SAMPLE_RATE) <= 16  # nothing the first resampler held is lost
    assert _dominant_hz(out, SAMPLE_RATE) == pytest.approx(440, abs=4)

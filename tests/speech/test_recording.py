"""The stereo recorder: placement by time, silence in gaps, bounded memory, valid WAV."""

from __future__ import annotations

import subprocess
import sys
import wave
from pathlib import Path

import numpy as np

from voxtest.speech.base import SAMPLE_RATE
from voxtest.speech.recording import AGENT, CALLER, TESTING_CHANNEL_INDEX, StereoRecorder


def frame(value: int, samples: int = 320) -> bytes:
    return np.full(samples, value, dtype="<i2").tobytes()


def read(path: Path) -> np.ndarray:
    with wave.open(str(path)) as wav:
        assert (wav.getnchannels(), wav.getsampwidth(), wav.getframerate()) == (2, 2, 16_000)
        return np.frombuffer(wav.readframes(wav.getnframes()), "<i2").reshape(-1, 2)


def test_frames_land_at_their_times_with_silence_between(tmp_path: Path) -> None:
    path = tmp_path / "call.wav"
    with StereoRecorder(path) as recorder:
        recorder.write(CALLER, frame(100), at_s=0.0)
        recorder.write(CALLER, frame(101))  # contiguous: 0.02 s
        recorder.write(AGENT, frame(200), at_s=0.5)
        recorder.write(CALLER, frame(102), at_s=1.0)
    audio = read(path)
    assert TESTING_CHANNEL_INDEX == 0
    assert audio.shape == (16_320, 2)
    assert (audio[:320, 0] == 100).all() and (audio[320:640, 0] == 101).all()
    assert (audio[640:16_000, 0] == 0).all() and (audio[16_000:, 0] == 102).all()
    assert (audio[:8000, 1] == 0).all() and (audio[8000:8320, 1] == 200).all()
    assert (audio[8320:, 1] == 0).all()


def test_a_silent_channel_does_not_hold_the_other_in_memory(tmp_path: Path) -> None:
    recorder = StereoRecorder(tmp_path / "one-sided.wav", max_lag_s=1.0)
    for index in range(500):  # 10 s of caller audio, nothing from the agent
        recorder.write(CALLER, frame(7), at_s=index * 0.02)
        assert recorder.buffered_samples <= 1.25 * SAMPLE_RATE + 320  # lag + one write block
    recorder.write(AGENT, frame(9), at_s=0.1)  # too late: already on disk
    assert recorder.dropped_samples == 320
    recorder.write(AGENT, frame(9))  # contiguous after written silence: kept
    assert recorder.close() == 10.0
    audio = read(tmp_path / "one-sided.wav")
    assert (audio[:, 0] == 7).all() and (audio[:, 1] == 9).sum() == 320


def test_the_header_is_valid_while_recording(tmp_path: Path) -> None:
    path = tmp_path / "live.wav"
    recorder = StereoRecorder(path, header_every_s=1.0)
    for index in range(150):  # 3 s on both channels
        recorder.write(CALLER, frame(1), at_s=index * 0.02)
        recorder.write(AGENT, frame(2), at_s=index * 0.02)
    recorder._file.flush()
    assert read(path).shape[0] >= 2 * SAMPLE_RATE  # readable before close
    recorder.close()
    assert read(path).shape == (3 * SAMPLE_RATE, 2)


_PEAK_MEMORY = """
import sys, tracemalloc
from pathlib import Path
from voxtest.speech.base import FRAME_BYTES
from voxtest.speech.recording import AGENT, CALLER, StereoRecorder

seconds, path = int(sys.argv[1]), Path(sys.argv[2])
tracemalloc.start()
recorder = StereoRecorder(path)
for index in range(seconds * 50):
    at = index * 0.02
    recorder.write(CALLER, bytes(FRAME_BYTES), at_s=at)
    if index % 3:  # the agent speaks in bursts
        recorder.write(AGENT, bytes(FRAME_BYTES), at_s=at + 0.013)
recorder.close()
print(tracemalloc.get_traced_memory()[1])
"""


def _peak_memory(tmp_path: Path, seconds: int) -> int:
    """Peak bytes traced while recording a call of `seconds`, in a fresh interpreter: threads
    other tests left behind in this one would allocate during the measurement."""
    done = subprocess.run(
        [sys.executable, "-c", _PEAK_MEMORY, str(seconds), str(tmp_path / f"{seconds}.wav")],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    return int(done.stdout.split()[-1])


def test_memory_does_not_grow_with_call_length(tmp_path: Path) -> None:
    short, long = _peak_memory(tmp_path, 10), _peak_memory(tmp_path, 60)
    assert long < short + 64 * 1024, (short, long)
    last_agent_end = round((59.98 + 0.013 + 0.02) * SAMPLE_RATE)  # the agent's last frame
    assert (tmp_path / "60.wav").stat().st_size == 44 + last_agent_end * 4


def test_block_writes_match_every_frame_placed_in_order(tmp_path: Path) -> None:
    """Both channels with their own jitter and gaps, written in blocks: the file equals
    laying every frame on one array."""
    rng = np.random.default_rng(7)
    expected = np.zeros((12 * SAMPLE_RATE, 2), np.int16)
    recorder = StereoRecorder(tmp_path / "jitter.wav", max_lag_s=3.0, write_every_s=0.1)
    reached, last = [0, 0], 0
    for _ in range(500):
        for channel in (CALLER, AGENT):
            if rng.random() < 0.2:
                reached[channel] += 320  # a frame not sent: silence
                continue
            at = reached[channel] + int(rng.integers(0, 80))  # late by up to 5 ms
            pcm = rng.integers(-3000, 3000, 320, dtype=np.int16)
            recorder.write(channel, pcm.astype("<i2").tobytes(), at_s=at / SAMPLE_RATE)
            expected[at : at + 320, channel] = pcm
            reached[channel] = last_sample = at + 320
            last = max(last, last_sample)
    assert recorder.dropped_samples == 0
    recorder.close()
    audio = read(tmp_path / "jitter.wav")
    assert audio.shape == (last, 2)
    assert np.array_equal(audio, expected[:last])

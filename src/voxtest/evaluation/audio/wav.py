"""Reading a recording in blocks: 16-bit PCM WAV, any channel count, never whole in memory."""

from __future__ import annotations

import wave
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt

Samples = npt.NDArray[np.int16]


class RecordingError(Exception):
    """The recording cannot be read as 16-bit PCM WAV; the message says why."""


@dataclass(frozen=True)
class WavInfo:
    sample_rate: int
    channels: int
    frames: int  # samples per channel, as the header says

    @property
    def duration_s(self) -> float:
        return self.frames / self.sample_rate


def wav_info(path: Path) -> WavInfo:
    """The header of the WAV at `path`. Raises RecordingError."""
    with _open(path) as reader:
        return _info(reader)


def read_blocks(path: Path, block_frames: int | None = None) -> Iterator[Samples]:
    """Blocks of `block_frames` samples per channel (default: one second), shape
    `(n, channels)`, int16; the last block may be shorter. Raises RecordingError."""
    with _open(path) as reader:
        info = _info(reader)
        size = block_frames or info.sample_rate
        while True:
            try:
                raw = reader.readframes(size)
            except (EOFError, wave.Error) as exc:  # a header promising more than is there
                raise RecordingError(f"{path.name}: truncated ({exc})") from exc
            usable = len(raw) - len(raw) % (2 * info.channels)
            if usable == 0:
                return
            block = np.frombuffer(raw[:usable], dtype="<i2").astype(np.int16, copy=False)
            yield block.reshape(-1, info.channels)


def _open(path: Path) -> wave.Wave_read:
    try:
        return wave.open(str(path), "rb")
    except FileNotFoundError as exc:
        raise RecordingError(f"the recording {path.name} does not exist") from exc
    except (OSError, EOFError, wave.Error) as exc:
        raise RecordingError(f"{path.name} is not a readable WAV file ({exc})") from exc


def _info(reader: wave.Wave_read) -> WavInfo:
    if reader.getsampwidth() != 2:
        raise RecordingError(f"expected 16-bit samples, got {8 * reader.getsampwidth()}-bit")
    return WavInfo(reader.getframerate(), reader.getnchannels(), reader.getnframes())

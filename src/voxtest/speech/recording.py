"""`StereoRecorder`: a call's two-channel WAV written to disk while the call runs.

    recorder = StereoRecorder(path)             # channel 0: caller (testing agent), 1: agent
    recorder.write(CALLER, pcm, at_s=0.52)      # placed by its time on the caller's clock
    recorder.write(AGENT, pcm)                  # or right after that channel's last audio
    recorder.close()                            # final header; returns the duration

Frames are placed at `at_s` (seconds from the start of the call, the caller's clock);
gaps become silence, overlaps overwrite (the later frame wins). Only a short window stays in
memory: samples are interleaved and written once both channels have passed them, or, when
one channel is silent (sends nothing), once the other is `max_lag_s` ahead; in blocks of
`write_every_s`, so a 20 ms frame costs a copy into the buffer, not a write. A frame older
than what is already written is dropped (`dropped_samples` counts them). The header is
rewritten every `header_every_s` of audio, so a crashed call leaves a readable file, and
finally on `close()`. `TESTING_CHANNEL_INDEX` is the channel of the testing agent.
"""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO

import numpy as np

from voxtest.speech.base import SAMPLE_RATE, SAMPLE_WIDTH

CALLER = 0
AGENT = 1
TESTING_CHANNEL_INDEX = CALLER
CHANNELS = 2
HEADER_BYTES = 44


def wav_header(frames: int) -> bytes:
    """A canonical 44-byte PCM WAV header for `frames` stereo 16-bit frames at 16 kHz."""
    data = frames * CHANNELS * SAMPLE_WIDTH
    block = CHANNELS * SAMPLE_WIDTH
    return b"".join([
        b"RIFF", (36 + data).to_bytes(4, "little"), b"WAVE",
        b"fmt ", (16).to_bytes(4, "little"), (1).to_bytes(2, "little"),
        CHANNELS.to_bytes(2, "little"), SAMPLE_RATE.to_bytes(4, "little"),
        (SAMPLE_RATE * block).to_bytes(4, "little"), block.to_bytes(2, "little"),
        (8 * SAMPLE_WIDTH).to_bytes(2, "little"),
        b"data", data.to_bytes(4, "little"),
    ])  # fmt: skip


class StereoRecorder:
    """Streams caller and agent audio into one stereo WAV with bounded memory."""

    def __init__(
        self,
        path: Path | str,
        *,
        max_lag_s: float = 2.0,
        header_every_s: float = 5.0,
        write_every_s: float = 0.25,
    ) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._file: BinaryIO = self.path.open("wb")
        self._file.write(wav_header(0))
        self._max_lag = round(max_lag_s * SAMPLE_RATE)
        self._header_every = round(header_every_s * SAMPLE_RATE)
        self._block = round(write_every_s * SAMPLE_RATE)
        self._written = 0  # samples per channel already on disk
        self._header_at = 0
        # per channel: a buffer whose first `_filled` samples start at `_written` (zeros where
        # nothing was placed), and how far the channel has reached
        self._pending = [np.zeros(self._block, np.int16), np.zeros(self._block, np.int16)]
        self._filled = [0, 0]
        self._ends = [0, 0]
        self.dropped_samples = 0
        self.closed = False

    @property
    def duration_s(self) -> float:
        return max(self._written, *self._ends) / SAMPLE_RATE

    @property
    def buffered_samples(self) -> int:
        """Samples held in memory (both channels): stays under ~2 x (max_lag + write_every)."""
        return sum(self._filled)

    def write(self, channel: int, pcm: bytes, at_s: float | None = None) -> None:
        """Place `pcm` (pcm_s16le 16 kHz mono) on `channel` at `at_s` (None: right after the
        channel's previous audio)."""
        if self.closed:
            raise ValueError("the recording is closed")
        samples = np.frombuffer(pcm[: len(pcm) - len(pcm) % 2], dtype="<i2")
        if at_s is None:  # contiguous; after a silent stretch already written, from there
            start = max(self._ends[channel], self._written)
        else:
            start = round(at_s * SAMPLE_RATE)
        if start < self._written:
            skip = min(samples.size, self._written - start)
            self.dropped_samples += skip
            samples, start = samples[skip:], start + skip
        if samples.size:
            self._place(channel, samples, start)
        self._flush(final=False)

    def _place(self, channel: int, samples: np.ndarray, start: int) -> None:
        offset = start - self._written
        pending, needed = self._pending[channel], offset + samples.size
        if needed > pending.size:  # grow by doubling: placing a frame stays O(frame)
            grown = np.zeros(max(needed, 2 * pending.size), np.int16)
            grown[: self._filled[channel]] = pending[: self._filled[channel]]
            self._pending[channel] = pending = grown
        pending[offset:needed] = samples
        self._filled[channel] = max(self._filled[channel], needed)
        self._ends[channel] = max(self._ends[channel], start + samples.size)

    def _flush(self, final: bool) -> None:
        ready = max(self._ends) if final else min(self._ends)
        ready = max(ready, max(self._ends) - self._max_lag)
        count = ready - self._written
        if count <= 0 or (count < self._block and not final):
            return  # written in blocks, not a frame at a time
        frames = np.zeros((count, CHANNELS), np.int16)
        for channel, pending in enumerate(self._pending):
            filled = self._filled[channel]
            taken = min(count, filled)
            frames[:taken, channel] = pending[:taken]
            rest = filled - taken
            pending[:rest] = pending[taken:filled]
            pending[rest:filled] = 0  # gaps placed later read as silence
            self._filled[channel] = rest
        self._file.write(frames.astype("<i2").tobytes())
        self._written = ready
        if self._written - self._header_at >= self._header_every:
            self._rewrite_header()

    def _rewrite_header(self) -> None:
        self._file.flush()
        self._file.seek(0)
        self._file.write(wav_header(self._written))
        self._file.seek(0, 2)
        self._header_at = self._written

    def close(self) -> float:
        """Write what is left, finalise the header; the recording's duration in seconds."""
        if not self.closed:
            self._flush(final=True)
            self._rewrite_header()
            self._file.close()
            self.closed = True
        return self._written / SAMPLE_RATE

    def __enter__(self) -> StereoRecorder:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

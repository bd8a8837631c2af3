"""One speaker's channel in one streaming pass: voice segments, clipping, dropouts, pitch.

`ChannelScanner.feed` takes blocks of int16 samples of any length; state carries over
between blocks, so memory does not grow with the recording (only with the number of voice
segments and dropouts found).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from voxtest.evaluation.audio import pitch
from voxtest.evaluation.audio.energy_vad import THRESHOLD_DBFS, frame_dbfs
from voxtest.evaluation.audio.segments import Span
from voxtest.speech.base import FRAME_MS, VadEvent, VoiceActivityDetector

Samples = npt.NDArray[np.int16]

FULL_SCALE_RUN = 3  # consecutive samples at full scale: a clipped peak, not a loud one
DROPOUT_MIN_S = 0.04
DROPOUT_MAX_S = 0.25  # longer digital silence is a pause (TTS pads with zeros)
PITCH_BINS = int(pitch.MAX_HZ) + 1  # 1 Hz histogram for the median


@dataclass(frozen=True)
class Dropout:
    """Digital silence inside speech: the audio stopped for `duration_s` from `at`."""

    at: float
    duration_s: float


@dataclass(frozen=True)
class ChannelSignal:
    """What one channel's samples say about the audio path."""

    voiced_samples: int  # in frames louder than the speech threshold
    clipped_samples: int
    first_clip_at: float | None
    dropouts: tuple[Dropout, ...]
    sample_rate: int

    @property
    def clipped_ratio(self) -> float:
        return self.clipped_samples / self.voiced_samples if self.voiced_samples else 0.0

    @property
    def voiced_s(self) -> float:
        return self.voiced_samples / self.sample_rate


@dataclass(frozen=True)
class PitchStats:
    mean_hz: float | None
    median_hz: float | None
    frames: int  # periodic voiced frames measured


class ChannelScanner:
    """Scans one channel. `pitch_gate`: measure pitch only inside these spans (sorted);
    None measures every loud frame."""

    def __init__(
        self,
        sample_rate: int,
        vad: VoiceActivityDetector,
        *,
        measure_pitch: bool = False,
        pitch_gate: Sequence[Span] | None = None,
    ) -> None:
        self.rate = sample_rate
        self.frame = sample_rate * FRAME_MS // 1000
        self.chunk = pitch.frame_length(sample_rate)  # a multiple of `frame` at usual rates
        if self.chunk % self.frame:
            self.chunk = 2 * self.frame
        self.vad = vad
        self.measure_pitch = measure_pitch
        self.gate = None
        if pitch_gate is not None:
            self.gate = (np.array([s for s, _ in pitch_gate]), np.array([e for _, e in pitch_gate]))
        self._pending = np.zeros(0, dtype=np.int16)
        self._position = 0  # samples scanned (in whole chunks)
        self._open: float | None = None
        self.segments: list[Span] = []
        self._voiced = 0
        self._clipped = 0
        self._first_clip: int | None = None
        self._edge = np.zeros(0, dtype=np.int16)  # last samples, for runs across blocks
        self._run: int | None = None  # zero samples in the current zero run
        self._run_start = 0
        self._run_after_loud = False
        self._prev_trail = 0
        self._prev_loud = False
        self.dropouts: list[Dropout] = []
        self._pitch_sum = 0.0
        self._pitch_hist = np.zeros(PITCH_BINS, dtype=np.int64)

    def feed(self, samples: Samples) -> None:
        self._vad(self.vad.feed(samples.tobytes()))
        data = np.concatenate((self._pending, samples)) if self._pending.size else samples
        whole = len(data) - len(data) % self.chunk
        self._pending = data[whole:].copy()
        if whole:
            self._scan(data[:whole])

    def finish(self) -> tuple[list[Span], ChannelSignal, PitchStats]:
        self._vad(self.vad.flush())
        tail = len(self._pending) - len(self._pending) % self.frame
        if tail:
            self._scan(self._pending[:tail], with_pitch=False)
        signal = ChannelSignal(
            voiced_samples=self._voiced,
            clipped_samples=self._clipped,
            first_clip_at=None if self._first_clip is None else self._first_clip / self.rate,
            dropouts=tuple(self.dropouts),
            sample_rate=self.rate,
        )
        return self.segments, signal, self._pitch_stats()

    # -- per chunk ---------------------------------------------------------------------------

    def _vad(self, events: Sequence[VadEvent]) -> None:
        for event in events:
            at = event.sample / self.rate
            if event.kind == "start" and self._open is None:
                self._open = at
            elif event.kind == "end" and self._open is not None:
                self.segments.append((self._open, max(self._open, at)))
                self._open = None

    def _scan(self, data: Samples, *, with_pitch: bool = True) -> None:
        frames = data.reshape(-1, self.frame)
        loud = frame_dbfs(frames) > THRESHOLD_DBFS
        self._voiced += int(loud.sum()) * self.frame
        self._clipping(data)
        self._zero_runs(frames, loud)
        if with_pitch and self.measure_pitch:
            self._pitch(data.reshape(-1, self.chunk))
        self._position += len(data)

    def _clipping(self, data: Samples) -> None:
        context = np.concatenate((self._edge, data))
        full = (context >= 32767) | (context <= -32768)
        if full.any():
            # a sample is clipped when it ends a run of FULL_SCALE_RUN full-scale samples or
            # lies inside one: mark run ends, then spread each mark back over its run
            counts = np.convolve(full.astype(np.int8), np.ones(FULL_SCALE_RUN, np.int8), "full")
            ends = counts[: len(context)] >= FULL_SCALE_RUN
            clipped = np.zeros(len(context), dtype=bool)
            for back in range(FULL_SCALE_RUN):
                clipped[: len(context) - back] |= ends[back:]
            mine = clipped[len(self._edge) :]
            count = int(mine.sum())
            if count and self._first_clip is None:
                self._first_clip = self._position + int(mine.argmax())
            self._clipped += count
        self._edge = data[-(FULL_SCALE_RUN - 1) :].copy()

    def _zero_runs(self, frames: Samples, loud: npt.NDArray[np.bool_]) -> None:
        nonzero = frames != 0
        any_sound = nonzero.any(axis=1)
        lead = np.where(any_sound, nonzero.argmax(axis=1), self.frame)
        trail = np.where(any_sound, nonzero[:, ::-1].argmax(axis=1), self.frame)
        for i in range(len(frames)):
            start = self._position + i * self.frame
            if not any_sound[i]:
                if self._run is None:
                    self._run = self._prev_trail
                    self._run_start = start - self._prev_trail
                    self._run_after_loud = self._prev_loud
                self._run += self.frame
            elif self._run is not None:
                total = (self._run + int(lead[i])) / self.rate
                if self._run_after_loud and loud[i] and DROPOUT_MIN_S <= total <= DROPOUT_MAX_S:
                    self.dropouts.append(Dropout(round(self._run_start / self.rate, 4), total))
                self._run = None
            self._prev_trail = int(trail[i])
            self._prev_loud = bool(loud[i])

    def _pitch(self, chunks: Samples) -> None:
        loud = frame_dbfs(chunks) > THRESHOLD_DBFS
        if self.gate is not None:
            centres = (self._position + (np.arange(len(chunks)) + 0.5) * self.chunk) / self.rate
            starts, ends = self.gate
            index = np.searchsorted(starts, centres, side="right") - 1
            inside = (index >= 0) & (centres < ends[np.maximum(index, 0)]) if len(starts) else False
            loud &= inside
        if not loud.any():
            return
        f0 = pitch.yin(chunks[loud], self.rate)
        f0 = f0[~np.isnan(f0)]
        self._pitch_sum += float(f0.sum())
        bins = np.clip(np.round(f0).astype(np.int64), 0, PITCH_BINS - 1)
        self._pitch_hist += np.bincount(bins, minlength=PITCH_BINS)

    def _pitch_stats(self) -> PitchStats:
        frames = int(self._pitch_hist.sum())
        if not frames:
            return PitchStats(None, None, 0)
        cumulative = np.cumsum(self._pitch_hist)
        median = float(np.searchsorted(cumulative, (frames + 1) / 2))
        return PitchStats(self._pitch_sum / frames, median, frames)

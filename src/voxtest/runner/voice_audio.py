"""The audio bookkeeping of a voice call: caller lines cut into frames, and the other side's
audio laid on a timeline.

Stream time: a frame sent (or received) at `t` covers `[t, t + frame)`, so sample `i` of it
sounds at `t + i / 16 kHz`. `Playout` lays received frames end to end on the receiver's
clock (a frame plays at its arrival, or after the previous one when frames come in a burst)
and fills gaps with silence, so a VAD fed from it sees real time and every stream sample
has an instant. `CallerLine` knows where its own speech starts and ends, so the caller needs
no VAD for itself.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field

import numpy as np

from voxtest.speech.base import FRAME_BYTES, SAMPLE_RATE, SAMPLE_WIDTH

QUIET = 64  # |sample| at or under this is not speech, for the caller's own audio


def voiced_span(pcm: bytes) -> tuple[int, int] | None:
    """(first, last) sample index louder than QUIET, or None for silence."""
    samples = np.frombuffer(pcm[: len(pcm) // 2 * 2], dtype="<i2").astype(np.int32)
    loud = np.flatnonzero(np.abs(samples) > QUIET)
    return (int(loud[0]), int(loud[-1])) if loud.size else None


@dataclass
class CallerLine:
    """One thing the caller says, as audio, sent frame by frame."""

    text: str
    pcm: bytes
    network_loss: float | None = None  # the packet loss (percent) it sets when it starts
    frame_bytes: int = FRAME_BYTES
    position: int = 0  # bytes sent
    frames: int = 0
    start_s: float | None = None  # stream time of the first voiced sample sent
    end_s: float | None = None  # ... of the last voiced sample sent so far
    interrupted: bool = False
    barge_in: bool = False
    span: tuple[int, int] | None = field(init=False)
    lost_at: list[int] = field(default_factory=list)  # byte offsets of frames sent as silence

    def __post_init__(self) -> None:
        self.span = voiced_span(self.pcm)

    @property
    def done(self) -> bool:
        return self.position >= len(self.pcm)

    def next_frame(self) -> bytes:
        frame = self.pcm[self.position : self.position + self.frame_bytes]
        return frame + b"\x00" * (self.frame_bytes - len(frame))

    def sent(self, at: float, *, lost: bool = False) -> None:
        """The frame `next_frame` returned left at `at` (as silence when `lost`)."""
        if lost:
            self.lost_at.append(self.position)
        first = self.position // SAMPLE_WIDTH
        last = first + self.frame_bytes // SAMPLE_WIDTH - 1
        if self.span is not None:
            voiced_first, voiced_last = self.span
            if self.start_s is None and first <= voiced_first <= last:
                self.start_s = at + (voiced_first - first) / SAMPLE_RATE
            if first <= voiced_last:
                self.end_s = at + (min(voiced_last, last) - first + 1) / SAMPLE_RATE
        self.position += self.frame_bytes
        self.frames += 1

    def sent_audio(self) -> bytes:
        """What the agent was sent of this line so far (lost frames silent)."""
        audio = bytearray(self.pcm[: self.position])
        for offset in self.lost_at:
            size = min(self.frame_bytes, len(audio) - offset)
            audio[offset : offset + size] = bytes(size)
        return bytes(audio)

    def stop(self) -> None:
        """Cut the line short (the caller yields)."""
        self.interrupted = True
        self.position = len(self.pcm)


class Playout:
    """The far side's audio on the local clock; `take()` returns what was laid since."""

    def __init__(
        self, origin: float, *, jitter_s: float = 0.1, slack_s: float = 0.3, keep_s: float = 30.0
    ) -> None:
        self.origin = origin  # stream sample 0 plays at this instant
        self.samples = 0  # laid so far
        self.cursor = origin  # when the next sample plays
        # A frame later than `jitter_s` leaves a silence before it (a shorter gap is the
        # network's or the event loop's jitter, not a pause); with no frame for `slack_s`
        # the gap is silence at once, so a VAD sees the speaker stop.
        self.jitter_s = jitter_s
        self.slack_s = slack_s
        self._anchors: deque[tuple[int, float]] = deque([(0, origin)])  # (sample, instant)
        self._keep = int(keep_s * SAMPLE_RATE)
        self._fresh: list[bytes] = []
        # (first sample, last sample, arrival) of recent frames holding speech
        self.voiced_frames: deque[tuple[int, int, float]] = deque(maxlen=4096)

    def frame(self, pcm: bytes, arrived_at: float) -> None:
        if arrived_at - self.cursor > self.jitter_s:
            self._silence_until(arrived_at)
        first = self.samples
        self._lay(pcm)
        if voiced_span(pcm) is not None:
            self.voiced_frames.append((first, self.samples - 1, arrived_at))

    def tick(self, now: float) -> None:
        """No frame for a while: the gap up to `now - slack` is silence."""
        if now - self.slack_s > self.cursor:
            self._silence_until(now - self.slack_s)

    def take(self) -> bytes:
        fresh, self._fresh = b"".join(self._fresh), []
        return fresh

    def time_of(self, sample: int) -> float:
        """The instant stream sample `sample` played."""
        anchor_sample, anchor_time = self._anchors[0]
        for candidate in reversed(self._anchors):
            if candidate[0] <= sample:
                anchor_sample, anchor_time = candidate
                break
        return anchor_time + (sample - anchor_sample) / SAMPLE_RATE

    def arrival_of(self, sample: int) -> float:
        """When stream sample `sample` came in: its frame's arrival plus its offset in the
        frame (frames that came in a burst each count from their own arrival)."""
        for first, last, arrived in reversed(self.voiced_frames):
            if first <= sample <= last:
                return arrived + (sample - first) / SAMPLE_RATE
            if last < sample:
                break
        return self.time_of(sample)

    def voiced_frames_between(self, first: int, last: int) -> int:
        return sum(1 for a, b, _ in self.voiced_frames if b >= first and a <= last)

    def _silence_until(self, instant: float) -> None:
        count = int(round((instant - self.cursor) * SAMPLE_RATE))
        if count > 0:
            self._lay(b"\x00\x00" * count)
        self._anchor(instant)

    def _lay(self, pcm: bytes) -> None:
        self._fresh.append(pcm)
        self.samples += len(pcm) // SAMPLE_WIDTH
        self.cursor += len(pcm) / (SAMPLE_RATE * SAMPLE_WIDTH)

    def _anchor(self, instant: float) -> None:
        self.cursor = instant
        self._anchors.append((self.samples, instant))
        while len(self._anchors) > 2 and self._anchors[1][0] < self.samples - self._keep:
            self._anchors.popleft()


class AgentSpeech:
    """The far side's recent audio, to cut an utterance out for the transcriber."""

    def __init__(self, keep_s: float = 120.0) -> None:
        self.first_sample = 0  # stream index of buffer[0]
        self.buffer = bytearray()
        self.keep = int(keep_s * SAMPLE_RATE)

    def add(self, pcm: bytes) -> None:
        self.buffer += pcm

    def cut(self, first: int, last: int, pad: int = SAMPLE_RATE // 10) -> bytes:
        """Samples [first - pad, last + pad) and forget everything before them."""
        begin = max(first - pad, self.first_sample)
        end = last + pad
        lo = (begin - self.first_sample) * SAMPLE_WIDTH
        hi = max(lo, (end - self.first_sample) * SAMPLE_WIDTH)
        piece = bytes(self.buffer[lo:hi])
        self.forget_before(last)
        return piece

    def forget_before(self, sample: int) -> None:
        sample = max(sample, self.first_sample + len(self.buffer) // SAMPLE_WIDTH - self.keep)
        drop = max(0, sample - self.first_sample)
        if drop:
            del self.buffer[: drop * SAMPLE_WIDTH]
            self.first_sample += drop

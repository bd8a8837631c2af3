"""What a voice run leaves for its audio metrics: the recording and the live timing record.

Read from the run's `details["audio"]` (shape in docs/design/0005-audio-metrics.md) or, when
absent, from the voice loop's own record `details["voice"]` (docs/design/0006-voice-runs.md:
`recording.path`, turns with `start_s`/`end_s`). Pure data and parsing: no file is opened.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from voxtest.evaluation.model import MAIN_AGENT, TESTING_AGENT
from voxtest.speech.base import SAMPLE_RATE

if TYPE_CHECKING:
    from voxtest.evaluation.audio.analysis import AudioAnalysis

SPEAKERS = (TESTING_AGENT, MAIN_AGENT)
Span = tuple[float, float]


@dataclass(frozen=True)
class TurnTiming:
    """One spoken turn on the recording's clock (seconds from its first sample)."""

    role: str
    start: float
    end: float
    text: str = ""
    heard: str | None = None  # caller turns: what an STT heard on the caller channel


@dataclass(frozen=True)
class AudioFacts:
    """A voice call's recording and timing record; `analysis` is filled once per evaluation
    (`evaluation.audio.prepare`) and shared by every audio metric."""

    recording_path: Path | None = None
    testing_channel_index: int = 0
    sample_rate: int = SAMPLE_RATE
    duration_s: float | None = None
    turns: tuple[TurnTiming, ...] = ()
    segments: Mapping[str, tuple[Span, ...]] = field(default_factory=dict)
    analysis: AudioAnalysis | None = field(default=None, compare=False, repr=False)

    @property
    def has_timing(self) -> bool:
        return bool(self.turns) or any(self.segments.values())

    def timed_segments(self) -> dict[str, tuple[Span, ...]] | None:
        """Voiced spans per speaker from the timing record (its `segments`, else its turns'
        spans), sorted; None when the record has no timing."""
        if not self.has_timing:
            return None
        if any(self.segments.values()):
            return {s: tuple(sorted(self.segments.get(s, ()))) for s in SPEAKERS}
        return {
            s: tuple(sorted((t.start, t.end) for t in self.turns if t.role == s)) for s in SPEAKERS
        }

    @classmethod
    def from_details(
        cls, details: Mapping[str, Any], home: Path | None = None
    ) -> AudioFacts | None:
        """A run's audio facts: `details["audio"]`, else the voice record `details["voice"]`."""
        if isinstance(details.get("audio"), Mapping):
            return cls.from_json(details["audio"], home)
        voice = details.get("voice")
        return (
            cls.from_json(_from_voice_record(voice), home) if isinstance(voice, Mapping) else None
        )

    @classmethod
    def from_json(cls, raw: Any, home: Path | None = None) -> AudioFacts | None:
        """The facts from a run's `details["audio"]`; None when it holds nothing usable.
        A relative `recording_path` is taken from `home` (VOXTEST_HOME)."""
        if not isinstance(raw, Mapping):
            return None
        path = _path(raw.get("recording_path"), home)
        turns = tuple(t for item in raw.get("turns") or () if (t := _turn(item)) is not None)
        segments = _segments(raw.get("segments"))
        if path is None and not turns and not any(segments.values()):
            return None
        channel = raw.get("testing_channel_index")
        rate = _number(raw.get("sample_rate"))
        return cls(
            recording_path=path,
            testing_channel_index=channel if channel in (0, 1) else 0,
            sample_rate=int(rate) if rate and rate > 0 else SAMPLE_RATE,
            duration_s=_number(raw.get("duration_s")),
            turns=turns,
            segments=segments,
        )

    def to_json(self) -> dict[str, Any]:
        """Back to the `details["audio"]` shape (paths as given, absolute when resolved)."""
        return {
            "recording_path": str(self.recording_path) if self.recording_path else None,
            "testing_channel_index": self.testing_channel_index,
            "sample_rate": self.sample_rate,
            "duration_s": self.duration_s,
            "turns": [
                {"role": t.role, "start": t.start, "end": t.end, "text": t.text}
                | ({"heard": t.heard} if t.heard is not None else {})
                for t in self.turns
            ],
            "segments": {s: [list(span) for span in spans] for s, spans in self.segments.items()},
        }


def _from_voice_record(voice: Mapping[str, Any]) -> dict[str, Any]:
    """The voice loop's `details["voice"]` in the `details["audio"]` shape."""
    recording = voice.get("recording")
    recording = recording if isinstance(recording, Mapping) else {}
    turns = [
        {"role": t.get("role"), "start": t.get("start_s"), "end": t.get("end_s"),
         "text": t.get("text") or "", "heard": t.get("heard")}
        for t in voice.get("turns") or ()
        if isinstance(t, Mapping)
    ]  # fmt: skip
    return {
        "recording_path": recording.get("path"),
        "testing_channel_index": recording.get("testing_channel_index", 0),
        "sample_rate": recording.get("sample_rate"),
        "duration_s": recording.get("duration_s"),
        "turns": turns,
    }


def _path(raw: Any, home: Path | None) -> Path | None:
    if not isinstance(raw, str) or not raw.strip():
        return None
    path = Path(raw)
    return path if path.is_absolute() or home is None else home / path


def _turn(raw: Any) -> TurnTiming | None:
    if not isinstance(raw, Mapping) or raw.get("role") not in SPEAKERS:
        return None
    span = _span((raw.get("start"), raw.get("end")))
    if span is None:
        return None
    heard = raw.get("heard")
    return TurnTiming(
        role=str(raw["role"]),
        start=span[0],
        end=span[1],
        text=str(raw.get("text") or ""),
        heard=heard if isinstance(heard, str) else None,
    )


def _segments(raw: Any) -> dict[str, tuple[Span, ...]]:
    if not isinstance(raw, Mapping):
        return {}
    out: dict[str, tuple[Span, ...]] = {}
    for speaker in SPEAKERS:
        items = raw.get(speaker)
        if isinstance(items, list | tuple):
            out[speaker] = tuple(s for item in items if (s := _span(item)) is not None)
    return out


def _span(raw: Any) -> Span | None:
    if not isinstance(raw, list | tuple) or len(raw) != 2:
        return None
    start, end = _number(raw[0]), _number(raw[1])
    if start is None or end is None or start < 0 or end < start:
        return None
    return start, end


def _number(raw: Any) -> float | None:
    if isinstance(raw, bool) or not isinstance(raw, int | float) or not math.isfinite(raw):
        return None
    return float(raw)

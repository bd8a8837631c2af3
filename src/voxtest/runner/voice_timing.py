"""The timing record of a voice call (`details["voice"]`, docs/design/0006-voice-runs.md).

Times are seconds since the call connected, rounded to the millisecond.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np

from voxtest.speech.base import Word


def _s(value: float | None) -> float | None:
    return None if value is None else round(value, 3)


@dataclass
class AgentTurnRecord:
    start_s: float
    end_s: float
    text: str = ""
    voiced_frames: int = 0
    latency_ms: float | None = None
    interrupted: bool = False
    words: tuple[Word, ...] = ()  # times are instants on the caller's clock
    first_sample: int = 0
    last_sample: int = 0


@dataclass
class VoiceTiming:
    """Collects what happened, relative to `origin` (the call's first instant)."""

    origin: float
    frame_ms: int = 20
    turns: list[dict[str, Any]] = field(default_factory=list)
    vad_events: list[dict[str, Any]] = field(default_factory=list)
    agent_events: list[dict[str, Any]] = field(default_factory=list)
    barge_ins: list[dict[str, Any]] = field(default_factory=list)
    idle_prompts: list[float] = field(default_factory=list)
    _lags: list[float] = field(default_factory=list)
    _lag_count: int = 0
    _lag_max: float = 0.0

    def rel(self, instant: float) -> float:
        return round(instant - self.origin, 3)

    def frame_lag(self, seconds: float) -> None:
        """How late a caller frame left after its due instant."""
        lag_ms = max(0.0, seconds * 1000)
        self._lag_count += 1
        self._lag_max = max(self._lag_max, lag_ms)
        if len(self._lags) < 100_000:  # about half an hour of frames
            self._lags.append(lag_ms)

    def caller_turn(
        self, text: str, start: float, end: float, frames: int, *, interrupted: bool, barge_in: bool
    ) -> dict[str, Any]:
        entry = {
            "role": "Testing Agent",
            "text": text,
            "start_s": self.rel(start),
            "end_s": self.rel(end),
            "frames": frames,
            "interrupted": interrupted,
            "barge_in": barge_in,
        }
        self.turns.append(entry)
        return entry

    def agent_turn(self, turn: AgentTurnRecord) -> None:
        self.turns.append(
            {
                "role": "Main Agent",
                "text": turn.text,
                "start_s": self.rel(turn.start_s),
                "end_s": self.rel(turn.end_s),
                "voiced_frames": turn.voiced_frames,
                "latency_ms": turn.latency_ms,
                "interrupted": turn.interrupted,
                "words": [
                    {
                        "word": w.text,
                        "start": self.rel(w.start),
                        "end": self.rel(w.end),
                    }
                    for w in turn.words
                ],
            }
        )

    def vad(self, kind: str, at: float) -> None:
        self.vad_events.append({"kind": kind, "at_s": self.rel(at)})

    def agent_event(self, kind: str, at: float, utterance_id: str | None) -> None:
        self.agent_events.append({"kind": kind, "at_s": self.rel(at), "utterance_id": utterance_id})

    def barge_in(self, by: str, at: float) -> None:
        self.barge_ins.append({"by": by, "at_s": self.rel(at), "other_stopped_at_s": None})

    def other_stopped(self, by: str, at: float) -> None:
        """The side interrupted by `by` stopped speaking at `at`."""
        for entry in reversed(self.barge_ins):
            if entry["by"] == by and entry["other_stopped_at_s"] is None:
                entry["other_stopped_at_s"] = self.rel(at)
                return

    def frame_timer(self) -> dict[str, Any]:
        lags = np.array(self._lags or [0.0])
        return {
            "frames": self._lag_count,
            "lag_p50_ms": round(float(np.percentile(lags, 50)), 2),
            "lag_p99_ms": round(float(np.percentile(lags, 99)), 2),
            "lag_max_ms": round(self._lag_max, 2),
        }

    def record(self, **extra: Any) -> dict[str, Any]:
        return {
            "version": 1,
            "transport": "chirp",
            "frame_ms": self.frame_ms,
            "turns": self.turns,
            "vad_events": self.vad_events,
            "agent_events": self.agent_events,
            "barge_ins": self.barge_ins,
            "idle_prompts": [self.rel(t) for t in self.idle_prompts],
            "frame_timer": self.frame_timer(),
            **extra,
        }

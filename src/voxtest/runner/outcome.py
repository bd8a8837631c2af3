"""What a conversation produced, and the callables a run is given."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass

from voxtest.domain.conditions import Verdict
from voxtest.domain.transcript import Transcript

Paraphrase = Callable[[str], Awaitable[str]]
# A ConditionJudge, or an async one (a model); verdicts in the order of the conditions.
Judge = Callable[[str, Sequence[str]], Sequence[Verdict] | Awaitable[Sequence[Verdict]]]


@dataclass(frozen=True)
class ConversationOutcome:
    transcript: Transcript
    end_reason: str  # Cekura's call_ended_reason vocabulary, see runner.limits
    error: str | None = None  # what went wrong, for the user; None when nothing did
    connected: bool = True
    duration_s: float = 0.0
    connect_attempts: int = 1

    def latencies_ms(self) -> list[float]:
        """The measured latency of each Main Agent reply that answered the caller."""
        return [
            float(turn.data["latency_ms"])
            for turn in self.transcript.turns
            if "latency_ms" in turn.data
        ]

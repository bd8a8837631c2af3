"""What a conversation produced, and the callables a run is given."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from voxtest.domain.conditions import Verdict
from voxtest.domain.transcript import Transcript

# Phrases a non-fixed action's instruction as the caller's next line, given the transcript so
# far (the agent's message that triggered the action is its last Main Agent turn).
Paraphrase = Callable[[str, Transcript], Awaitable[str]]
# A ConditionJudge, or an async one (a model); verdicts in the order of the conditions.
PlainJudge = Callable[[str, Sequence[str]], Sequence[Verdict] | Awaitable[Sequence[Verdict]]]


@runtime_checkable
class TurnJudge(Protocol):
    """A judge that also reads the conversation: `previous` is the caller's line before the
    agent's message (None when the caller has not spoken). The runner calls `judge_turn`
    on a judge that has it, else calls the judge as a `PlainJudge`."""

    async def judge_turn(
        self, message: str, conditions: Sequence[str], *, previous: str | None
    ) -> Sequence[Verdict]: ...


Judge = PlainJudge | TurnJudge


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

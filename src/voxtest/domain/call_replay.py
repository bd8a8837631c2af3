"""A scenario that replays a production call: the caller's turns become ordered instructions
for the simulated caller, the call's outcome (summary, topic or ended reason) its expected
outcome. Pure: works on the canonical transcript (`voxtest.domain.transcript`)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from voxtest.domain.transcript import MAIN_AGENT, TESTING_AGENT

MAX_NAME = 80
NO_CALLER_TURNS = "The call has no caller turns to replay (send its transcript_json)."


@dataclass(frozen=True)
class ReplayScenario:
    name: str
    instructions: str
    expected_outcome: str
    first_message: str


class NothingToReplay(ValueError):
    pass


def replay(
    call_id: str,
    turns: Sequence[Mapping[str, Any]],
    outcome: Mapping[str, Any],
) -> ReplayScenario:
    """The scenario replaying `turns`; `outcome` holds the call's `summary`, `topic`,
    `call_ended_reason` and `success` where known."""
    said = [str(t.get("content") or "").strip() for t in turns if t.get("role") == TESTING_AGENT]
    said = [s for s in said if s]
    if not said:
        raise NothingToReplay(NO_CALLER_TURNS)
    steps = "\n".join(f"{n}. Say: {text}" for n, text in enumerate(said, 1))
    instructions = (
        "You are the caller of a real production call; replay it. Say each line below in "
        "order, one per turn, waiting for the agent to answer; keep to their meaning when the "
        "agent's answers differ from the original call.\n" + steps
    )
    agent_first = bool(turns) and turns[0].get("role") == MAIN_AGENT
    first = str(turns[0].get("content") or "") if agent_first else ""
    return ReplayScenario(
        name=_name(call_id, outcome.get("topic")),
        instructions=instructions,
        expected_outcome=expected_outcome(outcome),
        first_message=first,
    )


def expected_outcome(outcome: Mapping[str, Any]) -> str:
    summary = str(outcome.get("summary") or "").strip()
    if summary:
        return f"The call ends as the original did: {summary}"
    parts = []
    if outcome.get("topic"):
        parts.append(f"the caller's request ({outcome['topic']}) is handled")
    if outcome.get("success") is True:
        parts.append("the agent meets every expectation it met in the original call")
    if outcome.get("call_ended_reason"):
        parts.append(f"the call ends the same way ({outcome['call_ended_reason']})")
    if not parts:
        return "The agent handles every request the caller makes, as in the original call."
    return "The agent behaves as in the original call: " + "; ".join(parts) + "."


def _name(call_id: str, topic: Any) -> str:
    base = f"Replay of call {call_id}"
    if topic:
        base += f": {topic}"
    return base if len(base) <= MAX_NAME else base[: MAX_NAME - 1] + "…"

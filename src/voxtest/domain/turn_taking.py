"""Who has the floor in a voice call: a pure state machine over speech events and time.

Inputs are when the agent's speech starts and stops (from the caller's VAD, bias corrected),
when the caller's own speech starts and stops, and clock ticks. Outputs are decisions:

- `AgentTurnOver(start, end)`: the agent has been quiet `reply_after_s` since its speech
  ended; its turn (every speech segment since the caller last spoke) is over, answer it.
- `BargeIn(start)`: the agent has talked `barge_in_after_s` without pause; the caller
  interrupts now (interruption level), answering what it heard so far; also at the instant
  an `InterruptAt(at)` set for this agent turn (a script's `<interruption time>`).
- `Yield()`: the agent has talked over the caller for `yield_after_s`; the caller stops.
- `IdlePrompt()`: the agent owes a reply and said nothing for `idle_timeout_s`
  ("Are you still there?"); `GiveUp()` after `max_idle_prompts` of them.

A `Hold(until)` suspends the idle timer until then. Pure: no I/O, no clock; times are seconds.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TypeAlias

# How long the agent may talk before an interrupting caller barges in, per personality
# interruption level (None: never).
BARGE_IN_AFTER_S: dict[str, float | None] = {
    "none": None,
    "low": None,
    "medium": 8.0,
    "high": 3.0,
    "very_high": 1.5,
}


_EPSILON = 1e-9  # times are sums of frame periods: 1.4 - 1.0 must reach 0.4


def _reached(elapsed: float, limit: float) -> bool:
    return elapsed + _EPSILON >= limit


@dataclass(frozen=True)
class TurnRules:
    reply_after_s: float = 0.6
    barge_in_after_s: float | None = None
    yield_after_s: float | None = 0.4
    idle_timeout_s: float = 10.0
    max_idle_prompts: int = 3

    @classmethod
    def for_level(cls, level: str | None, **overrides: float | int | None) -> TurnRules:
        barge = BARGE_IN_AFTER_S.get((level or "low").lower().replace(" ", "_"))
        return replace(cls(barge_in_after_s=barge), **overrides)  # type: ignore[arg-type]


# -- events ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class AgentStarted:
    at: float


@dataclass(frozen=True)
class AgentStopped:
    at: float


@dataclass(frozen=True)
class CallerStarted:
    at: float


@dataclass(frozen=True)
class CallerStopped:
    at: float


@dataclass(frozen=True)
class Hold:
    until: float


@dataclass(frozen=True)
class Tick:
    at: float


@dataclass(frozen=True)
class InterruptAt:
    """The script wants the caller to barge in on this agent turn at `at`."""

    at: float


TurnEvent: TypeAlias = (
    AgentStarted | AgentStopped | CallerStarted | CallerStopped | Hold | InterruptAt | Tick
)

# -- decisions -------------------------------------------------------------------------------


@dataclass(frozen=True)
class AgentTurnOver:
    start: float
    end: float


@dataclass(frozen=True)
class BargeIn:
    start: float


@dataclass(frozen=True)
class Yield:
    pass


@dataclass(frozen=True)
class IdlePrompt:
    pass


@dataclass(frozen=True)
class GiveUp:
    pass


Decision: TypeAlias = AgentTurnOver | BargeIn | Yield | IdlePrompt | GiveUp


@dataclass(frozen=True)
class TurnState:
    agent_speaking: bool = False
    agent_segment_start: float = 0.0  # the current (or latest) speech segment's start
    agent_turn_start: float | None = None  # first segment of the turn not yet answered
    agent_quiet_since: float | None = None
    caller_speaking: bool = False
    caller_quiet_since: float = 0.0
    owed_reply_since: float | None = None  # the caller spoke (or the call began): agent's turn
    idle_prompts: int = 0
    held_until: float = 0.0
    barged: bool = False  # the caller already barged in on this agent segment
    interrupt_at: float | None = None  # a scripted barge-in on the current agent turn
    yielded: bool = False  # the caller already yielded in this overlap


def start(at: float, *, agent_speaks_first: bool) -> TurnState:
    return TurnState(caller_quiet_since=at, owed_reply_since=at if agent_speaks_first else None)


def floor_free(state: TurnState) -> bool:
    """Whether the caller may start a line now without talking over anyone."""
    return not state.agent_speaking and not state.caller_speaking and state.agent_turn_start is None


def step(state: TurnState, event: TurnEvent, rules: TurnRules) -> tuple[TurnState, list[Decision]]:
    if isinstance(event, AgentStarted):
        turn_start = state.agent_turn_start if state.agent_turn_start is not None else event.at
        return replace(
            state,
            agent_speaking=True,
            agent_segment_start=event.at,
            agent_turn_start=turn_start,
            owed_reply_since=None,
            idle_prompts=0,
            barged=False,
            yielded=False,
        ), []
    if isinstance(event, AgentStopped):
        return replace(state, agent_speaking=False, agent_quiet_since=event.at), []
    if isinstance(event, CallerStarted):
        return replace(state, caller_speaking=True, owed_reply_since=None), []
    if isinstance(event, CallerStopped):
        return replace(
            state, caller_speaking=False, caller_quiet_since=event.at, owed_reply_since=event.at
        ), []
    if isinstance(event, Hold):
        return replace(state, held_until=max(state.held_until, event.until)), []
    if isinstance(event, InterruptAt):
        return replace(state, interrupt_at=event.at), []
    return _tick(state, event.at, rules)


def _tick(state: TurnState, now: float, rules: TurnRules) -> tuple[TurnState, list[Decision]]:
    if state.agent_speaking:
        return _while_agent_speaks(state, now, rules)
    if state.agent_turn_start is not None and state.agent_quiet_since is not None:
        if (
            _reached(now - state.agent_quiet_since, rules.reply_after_s)
            and not state.caller_speaking
        ):
            over = AgentTurnOver(state.agent_turn_start, state.agent_quiet_since)
            return replace(state, agent_turn_start=None, interrupt_at=None), [over]
        return state, []
    return _idle(state, now, rules)


def _while_agent_speaks(
    state: TurnState, now: float, rules: TurnRules
) -> tuple[TurnState, list[Decision]]:
    if state.caller_speaking:
        overlap = now - max(state.agent_segment_start, 0.0)
        if (
            rules.yield_after_s is not None
            and not state.yielded
            and _reached(overlap, rules.yield_after_s)
        ):
            return replace(state, yielded=True), [Yield()]
        return state, []
    barge = rules.barge_in_after_s
    scripted = state.interrupt_at is not None and now >= state.interrupt_at
    by_level = (
        barge is not None and not state.barged and _reached(now - state.agent_segment_start, barge)
    )
    if scripted or by_level:
        turn_start = state.agent_turn_start if state.agent_turn_start is not None else now
        barged = replace(state, barged=True, agent_turn_start=None, interrupt_at=None)
        return barged, [BargeIn(turn_start)]
    return state, []


def _idle(state: TurnState, now: float, rules: TurnRules) -> tuple[TurnState, list[Decision]]:
    if state.owed_reply_since is None or state.caller_speaking:
        return state, []
    since = max(state.owed_reply_since, state.held_until)
    if not _reached(now - since, rules.idle_timeout_s):
        return state, []
    if state.idle_prompts >= rules.max_idle_prompts:
        return replace(state, owed_reply_since=None), [GiveUp()]
    return replace(state, idle_prompts=state.idle_prompts + 1, owed_reply_since=now), [IdlePrompt()]

"""What the simulated caller says next in a conditional-actions ("structured") scenario.

`step(state, event, judge) -> (state, actions)` is pure and deterministic: no I/O, no clock,
no model call (natural-language conditions go to the `judge` the caller passes in).

Rules (Cekura §5.4, and ours where Cekura is silent, marked *):

- Id 0 (FIRST_MESSAGE) is said at call start when the caller speaks first; when the agent
  speaks first it is the reply to the agent's first message. An empty id-0 action means say
  nothing: it counts as fired at call start and the agent's first message is matched like
  any other. *An empty opening when the caller speaks first gives `NoMatch(EMPTY_OPENING)`.
- Each condition fires at most once. Standard conditions are matched against the latest
  main-agent message only.
- An `action_followup` fires on the caller's next turn after its parent fired (one agent
  message in between, whatever it says; never on the parent's turn).
- *At most one condition fires per caller turn. Order of precedence: the pending opening,
  then a due follow-up (several due: earliest parent turn, then lowest id; the others wait
  for the following turns), then the standard condition with the lowest id that matches.
  On a turn taken by a follow-up, standard conditions are not evaluated; they may still
  match a later message.
- *A judge's UNCERTAIN counts as no match; the uncertain ids are reported in `NoMatch`.
- *When nothing fires the reply is `[NoMatch(reason, uncertain)]`, so the runner can fall
  back to a model reply or wait. An empty list means "nothing expected from the caller":
  call not yet answered, call over, or a fired action that renders to nothing.
- *`AgentSilence` fires nothing (follow-ups wait for a real agent message): `NoMatch(SILENCE)`.
- Actions come from `caller_actions.render_action`: fixed text split at `<silence>`,
  `<hold>` and `<endcall/>` (which ends the call: the state is `ended`), other tags kept in
  the Say text; non-fixed actions are one Say(fixed=False) for a model to paraphrase;
  `{{test_profile.x}}` and other namespaces in `State.variables` are substituted.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Any

from voxtest.domain.caller_actions import EndCall, Pause, Say, render_action
from voxtest.domain.conditions import (
    ConditionJudge,
    FollowupOf,
    Lexical,
    Natural,
    Opening,
    ParsedCondition,
    Verdict,
    parse_condition,
)
from voxtest.domain.scenario_rules import Problem, check_conditional_actions, flatten

# -- script ----------------------------------------------------------------------------------


class InvalidScript(ValueError):
    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("; ".join(flatten(problems)))
        self.problems = problems


@dataclass(frozen=True)
class ScriptItem:
    id: int
    condition: ParsedCondition
    action: str
    followup: bool
    fixed: bool


@dataclass(frozen=True)
class Script:
    role: str
    items: tuple[ScriptItem, ...]  # sorted by id

    @classmethod
    def from_json(cls, data: Any) -> Script:
        """The engine's view of a `{role, conditions}` script; InvalidScript if it breaks
        the rules `scenario_rules` checks before a script is saved."""
        problems = check_conditional_actions(data)
        if problems:
            raise InvalidScript(problems)
        items = (_item(raw) for raw in data["conditions"])
        return cls(role=data["role"], items=tuple(sorted(items, key=lambda i: i.id)))

    @property
    def opening(self) -> ScriptItem:
        return next(i for i in self.items if isinstance(i.condition, Opening))

    def followups_of(self, parent: int) -> tuple[ScriptItem, ...]:
        return tuple(i for i in self.items if i.followup and i.condition == FollowupOf(parent))

    def standard_items(self) -> tuple[ScriptItem, ...]:
        return tuple(
            i for i in self.items if not i.followup and isinstance(i.condition, Lexical | Natural)
        )

    def item(self, item_id: int) -> ScriptItem:
        return next(i for i in self.items if i.id == item_id)


def _item(raw: Mapping[str, Any]) -> ScriptItem:
    followup = raw["type"] == "action_followup"
    return ScriptItem(
        id=raw["id"],
        condition=parse_condition(raw["condition"], followup=followup),
        action=raw["action"],
        followup=followup,
        fixed=raw["fixed_message"],
    )


# -- state, events, actions ------------------------------------------------------------------


@dataclass(frozen=True, order=True)
class DueFollowup:
    due_turn: int  # the agent message (count) whose reply the follow-up is
    id: int


@dataclass(frozen=True)
class State:
    script: Script
    variables: Mapping[str, Any] = field(default_factory=lambda: {"test_profile": {}})
    started: bool = False
    ended: bool = False
    agent_turns: int = 0  # main-agent messages seen so far
    fired: frozenset[int] = frozenset()
    pending: tuple[DueFollowup, ...] = ()  # sorted
    opening_pending: bool = False  # the agent spoke first; id 0 is the reply to it


def initial_state(script: Script, variables: Mapping[str, Any] | None = None) -> State:
    """A state before the call; `variables` are namespaces for `{{...}}` (test_profile, ...)."""
    return State(script=script, variables={"test_profile": {}, **(variables or {})})


@dataclass(frozen=True)
class CallStarted:
    agent_speaks_first: bool


@dataclass(frozen=True)
class AgentMessage:
    text: str


@dataclass(frozen=True)
class AgentSilence:
    pass


@dataclass(frozen=True)
class CallEnded:
    pass


Event = CallStarted | AgentMessage | AgentSilence | CallEnded


class NoMatchReason(StrEnum):
    NO_CONDITION = "no_condition_matched"
    SILENCE = "silence"
    EMPTY_OPENING = "empty_opening"


@dataclass(frozen=True)
class NoMatch:
    reason: NoMatchReason
    uncertain: tuple[int, ...] = ()


Action = Say | Pause | EndCall | NoMatch


# -- step ------------------------------------------------------------------------------------


def step(state: State, event: Event, judge: ConditionJudge) -> tuple[State, list[Action]]:
    """The next state and what the caller does now. Raises ValueError if the call has not
    started (or starts twice)."""
    if state.ended:
        return state, []
    if isinstance(event, CallEnded):
        return replace(state, ended=True, pending=(), opening_pending=False), []
    if isinstance(event, CallStarted):
        if state.started:
            raise ValueError("The call has already started.")
        return _start(replace(state, started=True), event.agent_speaks_first)
    if not state.started:
        raise ValueError("CallStarted must come before the call's other events.")
    if isinstance(event, AgentSilence):
        return state, [NoMatch(NoMatchReason.SILENCE)]
    return _reply(replace(state, agent_turns=state.agent_turns + 1), event.text, judge)


def conditions_to_judge(state: State, message: str) -> tuple[str, ...]:
    """The natural-language conditions `step` will ask the judge about if `message` is the
    next agent message, so a runner can judge them (async) first."""
    if state.ended or not state.started or state.opening_pending:
        return ()
    if _due_followup(replace(state, agent_turns=state.agent_turns + 1)) is not None:
        return ()
    return _texts(_natural_candidates(state, message))


def next_followup(state: State) -> ScriptItem | None:
    """The follow-up (or opening reply) that fires on the next agent message whatever it
    says, so a voice caller can act before that message ends (`<interruption>`)."""
    if state.ended or not state.started:
        return None
    if state.opening_pending:
        return state.script.opening
    due = _due_followup(replace(state, agent_turns=state.agent_turns + 1))
    return state.script.item(due.id) if due is not None else None


def is_exhausted(state: State) -> bool:
    """True when no condition can fire any more (all standard ones fired, none pending)."""
    if state.ended:
        return True
    unfired = [i for i in state.script.standard_items() if i.id not in state.fired]
    return not (unfired or state.pending or state.opening_pending)


def _start(state: State, agent_speaks_first: bool) -> tuple[State, list[Action]]:
    opening = state.script.opening
    if opening.action.strip():
        if agent_speaks_first:
            return replace(state, opening_pending=True), []
        return _fire(state, opening)
    state, _ = _fire(state, opening)
    return state, [] if agent_speaks_first else [NoMatch(NoMatchReason.EMPTY_OPENING)]


def _reply(state: State, message: str, judge: ConditionJudge) -> tuple[State, list[Action]]:
    if state.opening_pending:
        return _fire(replace(state, opening_pending=False), state.script.opening)
    due = _due_followup(state)
    if due is not None:
        rest = tuple(p for p in state.pending if p != due)
        return _fire(replace(state, pending=rest), state.script.item(due.id))
    lexical_hit = _first_lexical_match(state, message)
    naturals = _natural_candidates(state, message)
    verdicts = _judge(judge, message, naturals)
    matched = [i for i, v in zip(naturals, verdicts, strict=True) if v is Verdict.MATCH]
    chosen = min(
        [*matched, *([lexical_hit] if lexical_hit else [])], key=lambda i: i.id, default=None
    )
    if chosen is not None:
        return _fire(state, chosen)
    uncertain = tuple(
        i.id for i, v in zip(naturals, verdicts, strict=True) if v is Verdict.UNCERTAIN
    )
    return state, [NoMatch(NoMatchReason.NO_CONDITION, uncertain)]


def _due_followup(state: State) -> DueFollowup | None:
    due = [p for p in state.pending if p.due_turn <= state.agent_turns]
    return min(due) if due else None


def _unfired_standard(state: State) -> list[ScriptItem]:
    return [i for i in state.script.standard_items() if i.id not in state.fired]


def _first_lexical_match(state: State, message: str) -> ScriptItem | None:
    for item in _unfired_standard(state):
        if isinstance(item.condition, Lexical) and item.condition.matches(message):
            return item
    return None


def _natural_candidates(state: State, message: str) -> list[ScriptItem]:
    """Unfired natural-language items that could still beat the first lexical match."""
    hit = _first_lexical_match(state, message)
    return [
        i
        for i in _unfired_standard(state)
        if isinstance(i.condition, Natural) and (hit is None or i.id < hit.id)
    ]


def _judge(judge: ConditionJudge, message: str, items: Sequence[ScriptItem]) -> list[Verdict]:
    if not items:
        return []
    texts = _texts(items)
    verdicts = [Verdict(v) for v in judge(message, texts)]
    if len(verdicts) != len(texts):
        raise ValueError(f"The judge gave {len(verdicts)} verdicts for {len(texts)} conditions.")
    return verdicts


def _texts(items: Sequence[ScriptItem]) -> tuple[str, ...]:
    return tuple(i.condition.text for i in items if isinstance(i.condition, Natural))


def _fire(state: State, item: ScriptItem) -> tuple[State, list[Action]]:
    """Mark `item` fired, schedule its follow-ups for the next turn, render its action."""
    due = state.agent_turns + 1
    scheduled = (DueFollowup(due, f.id) for f in state.script.followups_of(item.id))
    fresh = [d for d in scheduled if d.id not in state.fired]
    state = replace(
        state, fired=state.fired | {item.id}, pending=tuple(sorted((*state.pending, *fresh)))
    )
    actions: list[Action] = [*render_action(item.id, item.action, item.fixed, state.variables)]
    if any(isinstance(a, EndCall) for a in actions):
        state = replace(state, ended=True, pending=())
    return state, actions

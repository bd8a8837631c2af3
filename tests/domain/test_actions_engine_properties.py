"""Properties of the conditional-actions engine over generated scripts and conversations."""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from voxtest.domain.actions_engine import (
    Action,
    AgentMessage,
    AgentSilence,
    CallEnded,
    CallStarted,
    Event,
    Script,
    State,
    initial_state,
    step,
)
from voxtest.domain.caller_actions import EndCall, Say
from voxtest.domain.conditions import FollowupOf, KeywordJudge

JUDGE = KeywordJudge()


def keyword(index: int) -> str:
    return f"zq{index}zq"  # never a substring of another keyword


def item(id: int, condition: str | int, action: str, followup: bool = False) -> dict[str, Any]:
    return {
        "id": id,
        "condition": condition,
        "action": action,
        "type": "action_followup" if followup else "standard",
        "fixed_message": True,
    }


@dataclass(frozen=True)
class Scripted:
    """A script of standard items each with a chain of follow-ups, and the agent messages
    that trigger them in a given order, with the fixed messages expected in reply."""

    data: dict[str, Any]
    messages: list[str]
    expected: list[str]


@st.composite
def scripted_chains(draw: st.DrawFn) -> Scripted:
    chain_lengths = draw(st.lists(st.integers(0, 3), min_size=1, max_size=5))
    order = draw(st.permutations(range(len(chain_lengths))))
    conditions = [item(0, "FIRST_MESSAGE", "opening")]
    chains: list[list[str]] = []
    next_id = 1
    for index, length in enumerate(chain_lengths):
        root = next_id
        lexical = f'contains "{keyword(index)}"'
        conditions.append(item(root, lexical, f"standard {index}"))
        chain = [f"standard {index}"]
        for depth in range(1, length + 1):
            text = f"followup {index}.{depth}"
            conditions.append(item(root + depth, root + depth - 1, text, followup=True))
            chain.append(text)
        chains.append(chain)
        next_id = root + length + 1
    shuffled = draw(st.permutations(conditions[1:]))
    messages, expected = [], []
    for index in order:
        messages += [f"ok {keyword(index)} ok"] + ["anything"] * (len(chains[index]) - 1)
        expected += chains[index]
    data = {"role": "caller", "conditions": [conditions[0], *shuffled]}
    return Scripted(data, messages, expected)


@given(scripted_chains())
@settings(max_examples=150, deadline=None)
def test_scripted_chains_say_each_fixed_message_once_in_order(scripted: Scripted) -> None:
    state = initial_state(Script.from_json(scripted.data))
    state, first = step(state, CallStarted(agent_speaks_first=False), JUDGE)
    said = [a.text for a in first if isinstance(a, Say)]
    for message in scripted.messages:
        state, actions = step(state, AgentMessage(message), JUDGE)
        said += [a.text for a in actions if isinstance(a, Say)]
    assert said == ["opening", *scripted.expected]


# -- random scripts and conversations --------------------------------------------------------

ACTIONS = st.sampled_from(
    ["plain", 'wait <silence time="1s"/> more', '<hold time="2s"/> back', "bye <endcall/>"]
)


@st.composite
def random_scripts(draw: st.DrawFn) -> dict[str, Any]:
    size = draw(st.integers(1, 6))
    conditions = [item(0, "FIRST_MESSAGE", draw(st.sampled_from(["", "opening"])))]
    for new_id in range(1, size + 1):
        action = draw(ACTIONS)
        if draw(st.booleans()):
            parent = draw(st.integers(0, new_id - 1))
            conditions.append(item(new_id, parent, action, followup=True))
            continue
        words = draw(st.lists(st.integers(0, 3), min_size=1, max_size=2))
        lexical = " AND ".join(f'contains "{keyword(w)}"' for w in words)
        natural = f"The agent mentions {keyword(words[0])}"
        conditions.append(item(new_id, draw(st.sampled_from([lexical, natural])), action))
    return {"role": "caller", "conditions": conditions}


EVENTS = st.one_of(
    st.lists(st.integers(0, 3), max_size=3).map(
        lambda ws: AgentMessage(" ".join(keyword(w) for w in ws) or "hello")
    ),
    st.just(AgentSilence()),
    st.just(CallEnded()),
)


@st.composite
def conversations(draw: st.DrawFn) -> tuple[State, list[Event]]:
    variables = {"test_profile": {"name": "Ann"}}
    state = initial_state(Script.from_json(draw(random_scripts())), variables)
    events: list[Event] = [CallStarted(draw(st.booleans()))]
    return state, events + draw(st.lists(EVENTS, max_size=12))


def fired_per_step(state: State, events: list[Event]) -> list[tuple[State, set[int], list[Action]]]:
    out = []
    for event in events:
        after, actions = step(state, event, JUDGE)
        out.append((after, set(after.fired - state.fired), actions))
        state = after
    return out


@given(conversations())
@settings(max_examples=300, deadline=None)
def test_at_most_one_condition_per_turn_and_followups_never_on_the_parents_turn(
    case: tuple[State, list[Event]],
) -> None:
    state, events = case
    fired_at: dict[int, int] = {}
    for after, fired, _ in fired_per_step(state, events):
        assert len(fired) <= 1
        for condition_id in fired:
            fired_at[condition_id] = after.agent_turns
    for scripted in state.script.items:
        if isinstance(scripted.condition, FollowupOf) and scripted.id in fired_at:
            assert fired_at[scripted.id] > fired_at[scripted.condition.parent]


@given(conversations())
@settings(max_examples=300, deadline=None)
def test_nothing_is_emitted_after_the_call_ends(case: tuple[State, list[Event]]) -> None:
    state, events = case
    over = False
    for event, (after, fired, actions) in zip(events, fired_per_step(state, events), strict=True):
        if over:
            assert actions == [] and not fired
        if EndCall() in actions:
            assert actions[-1] == EndCall()
        over = over or EndCall() in actions or isinstance(event, CallEnded)
        assert after.ended == over


@given(conversations())
@settings(max_examples=300, deadline=None)
def test_step_never_mutates_its_input_state(case: tuple[State, list[Event]]) -> None:
    state, events = case
    for event in events:
        before = copy.deepcopy(state)
        after, _ = step(state, event, JUDGE)
        assert state == before
        state = after


@given(conversations())
@settings(max_examples=200, deadline=None)
def test_step_is_deterministic(case: tuple[State, list[Event]]) -> None:
    state, events = case
    assert fired_per_step(state, events) == fired_per_step(state, events)

"""The conditional-actions engine: each §5.4 rule, then properties over generated scripts."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pytest

from voxtest.domain.actions_engine import (
    Action,
    AgentMessage,
    AgentSilence,
    CallEnded,
    CallStarted,
    Event,
    InvalidScript,
    NoMatch,
    NoMatchReason,
    Script,
    State,
    conditions_to_judge,
    initial_state,
    is_exhausted,
    next_followup,
    step,
)
from voxtest.domain.caller_actions import EndCall, Pause, Say
from voxtest.domain.conditions import KeywordJudge, Verdict


def opening(action: str = "Hi, I need help.") -> dict[str, Any]:
    return {
        "id": 0,
        "condition": "FIRST_MESSAGE",
        "action": action,
        "type": "standard",
        "fixed_message": True,
    }


def std(id: int, condition: str, action: str, fixed: bool = True) -> dict[str, Any]:
    return {
        "id": id,
        "condition": condition,
        "action": action,
        "type": "standard",
        "fixed_message": fixed,
    }


def follow(id: int, parent: int, action: str, fixed: bool = True) -> dict[str, Any]:
    return {
        "id": id,
        "condition": parent,
        "action": action,
        "type": "action_followup",
        "fixed_message": fixed,
    }


def new_state(*items: dict[str, Any], first: str = "Hi, I need help.", **variables: Any) -> State:
    data = {"role": "A caller", "conditions": [opening(first), *items]}
    return initial_state(Script.from_json(data), variables)


def never_called(message: str, conditions: Sequence[str]) -> list[Verdict]:
    raise AssertionError(f"judge called with {conditions!r}")


class RecordingJudge:
    def __init__(self, verdicts: dict[str, str]) -> None:
        self.verdicts = verdicts
        self.calls: list[tuple[str, tuple[str, ...]]] = []

    def __call__(self, message: str, conditions: Sequence[str]) -> list[Verdict]:
        self.calls.append((message, tuple(conditions)))
        return [Verdict(self.verdicts.get(c, "no_match")) for c in conditions]


def run(
    state: State, events: Sequence[Event], judge: Any = never_called
) -> tuple[State, list[list[Action]]]:
    outputs = []
    for event in events:
        state, actions = step(state, event, judge)
        outputs.append(actions)
    return state, outputs


def says(*texts: str) -> list[list[str]]:
    return [[t] for t in texts]


def spoken(outputs: list[list[Action]]) -> list[list[str]]:
    return [[a.text if isinstance(a, Say) else repr(a) for a in actions] for actions in outputs]


NO_MATCH = repr(NoMatch(NoMatchReason.NO_CONDITION))


# -- opening ---------------------------------------------------------------------------------


def test_caller_speaking_first_says_the_opening_at_start() -> None:
    _, out = run(new_state(), [CallStarted(agent_speaks_first=False)])
    assert out == [[Say("Hi, I need help.", fixed=True, condition_id=0)]]


def test_agent_speaking_first_gets_the_opening_as_reply_to_its_first_message() -> None:
    state = new_state(std(1, 'contains "acme"', "Yes, Acme."))
    state, out = run(
        state,
        [CallStarted(True), AgentMessage("Welcome to Acme"), AgentMessage("This is Acme")],
    )
    assert spoken(out) == [[], ["Hi, I need help."], ["Yes, Acme."]]
    assert state.fired == {0, 1}


def test_empty_opening_when_agent_speaks_first_says_nothing_then_matches_normally() -> None:
    state = new_state(std(1, 'contains "acme"', "Yes, Acme."), first="")
    state, out = run(state, [CallStarted(True), AgentMessage("Welcome to Acme")])
    assert spoken(out) == [[], ["Yes, Acme."]]
    assert 0 in state.fired


def test_empty_opening_when_caller_speaks_first_is_reported() -> None:
    _, out = run(new_state(first=""), [CallStarted(False)])
    assert out == [[NoMatch(NoMatchReason.EMPTY_OPENING)]]


# -- standard conditions ---------------------------------------------------------------------


def test_a_standard_condition_fires_at_most_once() -> None:
    state = new_state(std(1, 'contains "name"', "Sarah"))
    _, out = run(state, [CallStarted(False), AgentMessage("Your name?"), AgentMessage("Name?")])
    assert spoken(out) == [["Hi, I need help."], ["Sarah"], [NO_MATCH]]


def test_only_the_latest_message_is_matched() -> None:
    state = new_state(std(1, 'contains "name" AND contains "spell"', "S-A-R-A-H"))
    _, out = run(
        state, [CallStarted(False), AgentMessage("Your name?"), AgentMessage("Please spell it")]
    )
    assert spoken(out)[1:] == [[NO_MATCH], [NO_MATCH]]


def test_several_matches_fire_the_lowest_id_one_per_turn() -> None:
    items = [std(2, 'contains "date"', "1 May 1990"), std(1, 'contains "name"', "Sarah")]
    state = new_state(*items)
    msg = AgentMessage("Name and date of birth?")
    state, out = run(state, [CallStarted(False), msg, msg, msg])
    assert spoken(out)[1:] == [["Sarah"], ["1 May 1990"], [NO_MATCH]]


def test_instructions_are_said_unfixed() -> None:
    state = new_state(std(1, 'contains "why"', "Explain you moved house", fixed=False))
    _, out = run(state, [CallStarted(False), AgentMessage("Why are you calling?")])
    assert out[1] == [Say("Explain you moved house", fixed=False, condition_id=1)]


def test_test_profile_values_are_substituted() -> None:
    state = new_state(
        std(1, 'contains "name"', "I'm {{test_profile.name}} from {{test_profile['home town']}}"),
        test_profile={"name": "Sarah", "home town": "Lyon"},
    )
    _, out = run(state, [CallStarted(False), AgentMessage("Your name?")])
    assert spoken(out)[1] == ["I'm Sarah from Lyon"]


# -- follow-ups ------------------------------------------------------------------------------


def test_followup_fires_on_the_next_turn_whatever_the_agent_says() -> None:
    state = new_state(std(1, 'contains "name"', "Sarah"), follow(2, 1, "And my surname is Lee"))
    _, out = run(
        state,
        [CallStarted(False), AgentMessage("Your name?"), AgentMessage("zzz unrelated")],
    )
    assert spoken(out) == [["Hi, I need help."], ["Sarah"], ["And my surname is Lee"]]


def test_followup_takes_the_turn_and_standard_matches_wait() -> None:
    items = [
        std(1, 'contains "name"', "Sarah"),
        follow(2, 1, "Lee"),
        std(3, 'contains "date"', "May"),
    ]
    state = new_state(*items)
    date = AgentMessage("And your date?")
    _, out = run(state, [CallStarted(False), AgentMessage("Name?"), date, date])
    assert spoken(out)[1:] == [["Sarah"], ["Lee"], ["May"]]


def test_chains_give_a_fully_scripted_sequence() -> None:
    items = [
        std(1, 'contains "help"', "Book a table"),
        follow(2, 1, "For four"),
        follow(3, 2, "At 8"),
    ]
    state = new_state(*items, follow(4, 3, "Thanks <endcall/>"))
    events: list[Event] = [CallStarted(False), AgentMessage("How can I help?")]
    state, out = run(state, [*events, *[AgentMessage("ok")] * 4])
    assert spoken(out) == [
        ["Hi, I need help."],
        ["Book a table"],
        ["For four"],
        ["At 8"],
        ["Thanks", repr(EndCall())],
        [],
    ]
    assert state.ended


def test_followups_of_the_opening_and_siblings_go_one_per_turn_lowest_id_first() -> None:
    state = new_state(follow(2, 0, "second"), follow(1, 0, "first"))
    _, out = run(state, [CallStarted(False), *[AgentMessage("ok")] * 3])
    assert spoken(out) == [["Hi, I need help."], ["first"], ["second"], [NO_MATCH]]


def test_a_followup_of_an_opening_said_as_reply_waits_one_more_agent_message() -> None:
    state = new_state(follow(1, 0, "next"))
    _, out = run(state, [CallStarted(True), AgentMessage("Hello"), AgentMessage("Yes?")])
    assert spoken(out) == [[], ["Hi, I need help."], ["next"]]


def test_silence_fires_nothing_and_does_not_count_as_a_reply() -> None:
    state = new_state(std(1, 'contains "name"', "Sarah"), follow(2, 1, "Lee"))
    events: list[Event] = [
        CallStarted(False),
        AgentMessage("Name?"),
        AgentSilence(),
        AgentMessage("ok"),
    ]
    state, out = run(state, events)
    assert out[2] == [NoMatch(NoMatchReason.SILENCE)]
    assert spoken(out)[3] == ["Lee"]


# -- tags and the end of the call ------------------------------------------------------------


def test_fixed_message_tags_become_actions_in_order() -> None:
    state = new_state(std(1, 'contains "hold"', 'Sure <hold time="2s"/> back <endcall/> ignored'))
    state, out = run(state, [CallStarted(False), AgentMessage("Please hold")])
    assert out[1] == [Say("Sure", True, 1), Pause(2.0, False), Say("back", True, 1), EndCall()]
    assert state.ended and state.pending == ()


def test_nothing_happens_after_the_call_ended() -> None:
    state = new_state(std(1, 'contains "x"', "y"))
    state, out = run(state, [CallStarted(False), CallEnded(), AgentMessage("x"), CallStarted(True)])
    assert out[1:] == [[], [], []]
    assert state.ended and state.fired == {0}


def test_events_before_the_call_started_are_refused() -> None:
    with pytest.raises(ValueError, match="CallStarted"):
        step(new_state(), AgentMessage("hi"), never_called)
    started, _ = step(new_state(), CallStarted(False), never_called)
    with pytest.raises(ValueError, match="already"):
        step(started, CallStarted(False), never_called)


# -- judge -----------------------------------------------------------------------------------


def test_natural_conditions_go_to_the_judge_and_uncertain_is_reported() -> None:
    judge = RecordingJudge({"The agent asks for your name": "uncertain"})
    state = new_state(
        std(1, "The agent asks for your name", "Sarah"),
        std(2, "The agent greets you", "Hello"),
        std(3, 'contains "zzz"', "never"),
    )
    state, out = run(state, [CallStarted(False), AgentMessage("Who am I talking to?")], judge)
    assert out[1] == [NoMatch(NoMatchReason.NO_CONDITION, uncertain=(1,))]
    assert judge.calls == [
        ("Who am I talking to?", ("The agent asks for your name", "The agent greets you"))
    ]


def test_a_judged_match_with_a_lower_id_beats_a_lexical_match() -> None:
    judge = RecordingJudge({"The agent greets you": "match"})
    state = new_state(
        std(1, "The agent greets you", "Hello"),
        std(2, "The agent asks for your name", "Sarah"),
        std(3, 'contains "hi"', "Hi!"),
    )
    state, out = run(state, [CallStarted(False), AgentMessage("hi there")], judge)
    assert spoken(out)[1] == ["Hello"]
    assert judge.calls[0][1] == ("The agent greets you", "The agent asks for your name")


def test_the_judge_is_only_asked_about_ids_below_a_lexical_match() -> None:
    judge = RecordingJudge({})
    state = new_state(
        std(1, "The agent greets you", "Hello"),
        std(2, 'contains "hi"', "Hi!"),
        std(3, "The agent asks for your name", "Sarah"),
    )
    _, out = run(state, [CallStarted(False), AgentMessage("hi there")], judge)
    assert spoken(out)[1] == ["Hi!"]
    assert judge.calls == [("hi there", ("The agent greets you",))]


def test_the_judge_is_not_asked_on_followup_or_opening_turns() -> None:
    state = new_state(std(1, 'contains "a"', "b"), follow(2, 1, "c"), std(3, "Natural one", "d"))
    state, out = run(state, [CallStarted(True)])
    assert conditions_to_judge(state, "x") == ()
    state, more = run(state, [AgentMessage("x"), AgentMessage("a")])
    assert conditions_to_judge(state, "y") == ()
    state, last = run(state, [AgentMessage("y")])
    assert spoken(out + more + last) == [[], ["Hi, I need help."], ["b"], ["c"]]
    assert conditions_to_judge(state, "y") == ("Natural one",)


def test_conditions_to_judge_lists_what_step_will_ask() -> None:
    judge = RecordingJudge({})
    state = new_state(
        std(1, "The agent greets you", "Hello"),
        std(2, 'contains "name"', "Sarah"),
        std(3, "The agent says goodbye", "Bye"),
    )
    state, _ = step(state, CallStarted(False), judge)
    assert conditions_to_judge(state, "your name?") == ("The agent greets you",)
    assert conditions_to_judge(state, "hm") == ("The agent greets you", "The agent says goodbye")
    step(state, AgentMessage("hm"), judge)
    assert judge.calls == [("hm", ("The agent greets you", "The agent says goodbye"))]


def test_a_judge_giving_the_wrong_number_of_verdicts_is_an_error() -> None:
    state, _ = step(new_state(std(1, "Natural", "x")), CallStarted(False), never_called)
    with pytest.raises(ValueError, match="verdicts"):
        step(state, AgentMessage("hm"), lambda message, conditions: [])


def test_keyword_judge_drives_a_natural_script() -> None:
    state = new_state(
        std(1, "The agent asks for your date of birth", "1 May 1990"),
        std(2, "The agent confirms the cancellation", "Thanks <endcall/>"),
    )
    events: list[Event] = [
        CallStarted(False),
        AgentMessage("What is your date of birth?"),
        AgentMessage("Your cancellation is confirmed."),
    ]
    state, out = run(state, events, KeywordJudge())
    assert spoken(out)[1:] == [["1 May 1990"], ["Thanks", repr(EndCall())]]


# -- script loading and status ---------------------------------------------------------------


def test_invalid_scripts_are_refused_with_their_problems() -> None:
    with pytest.raises(InvalidScript) as info:
        Script.from_json({"role": "x", "conditions": [std(1, "a", "b")]})
    assert "conditions[0].id: The first condition must have id 0." in str(info.value)
    assert info.value.problems


def test_is_exhausted_once_every_condition_fired() -> None:
    state = new_state(std(1, 'contains "a"', "b"), follow(2, 1, "c"))
    state, _ = run(state, [CallStarted(False), AgentMessage("a")])
    assert not is_exhausted(state)
    state, _ = step(state, AgentMessage("ok"), never_called)
    assert is_exhausted(state)


def test_next_followup_peeks_at_what_fires_on_the_next_message_whatever_it_says() -> None:
    state = new_state(std(1, 'contains "name"', "Sarah"), follow(2, 1, "And my surname is Lee"))
    assert next_followup(state) is None  # not started
    state, _ = step(state, CallStarted(True), never_called)
    assert next_followup(state) == state.script.opening  # the reply to the greeting
    state, _ = step(state, AgentMessage("Hello"), never_called)
    assert next_followup(state) is None  # a standard condition must match first
    state, _ = step(state, AgentMessage("Your name?"), KeywordJudge())
    peeked = next_followup(state)
    assert peeked is not None and peeked.id == 2
    state, out = step(state, AgentMessage("zzz"), never_called)
    assert spoken([out]) == [["And my surname is Lee"]] and next_followup(state) is None

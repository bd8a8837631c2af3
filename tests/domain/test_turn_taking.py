"""Turn-taking in a voice call: when the caller answers, barges in, yields or prompts."""

from __future__ import annotations

from collections.abc import Iterable

from voxtest.domain.turn_taking import (
    AgentStarted,
    AgentStopped,
    AgentTurnOver,
    BargeIn,
    CallerStarted,
    CallerStopped,
    Decision,
    GiveUp,
    Hold,
    IdlePrompt,
    InterruptAt,
    Tick,
    TurnEvent,
    TurnRules,
    TurnState,
    Yield,
    floor_free,
    start,
    step,
)

RULES = TurnRules(reply_after_s=0.6, idle_timeout_s=5.0, max_idle_prompts=2)


def play(
    events: Iterable[TurnEvent], rules: TurnRules = RULES, state: TurnState | None = None
) -> tuple[TurnState, list[tuple[float, Decision]]]:
    state = state or start(0.0, agent_speaks_first=True)
    decided: list[tuple[float, Decision]] = []
    for event in events:
        state, decisions = step(state, event, rules)
        at = event.at if not isinstance(event, Hold) else event.until
        decided += [(at, d) for d in decisions]
    return state, decided


def ticks(first: float, last: float, every: float = 0.02) -> list[Tick]:
    count = round((last - first) / every)
    return [Tick(round(first + i * every, 6)) for i in range(count + 1)]


def test_the_agents_turn_ends_after_the_reply_silence_spanning_short_pauses() -> None:
    events: list[TurnEvent] = [AgentStarted(1.0), AgentStopped(2.0), *ticks(2.0, 2.4)]
    events += [AgentStarted(2.4), AgentStopped(3.0), *ticks(3.0, 4.0)]
    state, decided = play(events)
    assert decided == [(3.6, AgentTurnOver(1.0, 3.0))]
    assert floor_free(state)


def test_the_caller_does_not_answer_while_it_is_speaking() -> None:
    events: list[TurnEvent] = [AgentStarted(1.0), CallerStarted(1.5), AgentStopped(2.0)]
    events += ticks(2.0, 3.0)
    _, decided = play(events, TurnRules(yield_after_s=None))
    assert decided == []


def test_an_interrupting_caller_barges_in_on_a_long_agent_turn() -> None:
    rules = TurnRules.for_level("high")
    assert rules.barge_in_after_s == 3.0
    events: list[TurnEvent] = [AgentStarted(1.0), *ticks(1.0, 6.0)]
    _, decided = play(events, rules)
    assert decided == [(4.0, BargeIn(1.0))]


def test_a_polite_caller_never_barges_in() -> None:
    _, decided = play([AgentStarted(1.0), *ticks(1.0, 30.0, 0.5)], TurnRules.for_level("low"))
    assert decided == []


def test_the_caller_yields_once_when_the_agent_talks_over_it() -> None:
    events: list[TurnEvent] = [CallerStarted(0.5), AgentStarted(1.0), *ticks(1.0, 2.0)]
    _, decided = play(events, TurnRules(yield_after_s=0.4))
    assert decided == [(1.4, Yield())]


def test_idle_prompts_then_giving_up_when_the_agent_stays_silent() -> None:
    events: list[TurnEvent] = [CallerStarted(1.0), CallerStopped(2.0), *ticks(2.0, 7.0, 0.5)]
    state, decided = play(events)
    assert decided == [(7.0, IdlePrompt())]
    prompt: list[TurnEvent] = [CallerStarted(7.1), CallerStopped(8.0), *ticks(8.0, 13.0, 0.5)]
    state, decided = play(prompt, state=state)
    assert decided == [(13.0, IdlePrompt())]
    again: list[TurnEvent] = [CallerStarted(13.1), CallerStopped(14.0), *ticks(14.0, 19.0, 0.5)]
    _, decided = play(again, state=state)
    assert decided == [(19.0, GiveUp())]


def test_agent_speech_resets_the_idle_prompts() -> None:
    events: list[TurnEvent] = [*ticks(0.0, 5.0, 0.5), AgentStarted(5.5), AgentStopped(6.0)]
    events += [Tick(6.7), CallerStarted(6.8), CallerStopped(7.0)]
    state, decided = play(events)
    assert [d for _, d in decided] == [IdlePrompt(), AgentTurnOver(5.5, 6.0)]
    assert state.idle_prompts == 0


def test_a_hold_suspends_the_idle_timer() -> None:
    events: list[TurnEvent] = [CallerStarted(1.0), CallerStopped(2.0), Hold(until=10.0)]
    events += ticks(2.0, 14.5, 0.5)
    _, decided = play(events)
    assert decided == []
    _, decided = play([*events, Tick(15.0)])
    assert decided == [(15.0, IdlePrompt())]


def test_no_idle_prompt_when_the_caller_speaks_first_and_has_not_spoken() -> None:
    _, decided = play(ticks(0.0, 20.0, 0.5), state=start(0.0, agent_speaks_first=False))
    assert decided == []


def test_a_scripted_interruption_barges_in_at_its_instant_on_that_turn_only() -> None:
    rules = TurnRules(reply_after_s=0.6, barge_in_after_s=None)
    _, decided = play([AgentStarted(1.0), InterruptAt(2.5), Tick(2.4), Tick(2.5), Tick(2.6)], rules)
    assert decided == [(2.5, BargeIn(1.0))]
    # the agent stopped before the instant: its turn ends as usual, the instant is dropped
    _, decided = play(
        [AgentStarted(1.0), InterruptAt(5.0), AgentStopped(2.0), Tick(2.7), AgentStarted(4.0),
         Tick(5.5)],
        rules,
    )  # fmt: skip
    assert decided == [(2.7, AgentTurnOver(1.0, 2.0))]

"""Timeline logic over two speakers: replies, interruptions, turns, silences, dead air."""

from __future__ import annotations

from functools import reduce

from hypothesis import given
from hypothesis import strategies as st

from voxtest.evaluation.audio.segments import (
    Span,
    interruptions,
    normalised,
    replies,
    silences,
    turns_of,
    unanswered,
    voiced_s,
)

CALLER = [(0.5, 2.0), (4.5, 6.0), (6.5, 7.5)]
AGENT = [(2.6, 4.0), (5.5, 7.0), (19.5, 20.0)]


def test_replies_start_after_the_caller_stopped_and_skip_overlaps() -> None:
    found = replies(CALLER, AGENT)
    assert [(r.caller_end, r.agent_start) for r in found] == [(2.0, 2.6), (7.5, 19.5)]
    assert round(found[0].gap_s, 6) == 0.6


def test_a_pause_inside_the_agents_turn_is_not_a_second_reply() -> None:
    assert len(replies([(0, 1)], [(1.5, 2.0), (2.3, 3.0)])) == 1


def test_interruptions_need_the_other_speaker_to_be_talking_and_enough_overlap() -> None:
    by_agent = interruptions(AGENT, CALLER)
    assert [(i.at, round(i.overlap_s, 6)) for i in by_agent] == [(5.5, 0.5)]
    by_caller = interruptions(CALLER, AGENT)
    assert [(i.at, round(i.overlap_s, 6), round(i.kept_talking_s, 6)) for i in by_caller] == [
        (6.5, 0.5, 0.5)
    ]
    assert interruptions([(1.95, 3.0)], [(0.0, 2.0)]) == []  # 50 ms: turns touching


def test_turns_are_runs_of_one_speaker() -> None:
    assert turns_of(AGENT, CALLER) == 3
    assert turns_of([(1, 2), (2.5, 3)], [(0, 0.5)]) == 1
    assert turns_of([], CALLER) == 0


def test_silences_and_unanswered_caller_turns() -> None:
    both = CALLER + AGENT
    assert silences(both, 21.0, 10.0) == [(7.5, 19.5)]
    assert silences([], 3.0) == [(0.0, 3.0)]
    assert unanswered(CALLER, AGENT, 20.0, 10.0) == [(7.5, 12.0, True)]
    assert unanswered([(0, 1)], [], 15.0, 10.0) == [(1, 14.0, False)]


spans = st.lists(
    st.tuples(st.integers(0, 400), st.integers(1, 60)).map(
        lambda p: (p[0] / 10, (p[0] + p[1]) / 10)
    ),
    max_size=12,
)


@given(spans, spans)
def test_voiced_time_and_silence_partition_the_call(a: list[Span], b: list[Span]) -> None:
    duration = 50.0
    union = normalised(a + b)
    assert abs(voiced_s(union) + sum(e - s for s, e in silences(a + b, duration)) - duration) < 1e-9
    assert voiced_s(union) <= voiced_s(a) + voiced_s(b) + 1e-9


@given(spans)
def test_normalised_spans_are_sorted_and_disjoint(a: list[Span]) -> None:
    merged = normalised(a)
    assert all(x[1] < y[0] for x, y in zip(merged, merged[1:], strict=False))
    covered = reduce(
        lambda acc, s: acc and any(m[0] <= s[0] and s[1] <= m[1] for m in merged), a, True
    )
    assert covered


@given(st.lists(st.integers(1, 30), min_size=2, max_size=20))
def test_alternating_speakers_reply_every_time_and_never_interrupt(lengths: list[int]) -> None:
    caller: list[Span] = []
    agent: list[Span] = []
    cursor = 0.0
    for i, length in enumerate(lengths):
        span = (cursor, cursor + length / 10)
        (caller if i % 2 == 0 else agent).append(span)
        cursor = span[1] + 0.3
    assert interruptions(agent, caller) == [] and interruptions(caller, agent) == []
    assert len(replies(caller, agent)) == len(agent) == turns_of(agent, caller)
    assert all(abs(r.gap_s - 0.3) < 1e-9 for r in replies(caller, agent))

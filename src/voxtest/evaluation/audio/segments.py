"""Who speaks when: timeline logic over two speakers' voiced spans, pure.

Spans are `(start, end)` in seconds, sorted, not overlapping within one speaker (a VAD's
segments). Between speakers they may overlap: that is where interruptions are.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

Span = tuple[float, float]

MIN_OVERLAP_S = 0.1  # a shorter overlap is two turns touching, not an interruption


@dataclass(frozen=True)
class Reply:
    """The agent starting to speak `gap_s` after the caller's last voiced instant."""

    caller_end: float
    agent_start: float

    @property
    def gap_s(self) -> float:
        return self.agent_start - self.caller_end


@dataclass(frozen=True)
class Interruption:
    """`at`: the interrupter started while the other was speaking; they overlapped
    `overlap_s`; the interrupted one went on for `kept_talking_s` after `at`."""

    at: float
    overlap_s: float
    kept_talking_s: float


def normalised(spans: Iterable[Span]) -> list[Span]:
    """Sorted, with overlapping or touching spans of one speaker merged."""
    merged: list[Span] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def voiced_s(spans: Iterable[Span]) -> float:
    return sum(end - start for start, end in normalised(spans))


def replies(caller: Sequence[Span], agent: Sequence[Span]) -> list[Reply]:
    """Each time the agent starts speaking after the caller spoke (and the agent did not
    since), with the caller silent at that instant."""
    out: list[Reply] = []
    agent_end = float("-inf")  # end of the agent's previous segment
    for start, end in agent:
        ended = [e for s, e in caller if e <= start and e > agent_end]
        talking = any(s < start < e for s, e in caller)
        if ended and not talking:
            out.append(Reply(caller_end=max(ended), agent_start=start))
        agent_end = max(agent_end, end)
    return out


def interruptions(
    interrupter: Sequence[Span], interrupted: Sequence[Span], min_overlap_s: float = MIN_OVERLAP_S
) -> list[Interruption]:
    """Segments of `interrupter` that start while `interrupted` is already speaking and
    overlap it for at least `min_overlap_s`."""
    out: list[Interruption] = []
    for start, end in interrupter:
        for other_start, other_end in interrupted:
            if other_start < start < other_end:
                overlap = min(end, other_end) - start
                if overlap >= min_overlap_s:
                    out.append(Interruption(start, overlap, other_end - start))
                break
    return out


def turns_of(speaker: Sequence[Span], other: Sequence[Span]) -> int:
    """How many turns `speaker` took: its segments that begin after the other speaker began
    one (or the first); a pause inside a turn does not start a new one."""
    events = sorted([(s, 0) for s, _ in other] + [(s, 1) for s, _ in speaker])
    count, previous = 0, None
    for _, who in events:
        if who == 1 and previous != 1:
            count += 1
        previous = who
    return count


def silences(
    spans: Iterable[Span], duration_s: float | None, longer_than: float = 0.0
) -> list[Span]:
    """Stretches nobody speaks (before, between and after the spans, up to `duration_s`)
    lasting more than `longer_than` seconds."""
    gaps: list[Span] = []
    cursor = 0.0
    for start, end in normalised(spans):
        if start > cursor:
            gaps.append((cursor, start))
        cursor = max(cursor, end)
    if duration_s is not None and duration_s > cursor:
        gaps.append((cursor, duration_s))
    return [(s, e) for s, e in gaps if e - s > longer_than]


def unanswered(
    caller: Sequence[Span], agent: Sequence[Span], duration_s: float | None, timeout_s: float
) -> list[tuple[float, float, bool]]:
    """Caller segments the agent did not answer within `timeout_s`: `(caller_end, waited_s,
    answered)`; `answered` False when the agent never spoke again before the call ended."""
    out: list[tuple[float, float, bool]] = []
    for _, end in caller:
        if any(s <= end < e for s, e in agent):
            continue  # the agent was speaking when the caller stopped
        later = [s for s, _ in agent if s >= end]
        until = min(later) if later else duration_s
        if until is not None and until - end > timeout_s:
            out.append((end, until - end, bool(later)))
    return out

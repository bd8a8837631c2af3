"""Metrics read from turn timings: Latency, Infrastructure Issues, Detect Silence.

Times are seconds from the start of the call (`start_time`, `end_time`); a text run's turns
are instants (start == end). Binary metrics pass (score 5) when the call is healthy: no
infrastructure issue, no long silence.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from statistics import fmean
from typing import Any

from voxtest.evaluation.metric_values import (
    binary,
    not_applicable,
    positive_setting,
    scored,
    seconds,
    span,
)
from voxtest.evaluation.model import (
    FUNCTION_CALL,
    FUNCTION_CALL_RESULT,
    MAIN_AGENT,
    TESTING_AGENT,
    CallFacts,
    MetricSpec,
    MetricValue,
)
from voxtest.runner import limits

PERCENTILES = (25, 50, 75, 90, 95, 99)
SPEECH_ROLES = frozenset({TESTING_AGENT, MAIN_AGENT})
AGENT_ROLES = frozenset({MAIN_AGENT, FUNCTION_CALL, FUNCTION_CALL_RESULT})

# End reasons that mean the agent could not be reached or failed mid-call. Our own pipeline
# errors (`Testing agent-pipeline-error`) are not the agent's infrastructure: not counted.
AGENT_SIDE_FAILURES = frozenset(
    {
        limits.MAIN_AGENT_DID_NOT_ANSWER,
        limits.MAIN_AGENT_SILENCE_TIMED_OUT,
        limits.TESTING_AGENT_DID_NOT_CONNECT,
        limits.CONNECTION_DROPPED,
        # Cekura's telephony vocabulary for an agent that could not be reached (notes §3.2)
        "Main agent-busy",
        "Main agent-call-not-connected",
        "Main agent-twilio-client-error",
        "call-rejected",
        "call-failed-unknown-error",
        "sip-call-failed",
    }
)


# -- Latency (in ms) -------------------------------------------------------------------------


def latency(spec: MetricSpec, facts: CallFacts) -> MetricValue:
    """The average measured latency of the agent's replies, with percentiles in `extra`.

    `extra["latency_data"]` is the list Cekura gives custom-code metrics:
    `[{latency (ms), speaker, start_time}]`."""
    samples = [
        (ms, seconds(turn, "start_time"))
        for turn in facts.turns(MAIN_AGENT)
        if (ms := turn_latency_ms(turn)) is not None
    ]
    if not samples:
        return not_applicable(spec, "No Main Agent reply has a measured latency.")
    values = [ms for ms, _ in samples]
    average = round(fmean(values), 1)
    marks = {f"p{p}": round(v, 1) for p, v in percentiles(values, PERCENTILES).items()}
    explanation = (
        f"Average latency {average:g} ms over {len(values)} agent replies "
        f"(P50 {marks['p50']:g} ms, P90 {marks['p90']:g} ms, max {max(values):g} ms)."
    )
    extra = {
        "percentiles": marks,
        "latency_data": [
            {"latency": ms, "speaker": MAIN_AGENT, "start_time": start} for ms, start in samples
        ],
    }
    return scored(spec, average, [explanation], extra)


def turn_latency_ms(turn: Mapping[str, Any]) -> float | None:
    """A Main Agent turn's measured latency: `latency_ms` on the turn or in its `data`."""
    data = turn.get("data")
    raw = turn.get("latency_ms")
    if raw is None and isinstance(data, Mapping):
        raw = data.get("latency_ms")
    if isinstance(raw, bool) or not isinstance(raw, int | float) or not math.isfinite(raw):
        return None
    return float(raw) if raw >= 0 else None


def percentiles(values: Sequence[float], ranks: Iterable[float]) -> dict[float, float]:
    """Percentiles by linear interpolation between closest ranks (numpy's default)."""
    if not values:
        raise ValueError("percentiles of no values")
    ordered = sorted(values)
    last = len(ordered) - 1
    out: dict[float, float] = {}
    for rank in ranks:
        if not 0 <= rank <= 100:
            raise ValueError(f"percentile rank {rank} is outside 0-100")
        position = last * rank / 100
        low = math.floor(position)
        high = min(low + 1, last)
        a, b = ordered[low], ordered[high]
        out[rank] = min(max(a + (b - a) * (position - low), a), b)  # clamp float rounding
    return out


# -- Infrastructure Issues -------------------------------------------------------------------


def infra_issues(spec: MetricSpec, facts: CallFacts) -> MetricValue:
    """Fails (an issue: `extra["infra_issues"]` true, score 0) when the call did not connect,
    ended for an agent-side failure, or the agent did not respond within
    `infra_issues_timeout` seconds to a caller turn; passes (score 5) otherwise."""
    timeout = positive_setting(spec, "infra_issues_timeout")
    issues: list[dict[str, Any]] = []
    if not facts.connected:
        issues.append({"kind": "not_connected", "description": "The call did not connect."})
    if facts.ended_reason in AGENT_SIDE_FAILURES:
        issues.append(
            {
                "kind": "agent_failure",
                "ended_reason": facts.ended_reason,
                "description": f"The call ended with {facts.ended_reason!r}.",
            }
        )
    issues.extend(_unanswered(facts, timeout))
    extra = {"infra_issues": bool(issues), "issues": issues, "infra_issues_timeout": timeout}
    if issues:
        return binary(spec, False, [i["description"] for i in issues], extra)
    explanation = (
        "No infrastructure issues: the call connected, did not end for an agent-side failure, "
        f"and no caller turn waited longer than {timeout:g} s for the agent."
    )
    return binary(spec, True, [explanation], extra)


def _unanswered(facts: CallFacts, timeout: float) -> list[dict[str, Any]]:
    """Caller turns the agent took longer than `timeout` seconds to respond to (its first
    message or tool log after them), or never responded to while the call stayed open."""
    found: list[dict[str, Any]] = []
    replied, reply_at = False, None  # the nearest agent row after the current turn
    for turn in reversed(facts.transcript):
        role = turn.get("role")
        if role in AGENT_ROLES:
            replied, reply_at = True, seconds(turn, "start_time")
            continue
        times = span(turn) if role == TESTING_AGENT else None
        if times is None:
            continue
        until = reply_at if replied else facts.duration_s
        if until is None or until - times[1] <= timeout:
            continue
        waited = round(until - times[1], 3)
        what = "responded after" if replied else "did not respond for the remaining"
        found.append(
            {
                "kind": "no_response",
                "caller_turn_start_time": times[0],
                "waited_s": waited,
                "description": f"The agent {what} {waited:g} s to the caller's turn at "
                f"{times[0]:g} s (limit {timeout:g} s).",
            }
        )
    found.reverse()
    return found


# -- Detect Silence in Conversation ----------------------------------------------------------


def silence(spec: MetricSpec, facts: CallFacts) -> MetricValue:
    """Fails (score 0) when neither side speaks for longer than `silence_duration` seconds,
    from the call's start to its end (`duration_s`, when known). Tool logs are not speech."""
    threshold = positive_setting(spec, "silence_duration")
    spans = sorted(s for t in facts.transcript if t.get("role") in SPEECH_ROLES and (s := span(t)))
    if not spans and not facts.duration_s:
        return not_applicable(spec, "No timed turns to measure silence from.")
    silences = [
        {"start_time": start, "end_time": end, "duration": round(end - start, 3)}
        for start, end in _gaps(spans, facts.duration_s)
        if end - start > threshold
    ]
    extra = {"silences": silences, "silence_duration": threshold}
    if not silences:
        return binary(spec, True, [f"No silence longer than {threshold:g} s."], extra)
    worst = max(s["duration"] for s in silences)
    explanation = [
        f"{len(silences)} silence(s) longer than {threshold:g} s; the longest lasted {worst:g} s."
    ]
    explanation += [f"Silence from {s['start_time']:g} s to {s['end_time']:g} s." for s in silences]
    return binary(spec, False, explanation, extra)


def _gaps(
    spans: Sequence[tuple[float, float]], duration_s: float | None
) -> list[tuple[float, float]]:
    """Stretches nobody speaks: before the first turn, between turns, after the last."""
    gaps: list[tuple[float, float]] = []
    cursor = 0.0
    for start, end in spans:
        if start > cursor:
            gaps.append((cursor, start))
        cursor = max(cursor, end)
    if duration_s is not None and duration_s > cursor:
        gaps.append((cursor, duration_s))
    return gaps

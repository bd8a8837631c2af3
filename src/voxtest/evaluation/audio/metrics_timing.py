"""Latency, Detect Silence and Infrastructure Issues from a voice call's audio.

Same names, scores and `extra` keys as the text versions (`evaluation.timing`), plus
`extra["segments_from"]` (`"timing_record"` or `"recording"`). Times are seconds on the
recording's clock, rounded to the millisecond.
"""

from __future__ import annotations

from statistics import fmean
from typing import Any

from voxtest.evaluation import timing
from voxtest.evaluation.audio.analysis import AudioAnalysis
from voxtest.evaluation.audio.scan import ChannelSignal
from voxtest.evaluation.audio.segments import replies, silences, unanswered, voiced_s
from voxtest.evaluation.metric_values import binary, not_applicable, positive_setting, scored
from voxtest.evaluation.model import MAIN_AGENT, TESTING_AGENT, CallFacts, MetricSpec, MetricValue

CLIPPING_RATIO = 0.001  # of a channel's voiced samples at full scale: audibly clipped
ONE_WAY_MIN_S = 1.0  # the other side spoke at least this long while this one stayed silent


def _ms(seconds: float) -> float:
    return round(seconds * 1000, 1)


def _t(seconds: float) -> float:
    return round(seconds, 3)


# -- Latency ---------------------------------------------------------------------------------


def latency(spec: MetricSpec, facts: CallFacts, analysis: AudioAnalysis) -> MetricValue:
    """Average gap from the caller's last voiced instant to the agent's first, in ms."""
    samples = replies(analysis.caller, analysis.agent)
    if not samples:
        return not_applicable(spec, "The agent never started speaking after the caller.")
    values = [_ms(r.gap_s) for r in samples]
    average = round(fmean(values), 1)
    ranks = timing.percentiles(values, timing.PERCENTILES)
    marks = {f"p{p}": round(v, 1) for p, v in ranks.items()}
    explanation = (
        f"Average latency {average:g} ms over {len(values)} agent replies, measured on the "
        f"audio (P50 {marks['p50']:g} ms, P90 {marks['p90']:g} ms, max {max(values):g} ms)."
    )
    extra = {
        "percentiles": marks,
        "latency_data": [
            {"latency": ms, "speaker": MAIN_AGENT, "start_time": _t(r.agent_start)}
            for ms, r in zip(values, samples, strict=True)
        ],
        "segments_from": analysis.segments_from,
    }
    return scored(spec, average, [explanation], extra)


# -- Detect Silence in Conversation ----------------------------------------------------------


def silence(spec: MetricSpec, facts: CallFacts, analysis: AudioAnalysis) -> MetricValue:
    """Fails when neither channel is voiced for longer than `silence_duration` seconds."""
    threshold = positive_setting(spec, "silence_duration")
    both = (*analysis.caller, *analysis.agent)
    if not both and not analysis.duration_s:
        return not_applicable(spec, "The recording has no speech and no length.")
    found = [
        {"start_time": _t(s), "end_time": _t(e), "duration": _t(e - s)}
        for s, e in silences(both, analysis.duration_s, threshold)
    ]
    extra = {"silences": found, "silence_duration": threshold}
    extra["segments_from"] = analysis.segments_from
    if not found:
        return binary(spec, True, [f"No silence longer than {threshold:g} s."], extra)
    worst = max(s["duration"] for s in found)
    explanation = [
        f"{len(found)} silence(s) longer than {threshold:g} s; the longest lasted {worst:g} s."
    ]
    explanation += [f"Silence from {s['start_time']:g} s to {s['end_time']:g} s." for s in found]
    return binary(spec, False, explanation, extra)


# -- Infrastructure Issues -------------------------------------------------------------------


def infra_issues(spec: MetricSpec, facts: CallFacts, analysis: AudioAnalysis) -> MetricValue:
    """Fails on a connection failure (as in text), dead air after the caller, one-way audio,
    clipping, or dropouts (digital silence inside speech)."""
    timeout = positive_setting(spec, "infra_issues_timeout")
    issues = _call_issues(facts)
    issues += _dead_air(analysis, timeout)
    issues += _one_way(analysis)
    for speaker, signal in (analysis.signal or {}).items():
        issues += _signal_issues(speaker, signal)
    extra: dict[str, Any] = {
        "infra_issues": bool(issues),
        "issues": issues,
        "infra_issues_timeout": timeout,
        "segments_from": analysis.segments_from,
        "signal_checked": analysis.signal is not None,
    }
    if issues:
        return binary(spec, False, [i["description"] for i in issues], extra)
    checked = "" if analysis.signal is not None else " (the recording itself was not read)"
    explanation = (
        "No infrastructure issues: the call connected, both sides were heard, the agent "
        f"answered every caller turn within {timeout:g} s, no clipping or dropouts{checked}."
    )
    return binary(spec, True, [explanation], extra)


def _call_issues(facts: CallFacts) -> list[dict[str, Any]]:
    """The text version's connection checks (not connected, agent-side end reasons)."""
    issues: list[dict[str, Any]] = []
    if not facts.connected:
        issues.append({"kind": "not_connected", "description": "The call did not connect."})
    if facts.ended_reason in timing.AGENT_SIDE_FAILURES:
        issues.append(
            {
                "kind": "agent_failure",
                "ended_reason": facts.ended_reason,
                "description": f"The call ended with {facts.ended_reason!r}.",
            }
        )
    return issues


def _dead_air(analysis: AudioAnalysis, timeout: float) -> list[dict[str, Any]]:
    found = []
    for end, waited, answered in unanswered(
        analysis.caller, analysis.agent, analysis.duration_s, timeout
    ):
        what = "started speaking" if answered else "stayed silent for the remaining"
        found.append(
            {
                "kind": "no_response",
                "caller_turn_end_time": _t(end),
                "waited_s": _t(waited),
                "description": f"The agent {what} {_t(waited):g} s after the caller stopped "
                f"at {_t(end):g} s (limit {timeout:g} s).",
            }
        )
    return found


def _one_way(analysis: AudioAnalysis) -> list[dict[str, Any]]:
    caller, agent = voiced_s(analysis.caller), voiced_s(analysis.agent)
    found = []
    for speaker, mine, theirs in ((MAIN_AGENT, agent, caller), (TESTING_AGENT, caller, agent)):
        if mine == 0 and theirs >= ONE_WAY_MIN_S:
            found.append(
                {
                    "kind": "one_way_audio",
                    "silent_side": speaker,
                    "description": f"One-way audio: the {speaker} channel has no speech while "
                    f"the other side spoke {_t(theirs):g} s.",
                }
            )
    return found


def _signal_issues(speaker: str, signal: ChannelSignal) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    if signal.clipped_ratio >= CLIPPING_RATIO:
        found.append(
            {
                "kind": "clipping",
                "channel": speaker,
                "clipped_ratio": round(signal.clipped_ratio, 5),
                "first_at": _t(signal.first_clip_at or 0.0),
                "description": f"Clipping on the {speaker} channel: "
                f"{signal.clipped_ratio:.2%} of its voiced samples at full scale, first at "
                f"{_t(signal.first_clip_at or 0.0):g} s.",
            }
        )
    if signal.dropouts:
        found.append(
            {
                "kind": "dropouts",
                "channel": speaker,
                "dropouts": [
                    {"start_time": d.at, "duration": _t(d.duration_s)} for d in signal.dropouts
                ],
                "description": f"{len(signal.dropouts)} dropout(s) on the {speaker} channel "
                f"(the audio went to digital silence mid-speech), first at "
                f"{signal.dropouts[0].at:g} s for {_ms(signal.dropouts[0].duration_s):g} ms.",
            }
        )
    return found

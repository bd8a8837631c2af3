"""Interruptions, Talk Ratio, Words Per Minute, Average Pitch and Transcription Accuracy.

Read from a voice call's analysis (`evaluation.audio.analysis`) and, for words, its
transcript. Every value's `extra["segments_from"]` says where the speech segments came from.
"""

from __future__ import annotations

from statistics import fmean
from typing import Any

from voxtest.evaluation.audio.analysis import AudioAnalysis
from voxtest.evaluation.audio.segments import (
    MIN_OVERLAP_S,
    Interruption,
    interruptions,
    turns_of,
    voiced_s,
)
from voxtest.evaluation.audio.wer import NOTHING, align, normalise
from voxtest.evaluation.metric_values import not_applicable, scored
from voxtest.evaluation.model import MAIN_AGENT, TESTING_AGENT, CallFacts, MetricSpec, MetricValue

MAX_SCORE = 5.0


def _t(seconds: float) -> float:
    return round(seconds, 3)


def _overlap(spec: MetricSpec) -> float:
    raw = spec.configuration.get("min_overlap_s")
    if isinstance(raw, int | float) and not isinstance(raw, bool) and raw >= 0:
        return float(raw)
    return MIN_OVERLAP_S


def _instants(found: list[Interruption]) -> list[dict[str, float]]:
    return [{"start_time": _t(i.at), "overlap_s": _t(i.overlap_s)} for i in found]


# -- Interruptions ---------------------------------------------------------------------------


def ai_interrupting_user(spec: MetricSpec, facts: CallFacts, a: AudioAnalysis) -> MetricValue:
    """Times the agent started speaking while the caller was (overlap ≥ `min_overlap_s`)."""
    found = interruptions(a.agent, a.caller, _overlap(spec))
    return _count(spec, a, found, "The agent started speaking over the caller")


def user_interrupting_ai(spec: MetricSpec, facts: CallFacts, a: AudioAnalysis) -> MetricValue:
    """Times the caller started speaking while the agent was."""
    found = interruptions(a.caller, a.agent, _overlap(spec))
    return _count(spec, a, found, "The caller started speaking over the agent")


def _count(spec: MetricSpec, a: AudioAnalysis, found: list[Interruption], what: str) -> MetricValue:
    lines = [f"{len(found)} interruption(s)."]
    lines += [f"{what} at {_t(i.at):g} s ({_t(i.overlap_s):g} s overlap)." for i in found]
    extra = {"interruptions": _instants(found), "segments_from": a.segments_from}
    return scored(spec, float(len(found)), lines, extra)


def stop_time_after_interruption(
    spec: MetricSpec, facts: CallFacts, a: AudioAnalysis
) -> MetricValue:
    """Average time the agent kept talking after the caller barged in, in ms."""
    found = interruptions(a.caller, a.agent, _overlap(spec))
    if not found:
        return not_applicable(spec, "The caller never interrupted the agent.")
    stops = [round(i.kept_talking_s * 1000, 1) for i in found]
    average = round(fmean(stops), 1)
    lines = [f"The agent stopped {average:g} ms after the caller interrupted (average of "]
    lines[0] += f"{len(stops)}; longest {max(stops):g} ms)."
    extra = {
        "stop_times": [
            {"start_time": _t(i.at), "stop_time_ms": ms} for i, ms in zip(found, stops, strict=True)
        ],
        "segments_from": a.segments_from,
    }
    return scored(spec, average, lines, extra)


def interruption_score(spec: MetricSpec, facts: CallFacts, a: AudioAnalysis) -> MetricValue:
    """5 × (1 − AI interruptions / agent turns), clamped to 0–5."""
    turns = turns_of(a.agent, a.caller)
    if not turns:
        return not_applicable(spec, "The agent never spoke.")
    found = interruptions(a.agent, a.caller, _overlap(spec))
    score = round(min(MAX_SCORE, max(0.0, MAX_SCORE * (1 - len(found) / turns))), 2)
    line = f"The agent interrupted the caller {len(found)} time(s) in {turns} turn(s)."
    extra = {
        "interruptions": _instants(found),
        "agent_turns": turns,
        "segments_from": a.segments_from,
    }
    return scored(spec, score, [line], extra)


# -- Talk Ratio, Words Per Minute, Average Pitch ---------------------------------------------


def talk_ratio(spec: MetricSpec, facts: CallFacts, a: AudioAnalysis) -> MetricValue:
    """The agent's share of the voiced time, 0–1."""
    agent, caller = voiced_s(a.agent), voiced_s(a.caller)
    if agent + caller == 0:
        return not_applicable(spec, "Nobody spoke.")
    ratio = round(agent / (agent + caller), 3)
    line = f"The agent spoke {_t(agent):g} s and the caller {_t(caller):g} s: ratio {ratio:g}."
    extra = {
        "main_agent_speaking_s": _t(agent),
        "testing_agent_speaking_s": _t(caller),
        "segments_from": a.segments_from,
    }
    return scored(spec, ratio, [line], extra)


def words_per_minute(spec: MetricSpec, facts: CallFacts, a: AudioAnalysis) -> MetricValue:
    """The agent's transcript words per minute of its voiced time."""
    texts = [str(t.get("content") or "") for t in facts.turns(MAIN_AGENT)]
    if not any(texts) and facts.audio is not None:
        texts = [t.text for t in facts.audio.turns if t.role == MAIN_AGENT]
    words = sum(len(normalise(text)) for text in texts)
    seconds = voiced_s(a.agent)
    if not words or seconds <= 0:
        return not_applicable(spec, "The agent has no transcribed words or no voiced time.")
    wpm = round(words / (seconds / 60), 1)
    line = f"{words} words in {_t(seconds):g} s of the agent's speech: {wpm:g} words per minute."
    extra = {"words": words, "speaking_s": _t(seconds), "segments_from": a.segments_from}
    return scored(spec, wpm, [line], extra)


def average_pitch(spec: MetricSpec, facts: CallFacts, a: AudioAnalysis) -> MetricValue:
    """Mean fundamental frequency of the agent's voiced frames, Hz."""
    if a.pitch is None:
        why = a.recording_error or "the call has no recording"
        return not_applicable(spec, f"Pitch needs the recording: {why}.")
    if a.pitch.mean_hz is None:
        return not_applicable(spec, "No periodic (voiced) frames on the agent's channel.")
    mean = round(a.pitch.mean_hz, 1)
    line = f"Average pitch {mean:g} Hz over {a.pitch.frames} voiced frames"
    line += f" (median {a.pitch.median_hz:g} Hz)."
    extra = {"median_hz": a.pitch.median_hz, "voiced_frames": a.pitch.frames}
    return scored(spec, mean, [line], extra | {"segments_from": a.segments_from})


# -- Transcription Accuracy ------------------------------------------------------------------


def transcription_accuracy(spec: MetricSpec, facts: CallFacts, a: AudioAnalysis) -> MetricValue:
    """100 × (1 − WER) of what was heard on the caller channel against the caller's known
    text, pooled over the caller turns that have both; 0–100."""
    turns = [
        t
        for t in (facts.audio.turns if facts.audio else ())
        if t.role == TESTING_AGENT and t.heard is not None and t.text.strip()
    ]
    if not turns:
        return not_applicable(spec, "No caller turn has both its known text and what was heard.")
    total, rows = NOTHING, []
    for turn in turns:
        alignment = align(normalise(turn.text), normalise(turn.heard or ""))
        total += alignment
        rows.append(_turn_row(turn.start, turn.text, turn.heard or "", alignment.wer))
    accuracy = round(100 * max(0.0, 1 - total.wer), 1)
    line = (
        f"Word error rate {total.wer:.1%} over {total.reference_words} caller words in "
        f"{len(turns)} turn(s): {total.substitutions} substituted, {total.deletions} missed, "
        f"{total.insertions} inserted."
    )
    extra = {
        "wer": round(total.wer, 4),
        "reference_words": total.reference_words,
        "substitutions": total.substitutions,
        "deletions": total.deletions,
        "insertions": total.insertions,
        "turns": rows,
    }
    return scored(spec, accuracy, [line], extra)


def _turn_row(start: float, text: str, heard: str, wer: float) -> dict[str, Any]:
    return {"start_time": _t(start), "reference": text, "heard": heard, "wer": round(wer, 4)}

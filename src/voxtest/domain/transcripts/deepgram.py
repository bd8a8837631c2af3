"""Deepgram: a transcription response (`results.utterances[]` or
`results.channels[0].alternatives[0].words[]`) or a bare word list
(`[{word, start, end, confidence, speaker, punctuated_word}]`). Words of one speaker in a row
form a turn. Deepgram does not know who is the agent: speaker (or channel) 0 is the agent
unless `main_agent_channel_index` says otherwise."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from voxtest.domain.transcript import MAIN_AGENT, TESTING_AGENT
from voxtest.domain.transcripts.common import TranscriptProblem, items, number, turn


def parse(data: Any, main_agent: int | None = None) -> list[dict[str, Any]]:
    agent = 0 if main_agent is None else main_agent
    if isinstance(data, Mapping) and isinstance(data.get("results"), Mapping):
        results = data["results"]
        if results.get("utterances"):
            return [_utterance(u, agent) for u in items(results, "utterances")]
        channels = results.get("channels") or []
        if not channels:
            raise TranscriptProblem("A Deepgram response without channels or utterances.")
        words: list[Mapping[str, Any]] = []
        for index, channel in enumerate(channels):
            alternatives = channel.get("alternatives") or [{}]
            words += [{**w, "channel": index} for w in alternatives[0].get("words") or []]
        words.sort(key=lambda w: number(w.get("start")) or 0.0)
        return _group(words, agent, by_channel=len(channels) > 1)
    return _group(items(data, "words"), agent, by_channel=False)


def _who(index: Any, agent: int) -> str:
    return MAIN_AGENT if int(index or 0) == agent else TESTING_AGENT


def _utterance(u: Mapping[str, Any], agent: int) -> dict[str, Any]:
    index = u.get("speaker", u.get("channel", 0))
    start = number(u.get("start")) or 0.0
    return turn(_who(index, agent), str(u.get("transcript") or ""), start, number(u.get("end")))


def _group(words: list[Mapping[str, Any]], agent: int, by_channel: bool) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    current: Any = object()
    for w in words:
        index = w.get("channel") if by_channel else w.get("speaker", 0)
        text = str(w.get("punctuated_word") or w.get("word") or "")
        start, end = number(w.get("start")) or 0.0, number(w.get("end"))
        if out and index == current:
            out[-1]["content"] += " " + text
            out[-1]["end_time"] = max(out[-1]["end_time"], end or start)
        else:
            out.append(turn(_who(index, agent), text, start, end))
            current = index
    return out

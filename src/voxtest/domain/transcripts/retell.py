"""Retell: a call's `transcript_with_tool_calls` or `transcript_object`
(`[{role: "agent" | "user", content, words: [{word, start, end}]}]`; tool turns
`{role: "tool_call_invocation", tool_call_id, name, arguments}` and
`{role: "tool_call_result", tool_call_id, content}`), or the whole call / webhook payload
(`{event, call: {...}}`). A turn's times are its first word's start and last word's end."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from voxtest.domain.transcripts.common import (
    fill_ends,
    items,
    number,
    speaker,
    text_of,
    tool_call,
    tool_result,
    turn,
)

AGENT = ("agent", "assistant", "bot")
CALLER = ("user", "customer")


def parse(data: Any) -> list[dict[str, Any]]:
    messages = items(
        data,
        "call.transcript_with_tool_calls",
        "call.transcript_object",
        "transcript_with_tool_calls",
        "transcript_object",
    )
    out: list[dict[str, Any]] = []
    last = 0.0
    for i, m in enumerate(messages):
        role = str(m.get("role") or "").lower()
        start, end = _word_times(m)
        start = last if start is None else start
        last = max(last, end if end is not None else start)
        if role == "tool_call_invocation":
            out.append(tool_call(start, m.get("tool_call_id"), m.get("name"), m.get("arguments")))
        elif role == "tool_call_result":
            out.append(tool_result(start, m.get("tool_call_id"), m.get("content")))
        else:
            who = speaker(role, AGENT, CALLER, i)
            out.append(turn(who, text_of(m.get("content")), start, end))
    return fill_ends(out)


def _word_times(m: Mapping[str, Any]) -> tuple[float | None, float | None]:
    words = [w for w in m.get("words") or [] if isinstance(w, Mapping)]
    if not words:
        return number(m.get("start_time")), number(m.get("end_time"))
    return number(words[0].get("start")), number(words[-1].get("end"))

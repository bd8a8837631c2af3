"""Vapi: the `messages` of an end-of-call report (`artifact.messages`), or the reference's
short form `[{"role": "bot" | "user", "message": "...", "time": 0.0}]`.

Roles `bot`/`assistant`/`agent` speak for the agent, `user`/`customer` for the caller,
`system` is dropped, `tool_calls` (`toolCalls[{id, function{name, arguments}}]`) and
`tool_call_result` (`toolCallId`, `name`, `result`) become Function Call turns. Times:
`secondsFromStart` (+ `duration` in ms), else `time`/`endTime` (epoch ms from the first
message, or seconds)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from voxtest.domain.transcripts.common import (
    fill_ends,
    first_time,
    items,
    number,
    speaker,
    text_of,
    to_seconds,
    tool_call,
    tool_result,
    turn,
)

AGENT = ("bot", "assistant", "agent")
CALLER = ("user", "customer", "human")


def parse(data: Any) -> list[dict[str, Any]]:
    messages = items(
        data, "artifact.messages", "message.artifact.messages", "messages", "transcript"
    )
    origin = first_time(messages, "time")
    out: list[dict[str, Any]] = []
    for i, m in enumerate(messages):
        role = str(m.get("role") or "").lower()
        start, end = _times(m, origin)
        if role == "system":
            continue
        if role == "tool_calls":
            for call in m.get("toolCalls") or m.get("tool_calls") or []:
                if isinstance(call, Mapping):
                    fn = call.get("function") or {}
                    out.append(
                        tool_call(start, call.get("id"), fn.get("name"), fn.get("arguments"))
                    )
            continue
        if role in ("tool_call_result", "tool"):
            call_id = m.get("toolCallId") or m.get("tool_call_id")
            out.append(
                tool_result(start, call_id, m.get("result", m.get("content")), m.get("name"))
            )
            continue
        who = speaker(role, AGENT, CALLER, i)
        out.append(turn(who, text_of(m.get("message", m.get("content"))), start, end))
    return fill_ends(out)


def _times(m: Mapping[str, Any], origin: float | None) -> tuple[float, float | None]:
    offset = number(m.get("secondsFromStart"))
    if offset is not None:
        duration = number(m.get("duration"))
        return offset, offset + duration / 1000.0 if duration is not None else None
    start = number(m.get("time"))
    end = number(m.get("endTime"))
    return (
        to_seconds(start, origin) if start is not None else 0.0,
        to_seconds(end, origin) if end is not None else None,
    )

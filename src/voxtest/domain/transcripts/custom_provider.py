"""Cekura's custom-provider push: a call's `messages`
(`[{role: "bot" | "user" | "system" | "function_call" | "function_call_result", content,
start_time, end_time, data}]`, times in epoch milliseconds), relative to the call's
`startedAt` (epoch ms or ISO 8601) or else to the first message."""

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
CALLER = ("user", "customer")


def parse(data: Any, started_at: Any = None) -> list[dict[str, Any]]:
    messages = items(data, "messages")
    origin = number(started_at)
    if origin is not None and origin < 1e11:
        origin *= 1000.0  # ISO times read as epoch seconds; messages are in ms
    if origin is None:
        origin = first_time(messages, "start_time")
    out: list[dict[str, Any]] = []
    for i, m in enumerate(messages):
        role = str(m.get("role") or "").lower()
        raw_start, raw_end = number(m.get("start_time")), number(m.get("end_time"))
        start = to_seconds(raw_start, origin) if raw_start is not None else 0.0
        end = to_seconds(raw_end, origin) if raw_end is not None else None
        data = m.get("data") if isinstance(m.get("data"), Mapping) else {}
        if role == "system":
            continue
        if role == "function_call":
            out.append(tool_call(start, data.get("id"), data.get("name"), data.get("arguments")))
        elif role == "function_call_result":
            out.append(tool_result(start, data.get("id"), data.get("result", m.get("content"))))
        else:
            out.append(turn(speaker(role, AGENT, CALLER, i), text_of(m.get("content")), start, end))
    return fill_ends(out)

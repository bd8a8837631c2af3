"""Pipecat: the conversation's messages, untimed (an LLM context:
`[{role: "user" | "assistant" | "system" | "tool", content, tool_calls, tool_call_id}]`) or
timed (`[{role, content, start_time, end_time}]` with roles `user`, `assistant`, `tool_call`
(`name`/`arguments` or `data`), `tool_call_result`). Untimed turns are numbered one second
apart, so their order survives."""

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

AGENT = ("assistant", "bot", "agent")
CALLER = ("user", "customer")


def parse(data: Any) -> list[dict[str, Any]]:
    messages = items(data, "transcript", "messages", "context.messages")
    timed = any(number(m.get("start_time")) is not None for m in messages)
    out: list[dict[str, Any]] = []
    for i, m in enumerate(messages):
        role = str(m.get("role") or "").lower()
        start = (number(m.get("start_time")) or 0.0) if timed else float(i)
        end = number(m.get("end_time")) if timed else None
        data = m.get("data") if isinstance(m.get("data"), Mapping) else {}
        if role == "system":
            continue
        if role == "tool_call":
            call_id = m.get("tool_call_id") or data.get("id")
            args = m.get("arguments", data.get("arguments"))
            out.append(tool_call(start, call_id, m.get("name") or data.get("name"), args))
        elif role in ("tool_call_result", "tool"):
            call_id = m.get("tool_call_id") or data.get("id")
            result = data.get("result", m.get("content"))
            out.append(tool_result(start, call_id, result, m.get("name")))
        else:
            text = text_of(m.get("content"))
            for call in m.get("tool_calls") or []:  # an LLM context's assistant tool calls
                if isinstance(call, Mapping):
                    fn = call.get("function") or {}
                    out.append(
                        tool_call(start, call.get("id"), fn.get("name"), fn.get("arguments"))
                    )
            if text or not m.get("tool_calls"):
                out.append(turn(speaker(role, AGENT, CALLER, i), text, start, end))
    return fill_ends(out)

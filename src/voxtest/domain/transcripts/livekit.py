"""LiveKit Agents: a session's chat history (`session.history.to_dict()`: `{items: [...]}`)
with `{type: "message", role: "assistant" | "user", content: [text], created_at | timestamp,
interrupted}`, `{type: "function_call", call_id, name, arguments}` and
`{type: "function_call_output", call_id, name, output, is_error}`; or the plain
`[{role, content, timestamp}]` list. Times are epoch seconds from the first item, or seconds
into the call."""

from __future__ import annotations

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

AGENT = ("assistant", "agent")
CALLER = ("user",)
TIME_KEYS = ("created_at", "timestamp", "start_time")


def parse(data: Any) -> list[dict[str, Any]]:
    messages = items(data, "items", "chat_history.items", "history.items", "transcript")
    origin = first_time(messages, *TIME_KEYS)
    out: list[dict[str, Any]] = []
    for i, m in enumerate(messages):
        kind = str(m.get("type") or "message")
        moment = next((number(m.get(k)) for k in TIME_KEYS if m.get(k) is not None), None)
        start = to_seconds(moment, origin) if moment is not None else 0.0
        end = number(m.get("end_time"))
        if kind == "function_call":
            out.append(tool_call(start, m.get("call_id"), m.get("name"), m.get("arguments")))
        elif kind == "function_call_output":
            out.append(tool_result(start, m.get("call_id"), m.get("output"), m.get("name")))
        elif kind == "message":
            if str(m.get("role") or "").lower() in ("system", "developer"):
                continue
            who = speaker(m.get("role"), AGENT, CALLER, i)
            interrupted = True if m.get("interrupted") else None
            stop = to_seconds(end, origin) if end is not None else None
            out.append(turn(who, text_of(m.get("content")), start, stop, interrupted=interrupted))
    return fill_ends(out)

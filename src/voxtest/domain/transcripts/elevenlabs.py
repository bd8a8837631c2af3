"""ElevenLabs Conversational AI: a conversation's `transcript`
(`[{role: "agent" | "user", message, time_in_call_secs, tool_calls: [{request_id | tool_call_id,
tool_name, params_as_json}], tool_results: [{request_id | tool_call_id, tool_name,
result_value, is_error}], interrupted}]`), or the whole conversation / post-call webhook
(`{type, data: {transcript}}`). A turn ends when the next one starts."""

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

AGENT = ("agent", "assistant", "ai")
CALLER = ("user", "customer")


def parse(data: Any) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for i, m in enumerate(items(data, "data.transcript", "transcript")):
        start = number(m.get("time_in_call_secs")) or 0.0
        for call in m.get("tool_calls") or []:
            if isinstance(call, Mapping):
                call_id = call.get("tool_call_id") or call.get("request_id")
                args = call.get("params_as_json", call.get("parameters"))
                out.append(tool_call(start, call_id, call.get("tool_name"), args))
        for result in m.get("tool_results") or []:
            if isinstance(result, Mapping):
                call_id = result.get("tool_call_id") or result.get("request_id")
                value = result.get("result_value", result.get("result"))
                out.append(tool_result(start, call_id, value, result.get("tool_name")))
        text = text_of(m.get("message"))
        if text or not (m.get("tool_calls") or m.get("tool_results")):
            who = speaker(m.get("role"), AGENT, CALLER, i)
            interrupted = True if m.get("interrupted") else None
            out.append(turn(who, text, start, interrupted=interrupted))
    return fill_ends(out)

"""What the transcript parsers share: reading the payload, building canonical turns, times."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from voxtest.domain.transcript import FUNCTION_CALL, FUNCTION_CALL_RESULT, MAIN_AGENT, TESTING_AGENT

EPOCH_MS = 1e11  # a time above this is epoch milliseconds, not seconds into the call
EPOCH_S = 1e8  # a time above this is epoch seconds


class TranscriptProblem(ValueError):
    """The payload is not a transcript of the declared format; the message says why."""


def items(data: Any, *keys: str) -> list[Mapping[str, Any]]:
    """The list of messages in `data`: the list itself, a JSON string of it, or the first of
    `keys` found in an object (e.g. a whole provider call record)."""
    if isinstance(data, str):
        try:
            data = json.loads(data)
        except ValueError:
            raise TranscriptProblem("transcript_json is not valid JSON.") from None
    if isinstance(data, Mapping):
        for key in keys:
            inner = _lookup(data, key)
            if isinstance(inner, list | str):
                return items(inner)
        raise TranscriptProblem(f"Expected a list of messages (or an object with {keys[0]!r}).")
    if not isinstance(data, list):
        raise TranscriptProblem("Expected a list of messages.")
    bad = [i for i, item in enumerate(data) if not isinstance(item, Mapping)]
    if bad:
        raise TranscriptProblem(f"Message {bad[0]} is not an object.")
    return list(data)


def _lookup(data: Mapping[str, Any], dotted: str) -> Any:
    node: Any = data
    for part in dotted.split("."):
        if not isinstance(node, Mapping):
            return None
        node = node.get(part)
    return node


def number(value: Any) -> float | None:
    """A time as a float; ISO 8601 strings become epoch seconds; None when absent/unreadable."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value)
    if isinstance(value, str) and value.strip():
        try:
            return float(value)
        except ValueError:
            try:
                return datetime.fromisoformat(value.strip().replace("Z", "+00:00")).timestamp()
            except ValueError:
                return None
    return None


def to_seconds(value: float, origin: float | None) -> float:
    """Seconds into the call: epoch ms or s relative to `origin` (the first message when None)."""
    if value > EPOCH_MS:
        value /= 1000.0
        origin = origin / 1000.0 if origin is not None and origin > EPOCH_MS else origin
    if value > EPOCH_S:
        return round(max(0.0, value - (origin if origin is not None else value)), 3)
    return round(max(0.0, value), 3)


def first_time(messages: Sequence[Mapping[str, Any]], *keys: str) -> float | None:
    for message in messages:
        for key in keys:
            t = number(message.get(key))
            if t is not None:
                return t
    return None


def text_of(value: Any) -> str:
    """Message text: a string, or a list of strings/parts joined."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        parts = [text_of(v.get("text") if isinstance(v, Mapping) else v) for v in value]
        return " ".join(p for p in parts if p)
    return str(value)


def arguments(value: Any) -> Any:
    """Tool arguments as an object when they are a JSON string of one."""
    if isinstance(value, str):
        try:
            return json.loads(value)
        except ValueError:
            return value
    return value if value is not None else {}


def turn(
    role: str, content: str, start: float, end: float | None = None, **data: Any
) -> dict[str, Any]:
    start = max(0.0, start)
    return {
        "role": role,
        "content": content,
        "start_time": start,
        "end_time": max(start, end if end is not None else start),
        "data": {k: v for k, v in data.items() if v is not None},
    }


def speaker(role: Any, agent: Sequence[str], caller: Sequence[str], where: int) -> str:
    """The canonical speaker of a provider role, or a problem naming the message."""
    name = str(role or "").strip().lower()
    if name in agent:
        return MAIN_AGENT
    if name in caller:
        return TESTING_AGENT
    raise TranscriptProblem(
        f"Message {where}: unknown role {role!r}; expected one of "
        f"{', '.join(sorted({*agent, *caller}))}."
    )


def tool_call(start: float, call_id: Any, name: Any, args: Any) -> dict[str, Any]:
    return turn(
        FUNCTION_CALL,
        "",
        start,
        id=str(call_id) if call_id is not None else None,
        name=str(name or ""),
        arguments=arguments(args),
    )


def tool_result(start: float, call_id: Any, result: Any, name: Any = None) -> dict[str, Any]:
    return turn(
        FUNCTION_CALL_RESULT,
        "",
        start,
        id=str(call_id) if call_id is not None else None,
        name=str(name) if name else None,
        result=result,
    )


def fill_ends(turns: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Spoken turns without an end time end when the next turn starts."""
    for i, t in enumerate(turns):
        if t["end_time"] <= t["start_time"] and t["role"] in (MAIN_AGENT, TESTING_AGENT):
            later = [n["start_time"] for n in turns[i + 1 :] if n["start_time"] > t["start_time"]]
            if later:
                t["end_time"] = later[0]
    return turns

"""Mock tool calls merged into a run's transcript, in time order. Pure.

Each recorded call becomes a "Function Call" row (`data: {id, name, arguments}`) and a
"Function Call Result" row (`data: {id, result, mock}`) at its offset in the call. A call the
agent logged itself on the channel (same name and arguments) is not added twice: the agent's
"Function Call" row gets the `mock` details instead.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from voxtest.domain.mock_matching import normalise
from voxtest.domain.transcript import FUNCTION_CALL, FUNCTION_CALL_RESULT


@dataclass(frozen=True)
class RecordedCall:
    call_id: str
    name: str
    arguments: Any
    result: Any
    mock: dict[str, Any]
    offset_s: float  # seconds since the conversation connected


def merge(
    transcript: Sequence[dict[str, Any]], calls: Sequence[RecordedCall]
) -> list[dict[str, Any]]:
    rows = [dict(t) for t in transcript]
    logged = [i for i, t in enumerate(rows) if t.get("role") == FUNCTION_CALL]
    added: list[dict[str, Any]] = []
    for call in calls:
        same = next((i for i in logged if _same_call(rows[i], call)), None)
        if same is not None:
            logged.remove(same)
            rows[same]["data"] = {**(rows[same].get("data") or {}), "mock": call.mock}
            continue
        at = round(max(0.0, call.offset_s), 3)
        added.append(
            _row(
                FUNCTION_CALL,
                at,
                {"id": call.call_id, "name": call.name, "arguments": call.arguments},
            )
        )
        result = {"id": call.call_id, "result": call.result, "mock": call.mock}
        added.append(_row(FUNCTION_CALL_RESULT, at, result))
    merged = rows + added  # a stable sort keeps the agent's own rows first at equal times
    return sorted(merged, key=lambda t: float(t.get("start_time") or 0.0))


def _same_call(row: dict[str, Any], call: RecordedCall) -> bool:
    data = row.get("data") or {}
    if "mock" in data or str(data.get("name") or "") != call.name:
        return False
    return bool(normalise(_decoded(data.get("arguments"))) == normalise(call.arguments))


def _decoded(arguments: Any) -> Any:
    if isinstance(arguments, str):
        try:
            return json.loads(arguments)
        except ValueError:
            return arguments
    return arguments


def _row(role: str, at: float, data: dict[str, Any]) -> dict[str, Any]:
    return {"role": role, "content": "", "start_time": at, "end_time": at, "data": data}


def expected_tool_names(generated_entries: Any) -> list[str]:
    """The tools a scenario's `generated_mock_tool_entries` expect the agent to call (the
    reference: "expected mock tool calls for this evaluator"), each name once."""
    items = generated_entries if isinstance(generated_entries, list) else []
    names = (i.get("tool_name") for i in items if isinstance(i, dict))
    return list(dict.fromkeys(n for n in names if isinstance(n, str) and n))

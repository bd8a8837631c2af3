"""Cekura's self-hosted chat websocket protocol: header names, frame builders and a parser.

The testing side (the caller) connects to the agent under test with `X-VOCERA-*` headers,
agent headers and test-profile `X-*` keys. Both sides exchange JSON text frames:

- caller -> agent: `{"content": "..."}`, and `{"content": "...", "type": "end_call"}` to hang up;
- agent -> caller: `{"content": "...", "metadata"?: {...}}`, metadata-only `{"metadata": {...}}`,
  tool logs `{"role": "Function Call", "data": {"id", "name", "arguments"}}` and
  `{"role": "Function Call Result", "data": {"id", "result"}}`, and `{"type": "end_call"}`.

Tool `arguments` and `result` travel as JSON-encoded strings in Cekura's examples; the parser
also accepts them as plain JSON values and decodes strings that hold JSON.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, TypeAlias

HEADER_SECRET = "X-VOCERA-SECRET"
HEADER_SCENARIO_ID = "X-VOCERA-SCENARIO-ID"
HEADER_RESULT_ID = "X-VOCERA-RESULT-ID"
HEADER_RUN_ID = "X-VOCERA-RUN-ID"
VOCERA_HEADERS = (HEADER_SECRET, HEADER_SCENARIO_ID, HEADER_RESULT_ID, HEADER_RUN_ID)

ROLE_FUNCTION_CALL = "Function Call"
ROLE_FUNCTION_CALL_RESULT = "Function Call Result"
TYPE_END_CALL = "end_call"

IDLE_TIMEOUT_SECONDS = 300.0  # either side closes after 5 minutes without content
PING_INTERVAL_SECONDS = 30.0
PING_TIMEOUT_SECONDS = 10.0
END_CALL_GRACE_SECONDS = 1.0  # the caller waits this long after an end_call

CLOSE_NORMAL = 1000
CLOSE_INVALID_FRAME = 1007
CLOSE_POLICY_VIOLATION = 1008  # e.g. a wrong X-VOCERA-SECRET


class FrameError(ValueError):
    """A websocket message that is not a valid frame of the chat protocol."""


@dataclass(frozen=True)
class Content:
    """A message: what the caller says, or the agent's reply (optionally with metadata)."""

    text: str
    metadata: Mapping[str, Any] | None = None


@dataclass(frozen=True)
class MetadataOnly:
    """Agent -> caller: metadata without a message (also a keepalive)."""

    metadata: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class FunctionCall:
    """Agent -> caller: the agent called a tool. `arguments` is decoded when it is JSON."""

    id: str
    name: str
    arguments: Any


@dataclass(frozen=True)
class FunctionCallResult:
    """Agent -> caller: what a tool returned. `result` is decoded when it is JSON."""

    id: str
    result: Any


@dataclass(frozen=True)
class EndCall:
    """Either side hangs up; the caller may say last words in `content`."""

    content: str | None = None


Frame: TypeAlias = Content | MetadataOnly | FunctionCall | FunctionCallResult | EndCall


# --- builders -------------------------------------------------------------------------------


def content_frame(text: str, metadata: Mapping[str, Any] | None = None) -> str:
    body: dict[str, Any] = {"content": text}
    if metadata is not None:
        body["metadata"] = dict(metadata)
    return _dumps(body)


def metadata_frame(metadata: Mapping[str, Any]) -> str:
    return _dumps({"metadata": dict(metadata)})


def function_call_frame(call_id: str, name: str, arguments: Mapping[str, Any]) -> str:
    data = {"id": call_id, "name": name, "arguments": _dumps(dict(arguments))}
    return _dumps({"role": ROLE_FUNCTION_CALL, "data": data})


def function_call_result_frame(call_id: str, result: Any) -> str:
    encoded = result if isinstance(result, str) else _dumps(result)
    return _dumps({"role": ROLE_FUNCTION_CALL_RESULT, "data": {"id": call_id, "result": encoded}})


def end_call_frame(content: str | None = None) -> str:
    body: dict[str, Any] = {"type": TYPE_END_CALL}
    if content is not None:
        body["content"] = content
    return _dumps(body)


def encode_frame(frame: Frame) -> str:
    """The JSON text of a typed frame (the inverse of `parse_frame`)."""
    if isinstance(frame, Content):
        return content_frame(frame.text, frame.metadata)
    if isinstance(frame, MetadataOnly):
        return metadata_frame(frame.metadata)
    if isinstance(frame, FunctionCall):
        return _dumps(
            {
                "role": ROLE_FUNCTION_CALL,
                "data": {"id": frame.id, "name": frame.name, "arguments": _dumps(frame.arguments)},
            }
        )
    if isinstance(frame, FunctionCallResult):
        return function_call_result_frame(frame.id, frame.result)
    return end_call_frame(frame.content)


# --- parser ---------------------------------------------------------------------------------


def parse_frame(message: str | bytes) -> Frame:
    """The typed frame in a received websocket message; raises FrameError when malformed."""
    if isinstance(message, bytes):
        raise FrameError("binary websocket message; the chat protocol uses JSON text frames")
    try:
        body = json.loads(message)
    except json.JSONDecodeError as exc:
        raise FrameError(f"not JSON: {exc.msg} at position {exc.pos}") from None
    if not isinstance(body, dict):
        raise FrameError(f"a frame is a JSON object, got {type(body).__name__}")
    if "role" in body:
        return _parse_tool_log(body)
    if "type" in body:
        return _parse_end_call(body)
    if "content" in body:
        return Content(_string(body, "content"), _optional_metadata(body))
    if "metadata" in body:
        return MetadataOnly(_required_metadata(body))
    raise FrameError(f"frame has none of content, metadata, role, type: {sorted(body)}")


def _parse_end_call(body: dict[str, Any]) -> EndCall:
    if body["type"] != TYPE_END_CALL:
        raise FrameError(f"unknown frame type {body['type']!r} (only {TYPE_END_CALL!r})")
    content = body.get("content")
    if content is not None and not isinstance(content, str):
        raise FrameError("end_call 'content' must be a string")
    return EndCall(content)


def _parse_tool_log(body: dict[str, Any]) -> FunctionCall | FunctionCallResult:
    data = body.get("data")
    if not isinstance(data, dict):
        raise FrameError(f"{body['role']!r} frame needs a 'data' object")
    call_id = _tool_call_id(data)
    if body["role"] == ROLE_FUNCTION_CALL:
        if "arguments" not in data:
            raise FrameError("Function Call data needs 'arguments'")
        return FunctionCall(call_id, _string(data, "name"), _decoded(data["arguments"]))
    if body["role"] == ROLE_FUNCTION_CALL_RESULT:
        if "result" not in data:
            raise FrameError("Function Call Result data needs 'result'")
        return FunctionCallResult(call_id, _decoded(data["result"]))
    raise FrameError(
        f"unknown role {body['role']!r} "
        f"(expected {ROLE_FUNCTION_CALL!r} or {ROLE_FUNCTION_CALL_RESULT!r})"
    )


def _tool_call_id(data: dict[str, Any]) -> str:
    call_id = data.get("id")
    if isinstance(call_id, bool) or not isinstance(call_id, str | int):
        raise FrameError("tool log data needs an 'id' (string or integer)")
    return str(call_id)


def _string(body: dict[str, Any], key: str) -> str:
    value = body.get(key)
    if not isinstance(value, str):
        raise FrameError(f"'{key}' must be a string, got {type(value).__name__}")
    return value


def _optional_metadata(body: dict[str, Any]) -> Mapping[str, Any] | None:
    return None if body.get("metadata") is None else _required_metadata(body)


def _required_metadata(body: dict[str, Any]) -> Mapping[str, Any]:
    metadata = body.get("metadata")
    if not isinstance(metadata, dict):
        raise FrameError(f"'metadata' must be an object, got {type(metadata).__name__}")
    return metadata


def _decoded(value: Any) -> Any:
    """A JSON-encoded string's value; anything else unchanged."""
    if not isinstance(value, str):
        return value
    try:
        return json.loads(value)
    except json.JSONDecodeError:
        return value


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))

"""The chat websocket wire format: builders, the parser, and its errors."""

from __future__ import annotations

import json

import pytest

from voxtest.protocols import chat_ws
from voxtest.protocols.chat_ws import (
    Content,
    EndCall,
    Frame,
    FrameError,
    FunctionCall,
    FunctionCallResult,
    MetadataOnly,
    parse_frame,
)


def test_builders_produce_the_documented_json() -> None:
    assert json.loads(chat_ws.content_frame("Hi")) == {"content": "Hi"}
    assert json.loads(chat_ws.content_frame("Hi", {"turn": 1})) == {
        "content": "Hi",
        "metadata": {"turn": 1},
    }
    assert json.loads(chat_ws.metadata_frame({})) == {"metadata": {}}
    assert json.loads(chat_ws.function_call_frame("c1", "find_slots", {"day": "2026-12-01"})) == {
        "role": "Function Call",
        "data": {"id": "c1", "name": "find_slots", "arguments": '{"day":"2026-12-01"}'},
    }
    assert json.loads(chat_ws.function_call_result_frame("c1", {"slots": []})) == {
        "role": "Function Call Result",
        "data": {"id": "c1", "result": '{"slots":[]}'},
    }
    assert json.loads(chat_ws.end_call_frame()) == {"type": "end_call"}
    assert json.loads(chat_ws.end_call_frame("Bye")) == {"type": "end_call", "content": "Bye"}


@pytest.mark.parametrize(
    ("message", "frame"),
    [
        ('{"content": "Hello"}', Content("Hello")),
        ('{"content": "Hi", "metadata": {"a": 1}}', Content("Hi", {"a": 1})),
        ('{"content": "Hi", "metadata": null}', Content("Hi")),
        ('{"metadata": {"keepalive": true}}', MetadataOnly({"keepalive": True})),
        ('{"type": "end_call"}', EndCall()),
        ('{"content": "Thanks, bye", "type": "end_call"}', EndCall("Thanks, bye")),
        (
            '{"role": "Function Call", '
            '"data": {"id": "c1", "name": "f", "arguments": "{\\"x\\": 1}"}}',
            FunctionCall("c1", "f", {"x": 1}),
        ),
        (
            '{"role": "Function Call", "data": {"id": 7, "name": "f", "arguments": {"x": 1}}}',
            FunctionCall("7", "f", {"x": 1}),
        ),
        (
            '{"role": "Function Call Result", "data": {"id": "c1", "result": "plain text"}}',
            FunctionCallResult("c1", "plain text"),
        ),
        (
            '{"role": "Function Call Result", "data": {"id": "c1", "result": "{\\"ok\\": true}"}}',
            FunctionCallResult("c1", {"ok": True}),
        ),
    ],
)
def test_parse_frame_types_each_documented_shape(message: str, frame: Frame) -> None:
    assert parse_frame(message) == frame


@pytest.mark.parametrize(
    "frame",
    [
        Content("Hello"),
        Content("Hi", {"stage": "await_name"}),
        MetadataOnly({}),
        FunctionCall("c1", "book_slot", {"day": "2026-12-01", "time": "14:30"}),
        FunctionCallResult("c1", {"confirmation": "BS-1042"}),
        EndCall(),
        EndCall("bye"),
    ],
)
def test_encode_then_parse_round_trips(frame: Frame) -> None:
    assert parse_frame(chat_ws.encode_frame(frame)) == frame


@pytest.mark.parametrize(
    ("message", "complaint"),
    [
        (b'{"content": "hi"}', "binary"),
        ("hello", "not JSON"),
        ('["content"]', "JSON object, got list"),
        ("{}", "none of content, metadata, role, type"),
        ('{"content": 3}', "'content' must be a string"),
        ('{"content": "x", "metadata": []}', "'metadata' must be an object"),
        ('{"metadata": "x"}', "'metadata' must be an object"),
        ('{"type": "hangup"}', "unknown frame type 'hangup'"),
        ('{"type": "end_call", "content": 1}', "end_call 'content' must be a string"),
        ('{"role": "Function Call"}', "needs a 'data' object"),
        ('{"role": "Function Call", "data": {"name": "f", "arguments": {}}}', "needs an 'id'"),
        ('{"role": "Function Call", "data": {"id": true, "name": "f", "arguments": {}}}', "'id'"),
        ('{"role": "Function Call", "data": {"id": "1", "arguments": {}}}', "'name' must be"),
        ('{"role": "Function Call", "data": {"id": "1", "name": "f"}}', "needs 'arguments'"),
        ('{"role": "Function Call Result", "data": {"id": "1"}}', "needs 'result'"),
        ('{"role": "Main Agent", "data": {"id": "1"}}', "unknown role 'Main Agent'"),
    ],
)
def test_malformed_frames_raise_a_clear_frame_error(message: str | bytes, complaint: str) -> None:
    with pytest.raises(FrameError, match=complaint):
        parse_frame(message)


def test_frame_error_is_a_value_error() -> None:
    assert issubclass(FrameError, ValueError)


def test_header_names_match_cekura() -> None:
    assert chat_ws.VOCERA_HEADERS == (
        "X-VOCERA-SECRET",
        "X-VOCERA-SCENARIO-ID",
        "X-VOCERA-RESULT-ID",
        "X-VOCERA-RUN-ID",
    )

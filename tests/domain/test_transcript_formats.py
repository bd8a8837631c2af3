"""Provider transcripts normalised to the canonical turns, with realistic samples of each."""

from __future__ import annotations

import json
from typing import Any

import pytest

from voxtest.domain.transcripts import TranscriptProblem, custom_provider, detect, normalise


def brief(turns: list[dict[str, Any]]) -> list[tuple[Any, ...]]:
    return [(t["role"], t["content"], t["start_time"], t["end_time"]) for t in turns]


CEKURA = [
    {"role": "Testing Agent", "content": "Hello.", "start_time": 1.44, "end_time": 1.94},
    {"role": "Main Agent", "content": "Hi, John.", "start_time": 3.1, "end_time": 7.54},
    {
        "role": "Function Call",
        "content": "",
        "start_time": 8.0,
        "end_time": 8.0,
        "data": {"id": "c1", "name": "book", "arguments": {"at": "6pm"}},
    },
]


def test_cekura_format_is_kept_and_may_come_as_a_json_string() -> None:
    turns = normalise("cekura", json.dumps(CEKURA))
    assert brief(turns)[:2] == [
        ("Testing Agent", "Hello.", 1.44, 1.94),
        ("Main Agent", "Hi, John.", 3.1, 7.54),
    ]
    assert turns[2]["data"] == {"id": "c1", "name": "book", "arguments": {"at": "6pm"}}
    assert normalise("vocera", CEKURA) == normalise("cekura", CEKURA)


def test_cekura_format_refuses_agent_and_user_roles() -> None:
    with pytest.raises(TranscriptProblem, match="Message 0: role 'agent'"):
        normalise("cekura", [{"role": "agent", "content": "hi"}])


VAPI_REPORT = {
    "message": {
        "type": "end-of-call-report",
        "artifact": {
            "messages": [{"role": "system", "message": "You are a clinic receptionist.", "time": 1}]
        },
    },
    "artifact": {
        "messages": [
            {"role": "system", "message": "You are a receptionist.", "time": 1717000000000},
            {
                "role": "bot",
                "message": "Thanks for calling Sunny Clinic.",
                "time": 1717000000500,
                "endTime": 1717000002500,
                "secondsFromStart": 0.5,
                "duration": 2000,
            },
            {
                "role": "user",
                "message": "I'd like to book a cleaning.",
                "time": 1717000003000,
                "endTime": 1717000005000,
                "secondsFromStart": 3.0,
                "duration": 2000,
            },
            {
                "role": "tool_calls",
                "time": 1717000005500,
                "secondsFromStart": 5.5,
                "toolCalls": [
                    {
                        "id": "call_1",
                        "type": "function",
                        "function": {"name": "find_slot", "arguments": '{"kind": "cleaning"}'},
                    }
                ],
            },
            {
                "role": "tool_call_result",
                "time": 1717000006000,
                "secondsFromStart": 6.0,
                "toolCallId": "call_1",
                "name": "find_slot",
                "result": "Tuesday 10am",
            },
        ]
    },
}


def test_vapi_end_of_call_report() -> None:
    turns = normalise("vapi", VAPI_REPORT)
    assert brief(turns) == [
        ("Main Agent", "Thanks for calling Sunny Clinic.", 0.5, 2.5),
        ("Testing Agent", "I'd like to book a cleaning.", 3.0, 5.0),
        ("Function Call", "", 5.5, 5.5),
        ("Function Call Result", "", 6.0, 6.0),
    ]
    assert turns[2]["data"] == {
        "id": "call_1",
        "name": "find_slot",
        "arguments": {"kind": "cleaning"},
    }
    assert turns[3]["data"] == {"id": "call_1", "name": "find_slot", "result": "Tuesday 10am"}


def test_vapi_short_form_of_the_reference_example() -> None:
    turns = normalise(
        "vapi",
        [
            {"role": "agent", "message": "Hello, how can I help you today?", "time": 0.0},
            {"role": "user", "message": "I need help with my account", "time": 2.5},
        ],
    )
    assert brief(turns) == [
        ("Main Agent", "Hello, how can I help you today?", 0.0, 2.5),
        ("Testing Agent", "I need help with my account", 2.5, 2.5),
    ]


def test_vapi_epoch_times_without_offsets_start_at_the_first_message() -> None:
    turns = normalise(
        "vapi",
        [
            {"role": "bot", "message": "Hi", "time": 1717000000000, "endTime": 1717000001000},
            {"role": "user", "message": "Hey", "time": 1717000002000},
        ],
    )
    assert brief(turns) == [("Main Agent", "Hi", 0.0, 1.0), ("Testing Agent", "Hey", 2.0, 2.0)]


RETELL_CALL = {
    "event": "call_analyzed",
    "call": {
        "call_id": "Jabr9TXYYJHfvl6Syypi88rdAHYHmcq6",
        "transcript": "Agent: Hi...\nUser: Hey...",
        "transcript_with_tool_calls": [
            {
                "role": "agent",
                "content": "Hi, this is Ava.",
                "words": [
                    {"word": "Hi,", "start": 0.7, "end": 1.0},
                    {"word": "Ava.", "start": 1.9, "end": 2.3},
                ],
            },
            {
                "role": "user",
                "content": "Cancel my booking.",
                "words": [
                    {"word": "Cancel", "start": 3.2, "end": 3.6},
                    {"word": "booking.", "start": 4.0, "end": 4.6},
                ],
            },
            {
                "role": "tool_call_invocation",
                "tool_call_id": "tc_9",
                "name": "cancel_booking",
                "arguments": '{"booking": "B-1"}',
            },
            {"role": "tool_call_result", "tool_call_id": "tc_9", "content": "cancelled"},
            {
                "role": "agent",
                "content": "Done.",
                "words": [{"word": "Done.", "start": 6.1, "end": 6.5}],
            },
        ],
    },
}


def test_retell_webhook_with_tool_calls() -> None:
    turns = normalise("retell", RETELL_CALL)
    assert brief(turns) == [
        ("Main Agent", "Hi, this is Ava.", 0.7, 2.3),
        ("Testing Agent", "Cancel my booking.", 3.2, 4.6),
        ("Function Call", "", 4.6, 4.6),
        ("Function Call Result", "", 4.6, 4.6),
        ("Main Agent", "Done.", 6.1, 6.5),
    ]
    assert turns[2]["data"]["arguments"] == {"booking": "B-1"}
    assert turns[3]["data"] == {"id": "tc_9", "result": "cancelled"}


ELEVENLABS: dict[str, Any] = {
    "type": "post_call_transcription",
    "data": {
        "conversation_id": "conv_1",
        "transcript": [
            {"role": "agent", "message": "Hello! How can I help?", "time_in_call_secs": 0},
            {
                "role": "user",
                "message": "What's my balance?",
                "time_in_call_secs": 4,
                "interrupted": False,
            },
            {
                "role": "agent",
                "message": None,
                "time_in_call_secs": 6,
                "tool_calls": [
                    {
                        "request_id": "r1",
                        "tool_name": "get_balance",
                        "params_as_json": '{"account": "A1"}',
                    }
                ],
                "tool_results": [
                    {"request_id": "r1", "tool_name": "get_balance", "result_value": "$20"}
                ],
            },
            {"role": "agent", "message": "It's twenty dollars.", "time_in_call_secs": 7},
        ],
    },
}


def test_elevenlabs_post_call_webhook() -> None:
    turns = normalise("elevenlabs", ELEVENLABS)
    assert brief(turns) == [
        ("Main Agent", "Hello! How can I help?", 0.0, 4.0),
        ("Testing Agent", "What's my balance?", 4.0, 6.0),
        ("Function Call", "", 6.0, 6.0),
        ("Function Call Result", "", 6.0, 6.0),
        ("Main Agent", "It's twenty dollars.", 7.0, 7.0),
    ]
    assert turns[2]["data"] == {"id": "r1", "name": "get_balance", "arguments": {"account": "A1"}}


def test_pipecat_timed_and_untimed() -> None:
    timed = [
        {"role": "assistant", "content": "Hi there", "start_time": 0.2, "end_time": 1.1},
        {"role": "user", "content": "Hello", "start_time": 1.5, "end_time": 2.0},
        {"role": "tool_call", "name": "lookup", "arguments": {"q": "x"}, "start_time": 2.1},
        {"role": "tool_call_result", "content": "found", "start_time": 2.4},
    ]
    assert brief(normalise("pipecat", timed)) == [
        ("Main Agent", "Hi there", 0.2, 1.1),
        ("Testing Agent", "Hello", 1.5, 2.0),
        ("Function Call", "", 2.1, 2.1),
        ("Function Call Result", "", 2.4, 2.4),
    ]
    context = [
        {"role": "system", "content": "Be nice."},
        {"role": "assistant", "content": "Welcome!"},
        {"role": "user", "content": "Weather?"},
        {
            "role": "assistant",
            "content": None,
            "tool_calls": [
                {"id": "t1", "function": {"name": "weather", "arguments": '{"city": "Paris"}'}}
            ],
        },
        {"role": "tool", "tool_call_id": "t1", "content": "sunny"},
    ]
    turns = normalise("pipecat", context)
    assert [t["role"] for t in turns] == [
        "Main Agent",
        "Testing Agent",
        "Function Call",
        "Function Call Result",
    ]
    assert [t["start_time"] for t in turns] == [1.0, 2.0, 3.0, 4.0]
    assert turns[2]["data"]["arguments"] == {"city": "Paris"}


def test_livekit_session_history() -> None:
    history = {
        "items": [
            {
                "id": "item_1",
                "type": "message",
                "role": "assistant",
                "content": ["Hi, thanks for calling."],
                "interrupted": False,
                "created_at": 1717000000.25,
            },
            {
                "id": "item_2",
                "type": "message",
                "role": "user",
                "content": ["Book me", "for Friday."],
                "interrupted": True,
                "created_at": 1717000003.0,
            },
            {
                "id": "item_3",
                "type": "function_call",
                "call_id": "fc_1",
                "name": "book",
                "arguments": '{"day": "Friday"}',
                "created_at": 1717000004.0,
            },
            {
                "id": "item_4",
                "type": "function_call_output",
                "call_id": "fc_1",
                "name": "book",
                "output": "ok",
                "is_error": False,
                "created_at": 1717000004.5,
            },
        ]
    }
    turns = normalise("livekit", history)
    assert brief(turns) == [
        ("Main Agent", "Hi, thanks for calling.", 0.0, 2.75),
        ("Testing Agent", "Book me for Friday.", 2.75, 3.75),
        ("Function Call", "", 3.75, 3.75),
        ("Function Call Result", "", 4.25, 4.25),
    ]
    assert turns[1]["data"] == {"interrupted": True}


def test_livekit_plain_list_with_relative_timestamps() -> None:
    turns = normalise(
        "livekit",
        [
            {"role": "assistant", "content": "Hello", "timestamp": 0.5},
            {"role": "user", "content": "Hi", "timestamp": 2.0},
        ],
    )
    assert brief(turns) == [("Main Agent", "Hello", 0.5, 2.0), ("Testing Agent", "Hi", 2.0, 2.0)]


DEEPGRAM_WORDS = [
    {"word": "hello", "start": 0.1, "end": 0.4, "confidence": 0.99, "speaker": 0,
     "punctuated_word": "Hello,"},
    {"word": "clinic", "start": 0.5, "end": 0.9, "confidence": 0.98, "speaker": 0,
     "punctuated_word": "clinic."},
    {"word": "hi", "start": 1.5, "end": 1.7, "confidence": 0.97, "speaker": 1,
     "punctuated_word": "Hi."},
]  # fmt: skip


def test_deepgram_words_grouped_by_speaker() -> None:
    assert brief(normalise("deepgram", DEEPGRAM_WORDS)) == [
        ("Main Agent", "Hello, clinic.", 0.1, 0.9),
        ("Testing Agent", "Hi.", 1.5, 1.7),
    ]
    flipped = normalise("deepgram", DEEPGRAM_WORDS, main_agent_channel=1)
    assert [t["role"] for t in flipped] == ["Testing Agent", "Main Agent"]


def test_deepgram_responses_with_utterances_or_channels() -> None:
    response = {
        "metadata": {"request_id": "x"},
        "results": {
            "utterances": [
                {"start": 0.0, "end": 1.2, "transcript": "Good morning.", "speaker": 0},
                {"start": 1.8, "end": 2.4, "transcript": "Morning!", "speaker": 1},
            ]
        },
    }
    assert brief(normalise("deepgram", response)) == [
        ("Main Agent", "Good morning.", 0.0, 1.2),
        ("Testing Agent", "Morning!", 1.8, 2.4),
    ]
    stereo = {
        "results": {
            "channels": [
                {"alternatives": [{"words": [{"word": "hi", "start": 0.0, "end": 0.3}]}]},
                {"alternatives": [{"words": [{"word": "hey", "start": 0.6, "end": 0.9}]}]},
            ]
        }
    }
    assert brief(normalise("deepgram", stereo, main_agent_channel=1)) == [
        ("Testing Agent", "hi", 0.0, 0.3),
        ("Main Agent", "hey", 0.6, 0.9),
    ]


def test_custom_provider_messages_in_epoch_milliseconds() -> None:
    messages = [
        {"role": "system", "content": "prompt", "start_time": 1717000000000},
        {"role": "bot", "content": "Hello", "start_time": 1717000001000,
         "end_time": 1717000002000},
        {"role": "user", "content": "Hi", "start_time": 1717000003000,
         "end_time": 1717000003500},
        {"role": "function_call", "start_time": 1717000004000,
         "data": {"id": "f1", "name": "lookup", "arguments": {"a": 1}}},
        {"role": "function_call_result", "start_time": 1717000004500,
         "data": {"id": "f1", "result": {"ok": True}}},
    ]  # fmt: skip
    turns = custom_provider.parse(messages, started_at="2024-05-29T16:26:40Z")
    assert brief(turns) == [
        ("Main Agent", "Hello", 1.0, 2.0),
        ("Testing Agent", "Hi", 3.0, 3.5),
        ("Function Call", "", 4.0, 4.0),
        ("Function Call Result", "", 4.5, 4.5),
    ]
    assert turns[3]["data"] == {"id": "f1", "result": {"ok": True}}


def test_problems_name_the_message() -> None:
    with pytest.raises(TranscriptProblem, match="Message 1: unknown role 'narrator'"):
        normalise("vapi", [{"role": "bot", "message": "a"}, {"role": "narrator", "message": "b"}])
    with pytest.raises(TranscriptProblem, match="not valid JSON"):
        normalise("retell", "[{")
    with pytest.raises(TranscriptProblem, match="Message 0 is not an object"):
        normalise("pipecat", ["hello"])


@pytest.mark.parametrize(
    ("payload", "kind"),
    [
        (CEKURA, "cekura"),
        (VAPI_REPORT, "vapi"),
        ([{"role": "bot", "message": "hi", "time": 0}], "vapi"),
        (RETELL_CALL, "retell"),
        (ELEVENLABS["data"]["transcript"], "elevenlabs"),
        ([{"role": "assistant", "content": "hi"}], "pipecat"),
        ({"items": []}, "livekit"),
        (DEEPGRAM_WORDS, "deepgram"),
    ],
)
def test_detect(payload: object, kind: str) -> None:
    assert detect(payload) == kind

"""The canonical Cekura transcript: its dict format and its `[mm:ss] Role: text` rendering."""

from __future__ import annotations

import pytest

from voxtest.domain.transcript import (
    FUNCTION_CALL,
    MAIN_AGENT,
    TESTING_AGENT,
    Transcript,
    Turn,
    clock,
)


def sample() -> Transcript:
    return Transcript(
        (
            Turn(TESTING_AGENT, "Hello.", 2.4, 3.1),
            Turn(MAIN_AGENT, "Hi, how can I help?", 3.5, 5.0),
            Turn(FUNCTION_CALL, "", 65.0, 65.0, {"id": "c1", "name": "lookup", "arguments": {}}),
        )
    )


def test_to_cekura_has_exactly_the_five_keys_in_order() -> None:
    assert sample().to_cekura()[:2] == [
        {
            "role": "Testing Agent",
            "content": "Hello.",
            "start_time": 2.4,
            "end_time": 3.1,
            "data": {},
        },
        {
            "role": "Main Agent",
            "content": "Hi, how can I help?",
            "start_time": 3.5,
            "end_time": 5.0,
            "data": {},
        },
    ]
    assert list(sample().to_cekura()[2]) == ["role", "content", "start_time", "end_time", "data"]


def test_render_text_uses_minutes_and_seconds_and_shows_tool_data() -> None:
    assert sample().render_text() == (
        "[00:02] Testing Agent: Hello.\n"
        "[00:03] Main Agent: Hi, how can I help?\n"
        '[01:05] Function Call: {"id":"c1","name":"lookup","arguments":{}}'
    )


def test_round_trip_through_cekura_dicts() -> None:
    assert Transcript.from_cekura(sample().to_cekura()) == sample()


def test_append_returns_a_new_transcript() -> None:
    base = Transcript()
    longer = base.append(Turn(MAIN_AGENT, "Hi", 0.0, 1.0))
    assert base.turns == () and len(longer.turns) == 1


@pytest.mark.parametrize("role", ["agent", "user", "assistant", "testing agent"])
def test_non_cekura_roles_are_refused(role: str) -> None:
    with pytest.raises(ValueError, match="Unknown role"):
        Turn(role, "x", 0.0, 1.0)


def test_a_turn_cannot_end_before_it_starts() -> None:
    with pytest.raises(ValueError):
        Turn(MAIN_AGENT, "x", 2.0, 1.0)


@pytest.mark.parametrize(
    ("seconds", "text"), [(0, "00:00"), (59.9, "00:59"), (60, "01:00"), (3725, "62:05")]
)
def test_clock(seconds: float, text: str) -> None:
    assert clock(seconds) == text

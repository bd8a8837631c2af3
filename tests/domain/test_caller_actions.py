"""Fixed messages split at pause and end-call tags; instructions stay whole."""

from __future__ import annotations

from typing import Any

import pytest

from voxtest.domain.caller_actions import EndCall, Pause, Say, interruption_seconds, render_action

NO_VARS: dict[str, Any] = {"test_profile": {}}


def fixed(action: str, variables: dict[str, Any] = NO_VARS) -> list[Say | Pause | EndCall]:
    return render_action(7, action, True, variables)


def test_plain_fixed_message_is_one_verbatim_say() -> None:
    assert fixed("  Hi, I'd like to book.  ") == [Say("Hi, I'd like to book.", True, 7)]


def test_tags_split_left_to_right() -> None:
    assert fixed('Hello <silence time="1.5s"/> are you there? <hold time="2s" /> Bye') == [
        Say("Hello", True, 7),
        Pause(1.5, interruptible=True),
        Say("are you there?", True, 7),
        Pause(2.0, interruptible=False),
        Say("Bye", True, 7),
    ]


def test_endcall_ends_and_drops_the_rest() -> None:
    assert fixed('Thanks, bye. <endcall/> never said <silence time="1s"/>') == [
        Say("Thanks, bye.", True, 7),
        EndCall(),
    ]
    assert fixed("<endcall />") == [EndCall()]
    assert fixed("<EndCall/>") == [EndCall()]


@pytest.mark.parametrize(
    ("tag", "seconds"),
    [('time="1500ms"', 1.5), ("time='3'", 3.0), ('time=" 0.25s "', 0.25), ('time="2S"', 2.0)],
)
def test_pause_time_forms(tag: str, seconds: float) -> None:
    assert fixed(f"<silence {tag}/>") == [Pause(seconds, interruptible=True)]


def test_a_pause_without_a_readable_time_stays_in_the_text() -> None:
    assert fixed('Wait <silence time="soon"/> ok') == [
        Say('Wait <silence time="soon"/> ok', True, 7)
    ]


def test_voice_only_tags_and_markers_stay_in_the_text() -> None:
    text = '[sigh] My code is <spell>AB12</spell> <dtmf digits="12#"/>'
    assert fixed(text + ' <hold time="1s"/>') == [Say(text, True, 7), Pause(1.0, False)]


def test_instructions_are_one_unsplit_say_for_paraphrase() -> None:
    assert render_action(
        3, "Ask about {{test_profile.topic}}", False, {"test_profile": {"topic": "refunds"}}
    ) == [Say("Ask about refunds", False, 3)]


def test_profile_values_are_substituted_after_splitting() -> None:
    variables = {"test_profile": {"name": "Ann <endcall/>", "pin": "1234"}}
    assert fixed(
        'I am {{test_profile.name}} <silence time="1s"/> {{test_profile.pin}}', variables
    ) == [
        Say("I am Ann <endcall/>", True, 7),
        Pause(1.0, True),
        Say("1234", True, 7),
    ]


def test_text_that_renders_empty_gives_no_say() -> None:
    assert fixed('{{test_profile.missing}} <silence time="1s"/>') == [Pause(1.0, True)]


@pytest.mark.parametrize(
    ("action", "seconds"),
    [
        ('<interruption time="3s"/>Wait, one thing.', 3.0),
        (" <interruption time='1500ms'/> Wait.", 1.5),
        ('<INTERRUPTION time="2"/>', 2.0),
        ('Wait <interruption time="3s"/>', None),  # only leading the action
        ("<interruption/>Wait.", None),  # no time: no interruption
        ("Wait.", None),
    ],
)
def test_a_leading_interruption_tag_gives_its_time(action: str, seconds: float | None) -> None:
    assert interruption_seconds(action) == seconds

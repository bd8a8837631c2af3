"""Voice tags of a fixed caller line parsed into audio segments."""

from __future__ import annotations

from voxtest.domain.voice_tags import (
    VOICEMAIL_GREETING,
    Background,
    Noise,
    Quiet,
    Speak,
    SwitchVoice,
    Tones,
    VoiceChoice,
    parse_voice_line,
)


def test_plain_text_is_one_speech_segment() -> None:
    assert parse_voice_line("  Hello   there ") == [Speak("Hello there")]


def test_speed_and_volume_apply_from_where_they_stand() -> None:
    segments = parse_voice_line("<speed ratio=\"0.8\"/><volume ratio='1.5'/>Slowly, loudly.")
    assert segments == [Speak("Slowly, loudly.", speed=0.8, volume=1.5)]
    assert parse_voice_line('<speed ratio="9"/>x') == [Speak("x", speed=2.0)]  # clamped
    assert parse_voice_line('<speed ratio="fast"/>x') == [Speak("x")]


def test_spell_spaces_letters_and_digits() -> None:
    segments = parse_voice_line("My code is <spell>ab-12</spell>, thanks")
    assert segments == [Speak("My code is"), Speak("A, B, 1, 2", spelled=True), Speak(", thanks")]


def test_dtmf_keeps_only_keypad_keys() -> None:
    assert parse_voice_line('<dtmf digits="12 3#*x"/>') == [Tones("123#*")]
    assert parse_voice_line('<dtmf digits="xyz"/>') == []


def test_silence_hold_and_one_shot_noise() -> None:
    segments = parse_voice_line(
        'a <silence time="1.5s"/> b <hold time="250ms"/><noise sound="Beep" volume="0.2"/>'
    )
    assert segments == [
        Speak("a"), Quiet(1.5, interruptible=True), Speak("b"), Quiet(0.25, interruptible=False),
        Noise("beep", 0.2),
    ]  # fmt: skip


def test_background_noise_covers_its_inner_part_but_not_holds() -> None:
    street = Background("busy-street", 0.2)
    segments = parse_voice_line(
        'hi <background_noise sound="busy-street" volume="0.2">loud <silence time="1"/>'
        '<hold time="1"/></background_noise> quiet'
    )
    assert segments == [
        Speak("hi"), Speak("loud", background=street), Quiet(1.0, True, street),
        Quiet(1.0, False), Speak("quiet"),
    ]  # fmt: skip


def test_emotion_markers_attach_to_the_speech_after_them_or_the_last() -> None:
    segments = parse_voice_line("[sigh] Fine. [laughter] Sure [Laughter]")
    assert segments == [Speak("Fine.", markers=("sigh",)),
                        Speak("Sure", markers=("laughter", "laughter"))]  # fmt: skip
    last = segments[1]
    assert isinstance(last, Speak) and last.marked_text == "[laughter] [laughter] Sure"
    assert parse_voice_line("[sigh]") == [Speak("", markers=("sigh",))]


def test_other_tags_are_not_spoken_but_their_text_is() -> None:
    segments = parse_voice_line(
        '<function name="f"/>Hola <network_simulation packet_loss="5"/>bye <endcall/>'
    )
    assert segments == [Speak("Hola"), Speak("bye")]


def test_a_voice_region_a_switch_and_a_voiced_text() -> None:
    other = VoiceChoice("x", "11labs")
    segments = parse_voice_line('<voice provider="11labs" id="x">Hola</voice> bye <endcall/>')
    assert segments == [Speak("Hola", voice=other), Speak("bye")]
    switched = parse_voice_line('Hi <voice id="v2" model="m1"/>there <voice id="v3" text="Yo"/>')
    choice = VoiceChoice("v2", None, "m1")
    assert switched == [
        Speak("Hi"),
        SwitchVoice(choice),
        Speak("there", voice=choice),
        Speak("Yo", voice=VoiceChoice("v3")),
    ]
    assert parse_voice_line('<voice provider="cartesia"/>Same') == [Speak("Same")]  # no id


def test_the_caller_as_a_phone_menu_or_a_voicemail() -> None:
    assert parse_voice_line('<ivr text="Press 1 for billing."/>') == [Speak("Press 1 for billing.")]
    assert parse_voice_line("<ivr/>") == []
    greeting, pause, beep = parse_voice_line("<voicemail/>")
    assert greeting == Speak(VOICEMAIL_GREETING)
    assert pause == Quiet(0.4, interruptible=False) and beep == Noise("beep", 0.5)
    own = parse_voice_line('<voicemail text="Sam here, leave a message."/>')
    assert own[0] == Speak("Sam here, leave a message.") and own[-1] == Noise("beep", 0.5)

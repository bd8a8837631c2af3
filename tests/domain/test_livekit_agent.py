"""LiveKit agent states as the starts and ends of its utterances."""

from __future__ import annotations

from voxtest.domain.livekit_agent import AgentSpeech


def test_speaking_starts_an_utterance_and_any_other_state_ends_it() -> None:
    speech = AgentSpeech()
    changes = [
        (speech.update(state), speech.utterance_id)
        for state in ("initializing", "listening", "thinking", "speaking", "listening")
    ]
    assert changes == [
        (None, None),
        (None, None),
        (None, None),
        ("started", "1"),
        ("completed", "1"),
    ]


def test_repeated_or_missing_states_change_nothing() -> None:
    speech = AgentSpeech()
    assert speech.update("speaking") == "started"
    assert speech.update("speaking") is None
    assert speech.update(None) is None
    assert speech.update("thinking") == "completed"
    assert speech.update("idle") is None
    assert speech.update("speaking") == "started"
    assert speech.utterance_id == "2"

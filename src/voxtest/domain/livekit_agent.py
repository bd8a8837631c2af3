"""What a LiveKit agent's state says about its speech.

LiveKit agents publish their state in the participant attribute `lk.agent.state`
(`initializing`, `idle`, `listening`, `thinking`, `speaking`). Entering `speaking` is the
start of an utterance; leaving it (for any other state) is its end.
"""

from __future__ import annotations

from typing import Literal

STATE_ATTRIBUTE = "lk.agent.state"
SPEAKING = "speaking"

SpeechChange = Literal["started", "completed"]


class AgentSpeech:
    """Follows one agent's state; `update` says when an utterance starts or ends."""

    def __init__(self) -> None:
        self.state: str | None = None
        self.utterances = 0

    @property
    def utterance_id(self) -> str | None:
        """The current (or last) utterance, numbered from 1."""
        return str(self.utterances) if self.utterances else None

    def update(self, state: str | None) -> SpeechChange | None:
        if state is None or state == self.state:
            return None
        was_speaking = self.state == SPEAKING
        self.state = state
        if state == SPEAKING:
            self.utterances += 1
            return "started"
        return "completed" if was_speaking else None

"""How long and how far a conversation may go, and the words for how it ended.

End reasons are Cekura's `call_ended_reason` vocabulary (research notes §3.2). One is ours:
`exceeded-max-messages`, for the `max_messages_chat_runs_limit` cap, named after
`exceeded-max-duration` because Cekura documents no term for it.
"""

from __future__ import annotations

from dataclasses import dataclass

from voxtest.protocols import chat_ws

MAIN_AGENT_ENDED_CALL = "Main agent-ended-call"
TESTING_AGENT_ENDED_CALL = "Testing agent-ended-call"
EXCEEDED_MAX_DURATION = "exceeded-max-duration"
EXCEEDED_MAX_MESSAGES = "exceeded-max-messages"  # ours, see the module docstring
MAIN_AGENT_DID_NOT_ANSWER = "Main agent-did-not-answer"  # never said anything
MAIN_AGENT_SILENCE_TIMED_OUT = "Main agent-silence-timed-out"  # went quiet mid-call
TESTING_AGENT_DID_NOT_CONNECT = "Testing agent-did-not-connect"
TESTING_AGENT_PIPELINE_ERROR = "Testing agent-pipeline-error"  # our side could not go on
CONNECTION_DROPPED = "participant_disconnected"  # the agent's connection broke mid-call

END_REASONS = (
    MAIN_AGENT_ENDED_CALL,
    TESTING_AGENT_ENDED_CALL,
    EXCEEDED_MAX_DURATION,
    EXCEEDED_MAX_MESSAGES,
    MAIN_AGENT_DID_NOT_ANSWER,
    MAIN_AGENT_SILENCE_TIMED_OUT,
    TESTING_AGENT_DID_NOT_CONNECT,
    TESTING_AGENT_PIPELINE_ERROR,
    CONNECTION_DROPPED,
)


@dataclass(frozen=True)
class Limits:
    """Bounds of one conversation; all times in seconds.

    `greeting_wait_s` applies when it is not known who speaks first: the caller waits this
    long for the agent's greeting, then speaks first.
    """

    max_duration_s: float = 600.0  # Cekura's default max_call_duration
    max_messages: int = 100  # Testing Agent + Main Agent messages (tool logs not counted)
    silence_timeout_s: float = 10.0  # the agent says nothing for this long
    greeting_wait_s: float = 2.0
    end_call_grace_s: float = chat_ws.END_CALL_GRACE_SECONDS
    connect_attempts: int = 3
    connect_backoff_s: float = 0.5  # doubles after each failed attempt

    def __post_init__(self) -> None:
        if self.max_duration_s <= 0 or self.silence_timeout_s <= 0:
            raise ValueError("max_duration_s and silence_timeout_s must be positive.")
        if self.max_messages < 1 or self.connect_attempts < 1:
            raise ValueError("max_messages and connect_attempts must be at least 1.")
        if min(self.greeting_wait_s, self.end_call_grace_s, self.connect_backoff_s) < 0:
            raise ValueError("Waits cannot be negative.")

    def backoff_before(self, attempt: int) -> float:
        """The wait before connect attempt `attempt` (1-based; none before the first)."""
        return 0.0 if attempt <= 1 else self.connect_backoff_s * 2 ** (attempt - 2)

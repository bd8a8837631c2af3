"""An instruction scenario's conversation: the simulated caller's model takes turns with the
agent over a `Channel` until one side hangs up or a limit is reached.

Turn-taking is simple: after the caller speaks, its next turn waits for the agent's reply
(tool frames recorded on the way); the agent's silence for `silence_timeout_s` ends the
call. The caller speaks first when no greeting comes within `greeting_wait_s`.
"""

from __future__ import annotations

from voxtest.channels.base import (
    AgentEndedCall,
    AgentText,
    Channel,
    ChannelError,
    ChannelEvent,
    Clock,
    Closed,
    SystemClock,
    ToolCall,
    ToolResult,
)
from voxtest.llm.base import ModelError
from voxtest.runner import limits as reasons
from voxtest.runner.conversation import connect_or_outcome
from voxtest.runner.limits import Limits
from voxtest.runner.outcome import ConversationOutcome
from voxtest.runner.recorder import TranscriptRecorder
from voxtest.runner.simulated_caller import SimulatedCaller, caller_history


class _Over(Exception):
    def __init__(self, reason: str, error: str | None = None) -> None:
        super().__init__(reason)
        self.reason, self.error = reason, error


async def run_instruction(
    channel: Channel, caller: SimulatedCaller, *, limits: Limits, clock: Clock | None = None
) -> ConversationOutcome:
    clock = clock or SystemClock()
    attempts, not_connected = await connect_or_outcome(channel, limits, clock)
    if not_connected is not None:
        return not_connected
    turns = _Turns(channel, caller, limits, clock)
    try:
        reason, error = await turns.play()
    finally:
        await channel.close()
    return ConversationOutcome(
        turns.recorder.transcript(),
        reason,
        error,
        duration_s=round(clock.now() - turns.started_at, 3),
        connect_attempts=attempts,
    )


class _Turns:
    def __init__(
        self, channel: Channel, caller: SimulatedCaller, limits: Limits, clock: Clock
    ) -> None:
        self.channel, self.caller, self.limits, self.clock = channel, caller, limits, clock
        self.started_at = clock.now()
        self.recorder = TranscriptRecorder(self.started_at)

    async def play(self) -> tuple[str, str | None]:
        try:
            await self._agent_turn(self.limits.greeting_wait_s, required=False)
            while True:
                await self._caller_turn()
                await self._agent_turn(self.limits.silence_timeout_s, required=True)
        except _Over as over:
            return over.reason, over.error
        except ChannelError as exc:
            return reasons.CONNECTION_DROPPED, exc.message

    async def _caller_turn(self) -> None:
        if self.recorder.messages >= self.limits.max_messages:
            raise _Over(reasons.EXCEEDED_MAX_MESSAGES)
        try:
            turn = await self.caller.next_turn(caller_history(self.recorder.transcript()))
        except ModelError as exc:
            raise _Over(
                reasons.TESTING_AGENT_PIPELINE_ERROR, f"The caller's model failed: {exc}"
            ) from None
        if turn.text or turn.end_call:
            sent_at = await self.channel.send(turn.text or "", end_call=turn.end_call)
            self.recorder.caller_message(turn.text or "", sent_at)
        if turn.end_call:
            await self._drain(self.limits.end_call_grace_s)
            raise _Over(reasons.TESTING_AGENT_ENDED_CALL)

    async def _agent_turn(self, wait_s: float, *, required: bool) -> None:
        """Record agent frames until its message arrives, or `wait_s` of silence."""
        while True:
            remaining = self.started_at + self.limits.max_duration_s - self.clock.now()
            if remaining <= 0:
                raise _Over(reasons.EXCEEDED_MAX_DURATION)
            event = await self.channel.receive(min(wait_s, remaining))
            if event is None:
                if self.clock.now() >= self.started_at + self.limits.max_duration_s:
                    raise _Over(reasons.EXCEEDED_MAX_DURATION)
                if required:
                    raise _Over(*self._silence())
                return
            if self._record(event):
                return

    def _silence(self) -> tuple[str, str]:
        seconds = f"{self.limits.silence_timeout_s:g} s"
        if self.recorder.agent_messages == 0:
            return reasons.MAIN_AGENT_DID_NOT_ANSWER, f"The agent said nothing for {seconds}."
        return reasons.MAIN_AGENT_SILENCE_TIMED_OUT, f"The agent went silent for {seconds}."

    def _record(self, event: ChannelEvent) -> bool:
        """Record `event`; True when it is the agent's message (its turn is over)."""
        if isinstance(event, AgentText):
            self.recorder.agent_message(event)
            return True
        if isinstance(event, ToolCall):
            self.recorder.tool_call(event)
        elif isinstance(event, ToolResult):
            self.recorder.tool_result(event)
        elif isinstance(event, AgentEndedCall):
            raise _Over(reasons.MAIN_AGENT_ENDED_CALL)
        elif isinstance(event, Closed):
            raise _Over(
                reasons.CONNECTION_DROPPED,
                f"The agent's connection closed unexpectedly (code {event.code}).",
            )
        return False

    async def _drain(self, grace_s: float) -> None:
        """After hanging up, keep the agent's trailing frames for the grace period."""
        deadline = self.clock.now() + grace_s
        while (left := deadline - self.clock.now()) > 0:
            event = await self.channel.receive(left)
            if event is None or isinstance(event, AgentEndedCall | Closed):
                return
            self._record(event)

"""One connected call: the loop that feeds channel events to `actions_engine.step` and
performs the caller's actions (see `runner.conversation` for the rules)."""

from __future__ import annotations

import inspect
import re
from collections import deque
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from voxtest.channels.base import (
    AgentEndedCall,
    AgentText,
    Channel,
    ChannelError,
    ChannelEvent,
    Clock,
    Closed,
    ToolCall,
    ToolResult,
)
from voxtest.domain.actions_engine import (
    Action,
    AgentMessage,
    CallStarted,
    Event,
    NoMatch,
    Script,
    conditions_to_judge,
    initial_state,
    is_exhausted,
    step,
)
from voxtest.domain.caller_actions import EndCall, Pause, Say
from voxtest.domain.conditions import Verdict
from voxtest.domain.transcript import TESTING_AGENT
from voxtest.runner import limits as reasons
from voxtest.runner.limits import Limits
from voxtest.runner.outcome import ConversationOutcome, Judge, Paraphrase, TurnJudge
from voxtest.runner.recorder import TranscriptRecorder

_TAG = re.compile(r"<[^<>]*>")
_EMOTION = re.compile(r"\[[a-z][a-z _-]*\]")


def chat_text(text: str) -> str:
    """What a text channel sends for a fixed message: voice tags and emotion markers go,
    the words inside tags (`<spell>AB12</spell>`) stay."""
    return " ".join(_EMOTION.sub(" ", _TAG.sub(" ", text)).split())


@dataclass
class _CallOver(Exception):
    """Unwinds the call loop: how it ended, and whether the caller still has to hang up."""

    reason: str
    error: str | None = None
    hang_up: bool = True
    last_words: str = ""


@dataclass(frozen=True)
class _Prejudged:
    """A ConditionJudge that reads back verdicts decided before `step` (async judges)."""

    verdicts: Mapping[str, Verdict] = field(default_factory=dict)

    def __call__(self, message: str, conditions: Sequence[str]) -> tuple[Verdict, ...]:
        return tuple(self.verdicts[condition] for condition in conditions)


class Call:
    """One connected call, from the first event to the hang-up."""

    def __init__(
        self,
        channel: Channel,
        script: Script,
        judge: Judge,
        variables: Mapping[str, Any] | None,
        limits: Limits,
        clock: Clock,
        paraphrase: Paraphrase | None,
    ) -> None:
        self.channel, self.judge, self.limits = channel, judge, limits
        self.clock, self.paraphrase = clock, paraphrase
        self.state = initial_state(script, variables)
        self.started_at = clock.now()
        self.deadline = self.started_at + limits.max_duration_s
        self.recorder = TranscriptRecorder(self.started_at)
        self.actions: deque[Action] = deque()
        self.pending: deque[ChannelEvent] = deque()  # received but not handled yet
        self.last_no_match: NoMatch | None = None
        self.end_reason: str = reasons.TESTING_AGENT_PIPELINE_ERROR
        self.error: str | None = "The call never ran."
        self.ended_at = self.started_at

    def outcome(self, attempts: int) -> ConversationOutcome:
        return ConversationOutcome(
            self.recorder.transcript(),
            self.end_reason,
            self.error,
            connected=True,
            duration_s=round(self.ended_at - self.started_at, 3),
            connect_attempts=attempts,
        )

    async def run(self, agent_speaks_first: bool | None) -> None:
        try:
            first = await self._who_speaks_first(agent_speaks_first)
            await self._step(CallStarted(agent_speaks_first=first))
            while True:
                if self.actions:
                    await self._perform(self.actions.popleft())
                else:
                    await self._handle(await self._wait_for_agent())
        except _CallOver as over:
            self.end_reason, self.error = over.reason, over.error
            if over.hang_up:
                await self._hang_up(over.last_words)
        self.ended_at = self.clock.now()

    # -- events ----------------------------------------------------------------------------

    async def _who_speaks_first(self, declared: bool | None) -> bool:
        if declared is not None:
            return declared
        event = await self._receive(self.limits.greeting_wait_s)
        if event is None:
            return False
        self.pending.append(event)
        return True

    async def _receive(self, wait_s: float) -> ChannelEvent | None:
        """The next event within `wait_s`, bounded by the call's maximum duration."""
        if self.pending:
            return self.pending.popleft()
        left = self.deadline - self.clock.now()
        event = await self.channel.receive(min(wait_s, left)) if left > 0 else None
        if event is None and self.clock.now() >= self.deadline:
            raise _CallOver(reasons.EXCEEDED_MAX_DURATION)
        return event

    async def _wait_for_agent(self) -> ChannelEvent:
        """The agent's next event. With the script played out, the caller gives the agent
        the end-call grace period to go on or hang up, then hangs up itself."""
        played_out = self.last_no_match is not None and is_exhausted(self.state)
        limit = self.limits.end_call_grace_s if played_out else self.limits.silence_timeout_s
        event = await self._receive(limit)
        if event is not None:
            return event
        if played_out:
            raise _CallOver(reasons.TESTING_AGENT_ENDED_CALL)
        raise _CallOver(*self._silence())

    def _silence(self) -> tuple[str, str]:
        seconds = f"{self.limits.silence_timeout_s:g} s"
        if self.recorder.agent_messages == 0:
            return reasons.MAIN_AGENT_DID_NOT_ANSWER, f"The agent sent no message within {seconds}."
        why = ""
        if self.last_no_match is not None:
            uncertain = ", ".join(map(str, self.last_no_match.uncertain))
            why = " No script condition matched its last message, so the caller waited" + (
                f" (judge uncertain about condition {uncertain})." if uncertain else "."
            )
        return reasons.MAIN_AGENT_SILENCE_TIMED_OUT, f"The agent was silent for {seconds}.{why}"

    async def _handle(self, event: ChannelEvent) -> None:
        if isinstance(event, AgentText):
            await self._on_agent_text(event)
        elif isinstance(event, ToolCall):
            self.recorder.tool_call(event)
        elif isinstance(event, ToolResult):
            self.recorder.tool_result(event)
        elif isinstance(event, AgentEndedCall):
            raise _CallOver(reasons.MAIN_AGENT_ENDED_CALL, hang_up=False)
        else:
            raise self._closed(event)

    def _closed(self, event: Closed) -> _CallOver:
        if event.normal:
            return _CallOver(reasons.MAIN_AGENT_ENDED_CALL, hang_up=False)
        detail = f"code {event.code}" + (f": {event.reason}" if event.reason else "")
        return _CallOver(
            reasons.CONNECTION_DROPPED,
            f"The connection to the agent at {self.channel.address} closed unexpectedly "
            f"({detail}) after {self.recorder.agent_messages} agent message(s). "
            "Check the agent's logs for a crash, a timeout or a rejected frame.",
            hang_up=False,
        )

    async def _on_agent_text(self, event: AgentText) -> None:
        self.recorder.agent_message(event)
        await self._react(event)

    async def _react(self, event: AgentText) -> None:
        """Let the script answer a recorded agent message."""
        self._within_message_cap()
        await self._step(AgentMessage(event.text))

    async def _step(self, event: Event) -> None:
        judge = (
            await self._prejudge(event.text) if isinstance(event, AgentMessage) else _Prejudged()
        )
        self.state, actions = step(self.state, event, judge)
        no_match = [a for a in actions if isinstance(a, NoMatch)]
        self.last_no_match = no_match[-1] if no_match else None
        self.actions.extend(a for a in actions if not isinstance(a, NoMatch))

    async def _prejudge(self, message: str) -> _Prejudged:
        conditions = conditions_to_judge(self.state, message)
        if not conditions:
            return _Prejudged()
        try:
            verdicts = await self._verdicts(message, conditions)
            judged = dict(zip(conditions, (Verdict(v) for v in verdicts), strict=True))
        except Exception as exc:  # a failing judge ends this run, not the worker
            raise _CallOver(
                reasons.TESTING_AGENT_PIPELINE_ERROR,
                f"Judging the script's conditions failed: {exc}",
            ) from None
        return _Prejudged(judged)

    async def _verdicts(self, message: str, conditions: Sequence[str]) -> Sequence[Verdict]:
        if isinstance(self.judge, TurnJudge):
            previous = self._previous_caller_line()
            return await self.judge.judge_turn(message, conditions, previous=previous)
        verdicts = self.judge(message, conditions)
        return await verdicts if inspect.isawaitable(verdicts) else verdicts

    def _previous_caller_line(self) -> str | None:
        """The caller's latest line (the agent's message being judged comes after it)."""
        said = (t.content for t in reversed(self.recorder.turns) if t.role == TESTING_AGENT)
        return next(said, None)

    # -- actions ---------------------------------------------------------------------------

    async def _perform(self, action: Action) -> None:
        if isinstance(action, Say):
            self._within_message_cap()
            text = await self._words(action)
            if self.actions and isinstance(self.actions[0], EndCall):
                raise _CallOver(reasons.TESTING_AGENT_ENDED_CALL, last_words=text)
            if text:
                await self._send(text)
        elif isinstance(action, Pause):
            await self._pause(action)
        elif isinstance(action, EndCall):
            raise _CallOver(reasons.TESTING_AGENT_ENDED_CALL)

    async def _words(self, say: Say) -> str:
        if say.fixed:
            return chat_text(say.text)
        if self.paraphrase is None:
            raise _CallOver(
                reasons.TESTING_AGENT_PIPELINE_ERROR,
                f"Condition {say.condition_id} has a non-fixed action ({say.text[:80]!r}) that a "
                "language model must paraphrase, but no model is configured for the testing "
                "agent. Configure one, or set fixed_message: true on that condition.",
            )
        try:
            return (await self.paraphrase(say.text, self.recorder.transcript())).strip()
        except Exception as exc:  # the model's failure ends this run, not the worker
            raise _CallOver(
                reasons.TESTING_AGENT_PIPELINE_ERROR,
                f"The testing agent's model could not phrase condition {say.condition_id}: {exc}",
            ) from None

    def _within_message_cap(self) -> None:
        if self.recorder.messages >= self.limits.max_messages:
            raise _CallOver(reasons.EXCEEDED_MAX_MESSAGES)

    async def _send(self, text: str) -> None:
        try:
            sent_at = await self.channel.send(text)
        except ChannelError as exc:
            raise await self._lost(exc) from None
        self.recorder.caller_message(text, sent_at)

    async def _lost(self, failure: ChannelError) -> _CallOver:
        """How the call ended when sending failed: record what the agent sent before the
        connection closed, and report the close."""
        while (event := await self.channel.receive(0.0)) is not None:
            if isinstance(event, Closed):
                return self._closed(event)
            if isinstance(event, AgentEndedCall):
                return _CallOver(reasons.MAIN_AGENT_ENDED_CALL, hang_up=False)
            self._record(event)
        return _CallOver(reasons.CONNECTION_DROPPED, failure.message, hang_up=False)

    def _record(self, event: AgentText | ToolCall | ToolResult) -> None:
        """Keep an event in the transcript without letting the script answer it."""
        if isinstance(event, AgentText):
            self.recorder.agent_message(event)
        elif isinstance(event, ToolCall):
            self.recorder.tool_call(event)
        else:
            self.recorder.tool_result(event)

    async def _pause(self, pause: Pause) -> None:
        """Wait; a `<silence>` ends at the agent's next message, a `<hold>` records what
        arrives and lets the script answer it only once the hold is over."""
        until = self.clock.now() + pause.seconds
        held: list[AgentText] = []
        while (left := until - self.clock.now()) > 0:
            event = await self._receive(left)
            if event is None:
                continue
            if pause.interruptible or not isinstance(event, AgentText):
                await self._handle(event)
                if isinstance(event, AgentText):
                    return  # interrupted
                continue
            self.recorder.agent_message(event)
            held.append(event)
        for event in held:
            await self._react(event)

    async def _hang_up(self, last_words: str) -> None:
        """Send end_call, then record what arrives during the protocol's grace period."""
        try:
            sent_at = await self.channel.send(last_words, end_call=True)
        except ChannelError:
            return  # already gone
        self.recorder.caller_message(last_words, sent_at)
        until = sent_at + self.limits.end_call_grace_s
        while (left := until - self.clock.now()) > 0:
            event = self.pending.popleft() if self.pending else await self.channel.receive(left)
            if event is None or isinstance(event, AgentEndedCall | Closed):
                return
            self._record(event)

"""What a voice caller says after each agent turn (`CallerScript`); here the conditional-actions
script (the pure `actions_engine.step` decides; the judge and the caller's model phrase, as in
text mode, see `runner.call`). Instruction scenarios: `runner.voice_instruction`."""

from __future__ import annotations

import inspect
import re
from collections.abc import Mapping, Sequence
from typing import Any, Protocol

from voxtest.domain.actions_engine import (
    AgentMessage,
    CallStarted,
    Event,
    NoMatch,
    Script,
    conditions_to_judge,
    initial_state,
    is_exhausted,
    next_followup,
    step,
)
from voxtest.domain.caller_actions import Say, SpokenAction, interruption_seconds
from voxtest.domain.conditions import Verdict
from voxtest.domain.transcript import TESTING_AGENT, Transcript
from voxtest.domain.voice_tags import VOICEMAIL_GREETING
from voxtest.runner.outcome import Judge, Paraphrase, TurnJudge

_VOICE_TEXT = re.compile(
    r"""<\s*(?:voice|ivr|voicemail)\b[^<>]*?\btext\s*=\s*(?:"([^"]*)"|'([^']*)')[^<>]*>""",
    re.IGNORECASE,
)
_BARE_VOICEMAIL = re.compile(r"<\s*voicemail\s*/?\s*>", re.IGNORECASE)
_SPELL = re.compile(r"<\s*spell\s*>(.*?)<\s*/\s*spell\s*>", re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"<[^<>]*>")
_EMOTION = re.compile(r"\[[a-z][a-z _-]*\]")
_IGNORE = re.compile(r"<\s*(?:ignore_interruptions\s*>|ivr\b|voicemail\b)", re.IGNORECASE)
_IVR = re.compile(r"<\s*ivr\b", re.IGNORECASE)


class ScriptFailed(Exception):
    """The judge or the caller's model failed; the call ends with this message."""


def spoken_text(text: str) -> str:
    """What the caller's voice says for a fixed line: `<spell>AB12</spell>` letter by letter,
    other tags and emotion markers dropped."""
    text = _VOICE_TEXT.sub(lambda m: f" {m.group(1) or m.group(2) or ''} ", text)
    text = _BARE_VOICEMAIL.sub(f" {VOICEMAIL_GREETING} ", text)
    text = _SPELL.sub(lambda m: " ".join(m.group(1).replace(" ", "")), text)
    return " ".join(_EMOTION.sub(" ", _TAG.sub(" ", text)).split())


def ignores_interruptions(text: str) -> bool:
    """The caller does not yield on this line (`<ignore_interruptions>`, an IVR menu, a
    voicemail greeting)."""
    return _IGNORE.search(text) is not None


def is_ivr(text: str) -> bool:
    """The line reads a phone menu: the agent's key presses are listened for from then on."""
    return _IVR.search(text) is not None


class CallerScript(Protocol):
    """The caller's side of a voice call: its lines, given what the agent said."""

    @property
    def played_out(self) -> bool:
        """Nothing more to say: the call may end once the agent is quiet."""
        ...

    def interrupts_after(self) -> float | None:
        """Seconds into the agent's next turn at which the caller cuts in (None: it waits)."""
        ...

    async def start(self, agent_speaks_first: bool) -> Sequence[SpokenAction]: ...

    async def answer(self, message: str, transcript: Transcript) -> Sequence[SpokenAction]:
        """The reply to the agent's `message` (the latest turn of `transcript`)."""
        ...

    async def words(self, say: Say, transcript: Transcript) -> str:
        """The line to speak for `say`, voice tags kept."""
        ...


def previous_caller_line(transcript: Transcript) -> str | None:
    return next((t.content for t in reversed(transcript.turns) if t.role == TESTING_AGENT), None)


class VoiceScript:
    def __init__(
        self,
        script: Script,
        judge: Judge,
        variables: Mapping[str, Any] | None,
        paraphrase: Paraphrase | None,
    ) -> None:
        self.state = initial_state(script, variables)
        self.judge = judge
        self.paraphrase = paraphrase
        self.last_no_match: NoMatch | None = None

    @property
    def played_out(self) -> bool:
        return self.last_no_match is not None and is_exhausted(self.state)

    def interrupts_after(self) -> float | None:
        item = next_followup(self.state)
        return interruption_seconds(item.action) if item is not None and item.fixed else None

    async def start(self, agent_speaks_first: bool) -> list[SpokenAction]:
        return await self._step(CallStarted(agent_speaks_first=agent_speaks_first), None)

    async def answer(self, message: str, transcript: Transcript) -> list[SpokenAction]:
        return await self._step(AgentMessage(message), previous_caller_line(transcript))

    async def words(self, say: Say, transcript: Transcript) -> str:
        if say.fixed:
            return say.text
        if self.paraphrase is None:
            raise ScriptFailed(
                f"Condition {say.condition_id} has a non-fixed action that a language model "
                "must paraphrase, but no model is configured for the testing agent. Configure "
                "one, or set fixed_message: true on that condition."
            )
        try:
            return (await self.paraphrase(say.text, transcript)).strip()
        except Exception as exc:  # the model's failure ends this run, not the worker
            raise ScriptFailed(
                f"The testing agent's model could not phrase condition {say.condition_id}: {exc}"
            ) from None

    async def _step(self, event: Event, previous: str | None) -> list[SpokenAction]:
        verdicts: dict[str, Verdict] = {}
        if isinstance(event, AgentMessage):
            conditions = conditions_to_judge(self.state, event.text)
            if conditions:
                try:
                    found = await self._verdicts(event.text, conditions, previous)
                except Exception as exc:  # a failing judge ends this run, not the worker
                    raise ScriptFailed(f"Judging the script's conditions failed: {exc}") from None
                verdicts = dict(zip(conditions, (Verdict(v) for v in found), strict=True))

        def judged(message: str, conditions: Sequence[str]) -> tuple[Verdict, ...]:
            return tuple(verdicts[c] for c in conditions)

        self.state, actions = step(self.state, event, judged)
        no_match = [a for a in actions if isinstance(a, NoMatch)]
        self.last_no_match = no_match[-1] if no_match else None
        return [a for a in actions if not isinstance(a, NoMatch)]

    async def _verdicts(
        self, message: str, conditions: Sequence[str], previous: str | None
    ) -> Sequence[Verdict]:
        if isinstance(self.judge, TurnJudge):
            return await self.judge.judge_turn(message, conditions, previous=previous)
        verdicts = self.judge(message, conditions)
        return await verdicts if inspect.isawaitable(verdicts) else verdicts

"""An instruction scenario played by voice: the caller's model writes each line from the
conversation so far (`SimulatedCaller`, as in text mode, `runs.instruction`), and its
`end_call` tool hangs up. The lines may carry voice tags the model was told about."""

from __future__ import annotations

from voxtest.domain.caller_actions import EndCall, Say, SpokenAction
from voxtest.domain.transcript import Transcript
from voxtest.llm.base import ModelError
from voxtest.runner.simulated_caller import SimulatedCaller, caller_history
from voxtest.runner.voice_script import ScriptFailed

MODEL_LINE = -1  # the condition id of lines the model wrote


class InstructionCaller:
    """A `CallerScript` whose every line comes from the caller's model."""

    def __init__(self, caller: SimulatedCaller, *, max_turns: int = 40) -> None:
        self.caller = caller
        self.max_turns = max_turns
        self.turns = 0
        self.hung_up = False

    @property
    def played_out(self) -> bool:
        return self.hung_up

    def interrupts_after(self) -> float | None:
        return None

    async def start(self, agent_speaks_first: bool) -> list[SpokenAction]:
        return [] if agent_speaks_first else await self._next(Transcript())

    async def answer(self, message: str, transcript: Transcript) -> list[SpokenAction]:
        return await self._next(transcript)

    async def words(self, say: Say, transcript: Transcript) -> str:
        return say.text

    async def _next(self, transcript: Transcript) -> list[SpokenAction]:
        if self.hung_up:
            return []
        if self.turns >= self.max_turns:
            self.hung_up = True
            return [EndCall()]
        self.turns += 1
        try:
            turn = await self.caller.next_turn(caller_history(transcript))
        except ModelError as exc:
            raise ScriptFailed(f"The caller's model failed: {exc}") from None
        actions: list[SpokenAction] = []
        if turn.text:
            actions.append(Say(turn.text, fixed=True, condition_id=MODEL_LINE))
        if turn.end_call:
            self.hung_up = True
            actions.append(EndCall())
        return actions

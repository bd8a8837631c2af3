"""A real-time voice call to the agent under test, on the caller's own clock.

One loop sends a caller frame every 20 ms (the current line's audio, else silence) and, in
between, takes the agent's frames and events. The agent's audio is laid on a `Playout`,
recorded, and fed to the VAD; the pure `domain.turn_taking` decides when the agent's turn is
over (then its audio is transcribed and the script answers), when the caller barges in or
yields, and when it asks "Are you still there?". Transcribing, judging, phrasing and
synthesizing run in one helper task (`_think`), so the frame timer never waits on them.

Latency is measured on the caller's clock in stream time: from the last voiced caller sample
sent to the agent's VAD onset (bias corrected by the engine), see docs/design/0006.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections import deque
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Any

from voxtest.channels.audio import AgentAudio, AgentError, AgentSpeechEvent, AudioChannel
from voxtest.channels.base import ChannelError, Clock, Closed
from voxtest.domain import turn_taking as tt
from voxtest.domain.caller_actions import EndCall, Pause, Say
from voxtest.domain.network_loss import FrameLoss, LossChange, tagged_loss
from voxtest.domain.transcript import MAIN_AGENT, TESTING_AGENT, Transcript, Turn
from voxtest.runner import limits as reasons
from voxtest.runner.limits import Limits
from voxtest.runner.voice_audio import AgentSpeech, CallerLine, Playout
from voxtest.runner.voice_hearing import hear_agent
from voxtest.runner.voice_options import VoiceOptions
from voxtest.runner.voice_script import (
    CallerScript,
    ScriptFailed,
    ignores_interruptions,
    is_ivr,
    spoken_text,
)
from voxtest.runner.voice_timing import AgentTurnRecord, VoiceTiming
from voxtest.speech.base import FRAME_MS, SpeechEngines, SpeechError, Word
from voxtest.speech.recording import AGENT, CALLER, StereoRecorder
from voxtest.speech.render import CallerAudio

SILENT_FRAME = b"\x00\x00" * 320


@dataclass
class _Over(Exception):
    reason: str
    error: str | None = None


Ready = CallerLine | Pause | EndCall | LossChange


class VoiceCall:
    """One connected call, from the first frame to the hang-up."""

    def __init__(
        self,
        channel: AudioChannel,
        script: CallerScript,
        engines: SpeechEngines,
        recorder: StereoRecorder,
        limits: Limits,
        options: VoiceOptions,
        clock: Clock,
        origin: float,
    ) -> None:
        self.channel, self.script, self.engines = channel, script, engines
        self.recorder, self.limits, self.options, self.clock = recorder, limits, options, clock
        self.t0 = origin
        self.audio = CallerAudio(engines.synthesizer, options.background)
        self.said: list[tuple[dict[str, Any], bytes]] = []  # caller turns and their audio
        self.deadline = self.t0 + limits.max_duration_s
        self.playout = Playout(self.t0)
        self.speech = AgentSpeech()
        self.vad = engines.vad_factory()
        self.timing = VoiceTiming(self.t0, FRAME_MS)
        self.loss = FrameLoss(options.packet_loss_percent, options.seed)
        self.menu = False  # the caller read a phone menu: listen for the agent's keys
        self.turns: list[Turn] = []
        self.ready: deque[Ready] = deque()
        self.line: CallerLine | None = None
        self.pause_until: float | None = None
        self.pause_interruptible = False
        self.state = tt.start(self.t0, agent_speaks_first=True)
        self.started = False  # the script has been told who speaks first
        self.agent_turn: AgentTurnRecord | None = None
        self.caller_end: float | None = None  # the caller's latest line, not yet answered
        self.agent_spoke = False
        self.next_barges_in = False
        self.jobs: asyncio.Queue[Callable[[], Awaitable[None]]] = asyncio.Queue()
        self.failure: _Over | None = None
        self.end_reason = reasons.TESTING_AGENT_PIPELINE_ERROR
        self.error: str | None = "The call never ran."
        self.ended_at = self.t0

    # -- the loop --------------------------------------------------------------------------

    async def run(self, agent_speaks_first: bool | None) -> None:
        if agent_speaks_first is not None:
            self.started = True
            await self._start_script(agent_speaks_first)
        async with asyncio.TaskGroup() as group:
            thinker = group.create_task(self._think())
            try:
                await self._loop()
            except _Over as over:
                self.end_reason, self.error = over.reason, over.error
            finally:
                await self._wind_down(thinker)
        self.ended_at = self.clock.now()

    async def _loop(self) -> None:
        period, frame = FRAME_MS / 1000, 0
        while True:
            due = self.t0 + frame * period
            while (left := due - self.clock.now()) > 0:
                event = await self.channel.receive(left)
                if event is not None:
                    self._on_event(event)
            now = self.clock.now()
            self.timing.frame_lag(now - due)
            if now >= self.deadline:
                raise _Over(reasons.EXCEEDED_MAX_DURATION)
            if self.failure is not None:
                raise self.failure
            await self._send_frame()
            frame += 1
            self.playout.tick(now)
            self._listen()
            await self._decide(now)
            self._next(now)

    async def _send_frame(self) -> None:
        line = self.line
        pcm = line.next_frame() if line is not None else SILENT_FRAME
        lost = self.loss.drop()
        if lost:  # the agent hears this frame as silence
            pcm = bytes(len(pcm))
        try:
            at = await self.channel.send_audio(pcm)
        except ChannelError as exc:
            for event in [await self.channel.receive(0.5)]:
                if isinstance(event, Closed):
                    self._on_event(event)
            raise _Over(reasons.CONNECTION_DROPPED, exc.message) from None
        self.recorder.write(CALLER, pcm, at_s=at - self.t0)
        if line is not None:
            line.sent(at, lost=lost)
            if line.done:
                self._caller_finished(line, at)

    # -- the agent's side ------------------------------------------------------------------

    def _on_event(self, event: Any) -> None:
        if isinstance(event, AgentAudio):
            self.playout.frame(event.pcm, event.at)
        elif isinstance(event, AgentSpeechEvent):
            self.timing.agent_event(event.kind, event.at, event.utterance_id)
        elif isinstance(event, AgentError):
            self.timing.agent_event("error", event.at, event.code)
        elif isinstance(event, Closed):
            self._listen(final=True)
            if event.normal:
                raise _Over(reasons.MAIN_AGENT_ENDED_CALL)
            detail = f"code {event.code}" + (f": {event.reason}" if event.reason else "")
            raise _Over(
                reasons.CONNECTION_DROPPED,
                f"The connection to the agent at {self.channel.address} closed unexpectedly "
                f"({detail}). Check the agent's logs for a crash, a timeout or a rejected frame.",
            )

    def _listen(self, *, final: bool = False) -> None:
        """Feed what played out to the recording, the VAD and the turn-taking."""
        pcm = self.playout.take()
        self.speech.add(pcm)
        self.recorder.write(AGENT, pcm)
        events = list(self.vad.feed(pcm)) + (list(self.vad.flush()) if final else [])
        for vad in events:
            at = self.playout.arrival_of(vad.sample if vad.kind == "start" else vad.sample - 1)
            self.timing.vad(vad.kind, at)
            if vad.kind == "start":
                self._agent_started(vad.sample, at)
            else:
                self._agent_stopped(vad.sample, at)
        if final and self.agent_turn is not None:
            self._close_agent_turn(self.agent_turn.end_s)
        if self.agent_turn is None and not self.state.agent_speaking:
            self.speech.forget_before(self.playout.samples - 8000)

    def _agent_started(self, sample: int, at: float) -> None:
        self.state, _ = tt.step(self.state, tt.AgentStarted(at), self.options.rules)
        self.agent_spoke = True
        if self.line is not None:
            self.timing.barge_in("agent", at)
        if self.pause_until is not None and self.pause_interruptible:
            self.pause_until = None  # an agent's words end a <silence>
        if self.agent_turn is None:
            latency = None
            if self.caller_end is not None and self.line is None:
                latency = round((at - self.caller_end) * 1000, 1)
            self.caller_end = None
            self.agent_turn = AgentTurnRecord(at, at, latency_ms=latency, first_sample=sample)
            after = self.script.interrupts_after()
            if after is not None:  # the script's <interruption time>: cut in on this turn
                self.state, _ = tt.step(self.state, tt.InterruptAt(at + after), self.options.rules)
        if not self.started:
            self.started = True
            self._schedule(lambda: self._start_script(True))

    def _agent_stopped(self, sample: int, at: float) -> None:
        self.state, _ = tt.step(self.state, tt.AgentStopped(at), self.options.rules)
        self.timing.other_stopped("caller", at)
        if self.agent_turn is not None:
            self.agent_turn.end_s, self.agent_turn.last_sample = at, sample

    def _close_agent_turn(self, end: float, *, interrupted: bool = False) -> None:
        turn, self.agent_turn = self.agent_turn, None
        if turn is None:
            return
        last = turn.last_sample if not interrupted else self.playout.samples
        turn.end_s, turn.interrupted = end, interrupted
        turn.voiced_frames = self.playout.voiced_frames_between(turn.first_sample, last)
        pad = 1600
        origin = self.playout.time_of(max(turn.first_sample - pad, self.speech.first_sample))
        pcm = self.speech.cut(turn.first_sample, last, pad)
        self._schedule(lambda: self._hear(turn, pcm, origin))

    # -- decisions -------------------------------------------------------------------------

    async def _decide(self, now: float) -> None:
        self.state, decisions = tt.step(self.state, tt.Tick(now), self.options.rules)
        for decision in decisions:
            if isinstance(decision, tt.AgentTurnOver):
                self._close_agent_turn(decision.end)
            elif isinstance(decision, tt.BargeIn):
                self.timing.barge_in("caller", now)
                self.next_barges_in = True
                self._close_agent_turn(now, interrupted=True)
            elif isinstance(decision, tt.Yield):
                if self.line is not None and not ignores_interruptions(self.line.text):
                    self.line.stop()
                    self._caller_finished(self.line, now)
            elif isinstance(decision, tt.IdlePrompt):
                self.timing.idle_prompts.append(now)
                self._schedule(self._idle_prompt)
            else:
                raise _Over(*self._silence())
        if self._played_out(now):
            raise _Over(reasons.TESTING_AGENT_ENDED_CALL)

    def _played_out(self, now: float) -> bool:
        if not self.script.played_out or self.ready or self.line or not self._idle:
            return False
        if self.agent_turn is not None or not tt.floor_free(self.state):
            return False
        last = max(self.state.agent_quiet_since or self.t0, self.state.caller_quiet_since)
        return now - last >= self.options.played_out_grace_s

    def _silence(self) -> tuple[str, str]:
        seconds = f"{self.options.rules.idle_timeout_s:g} s"
        if not self.agent_spoke:
            return reasons.MAIN_AGENT_DID_NOT_ANSWER, f"The agent said nothing within {seconds}."
        prompts = self.options.rules.max_idle_prompts
        return (
            reasons.MAIN_AGENT_SILENCE_TIMED_OUT,
            f"The agent was silent for {seconds} after {prompts} 'are you still there?' prompts.",
        )

    def _next(self, now: float) -> None:
        """Start the caller's next line or pause when it may."""
        if self.line is not None:
            return
        if self.pause_until is not None:
            if now < self.pause_until:
                return
            self.pause_until = None
        if not self.started and now - self.t0 >= self.limits.greeting_wait_s:
            self.started = True  # no greeting: the caller speaks first
            self._schedule(lambda: self._start_script(False))
        while self.ready and isinstance(change := self.ready[0], LossChange):
            self.ready.popleft()
            self.loss.set(change.percent)
        if not self.ready:
            return
        barge = self.next_barges_in
        if not barge and not tt.floor_free(self.state):
            return
        item = self.ready.popleft()
        if isinstance(item, CallerLine):
            item.barge_in, self.next_barges_in = barge, False
            self.line = item
            if item.network_loss is not None:
                self.loss.set(item.network_loss)
            self.state, _ = tt.step(self.state, tt.CallerStarted(now), self.options.rules)
        elif isinstance(item, Pause):
            self.pause_until, self.pause_interruptible = now + item.seconds, item.interruptible
            if not item.interruptible:
                self.state, _ = tt.step(self.state, tt.Hold(now + item.seconds), self.options.rules)
        else:
            raise _Over(reasons.TESTING_AGENT_ENDED_CALL)

    def _caller_finished(self, line: CallerLine, at: float) -> None:
        self.line = None
        start = line.start_s if line.start_s is not None else at
        end = line.end_s if line.end_s is not None else at
        entry = self.timing.caller_turn(
            line.text, start, end, line.frames, interrupted=line.interrupted, barge_in=line.barge_in
        )
        if line.lost_at:
            entry["lost_frames"] = len(line.lost_at)
        if self.options.hear_caller:
            self.said.append((entry, line.sent_audio()))
        self.turns.append(Turn(TESTING_AGENT, line.text, self._rel(start), self._rel(end)))
        self.caller_end = end
        self.state, _ = tt.step(self.state, tt.CallerStopped(end), self.options.rules)
        if line.barge_in:
            self.timing.other_stopped("caller", self.state.agent_quiet_since or end)

    # -- thinking (off the frame timer) ----------------------------------------------------

    @property
    def _idle(self) -> bool:
        return self.jobs.empty() and not self._busy

    _busy = False

    def _schedule(self, job: Callable[[], Awaitable[None]]) -> None:
        self.jobs.put_nowait(job)

    async def _think(self) -> None:
        while True:
            job = await self.jobs.get()
            self._busy = True
            try:
                await job()
            except ScriptFailed as exc:
                self.failure = _Over(reasons.TESTING_AGENT_PIPELINE_ERROR, str(exc))
            except SpeechError as exc:
                self.failure = _Over(reasons.TESTING_AGENT_PIPELINE_ERROR, exc.message)
            finally:
                self._busy = False
                self.jobs.task_done()

    async def _idle_prompt(self) -> None:
        await self._prepare([Say(self.options.idle_prompt, True, -1)], front=True)

    async def _start_script(self, agent_speaks_first: bool) -> None:
        await self._prepare(await self.script.start(agent_speaks_first))

    async def _hear(self, turn: AgentTurnRecord, pcm: bytes, origin: float) -> None:
        heard = await hear_agent(self.engines.transcriber, pcm, keys=self.menu)
        turn.text = heard.text
        turn.words = tuple(Word(w.text, origin + w.start, origin + w.end) for w in heard.words)
        self.timing.agent_turn(turn)
        data = {"latency_ms": turn.latency_ms} if turn.latency_ms is not None else {}
        start, end = self._rel(turn.start_s), self._rel(turn.end_s)
        self.turns.append(Turn(MAIN_AGENT, turn.text, start, max(start, end), data))
        if turn.text:
            await self._prepare(await self.script.answer(turn.text, self.transcript()))

    async def _prepare(self, actions: Sequence[Any], *, front: bool = False) -> None:
        ready: list[Ready] = []
        for action in actions:
            if isinstance(action, Say):
                line = await self.script.words(action, self.transcript())
                self.menu = self.menu or is_ivr(line)
                pcm, loss = await self.audio.render(line, self.options.voice), tagged_loss(line)
                if pcm:
                    ready.append(CallerLine(spoken_text(line) or line.strip(), pcm, loss))
                elif loss is not None:
                    ready.append(LossChange(loss))
            elif isinstance(action, Pause | EndCall):
                ready.append(action)
        if front:
            self.ready.extendleft(reversed(ready))
        else:
            self.ready.extend(ready)

    async def _wind_down(self, thinker: asyncio.Task[None]) -> None:
        """Let pending transcriptions finish (bounded), then stop thinking."""
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self.jobs.join(), 10.0)
        thinker.cancel()
        if self.line is not None and self.line.frames:
            self.line.interrupted = True
            self._caller_finished(self.line, self.clock.now())

    # -- results ---------------------------------------------------------------------------

    def _rel(self, instant: float) -> float:
        return round(max(0.0, instant - self.t0), 3)

    def transcript(self) -> Transcript:
        return Transcript(tuple(sorted(self.turns, key=lambda t: t.start_time)))

"""The clinic receptionist as a voice agent on CHIRP (`voxtest example-agent voice`).

Each connection hears the caller through its own VAD and transcriber, answers with the same
`ClinicDialogue` as the chat agent, and speaks through its synthesizer in real time (20 ms
frames, `speech.started` / `speech.completed` around each reply). It sends nothing while
quiet. Switches make it misbehave in known ways: a fixed reply delay, talking over the caller,
a long silence in the middle of each reply, and dropping the call after some seconds.

Each reply's true latency is logged on the agent's clock (the last voiced caller sample in
to the first voiced reply sample out), so benchmarks can check what the caller measured.
"""

from __future__ import annotations

import asyncio
import contextlib
import http
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from types import TracebackType
from typing import Self

from websockets.asyncio.server import Server, ServerConnection, serve
from websockets.exceptions import ConnectionClosed
from websockets.http11 import Request, Response

from voxtest.examples.clinic_dialogue import ClinicDialogue, DialogueSwitches
from voxtest.protocols import chirp
from voxtest.runner.voice_audio import AgentSpeech, Playout, voiced_span
from voxtest.speech.base import FRAME_BYTES, SAMPLE_RATE, SpeechEngines, Voice

EngineFactory = Callable[[], SpeechEngines]


@dataclass(frozen=True)
class VoiceAgentOptions:
    speaks_first: bool = True
    delay_ms: int = 0  # once the caller's turn is over (endpoint_s), before the reply
    endpoint_s: float = 0.4  # caller quiet this long: its turn is over
    talk_over_s: float | None = None  # reply once the caller has spoken this long
    silence_s: float = 0.0  # a silence this long after the first sentence of each reply
    drop_after_s: float | None = None  # abort the connection this long after it opened
    username: str | None = None  # Basic auth the caller must send
    password: str | None = None
    keep_connections: int = 1000


@dataclass
class ReplyTiming:
    heard_end_at: float | None  # the caller's last sample above QUIET arrived (None: greeting)
    first_voiced_at: float  # the reply's first voiced sample left

    @property
    def latency_ms(self) -> float | None:
        if self.heard_end_at is None:
            return None
        return round((self.first_voiced_at - self.heard_end_at) * 1000, 2)


@dataclass
class VoiceConnection:
    path: str
    refused: bool = False
    heard: list[str] = field(default_factory=list)
    replies: list[ReplyTiming] = field(default_factory=list)
    ended_by: str | None = None


class ClinicVoiceAgent:
    """`async with ClinicVoiceAgent(engines) as agent:` serves CHIRP on `agent.url`."""

    def __init__(
        self,
        engines: EngineFactory,
        options: VoiceAgentOptions | None = None,
        *,
        host: str = "127.0.0.1",
        port: int = 0,
    ) -> None:
        self.engines = engines
        self.options = options or VoiceAgentOptions()
        self.host, self.port = host, port
        self.connections: deque[VoiceConnection] = deque(maxlen=self.options.keep_connections)
        self._server: Server | None = None

    @property
    def url(self) -> str:
        return f"ws://{self.host}:{self.port}/chirp"

    async def start(self) -> None:
        self._server = await serve(
            self._handle, self.host, self.port, process_request=self._check_auth, compression=None
        )
        self.port = self._server.sockets[0].getsockname()[1]

    async def stop(self) -> None:
        if self._server is not None:
            self._server.close()
            await self._server.wait_closed()
            self._server = None

    async def __aenter__(self) -> Self:
        await self.start()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.stop()

    def _check_auth(self, connection: ServerConnection, request: Request) -> Response | None:
        user, password = self.options.username, self.options.password
        header = request.headers.get("Authorization")
        if user is None or chirp.check_basic_auth(header, user, password or ""):
            return None
        self.connections.append(VoiceConnection(request.path, refused=True))
        return connection.respond(http.HTTPStatus.UNAUTHORIZED, "bad credentials\n")

    async def _handle(self, connection: ServerConnection) -> None:
        assert connection.request is not None
        log = VoiceConnection(connection.request.path)
        self.connections.append(log)
        engines = self.engines()
        await _VoiceSession(connection, self.options, engines, log).run()


class _VoiceSession:
    def __init__(
        self,
        ws: ServerConnection,
        options: VoiceAgentOptions,
        engines: SpeechEngines,
        log: VoiceConnection,
    ) -> None:
        self.ws, self.options, self.engines, self.log = ws, options, engines, log
        self.dialogue = ClinicDialogue(DialogueSwitches())
        loop = asyncio.get_running_loop()
        self.now = loop.time
        self.playout = Playout(self.now())
        self.speech = AgentSpeech()
        self.vad = engines.vad_factory()
        self.caller_start: int | None = None
        self.caller_end: tuple[int, float] | None = None  # (sample, instant) of the last end
        # when the caller's last sample above QUIET arrived: the true end of its speech, for
        # the latency log (the VAD's end, which endpointing uses, is off by its own bias)
        self.last_voiced_at: float | None = None
        self.speaking = False
        self.replied_to_start: int | None = None  # talk-over: the segment already answered
        self.replies: asyncio.Queue[tuple[str, float | None]] = asyncio.Queue()

    async def run(self) -> None:
        async with asyncio.TaskGroup() as group:
            helpers = [group.create_task(self._speak_loop())]
            if self.options.drop_after_s is not None:
                helpers.append(group.create_task(self._drop_later(self.options.drop_after_s)))
            if self.options.speaks_first:
                self.replies.put_nowait((self.dialogue.opening().reply, None))
            await self._listen()
            for helper in helpers:
                helper.cancel()
        self.log.ended_by = self.log.ended_by or "caller_closed"

    async def _listen(self) -> None:
        """Until the connection closes."""
        while True:
            try:
                message = await asyncio.wait_for(self.ws.recv(), 0.05)
            except TimeoutError:
                message = None
            except ConnectionClosed:
                return
            now = self.now()
            if isinstance(message, str):
                continue  # the caller's events need no answer
            if message is not None:
                if chirp.audio_frame_problem(message) is not None:
                    problem = chirp.session_error(chirp.INVALID_AUDIO_FRAME, "half a sample")
                    await self.ws.send(problem.to_json())
                    continue
                self.playout.frame(message, now)
                span = voiced_span(message)
                if span is not None:
                    self.last_voiced_at = now + (span[1] + 1) / SAMPLE_RATE
            self.playout.tick(now)
            await self._hear(now)

    async def _hear(self, now: float) -> None:
        pcm = self.playout.take()
        self.speech.add(pcm)
        for event in self.vad.feed(pcm):
            if event.kind == "start":
                self.caller_start, self.caller_end = event.sample, None
            else:
                end_at = self.playout.arrival_of(event.sample - 1) + 1 / SAMPLE_RATE
                self.caller_end = (event.sample, end_at)
        if self.caller_start is None:
            return
        talk_over = self.options.talk_over_s
        started_at = self.playout.arrival_of(self.caller_start)
        if self.caller_end is None:
            if talk_over is not None and now - started_at >= talk_over and not self.speaking:
                if self.replied_to_start != self.caller_start:
                    self.replied_to_start = self.caller_start
                    await self._answer(self.playout.samples, None)
            return
        end_sample, end_at = self.caller_end
        if now - end_at >= self.options.endpoint_s:
            if self.replied_to_start != self.caller_start:
                await self._answer(end_sample, self.last_voiced_at or end_at)
            self.caller_start = self.caller_end = None

    async def _answer(self, end_sample: int, end_at: float | None) -> None:
        assert self.caller_start is not None
        pcm = self.speech.cut(self.caller_start, end_sample)
        text = (await self.engines.transcriber.transcribe(pcm)).text
        self.log.heard.append(text)
        if self.dialogue.ended:
            return
        turn = await self.dialogue.respond(text)
        self.replies.put_nowait((turn.reply, end_at))
        if turn.end_call:
            self.replies.put_nowait(("", -1.0))  # hang up after speaking

    async def _speak_loop(self) -> None:
        with contextlib.suppress(ConnectionClosed):
            while True:
                text, heard_end = await self.replies.get()
                if heard_end == -1.0:
                    self.log.ended_by = "agent_end_call"
                    await asyncio.sleep(0.3)  # let the last words play out
                    await self.ws.close(chirp.CLOSE_NORMAL, "call ended by agent")
                    return
                await self._speak(text, heard_end)

    async def _speak(self, text: str, heard_end: float | None) -> None:
        if heard_end is not None and self.options.delay_ms:
            await asyncio.sleep(self.options.delay_ms / 1000)  # after the turn was over
        pcm = await self._voice(text)
        utterance = f"u{len(self.log.replies) + 1}"
        self.speaking = True
        await self.ws.send(chirp.speech_started(utterance).to_json())
        first_voiced: float | None = None
        start = self.now()
        for index, at in enumerate(range(0, len(pcm), FRAME_BYTES)):
            frame = pcm[at : at + FRAME_BYTES]
            frame += b"\x00" * (len(frame) % 2)
            await asyncio.sleep(max(0.0, start + index * 0.02 - self.now()))
            sent = self.now()
            await self.ws.send(frame)
            span = voiced_span(frame)
            if first_voiced is None and span is not None:
                first_voiced = sent + span[0] / SAMPLE_RATE
        self.speaking = False
        await self.ws.send(chirp.speech_completed(utterance).to_json())
        self.log.replies.append(ReplyTiming(heard_end, first_voiced or start))

    async def _voice(self, text: str) -> bytes:
        synthesize = self.engines.synthesizer.synthesize
        head, dot, tail = text.partition(". ")
        if not (self.options.silence_s > 0 and dot and tail):
            return await synthesize(text, Voice())
        gap = b"\x00\x00" * int(self.options.silence_s * SAMPLE_RATE)
        return await synthesize(head + ".", Voice()) + gap + await synthesize(tail, Voice())

    async def _drop_later(self, seconds: float) -> None:
        await asyncio.sleep(seconds)
        self.log.ended_by = "dropped"
        self.ws.transport.abort()


async def run_forever(
    engines: EngineFactory, options: VoiceAgentOptions, host: str, port: int
) -> None:
    """Serve until cancelled (Ctrl-C), announcing the URL on stdout."""
    async with ClinicVoiceAgent(engines, options, host=host, port=port) as agent:
        print(f"clinic voice agent listening on {agent.url}", flush=True)
        with contextlib.suppress(asyncio.CancelledError):
            await asyncio.Future()

"""The example agent under test: the clinic receptionist on Cekura's chat websocket protocol.

`ClinicAgentServer` runs it in-process (tests, demo); `run_forever` backs
`voxtest example-agent chat`. Each connection gets its own `ClinicDialogue` and backend, so
conversations are independent and reproducible. Switches in `ClinicAgentOptions` make it
misbehave in known ways (slow replies, wrong read-back, dropped connections, no verification).
"""

from __future__ import annotations

import asyncio
import hmac
import http
import random
from collections import deque
from dataclasses import dataclass, field
from types import TracebackType
from typing import Any, Self

import httpx
from websockets.asyncio.server import Server, ServerConnection, serve
from websockets.datastructures import Headers
from websockets.exceptions import ConnectionClosed
from websockets.http11 import Request, Response

from voxtest.examples.clinic_dialogue import ClinicDialogue, DialogueSwitches, Turn
from voxtest.protocols import chat_ws
from voxtest.protocols.chat_ws import Content, EndCall, Frame, FrameError


@dataclass(frozen=True)
class ClinicAgentOptions:
    speaks_first: bool = True
    reply_delay_ms: int = 0  # before every reply
    reply_delay_jitter_ms: int = 0  # plus a uniform random 0..jitter (seeded)
    wrong_confirmation: bool = False
    drop_after: int | None = None  # abort the TCP connection after this many replies
    skip_verification: bool = False
    secret: str | None = None  # refuse upgrades whose X-VOCERA-SECRET differs (HTTP 401)
    idle_timeout_s: float = chat_ws.IDLE_TIMEOUT_SECONDS
    end_call_grace_s: float = chat_ws.END_CALL_GRACE_SECONDS
    ping_interval_s: float = chat_ws.PING_INTERVAL_SECONDS
    ping_timeout_s: float = chat_ws.PING_TIMEOUT_SECONDS
    seed: int = 0
    keep_connections: int = 1000  # connection logs kept (oldest dropped), bounding memory
    mock_tools_url: str | None = None
    """voxtest's URL of this agent (`.../test_framework/v1/aiagents/{id}/`): each tool call is
    made to its mock (`tool/{name}/`) instead of the in-memory backend, tied to the run by
    echoing X-VOCERA-RUN-ID; the mock's answer is what the agent logs and what it says."""
    log_tool_calls: bool = True  # send Function Call / Result frames on the socket

    def switches(self) -> DialogueSwitches:
        return DialogueSwitches(self.wrong_confirmation, self.skip_verification)


@dataclass
class ConnectionLog:
    """What one caller connection brought and how it ended."""

    path: str
    headers: Headers
    refused: bool = False
    received: list[Frame] = field(default_factory=list)
    replies: int = 0
    # caller_end_call | agent_end_call | caller_closed | idle_timeout | dropped | invalid_frame
    ended_by: str | None = None
    mock_calls: list[int] = field(default_factory=list)  # HTTP status of each mock tool call

    def header(self, name: str) -> str | None:
        return self.headers.get(name)

    @property
    def run_id(self) -> str | None:
        return self.header(chat_ws.HEADER_RUN_ID)

    @property
    def scenario_id(self) -> str | None:
        return self.header(chat_ws.HEADER_SCENARIO_ID)

    @property
    def result_id(self) -> str | None:
        return self.header(chat_ws.HEADER_RESULT_ID)


class ClinicAgentServer:
    """`async with ClinicAgentServer(options) as agent:` serves on `agent.url` inside the block."""

    def __init__(
        self, options: ClinicAgentOptions | None = None, *, host: str = "127.0.0.1", port: int = 0
    ) -> None:
        self.options = options or ClinicAgentOptions()
        self.host = host
        self.port = port
        self.connections: deque[ConnectionLog] = deque(maxlen=self.options.keep_connections)
        self._server: Server | None = None
        self._rng = random.Random(self.options.seed)

    @property
    def url(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"ws://{host}:{self.port}/chat"

    async def start(self) -> None:
        self._server = await serve(
            self._handle,
            self.host,
            self.port,
            process_request=self._check_secret,
            ping_interval=self.options.ping_interval_s,
            ping_timeout=self.options.ping_timeout_s,
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
        traceback: TracebackType | None,
    ) -> None:
        await self.stop()

    def _check_secret(self, connection: ServerConnection, request: Request) -> Response | None:
        secret = self.options.secret
        given = request.headers.get(chat_ws.HEADER_SECRET, "")
        if secret is None or hmac.compare_digest(given.encode(), secret.encode()):
            return None
        self.connections.append(ConnectionLog(request.path, Headers(request.headers), True))
        return connection.respond(http.HTTPStatus.UNAUTHORIZED, "invalid X-VOCERA-SECRET\n")

    async def _handle(self, connection: ServerConnection) -> None:
        assert connection.request is not None
        log = ConnectionLog(connection.request.path, Headers(connection.request.headers))
        self.connections.append(log)
        await _Session(connection, self.options, log, self._rng).run()


class _Session:
    """One call: reads caller frames, answers through the dialogue, ends as the protocol says."""

    def __init__(
        self,
        connection: ServerConnection,
        options: ClinicAgentOptions,
        log: ConnectionLog,
        rng: random.Random,
    ) -> None:
        self.connection = connection
        self.options = options
        self.log = log
        self.rng = rng
        mocked = self._mocked if options.mock_tools_url else None
        self.dialogue = ClinicDialogue(options.switches(), tools=mocked)
        self.greeted = False
        self._client: httpx.AsyncClient | None = None

    async def run(self) -> None:
        try:
            if self.options.speaks_first:
                await self._answer(self.dialogue.opening())
            while self.log.ended_by is None:
                await self._serve_one_frame()
        except ConnectionClosed:
            self.log.ended_by = self.log.ended_by or "caller_closed"
        finally:
            if self._client is not None:
                await self._client.aclose()

    async def _serve_one_frame(self) -> None:
        try:
            message = await asyncio.wait_for(self.connection.recv(), self.options.idle_timeout_s)
        except TimeoutError:
            self.log.ended_by = "idle_timeout"
            await self.connection.close(chat_ws.CLOSE_NORMAL, "idle timeout")
            return
        try:
            frame = chat_ws.parse_frame(message)
        except FrameError as exc:
            self.log.ended_by = "invalid_frame"
            await self.connection.close(chat_ws.CLOSE_INVALID_FRAME, str(exc)[:120])
            return
        self.log.received.append(frame)
        await self._on_frame(frame)

    async def _on_frame(self, frame: Frame) -> None:
        if isinstance(frame, EndCall):
            self.log.ended_by = "caller_end_call"
            await self._close_after_grace("call ended by caller")
        elif isinstance(frame, Content):
            if frame.text.strip():
                await self._answer(await self.dialogue.respond(frame.text))
            elif not self.greeted:  # an empty first message asks the agent to open
                await self._answer(self.dialogue.opening())
        # metadata and tool logs from the caller need no answer

    async def _answer(self, turn: Turn) -> None:
        await asyncio.sleep(self._reply_delay_s())
        for call in turn.tool_calls if self.options.log_tool_calls else ():
            await self.connection.send(
                chat_ws.function_call_frame(call.id, call.name, call.arguments)
            )
            await self.connection.send(chat_ws.function_call_result_frame(call.id, call.result))
        if turn.reply:
            metadata = {"stage": turn.stage.value, "turn": self.log.replies + 1}
            await self.connection.send(chat_ws.content_frame(turn.reply, metadata))
            self.log.replies += 1
            self.greeted = True
        if self._should_drop():
            self.log.ended_by = "dropped"
            self.connection.transport.abort()  # no close frame: an abrupt drop
        elif turn.end_call:
            self.log.ended_by = "agent_end_call"
            await self.connection.send(chat_ws.end_call_frame())
            await self._close_after_grace("call ended by agent")

    async def _mocked(self, name: str, arguments: dict[str, Any]) -> dict[str, Any]:
        """The tool's answer from voxtest's mock of it (an error answer when unreachable); a
        tool the run does not mock (`"mocked": false`) runs on the agent's own backend."""
        base = self.options.mock_tools_url or ""
        run_id = self.log.run_id
        headers = {"X-VOXTEST-RUN-ID": run_id} if run_id else {}
        url = f"{base.rstrip('/')}/tool/{name}/"
        if self._client is None:
            self._client = httpx.AsyncClient(timeout=10)
        try:
            answer = await self._client.post(url, json=arguments, headers=headers)
        except httpx.HTTPError as exc:
            self.log.mock_calls.append(0)
            return {"error": f"the mock tool could not be reached: {exc.__class__.__name__}"}
        self.log.mock_calls.append(answer.status_code)
        try:
            body = answer.json() if answer.content else {}
        except ValueError:
            body = {"error": answer.text[:200]}
        if not isinstance(body, dict):
            return {"result": body}
        if body.get("mocked") is False:
            return await self.dialogue.on_backend(name, arguments)
        if answer.status_code >= 400 and "error" not in body:
            return {"error": str(body)[:200]}
        return body

    def _should_drop(self) -> bool:
        limit = self.options.drop_after
        return limit is not None and self.log.replies >= limit

    def _reply_delay_s(self) -> float:
        jitter = self.rng.uniform(0, self.options.reply_delay_jitter_ms)
        return (self.options.reply_delay_ms + jitter) / 1000

    async def _close_after_grace(self, reason: str) -> None:
        """Give the caller the grace period to hang up itself, then close normally."""
        try:
            await asyncio.wait_for(self.connection.wait_closed(), self.options.end_call_grace_s)
        except TimeoutError:
            await self.connection.close(chat_ws.CLOSE_NORMAL, reason)


async def run_forever(options: ClinicAgentOptions, host: str, port: int) -> None:
    """Serve until cancelled (Ctrl-C), announcing the URL on stdout."""
    async with ClinicAgentServer(options, host=host, port=port) as agent:
        print(f"clinic agent listening on {agent.url}", flush=True)
        await asyncio.Future()  # runs until cancelled

"""ChirpChannel against real CHIRP websocket servers on loopback."""

from __future__ import annotations

import asyncio
import http
import json
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager

import pytest
from websockets.asyncio.server import ServerConnection, serve
from websockets.http11 import Request, Response

from voxtest.channels.audio import AgentAudio, AgentError, AgentSpeechEvent, AudioEvent
from voxtest.channels.base import Closed, ConnectionLost
from voxtest.channels.chirp import BasicAuth, ChirpChannel, dial
from voxtest.channels.fake import FakeClock
from voxtest.protocols import chirp
from voxtest.testing import free_port

Handler = Callable[[ServerConnection], Awaitable[None]]


@asynccontextmanager
async def chirp_server(handle: Handler, auth: BasicAuth | None = None) -> AsyncIterator[str]:
    def check(connection: ServerConnection, request: Request) -> Response | None:
        header = request.headers.get("Authorization")
        if auth is None or chirp.check_basic_auth(header, auth.username, auth.password):
            return None
        return connection.respond(http.HTTPStatus.UNAUTHORIZED, "bad credentials\n")

    async with serve(handle, "127.0.0.1", 0, process_request=check) as server:
        yield f"ws://127.0.0.1:{server.sockets[0].getsockname()[1]}/chirp"


async def events_until_closed(channel: ChirpChannel) -> list[AudioEvent]:
    events: list[AudioEvent] = []
    while True:
        event = await channel.receive(5.0)
        assert event is not None
        events.append(event)
        if isinstance(event, Closed):
            return events


async def test_audio_both_ways_and_speech_events_with_basic_auth() -> None:
    heard: list[bytes] = []

    async def agent(ws: ServerConnection) -> None:
        heard.append(bytes(await ws.recv()))  # type: ignore[arg-type]
        await ws.send(chirp.speech_started("u1").to_json())
        await ws.send(b"\x01\x00" * 320)
        await ws.send(chirp.speech_completed("u1").to_json())
        await ws.send(chirp.session_error(chirp.INTERNAL_ERROR, "tts hiccup").to_json())
        await ws.close(chirp.CLOSE_NORMAL, "bye")

    auth = BasicAuth("voxtest", "s3cret")
    async with chirp_server(agent, auth) as url:
        channel = ChirpChannel(url, auth=auth)
        await channel.connect()
        sent_at = await channel.send_audio(b"\x00\x00" * 320)
        events = await events_until_closed(channel)
        await channel.close()
    assert heard == [b"\x00\x00" * 320]
    started, audio, completed, error, closed = events
    assert isinstance(started, AgentSpeechEvent) and started.kind == "started"
    assert started.utterance_id == "u1" and started.at >= sent_at
    assert isinstance(audio, AgentAudio) and audio.pcm == b"\x01\x00" * 320
    assert isinstance(completed, AgentSpeechEvent) and completed.kind == "completed"
    assert isinstance(error, AgentError) and error.code == chirp.INTERNAL_ERROR
    assert error.message == "tts hiccup"
    assert isinstance(closed, Closed) and closed.code == 1000 and closed.reason == "bye"


async def test_a_wrong_password_is_rejected_and_not_retried() -> None:
    async def agent(ws: ServerConnection) -> None:
        await ws.wait_closed()

    async with chirp_server(agent, BasicAuth("voxtest", "right")) as url:
        channel = ChirpChannel(url, auth=BasicAuth("voxtest", "wrong"))
        dialled = await dial(channel, FakeClock())
    assert (dialled.connected, dialled.outcome, dialled.attempts) == (False, "REJECTED", 1)
    assert dialled.error is not None and "websocket_auth" in dialled.error


async def test_an_unreachable_agent_is_incompleted_after_the_retries() -> None:
    clock = FakeClock()
    channel = ChirpChannel(f"ws://127.0.0.1:{free_port()}/chirp", clock=clock)
    started = clock.now()
    dialled = await dial(channel, clock, backoff_s=0.5)
    assert (dialled.connected, dialled.outcome) == (False, "INCOMPLETED")
    assert dialled.attempts == chirp.MAX_RETRIES + 1
    assert clock.now() - started == pytest.approx(0.5 + 1.0 + 2.0)
    assert dialled.error is not None and "Gave up after 4 attempts" in dialled.error


async def test_invalid_events_from_the_agent_are_answered_with_session_error() -> None:
    answers: list[dict[str, object]] = []

    async def agent(ws: ServerConnection) -> None:
        await ws.send("not json")
        await ws.send(json.dumps({"type": "speech.started"}))
        await ws.send(b"\x00")  # half a sample
        for _ in range(3):
            answers.append(json.loads(await ws.recv()))
        await ws.close(chirp.CLOSE_POLICY_VIOLATION, "")

    async with chirp_server(agent) as url:
        channel = ChirpChannel(url)
        await channel.connect()
        events = await events_until_closed(channel)
        await channel.close()
    codes = [a["data"]["code"] for a in answers]  # type: ignore[index]
    assert codes == [chirp.INVALID_MESSAGE, chirp.MISSING_FIELD, chirp.INVALID_AUDIO_FRAME]
    assert channel.errors_answered == 3
    closed = events[-1]
    assert isinstance(closed, Closed) and closed.code == 1008 and len(events) == 1


async def test_sending_after_the_agent_hung_up_raises_connection_lost() -> None:
    async def agent(ws: ServerConnection) -> None:
        await ws.close(chirp.CLOSE_INTERNAL_ERROR, "boom")

    async with chirp_server(agent) as url:
        channel = ChirpChannel(url)
        await channel.connect()
        closed = (await events_until_closed(channel))[-1]
        with pytest.raises(ConnectionLost, match="internal error: boom"):
            await channel.send_audio(b"\x00\x00")
        await channel.close()
    assert isinstance(closed, Closed) and closed.code == 1011


async def test_a_dropped_connection_closes_with_1006() -> None:
    async def agent(ws: ServerConnection) -> None:
        await asyncio.sleep(0.01)
        ws.transport.abort()

    async with chirp_server(agent) as url:
        channel = ChirpChannel(url)
        await channel.connect()
        closed = (await events_until_closed(channel))[-1]
        await channel.close()
    assert isinstance(closed, Closed) and closed.code == 1006 and not closed.normal


def test_half_samples_are_refused_before_sending() -> None:
    with pytest.raises(ValueError, match="whole 16-bit samples"):
        asyncio.run(ChirpChannel("ws://127.0.0.1:1/x").send_audio(b"\x00"))


async def test_a_private_agent_is_incompleted_at_once_when_the_instance_refuses_them() -> None:
    dialled_by: list[ServerConnection] = []

    async def agent(ws: ServerConnection) -> None:
        dialled_by.append(ws)

    async with chirp_server(agent) as url:
        channel = ChirpChannel(url, allow_private=False)
        dialled = await dial(channel, FakeClock())
    assert (dialled.connected, dialled.outcome, dialled.attempts) == (False, "INCOMPLETED", 1)
    assert dialled.error is not None and "VOXTEST_ALLOW_PRIVATE_AGENT_URLS" in dialled.error
    assert dialled_by == []

"""TextWebsocketChannel against real websocket servers on loopback."""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager

import pytest
from websockets.asyncio.server import ServerConnection, serve

from tests.fake_dns import resolve_once
from voxtest.channels.base import (
    AgentEndedCall,
    AgentText,
    ChannelEvent,
    Closed,
    ConnectionLost,
    ConnectRefused,
    InvalidAddress,
    SystemClock,
    ToolCall,
    ToolResult,
    Unreachable,
)
from voxtest.channels.text_ws import RunIds, TextWebsocketChannel, connection_headers
from voxtest.examples.clinic_agent import ClinicAgentOptions, ClinicAgentServer
from voxtest.protocols import chat_ws
from voxtest.testing import free_port

IDS = RunIds(scenario_id="12", result_id="34", run_id="56")


async def _next(channel: TextWebsocketChannel) -> ChannelEvent:
    event = await channel.receive(5.0)
    assert event is not None
    return event


async def _reply(channel: TextWebsocketChannel) -> list[ChannelEvent]:
    """Events up to and including the next message."""
    events = [await _next(channel)]
    while not isinstance(events[-1], AgentText | Closed):
        events.append(await _next(channel))
    return events


@asynccontextmanager
async def _frames_server(frames: Sequence[str]) -> AsyncIterator[str]:
    """A server that sends `frames` to each caller, then waits for the caller to leave."""

    async def handle(connection: ServerConnection) -> None:
        for frame in frames:
            await connection.send(frame)
        await connection.wait_closed()

    async with serve(handle, "127.0.0.1", 0) as server:
        port = server.sockets[0].getsockname()[1]
        yield f"ws://127.0.0.1:{port}/chat"


def test_headers_put_vocera_ids_last_and_keep_profile_x_keys_only() -> None:
    headers = connection_headers(
        agent_headers={"X-Clinic": "bright", "x-vocera-run-id": "spoofed"},
        profile_variables={"X-Patient-Id": "P-77", "customer_name": "Sarah", "X-None": None},
        secret="s3cret",
        ids=IDS,
    )
    assert headers == {
        "X-Clinic": "bright",
        "X-Patient-Id": "P-77",
        chat_ws.HEADER_SECRET: "s3cret",
        chat_ws.HEADER_SCENARIO_ID: "12",
        chat_ws.HEADER_RESULT_ID: "34",
        chat_ws.HEADER_RUN_ID: "56",
    }


async def test_clinic_chat_sends_headers_and_reads_tool_logs_and_messages() -> None:
    async with ClinicAgentServer(
        ClinicAgentOptions(secret="s3cret", end_call_grace_s=0.2)
    ) as agent:
        channel = TextWebsocketChannel(
            agent.url,
            headers={"X-Clinic": "bright-smile"},
            secret="s3cret",
            ids=IDS,
            profile_variables={"X-Patient-Id": "P-77"},
        )
        await channel.connect()
        greeting = await _reply(channel)
        assert isinstance(greeting[0], AgentText) and "Bright Smile" in greeting[0].text
        assert greeting[0].metadata == {"stage": "await_request", "turn": 1}
        for line in ("I need to move my cleaning.", "It's Sarah Johnson."):
            await channel.send(line)
            await _reply(channel)
        await channel.send("1990-01-01")
        offer = await _reply(channel)
        assert [type(e) for e in offer] == [ToolCall, ToolResult, ToolCall, ToolResult, AgentText]
        call = offer[0]
        assert isinstance(call, ToolCall) and call.name == "verify_patient"
        assert call.arguments == {"name": "Sarah Johnson", "date_of_birth": "1990-01-01"}
        assert isinstance(offer[1], ToolResult) and offer[1].id == call.id
        await channel.send("", end_call=True)
        closed = await _next(channel)  # the agent closes after its grace period
        assert isinstance(closed, Closed) and (closed.code, closed.reason) == (
            1000,
            "call ended by caller",
        )
        await channel.close()
    log = agent.connections[0]
    assert (log.scenario_id, log.result_id, log.run_id) == ("12", "34", "56")
    assert log.header("X-Clinic") == "bright-smile" and log.header("X-Patient-Id") == "P-77"
    assert log.ended_by == "caller_end_call"


async def test_reply_latency_is_measured_at_the_socket() -> None:
    clock = SystemClock()
    async with ClinicAgentServer(ClinicAgentOptions(reply_delay_ms=300)) as agent:
        channel = TextWebsocketChannel(agent.url, clock=clock)
        await channel.connect()
        await _reply(channel)
        sent_at = await channel.send("I need to move my cleaning.")
        reply = await _reply(channel)
        await channel.close()
    assert isinstance(reply[0], AgentText)
    assert 0.28 <= reply[0].at - sent_at <= 0.6


async def test_metadata_only_frames_ride_on_the_next_message_and_end_call_has_last_words() -> None:
    frames = [
        chat_ws.metadata_frame({"a": 1}),
        chat_ws.metadata_frame({"b": 2}),
        chat_ws.content_frame("Hello", {"b": 3}),
        chat_ws.end_call_frame("Bye now"),
    ]
    async with _frames_server(frames) as url:
        channel = TextWebsocketChannel(url)
        await channel.connect()
        events = [await _next(channel) for _ in range(3)]
        await channel.close()
    assert isinstance(events[0], AgentText) and events[0].metadata == {"a": 1, "b": 3}
    assert isinstance(events[1], AgentText) and events[1].text == "Bye now"
    assert isinstance(events[2], AgentEndedCall)


async def test_an_invalid_frame_closes_the_call_with_1007() -> None:
    async with _frames_server(["not json"]) as url:
        channel = TextWebsocketChannel(url)
        await channel.connect()
        event = await _next(channel)
        assert isinstance(event, Closed) and event.code == chat_ws.CLOSE_INVALID_FRAME
        assert "invalid frame from agent: not JSON" in event.reason
        assert await channel.receive(0.1) == event  # stays closed
        with pytest.raises(ConnectionLost):
            await channel.send("hello?")
        await channel.close()


async def test_dropped_connection_is_closed_1006() -> None:
    async with ClinicAgentServer(ClinicAgentOptions(drop_after=1)) as agent:
        channel = TextWebsocketChannel(agent.url)
        await channel.connect()
        await _reply(channel)
        event = await _next(channel)
        await channel.close()
    assert isinstance(event, Closed) and event.code == 1006 and not event.normal


async def test_wrong_secret_is_refused_not_retryable() -> None:
    async with ClinicAgentServer(ClinicAgentOptions(secret="right")) as agent:
        channel = TextWebsocketChannel(agent.url, secret="wrong")
        with pytest.raises(ConnectRefused) as refused:
            await channel.connect()
    assert not refused.value.retryable and "HTTP 401" in refused.value.message
    assert agent.connections[0].refused


async def test_closed_port_is_unreachable_and_retryable() -> None:
    channel = TextWebsocketChannel(f"ws://127.0.0.1:{free_port()}/chat")
    with pytest.raises(Unreachable) as unreachable:
        await channel.connect()
    assert unreachable.value.retryable and "Could not reach" in unreachable.value.message


@pytest.mark.parametrize("url", ["http://127.0.0.1/chat", "ws://user:pw@host/chat", ""])
async def test_unusable_urls_are_refused_before_dialling(url: str) -> None:
    with pytest.raises(InvalidAddress) as invalid:
        await TextWebsocketChannel(url).connect()
    assert not invalid.value.retryable and "not usable" in invalid.value.message


async def test_a_private_agent_url_is_refused_when_the_instance_says_so() -> None:
    async with _frames_server([]) as url:
        channel = TextWebsocketChannel(url, allow_private=False)
        with pytest.raises(InvalidAddress) as invalid:
            await channel.connect()
    assert not invalid.value.retryable
    assert invalid.value.message == (
        "The agent's websocket URL cannot be dialled: '127.0.0.1' resolves to 127.0.0.1, a "
        "loopback, private or link-local address; voxtest calls only public hosts unless "
        "VOXTEST_ALLOW_PRIVATE_AGENT_URLS=true."
    )


async def test_a_checked_agent_is_dialled_at_the_address_checked(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    hosts: list[str | None] = []

    async def handle(connection: ServerConnection) -> None:
        assert connection.request is not None
        hosts.append(connection.request.headers.get("Host"))
        await connection.send(chat_ws.content_frame("Hello"))
        await connection.wait_closed()

    name = resolve_once(monkeypatch, "agent.voxtest-test")
    async with serve(handle, "127.0.0.1", 0) as server:
        port = server.sockets[0].getsockname()[1]
        channel = TextWebsocketChannel(f"ws://{name.name}:{port}/chat", allow_private=False)
        await channel.connect()
        event = await _next(channel)
        await channel.close()
    assert isinstance(event, AgentText) and event.text == "Hello"
    assert hosts == [f"agent.voxtest-test:{port}"] and name.lookups == ["agent.voxtest-test"]

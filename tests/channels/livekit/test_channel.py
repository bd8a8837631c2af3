"""LiveKitChannel end to end below the network: the server API is a local Twirp server
on loopback, the room is the in-process fake (`voxtest.channels.livekit_fake`)."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator

import pytest
from livekit import api

from tests.channels.livekit.call_loop import listen, speak
from tests.channels.livekit.twirp_server import KEY, SECRET, TwirpServer, twirp_server
from voxtest.channels.base import ConnectionLost, ConnectRefused, InvalidAddress, Unreachable
from voxtest.channels.livekit import CALLER_IDENTITY, DATA_TOPIC, LiveKitChannel
from voxtest.channels.livekit_fake import FakeAgent, FakeLiveKit
from voxtest.channels.livekit_server import LiveKitTarget
from voxtest.speech.base import SAMPLE_RATE, duration_s


@pytest.fixture
async def server() -> AsyncIterator[TwirpServer]:
    async with twirp_server() as fake:
        yield fake


def _target(url: str, **kw: object) -> LiveKitTarget:
    return LiveKitTarget(url=url, api_key=KEY, api_secret=SECRET, **kw)  # type: ignore[arg-type]


def _channel(server: TwirpServer, fake: FakeLiveKit, **kw: object) -> LiveKitChannel:
    target = _target(
        server.url,
        agent_name="clinic-agent",
        room_config={"empty_timeout": 60, "max_participants": 2},
        publish_data_message={"patient": "Ada", "visit": 3},
    )
    options: dict[str, object] = {"allow_private": True, "metadata": {"run_id": "17"}, **kw}
    return LiveKitChannel(target, fake, room="voxtest-run-17", **options)  # type: ignore[arg-type]


async def test_a_whole_call_greeting_two_turns_and_the_agent_leaving(
    server: TwirpServer,
) -> None:
    fake = FakeLiveKit(FakeAgent(greeting_ms=300, reply_ms=200, leave_after=2))
    channel = _channel(server, fake)
    await channel.connect()
    greeting = await listen(channel)
    first_sent = await speak(channel, ms=400)
    first = await listen(channel)
    await speak(channel, ms=200)
    second = await listen(channel)
    after = await listen(channel)
    await channel.close()

    assert greeting.speech == [("started", "1"), ("completed", "1")]
    assert first.speech == [("started", "2"), ("completed", "2")]
    assert second.speech == [("started", "3"), ("completed", "3")]
    assert after.closed is not None and after.closed.code == 1000
    assert after.closed.reason == "the agent left the room"
    # 48 kHz stereo from the room arrives as 16 kHz mono, all of it
    assert duration_s(greeting.audio) == pytest.approx(0.3, abs=0.01)
    assert duration_s(first.audio) == pytest.approx(0.2, abs=0.01)
    assert len(first_sent) == 20 + 3 and first_sent == sorted(first_sent)

    room = fake.rooms[0]
    assert [f.sample_rate for f in room.caller_frames] == [SAMPLE_RATE] * (23 + 13)
    assert room.data == [(b'{"patient":"Ada","visit":3}', DATA_TOPIC)]
    claims = api.TokenVerifier(KEY, SECRET).verify(room.token)
    assert claims.identity == CALLER_IDENTITY
    assert claims.video is not None
    assert (claims.video.room, claims.video.room_join) == ("voxtest-run-17", True)
    assert room.url == server.url
    assert room.disconnected

    create = server.called("RoomService/CreateRoom")[0].request
    assert (create.name, create.empty_timeout, create.max_participants) == ("voxtest-run-17", 60, 2)
    dispatch = server.called("AgentDispatchService/CreateDispatch")[0].request
    assert (dispatch.agent_name, dispatch.room) == ("clinic-agent", "voxtest-run-17")
    assert json.loads(dispatch.metadata) == {"run_id": "17"}
    assert [c.request.room for c in server.called("RoomService/DeleteRoom")] == ["voxtest-run-17"]


async def test_after_the_call_closed_receive_repeats_it_and_sending_fails(
    server: TwirpServer,
) -> None:
    fake = FakeLiveKit(FakeAgent())
    channel = _channel(server, fake)
    await channel.connect()
    fake.rooms[0].drop()
    heard = await listen(channel)
    assert heard.closed is not None and heard.closed.code == 1006
    assert heard.closed.reason == "signal_close"
    assert await channel.receive(0.01) == heard.closed
    with pytest.raises(ConnectionLost):
        await channel.send_audio(bytes(640))
    await channel.close()
    await channel.close()  # idempotent
    assert len(server.called("RoomService/DeleteRoom")) == 1


async def test_a_text_data_message_is_sent_as_it_is_and_none_sends_nothing(
    server: TwirpServer,
) -> None:
    for message, packets in (("hello agent", [(b"hello agent", DATA_TOPIC)]), (None, [])):
        fake = FakeLiveKit(FakeAgent())
        channel = LiveKitChannel(
            _target(server.url, publish_data_message=message), fake, allow_private=True
        )
        await channel.connect()
        await channel.close()
        assert fake.rooms[0].data == packets
    assert server.called("AgentDispatchService/CreateDispatch") == []  # no agent name


async def test_an_agent_that_never_joins_fails_the_connect_and_the_room_is_deleted(
    server: TwirpServer,
) -> None:
    fake = FakeLiveKit(FakeAgent(joins=False, also_in_room=("a-human",)))
    channel = _channel(server, fake, join_timeout_s=0.2)
    with pytest.raises(Unreachable, match="No agent joined .* 'clinic-agent'") as caught:
        await channel.connect()
    assert caught.value.retryable
    assert fake.rooms[0].disconnected
    assert len(server.called("RoomService/DeleteRoom")) == 1


async def test_other_participants_audio_is_not_the_agents(server: TwirpServer) -> None:
    fake = FakeLiveKit(FakeAgent(greeting_ms=100, also_in_room=("a-human",)))
    channel = _channel(server, fake)
    await channel.connect()
    greeting = await listen(channel)
    await channel.close()
    assert duration_s(greeting.audio) == pytest.approx(0.1, abs=0.01)


async def test_a_refused_join_and_a_private_address_fail_before_any_call(
    server: TwirpServer,
) -> None:
    refused = _channel(server, FakeLiveKit(refuse=True))
    with pytest.raises(ConnectRefused):
        await refused.connect()
    assert len(server.called("RoomService/DeleteRoom")) == 1
    before = len(server.calls)
    private = _channel(server, FakeLiveKit(), allow_private=False)
    with pytest.raises(InvalidAddress, match="loopback, private or link-local"):
        await private.connect()
    with pytest.raises(InvalidAddress, match="scheme"):
        await LiveKitChannel(_target("ftp://x.example"), FakeLiveKit()).connect()
    assert len(server.calls) == before


async def test_connect_again_after_a_failure_starts_a_fresh_call(server: TwirpServer) -> None:
    server.fail["RoomService/CreateRoom"] = (503, "unavailable")
    fake = FakeLiveKit(FakeAgent(greeting_ms=100))
    channel = _channel(server, fake)
    with pytest.raises(Unreachable):
        await channel.connect()
    del server.fail["RoomService/CreateRoom"]
    await channel.connect()
    greeting = await listen(channel)
    await channel.close()
    assert greeting.speech == [("started", "1"), ("completed", "1")]
    assert len(fake.rooms) == 1

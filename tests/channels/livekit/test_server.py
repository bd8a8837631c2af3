"""The caller's token and the server API requests (room, dispatch) against a local Twirp
server speaking LiveKit's wire format."""

from __future__ import annotations

import datetime

import jwt
import pytest
from livekit import api

from tests.channels.livekit.twirp_server import KEY, SECRET, twirp_server
from voxtest.channels.base import ConnectRefused, InvalidAddress, Unreachable
from voxtest.channels.livekit_server import (
    LiveKitServer,
    LiveKitTarget,
    caller_token,
    room_config_problem,
    room_request,
)
from voxtest.testing import free_port


def _target(url: str, **kw: object) -> LiveKitTarget:
    return LiveKitTarget(url=url, api_key=KEY, api_secret=SECRET, **kw)  # type: ignore[arg-type]


def test_the_callers_token_joins_one_room_as_a_publishing_subscriber() -> None:
    token = caller_token(_target("wss://x.livekit.cloud"), "room-7", "voxtest-caller-7")
    claims = jwt.decode(token, SECRET, algorithms=["HS256"])
    assert claims["iss"] == KEY
    assert claims["sub"] == "voxtest-caller-7"
    assert claims["kind"] == "standard"
    assert claims["video"] == {
        "roomJoin": True,
        "room": "room-7",
        "canPublish": True,
        "canSubscribe": True,
        "canPublishData": True,
        "canPublishSources": ["microphone"],
    }
    assert 3590 <= claims["exp"] - claims["nbf"] <= 3610  # one hour
    with pytest.raises(jwt.InvalidSignatureError):
        jwt.decode(token, "another secret of at least 32 characters", algorithms=["HS256"])


def test_a_token_with_a_shorter_life_says_so() -> None:
    ttl = datetime.timedelta(minutes=5)
    token = caller_token(_target("wss://x"), "r", "me", ttl=ttl)
    claims = api.TokenVerifier(KEY, SECRET).verify(token)
    assert claims.identity == "me"
    assert claims.video is not None and claims.video.room == "r"
    raw = jwt.decode(token, SECRET, algorithms=["HS256"])
    assert raw["exp"] - raw["nbf"] == 300


def test_room_config_accepts_room_fields_and_keeps_voxtests_room_name() -> None:
    request = room_request(
        "voxtest-1", {"empty_timeout": 60, "maxParticipants": 2, "name": "theirs"}
    )
    assert (request.name, request.empty_timeout, request.max_participants) == ("voxtest-1", 60, 2)
    assert room_config_problem({"empty_timeout": 300, "max_participants": 2}) is None
    assert "no field named" in (room_config_problem({"colour": "red"}) or "")
    assert "JSON object" in (room_config_problem(["empty_timeout"]) or "")


async def test_room_creation_and_dispatch_reach_the_server_as_twirp_calls() -> None:
    async with twirp_server() as fake:
        target = _target(fake.url, agent_name="clinic", room_config={"empty_timeout": 45})
        async with LiveKitServer(target) as server:
            await server.create_room("voxtest-9")
            await server.dispatch("voxtest-9", '{"run_id": 9}')
            await server.delete_room("voxtest-9")
    assert [c.method for c in fake.calls] == [
        "RoomService/CreateRoom",
        "AgentDispatchService/CreateDispatch",
        "RoomService/DeleteRoom",
    ]
    create, dispatch, delete = fake.calls
    assert (create.request.name, create.request.empty_timeout) == ("voxtest-9", 45)
    assert create.claims.video is not None and create.claims.video.room_create
    assert (dispatch.request.agent_name, dispatch.request.room) == ("clinic", "voxtest-9")
    assert dispatch.request.metadata == '{"run_id": 9}'
    assert dispatch.claims.video is not None
    assert (dispatch.claims.video.room_admin, dispatch.claims.video.room) == (True, "voxtest-9")
    assert delete.request.room == "voxtest-9"


async def test_without_an_agent_name_nothing_is_dispatched() -> None:
    async with twirp_server() as fake:
        async with LiveKitServer(_target(fake.url)) as server:
            await server.dispatch("voxtest-1", "{}")
    assert fake.calls == []


async def test_a_wrong_secret_is_refused_and_not_worth_retrying() -> None:
    async with twirp_server() as fake:
        target = LiveKitTarget(url=fake.url, api_key=KEY, api_secret="x" * 40)
        async with LiveKitServer(target) as server:
            with pytest.raises(ConnectRefused, match="API key and secret") as caught:
                await server.create_room("voxtest-1")
    assert not caught.value.retryable


async def test_server_errors_map_to_retryable_or_not() -> None:
    async with twirp_server() as fake:
        fake.fail["AgentDispatchService/CreateDispatch"] = (404, "not_found")
        fake.fail["RoomService/CreateRoom"] = (503, "unavailable")
        async with LiveKitServer(_target(fake.url, agent_name="nobody")) as server:
            with pytest.raises(InvalidAddress, match="dispatch agent 'nobody': not_found"):
                await server.dispatch("voxtest-1", "{}")
            with pytest.raises(Unreachable, match="create the room: unavailable") as caught:
                await server.create_room("voxtest-1")
    assert caught.value.retryable


async def test_no_server_listening_is_unreachable() -> None:
    target = _target(f"ws://127.0.0.1:{free_port()}")
    async with LiveKitServer(target) as server:
        with pytest.raises(Unreachable, match="create the room"):
            await server.create_room("voxtest-1")

"""LiveKit's server side, through the official server SDK (`livekit-api`): the room voxtest
creates for a call, the explicit dispatch of the named agent into it, the caller's access
token, and deleting the room afterwards.

    target = LiveKitTarget(url="wss://acme.livekit.cloud", api_key=..., api_secret=...,
                           agent_name="clinic-agent", room_config={"empty_timeout": 60})
    async with LiveKitServer(target) as server:
        await server.create_room("voxtest-run-7-ab12")      # RoomService.CreateRoom
        await server.dispatch("voxtest-run-7-ab12", "{}")   # AgentDispatchService.CreateDispatch
    token = caller_token(target, "voxtest-run-7-ab12", "voxtest-caller")

The SDK speaks Twirp over HTTP (protobuf bodies, JSON errors); its failures become the
`ChannelError` tree: 401/403 -> ConnectRefused, other 4xx -> InvalidAddress, 5xx and
transport errors -> Unreachable.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import TracebackType
from typing import Any

import aiohttp
from google.protobuf.json_format import ParseDict, ParseError
from livekit import api

from voxtest.channels.base import ChannelError, ConnectRefused, InvalidAddress, Unreachable

TOKEN_TTL = datetime.timedelta(hours=1)
REQUEST_TIMEOUT_S = 10.0


@dataclass(frozen=True)
class LiveKitTarget:
    """Where and how one LiveKit call is placed. `room_config` holds CreateRoomRequest
    fields (`empty_timeout`, `max_participants`, ...); `publish_data_message` (None: none)
    is sent to the room as a data packet once the agent is there."""

    url: str
    api_key: str = field(repr=False)
    api_secret: str = field(repr=False)
    agent_name: str | None = None
    room_config: Mapping[str, Any] = field(default_factory=dict)
    publish_data_message: Any = None


def room_request(room: str, config: Mapping[str, Any]) -> api.CreateRoomRequest:
    """The CreateRoom request for `room` with the user's room configuration (snake_case or
    camelCase keys); the name is always voxtest's. Raises ValueError on a bad config."""
    request = api.CreateRoomRequest()
    try:
        ParseDict(dict(config), request)
    except ParseError as exc:
        raise ValueError(str(exc)) from None
    request.name = room
    return request


def room_config_problem(config: Any) -> str | None:
    """Why `config` is no room configuration, or None."""
    if not isinstance(config, Mapping):
        return "Must be a JSON object of room settings (e.g. empty_timeout, max_participants)."
    try:
        room_request("check", config)
    except ValueError as exc:
        return f"Not a LiveKit room configuration: {exc}"
    return None


def dispatch_request(room: str, agent_name: str, metadata: str) -> api.CreateAgentDispatchRequest:
    return api.CreateAgentDispatchRequest(agent_name=agent_name, room=room, metadata=metadata)


def caller_token(
    target: LiveKitTarget, room: str, identity: str, *, ttl: datetime.timedelta = TOKEN_TTL
) -> str:
    """A join token for the simulated caller: this room only, publish audio and data,
    subscribe to the agent; no admin rights."""
    grants = api.VideoGrants(
        room_join=True,
        room=room,
        can_publish=True,
        can_subscribe=True,
        can_publish_data=True,
        can_publish_sources=["microphone"],
    )
    return (
        api.AccessToken(target.api_key, target.api_secret)
        .with_identity(identity)
        .with_name("voxtest caller")
        .with_kind("standard")
        .with_grants(grants)
        .with_ttl(ttl)
        .to_jwt()
    )


class LiveKitServer:
    """The server API of one call (an aiohttp session of its own; close it)."""

    def __init__(self, target: LiveKitTarget, timeout_s: float = REQUEST_TIMEOUT_S) -> None:
        self.target = target
        self._timeout = aiohttp.ClientTimeout(total=timeout_s)
        self._api: api.LiveKitAPI | None = None

    def _client(self) -> api.LiveKitAPI:
        if self._api is None:  # made inside the running loop (aiohttp needs one)
            self._api = api.LiveKitAPI(
                self.target.url,
                self.target.api_key,
                self.target.api_secret,
                timeout=self._timeout,
            )
        return self._api

    async def __aenter__(self) -> LiveKitServer:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.aclose()

    async def create_room(self, room: str) -> None:
        request = room_request(room, self.target.room_config)
        await _calling("create the room", self._client().room.create_room(request))

    async def dispatch(self, room: str, metadata: str) -> None:
        """Dispatch the named agent into `room` (no name: the agent's automatic dispatch
        joins it, nothing to do)."""
        if not self.target.agent_name:
            return
        request = dispatch_request(room, self.target.agent_name, metadata)
        call = self._client().agent_dispatch.create_dispatch(request)
        await _calling(f"dispatch agent {self.target.agent_name!r}", call)

    async def delete_room(self, room: str) -> None:
        request = api.DeleteRoomRequest(room=room)
        await _calling("delete the room", self._client().room.delete_room(request))

    async def aclose(self) -> None:
        if self._api is not None:
            api_client, self._api = self._api, None
            await api_client.aclose()


async def _calling(what: str, call: Any) -> Any:
    try:
        return await call
    except api.TwirpError as exc:
        message = f"LiveKit could not {what}: {exc.code} {exc.message}".strip()
        if exc.status in (401, 403):
            raise ConnectRefused(f"{message} (check the LiveKit API key and secret)") from None
        if exc.status < 500:
            raise InvalidAddress(message) from None
        raise Unreachable(message) from None
    except (TimeoutError, aiohttp.ClientError, OSError) as exc:
        why = str(exc) or type(exc).__name__
        raise Unreachable(f"LiveKit could not {what}: {why}") from None
    except ChannelError:
        raise

"""A local LiveKit server API for tests: real HTTP on loopback, speaking Twirp the way
livekit-server does (protobuf or JSON bodies by Content-Type, errors as JSON
`{"code", "msg"}`), checking each request's bearer token with the API key and secret, and
recording what it was asked."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web
from google.protobuf import json_format
from google.protobuf.message import Message
from livekit import api
from livekit.api.access_token import Claims

from voxtest.testing import free_port

KEY, SECRET = "APIvoxtest", "a-secret-at-least-32-characters-long!"

METHODS: dict[str, tuple[type[Message], type[Message]]] = {
    "livekit.RoomService/CreateRoom": (api.CreateRoomRequest, api.Room),
    "livekit.RoomService/DeleteRoom": (api.DeleteRoomRequest, api.DeleteRoomResponse),
    "livekit.AgentDispatchService/CreateDispatch": (
        api.CreateAgentDispatchRequest,
        api.AgentDispatch,
    ),
}


@dataclass
class Call:
    method: str  # e.g. "RoomService/CreateRoom"
    request: Any
    claims: Claims
    content_type: str


@dataclass
class TwirpServer:
    url: str = ""
    calls: list[Call] = field(default_factory=list)
    fail: dict[str, tuple[int, str]] = field(default_factory=dict)  # method -> (status, code)

    def called(self, method: str) -> list[Call]:
        return [c for c in self.calls if c.method == method]

    async def handle(self, request: web.Request) -> web.Response:
        name = request.match_info["name"]
        if name not in METHODS:
            return _error(404, "bad_route", f"no handler for {name}")
        try:
            claims = api.TokenVerifier(KEY, SECRET).verify(
                request.headers.get("Authorization", "").removeprefix("Bearer ")
            )
        except Exception as exc:
            return _error(401, "unauthenticated", str(exc))
        request_type, response_type = METHODS[name]
        body, kind = await request.read(), request.content_type
        message = (
            json_format.Parse(body, request_type())
            if kind == "application/json"
            else request_type.FromString(body)
        )
        method = name.removeprefix("livekit.")
        self.calls.append(Call(method, message, claims, kind))
        if method in self.fail:
            status, code = self.fail[method]
            return _error(status, code, f"{method} refused by the test")
        answer = _answer(response_type, message)
        if kind == "application/json":
            return web.json_response(json_format.MessageToDict(answer))
        return web.Response(body=answer.SerializeToString(), content_type="application/protobuf")


def _answer(response_type: type[Message], request: Any) -> Message:
    if response_type is api.Room:
        return api.Room(sid="RM_test", name=request.name, empty_timeout=request.empty_timeout)
    if response_type is api.AgentDispatch:
        return api.AgentDispatch(id="AD_test", agent_name=request.agent_name, room=request.room)
    return response_type()


def _error(status: int, code: str, msg: str) -> web.Response:
    return web.json_response({"code": code, "msg": msg}, status=status)


@asynccontextmanager
async def twirp_server() -> AsyncIterator[TwirpServer]:
    """The fake server API on a free loopback port; `url` is its ws:// address."""
    server = TwirpServer()
    app = web.Application()
    app.router.add_post("/twirp/{name:.+}", server.handle)
    runner = web.AppRunner(app)
    await runner.setup()
    port = free_port()
    await web.TCPSite(runner, "127.0.0.1", port).start()
    server.url = f"ws://127.0.0.1:{port}"
    try:
        yield server
    finally:
        await runner.cleanup()

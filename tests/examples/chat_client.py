"""A minimal real websocket caller for the example agent's tests."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass

from websockets.asyncio.client import ClientConnection

from voxtest.protocols import chat_ws
from voxtest.protocols.chat_ws import Content, EndCall, Frame, FunctionCall

TIMEOUT_S = 5.0


@dataclass(frozen=True)
class Reply:
    """Everything the agent sent up to and including one message."""

    frames: list[Frame]

    @property
    def text(self) -> str:
        last = self.frames[-1]
        assert isinstance(last, Content), last
        return last.text

    @property
    def tools(self) -> list[str]:
        return [f.name for f in self.frames if isinstance(f, FunctionCall)]

    def call(self, name: str) -> FunctionCall:
        return next(f for f in self.frames if isinstance(f, FunctionCall) and f.name == name)


async def next_frame(ws: ClientConnection) -> Frame:
    return chat_ws.parse_frame(await asyncio.wait_for(ws.recv(), TIMEOUT_S))


async def next_reply(ws: ClientConnection) -> Reply:
    """Frames until the next message (tool logs come first)."""
    frames: list[Frame] = []
    while not frames or not isinstance(frames[-1], Content):
        frames.append(await next_frame(ws))
    return Reply(frames)


async def say(ws: ClientConnection, text: str) -> Reply:
    await ws.send(chat_ws.content_frame(text))
    return await next_reply(ws)


async def expect_agent_end_call(ws: ClientConnection) -> None:
    assert await next_frame(ws) == EndCall()

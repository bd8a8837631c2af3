"""Against a real LiveKit server, only when one is configured (the one allowed skip):

    VOXTEST_LIVEKIT_URL=wss://<project>.livekit.cloud VOXTEST_LIVEKIT_API_KEY=...
    VOXTEST_LIVEKIT_API_SECRET=... [VOXTEST_LIVEKIT_AGENT_NAME=<a dispatchable agent>]

Without an agent name it creates a room, joins it as the caller with the real-time SDK,
publishes audio and a data packet, and deletes the room; with one it also holds a turn
with that agent.
"""

from __future__ import annotations

import os
import uuid

import pytest

from tests.channels.livekit.call_loop import SILENCE, listen, speak
from voxtest.channels.livekit import LiveKitChannel
from voxtest.channels.livekit_audio import caller_frame
from voxtest.channels.livekit_rtc import RtcConnector
from voxtest.channels.livekit_server import LiveKitServer, LiveKitTarget, caller_token

ENV = ("VOXTEST_LIVEKIT_URL", "VOXTEST_LIVEKIT_API_KEY", "VOXTEST_LIVEKIT_API_SECRET")
pytestmark = pytest.mark.skipif(
    not all(os.environ.get(name) for name in ENV),
    reason="no LiveKit server configured (set " + ", ".join(ENV) + ")",
)


def _target() -> LiveKitTarget:
    return LiveKitTarget(
        url=os.environ["VOXTEST_LIVEKIT_URL"],
        api_key=os.environ["VOXTEST_LIVEKIT_API_KEY"],
        api_secret=os.environ["VOXTEST_LIVEKIT_API_SECRET"],
        agent_name=os.environ.get("VOXTEST_LIVEKIT_AGENT_NAME") or None,
        room_config={"empty_timeout": 30},
        publish_data_message={"from": "voxtest"},
    )


async def test_the_caller_joins_a_real_room_and_publishes_audio_and_data() -> None:
    target, room = _target(), f"voxtest-check-{uuid.uuid4().hex[:8]}"
    async with LiveKitServer(target) as server:
        await server.create_room(room)
        try:
            connection = await RtcConnector().connect(
                target.url, caller_token(target, room, "voxtest-caller")
            )
            for _ in range(25):
                await connection.publish_audio(caller_frame(SILENCE))
            await connection.publish_data(b'{"from":"voxtest"}', topic="voxtest")
            await connection.disconnect()
        finally:
            await server.delete_room(room)


@pytest.mark.skipif(
    not os.environ.get("VOXTEST_LIVEKIT_AGENT_NAME"), reason="no VOXTEST_LIVEKIT_AGENT_NAME"
)
async def test_a_turn_with_a_real_dispatched_agent() -> None:
    channel = LiveKitChannel(_target(), RtcConnector(), join_timeout_s=30)
    await channel.connect()
    try:
        await speak(channel, ms=1500, silence_frames=50)
        heard = await listen(channel, quiet_s=20)
    finally:
        await channel.close()
    assert heard.audio, "the agent said nothing"

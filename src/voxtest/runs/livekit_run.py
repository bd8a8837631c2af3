"""A LiveKit run's call: its target read from the database, and its channel.

`load_target` combines the agent's (or project's) saved credentials, the Result's
`livekit_data` overrides and the run's `publish_data_message`. `livekit_channel` builds the
`LiveKitChannel` with the configured room transport (`VOXTEST_LIVEKIT_CONNECTOR`, default
the real-time SDK) for the voice conversation loop to drive.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any, cast

from sqlalchemy.ext.asyncio import AsyncSession

from voxtest.channels.livekit import LiveKitChannel
from voxtest.channels.livekit_server import LiveKitTarget
from voxtest.channels.livekit_transport import RoomConnector
from voxtest.errors import ConfigError
from voxtest.security.secretbox import SecretBox
from voxtest.services import livekit_credentials
from voxtest.services.runs_livekit import RUN_TYPE
from voxtest.settings import Settings
from voxtest.storage.tables import Agent, Project, Result, Run


async def load_target(session: AsyncSession, box: SecretBox, run: Run) -> LiveKitTarget | None:
    """The run's LiveKit call, or None when the run is no LiveKit run."""
    result = await session.get(Result, run.result_id)
    if result is None or result.run_type != RUN_TYPE:
        return None
    agent = await session.get(Agent, run.agent_id)
    if agent is None:
        raise LookupError("The run's agent no longer exists.")
    project = await session.get(Project, run.project_id)
    override = (result.connection or {}).get("livekit") or {}
    creds = livekit_credentials.saved(box, agent, project).overridden(override)
    return creds.target((run.snapshot or {}).get("publish_data_message"))


def connector(settings: Settings) -> RoomConnector:
    """The room transport `settings.livekit_connector` names, or the real-time SDK's."""
    if not settings.livekit_connector:
        from voxtest.channels.livekit_rtc import RtcConnector

        return RtcConnector()
    module, _, name = settings.livekit_connector.partition(":")
    try:
        factory = cast(Callable[[], Any], getattr(importlib.import_module(module), name))
    except (ImportError, AttributeError, ValueError) as exc:
        raise ConfigError(
            f"VOXTEST_LIVEKIT_CONNECTOR={settings.livekit_connector!r} cannot be loaded "
            f"(expected module:callable): {exc}"
        ) from None
    return cast(RoomConnector, factory())


def livekit_channel(target: LiveKitTarget, settings: Settings, run_id: int) -> LiveKitChannel:
    return LiveKitChannel(
        target,
        connector(settings),
        room=f"voxtest-run-{run_id}",
        metadata={"voxtest_run_id": str(run_id)},
        join_timeout_s=settings.livekit_join_timeout_seconds,
        allow_private=settings.allow_private_agent_urls,
    )

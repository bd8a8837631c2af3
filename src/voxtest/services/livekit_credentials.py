"""Which LiveKit server, keys and agent a LiveKit run uses.

Saved on the agent (provider `livekit`: `credentials.api_key`, `credentials.config.api_secret`,
`.url`, `.agent_name`, `.config`; the key and secret sealed in `Agent.secrets`), with the
project's sealed `livekit_api_key` when the agent has none. A run request's `livekit_data`
overrides `url` and `agent_name`, and its `config` replaces the saved room config (no
merge). Credentials never come from the request.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from voxtest.channels.livekit_server import LiveKitTarget
from voxtest.security.secretbox import SecretBox
from voxtest.storage.tables import Agent, Project


@dataclass(frozen=True)
class SavedLiveKit:
    url: str = ""
    api_key: str = field(default="", repr=False)
    api_secret: str = field(default="", repr=False)
    agent_name: str | None = None
    config: Mapping[str, Any] = field(default_factory=dict)

    def missing(self) -> list[str]:
        """What still has to be set before a call can be placed, in the agent's terms."""
        names = {
            "credentials.api_key (or the project's livekit_api_key)": self.api_key,
            "credentials.config.api_secret": self.api_secret,
            "credentials.config.url": self.url,
        }
        return [name for name, value in names.items() if not value]

    def overridden(self, override: Mapping[str, Any]) -> SavedLiveKit:
        """With a run request's `livekit_data` (url, agent_name, config) applied."""
        config = override.get("config")
        return SavedLiveKit(
            url=str(override.get("url") or self.url),
            api_key=self.api_key,
            api_secret=self.api_secret,
            agent_name=override.get("agent_name") or self.agent_name,
            config=dict(config) if isinstance(config, Mapping) else self.config,
        )

    def target(self, publish_data_message: Any = None) -> LiveKitTarget:
        return LiveKitTarget(
            url=self.url,
            api_key=self.api_key,
            api_secret=self.api_secret,
            agent_name=self.agent_name,
            room_config=self.config,
            publish_data_message=publish_data_message,
        )


def saved(box: SecretBox, agent: Agent, project: Project | None) -> SavedLiveKit:
    provider = (agent.attrs or {}).get("provider") or {}
    is_livekit = provider.get("type") == "livekit"
    config = (provider.get("config") or {}) if is_livekit else {}
    secrets = box.open(agent.secrets) if is_livekit else {}
    project_key = box.open(project.secrets).get("livekit_api_key") if project else None
    room = config.get("config")
    return SavedLiveKit(
        url=str(config.get("url") or ""),
        api_key=str(secrets.get("api_key") or project_key or ""),
        api_secret=str(secrets.get("config.api_secret") or ""),
        agent_name=config.get("agent_name") or None,
        config=dict(room) if isinstance(room, Mapping) else {},
    )

"""Where a LiveKit run's server, keys and agent come from (no database: rows in memory)."""

from __future__ import annotations

from cryptography.fernet import Fernet

from voxtest.security.secretbox import SecretBox
from voxtest.services.livekit_credentials import saved
from voxtest.storage.tables import Agent, Project

BOX = SecretBox(Fernet.generate_key())


def _agent(provider: dict[str, object], secrets: dict[str, str]) -> Agent:
    return Agent(attrs={"provider": provider}, secrets=BOX.seal(secrets))


def _livekit(**config: object) -> dict[str, object]:
    return {"type": "livekit", "config": {"url": "wss://a.livekit.cloud", **config}}


def test_the_agents_sealed_key_and_secret_and_its_public_config() -> None:
    agent = _agent(
        _livekit(agent_name="desk", config={"empty_timeout": 9}),
        {"api_key": "K", "config.api_secret": "S"},
    )
    creds = saved(BOX, agent, Project(secrets=BOX.seal({"livekit_api_key": "P"})))
    assert (creds.url, creds.api_key, creds.api_secret) == ("wss://a.livekit.cloud", "K", "S")
    assert (creds.agent_name, dict(creds.config)) == ("desk", {"empty_timeout": 9})
    assert creds.missing() == []
    assert "'S'" not in repr(creds) and "'K'" not in repr(creds)


def test_the_projects_key_stands_in_when_the_agent_has_none() -> None:
    agent = _agent(_livekit(), {"config.api_secret": "S"})
    creds = saved(BOX, agent, Project(secrets=BOX.seal({"livekit_api_key": "P"})))
    assert creds.api_key == "P"
    assert saved(BOX, agent, Project(secrets=None)).missing() == [
        "credentials.api_key (or the project's livekit_api_key)"
    ]


def test_an_agent_on_another_platform_has_no_livekit_secret_or_url() -> None:
    agent = _agent({"type": "vapi", "config": {"url": "wss://x"}}, {"api_key": "vapi-key"})
    creds = saved(BOX, agent, Project(secrets=BOX.seal({"livekit_api_key": "P"})))
    assert creds.api_key == "P"  # the vapi key is not a LiveKit key
    assert creds.missing() == ["credentials.config.api_secret", "credentials.config.url"]


def test_overrides_replace_url_and_agent_name_and_the_whole_room_config() -> None:
    agent = _agent(
        _livekit(agent_name="desk", config={"empty_timeout": 9}),
        {"api_key": "K", "config.api_secret": "S"},
    )
    base = saved(BOX, agent, None)
    over = base.overridden(
        {"url": "wss://b", "agent_name": "night", "config": {"max_participants": 2}}
    )
    assert (over.url, over.agent_name, dict(over.config)) == (
        "wss://b",
        "night",
        {"max_participants": 2},
    )
    assert (over.api_key, over.api_secret) == ("K", "S")
    assert base.overridden({"agent_name": None}) == base
    target = over.target({"hello": 1})
    assert (target.room_config, target.publish_data_message) == (
        {"max_participants": 2},
        {"hello": 1},
    )

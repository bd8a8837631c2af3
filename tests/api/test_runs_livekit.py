"""`run_scenarios_livekit_v2/`: validation, the Result and its runs, and the call each run
places, played over the in-process LiveKit room against a local Twirp server."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import select

from tests.api.factories import new_agent, new_scenario
from tests.api.run_support import wait_for_result
from tests.channels.livekit.call_loop import listen, speak
from tests.channels.livekit.twirp_server import KEY, SECRET, twirp_server
from tests.conftest import Api
from voxtest.channels.livekit import DATA_TOPIC
from voxtest.channels.livekit_fake import FakeAgent, FakeLiveKit
from voxtest.demo.suite import RESCHEDULE_ACTIONS
from voxtest.runs.livekit_run import livekit_channel, load_target
from voxtest.runs.plan import NO_URL
from voxtest.security.secretbox import SecretBox, load_or_create_key
from voxtest.storage.db import Database
from voxtest.storage.tables import Run

PATHS = (
    "/test_framework/v1/scenarios/run_scenarios_livekit_v2/",
    "/test_framework/v1/scenarios-external/run_scenarios_livekit_v2/",
    "/test_framework/v2/scenarios/run_scenarios_livekit_v2/",
)


def _livekit_agent(api: Api, url: str = "wss://acme.livekit.cloud", **config: Any) -> int:
    credentials = {
        "api_key": KEY,
        "config": {"api_secret": SECRET, "url": url, "agent_name": "clinic-agent", **config},
    }
    provider = {"type": "livekit", "credentials": credentials}
    return new_agent(api, api.default_project_id(), "LiveKit desk", provider=provider)


def _scenario(api: Api, agent_id: int, name: str) -> int:
    return int(new_scenario(api, name=name, agent=agent_id)["id"])


def test_runs_are_planned_per_scenario_and_frequency_under_every_alias(api: Api) -> None:
    agent = _livekit_agent(api)
    first, second = _scenario(api, agent, "Book"), _scenario(api, agent, "Cancel")
    for path in PATHS:
        body = {
            "scenarios": [
                {"scenario": first, "publish_data_message": {"k": 1}},
                {"scenario": second},
            ],
            "frequency": 2,
            "name": "LiveKit nightly",
        }
        r = api.post(path, body)
        assert r.status_code == 200, r.text
        answer = r.json()
        assert (answer["agent"], answer["status"], answer["run_as_text"]) == (
            agent,
            "pending",
            False,
        )
        assert [run["scenario"] for run in answer["runs"]] == [first, first, second, second]
        assert {run["scenario_name"] for run in answer["runs"]} == {"Book", "Cancel"}


def test_the_agent_comes_from_the_scenarios_when_not_sent(api: Api) -> None:
    agent = _livekit_agent(api)
    scenario = _scenario(api, agent, "Book")
    r = api.post(PATHS[0], {"scenarios": [{"scenario": scenario}]})
    assert r.status_code == 200, r.text
    assert r.json()["agent"] == agent


def test_requests_that_cannot_run_are_refused_with_every_reason(api: Api) -> None:
    agent = _livekit_agent(api)
    scenario = _scenario(api, agent, "Book")
    plain = new_agent(api, api.default_project_id(), "Chat only")
    cases: list[tuple[dict[str, Any], str, str]] = [
        ({"scenarios": []}, "scenarios", "may not be empty"),
        ({"scenarios": [{"scenario": 999999}], "agent": agent}, "scenarios", "Invalid scenarios"),
        ({"scenarios": [{"scenario": scenario}], "frequency": 101}, "frequency", "100"),
        ({"scenarios": [{"scenario": scenario}], "frequency": 0}, "frequency", "1"),
        (
            {"scenarios": [{"scenario": scenario}], "livekit_data": {"config": {"colour": 1}}},
            "livekit_data",
            "room configuration",
        ),
        (
            {"scenarios": [{"scenario": scenario}], "livekit_data": {"url": "ftp://x"}},
            "livekit_data",
            "scheme",
        ),
        ({"scenarios": [{"scenario": scenario}], "agent": plain}, "agent", "api_secret"),
    ]
    for body, field, words in cases:
        r = api.post(PATHS[0], body)
        assert r.status_code == 400, (body, r.text)
        assert words in " ".join(r.json()[field]), (body, r.json())
    other = api.other()
    r = other.post(PATHS[0], {"scenarios": [{"scenario": scenario}], "agent": agent})
    assert r.status_code == 400 and "Invalid scenarios" in r.json()["scenarios"][0]


def test_livekit_runs_go_to_the_voice_loop_and_are_never_dialled_as_text(
    api: Api,
) -> None:
    agent = _livekit_agent(api)
    spoken = new_scenario(
        api,
        name="Book by voice",
        agent=agent,
        scenario_type="conditional_actions",
        conditional_actions=RESCHEDULE_ACTIONS,
        instructions=None,
    )
    scenarios = [{"scenario": _scenario(api, agent, "Book")}, {"scenario": int(spoken["id"])}]
    answer = api.post(PATHS[0], {"scenarios": scenarios}).json()
    assert wait_for_result(api, answer["id"])["status"] == "failed"
    instruction, actions = (
        api.get(f"/test_framework/v2/runs/{run['id']}/").json() for run in answer["runs"]
    )
    # never the text channel's missing-URL error: an instruction scenario needs the caller's
    # model (none on the test server), the script dials the room and cannot reach it
    assert instruction["status"] == actions["status"] == "failed"
    assert "VOXTEST_LLM_BASE_URL" in instruction["error_message"]
    assert actions["error_message"] != NO_URL and "livekit" in actions["error_message"].lower()


async def test_each_run_places_its_call_with_the_saved_keys_and_the_requests_overrides(
    api: Api,
) -> None:
    settings = api.server.settings.model_copy(
        update={"allow_private_agent_urls": True, "livekit_join_timeout_seconds": 2.0}
    )
    async with twirp_server() as server:
        agent = _livekit_agent(api, url=server.url, config={"empty_timeout": 30})
        talk, quiet = _scenario(api, agent, "Talk"), _scenario(api, agent, "Quiet")
        body = {
            "scenarios": [
                {"scenario": talk, "publish_data_message": {"patient": "Ada"}},
                {"scenario": quiet},
            ],
            "livekit_data": {"agent_name": "night-shift", "config": {"max_participants": 2}},
        }
        answer = api.post(PATHS[2], body).json()
        run_ids = [run["id"] for run in answer["runs"]]
        db = Database(settings)
        try:
            async with db.session() as session:
                runs = {
                    r.id: r for r in await session.scalars(select(Run).where(Run.id.in_(run_ids)))
                }
                box = SecretBox(load_or_create_key(settings))
                targets = [await load_target(session, box, runs[i]) for i in run_ids]
        finally:
            await db.dispose()
        assert all(t is not None for t in targets)
        first, second = targets[0], targets[1]
        assert first is not None and second is not None
        assert (first.url, first.api_key, first.api_secret) == (server.url, KEY, SECRET)
        assert first.agent_name == "night-shift"
        assert dict(first.room_config) == {"max_participants": 2}  # replaced, not merged
        assert first.publish_data_message == {"patient": "Ada"}
        assert second.publish_data_message is None

        fake = FakeLiveKit(FakeAgent(greeting_ms=100, reply_ms=100))
        settings = settings.model_copy(update={"livekit_connector": ""})
        channel = livekit_channel(first, settings, run_ids[0])
        channel.connector = fake
        await channel.connect()
        greeting = await listen(channel)
        await speak(channel)
        reply = await listen(channel)
        await channel.close()

    assert greeting.speech == [("started", "1"), ("completed", "1")]
    assert reply.speech == [("started", "2"), ("completed", "2")]
    assert fake.rooms[0].data == [(b'{"patient":"Ada"}', DATA_TOPIC)]
    create = server.called("RoomService/CreateRoom")[0].request
    assert (create.name, create.max_participants, create.empty_timeout) == (
        f"voxtest-run-{run_ids[0]}",
        2,
        0,
    )
    dispatch = server.called("AgentDispatchService/CreateDispatch")[0].request
    assert dispatch.agent_name == "night-shift"
    assert json.loads(dispatch.metadata) == {"voxtest_run_id": str(run_ids[0])}

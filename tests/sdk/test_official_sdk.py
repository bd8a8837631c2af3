"""The official `cekura` SDK and CLI (PyPI cekura==1.6.7), pointed at voxtest, work unchanged."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from cekura import Cekura
from cekura._exceptions import APIError, AuthenticationError, NotFoundError

from tests.conftest import LiveServer

pytestmark = pytest.mark.sdk


@pytest.fixture
def sdk(server: LiveServer) -> Iterator[Cekura]:
    client = Cekura(api_key=server.new_key(), base_url=server.url)
    yield client
    client._http._client.close()


def test_projects_through_the_sdk(sdk: Cekura) -> None:
    projects = sdk.projects.list()
    assert len(projects) == 1
    created = sdk.projects.create(name="From the SDK", sample_rate=0.25, webhook_secret="s")
    assert created["sample_rate"] == 0.25 and created["webhook_secret_configured"] is True
    assert sdk.projects.get(created["id"])["name"] == "From the SDK"
    updated = sdk.projects.update(created["id"], max_call_duration=90)
    assert updated["max_call_duration"] == 90
    sdk.projects.delete(created["id"])
    with pytest.raises(NotFoundError):
        sdk.projects.get(created["id"])


def test_sdk_sees_drf_errors(sdk: Cekura) -> None:
    with pytest.raises(APIError) as err:
        sdk.projects.create(sample_rate=2)
    assert err.value.status_code == 400
    assert err.value.response_body["name"] == ["This field is required."]


def test_sdk_with_a_wrong_key(server: LiveServer) -> None:
    client = Cekura(api_key="vxt_not_a_key", base_url=server.url)
    with pytest.raises(AuthenticationError):
        client.projects.list()
    client._http._client.close()


def test_personalities_and_organizations_through_the_sdk(sdk: Cekura) -> None:
    everyone = sdk.personalities.list(language="en")
    assert everyone and all(p["language"] == "en" for p in everyone)
    assert sdk.personalities.get(everyone[0]["id"])["name"] == everyone[0]["name"]
    pid = sdk.projects.list()[0]["id"]
    result = sdk.personalities.disable_for_project(pid, personalities=[everyone[0]["id"]])
    assert everyone[0]["id"] not in result["enabled_personalities"]
    orgs = sdk.organizations.list()
    assert len(orgs) == 1 and orgs[0]["projects"][0]["id"] == pid
    assert sdk.organizations.list_v2()["count"] == 1


def test_the_cekura_cli_lists_projects(server: LiveServer, tmp_path: Path) -> None:
    env = {
        **os.environ,
        "CEKURA_API_KEY": server.new_key(),
        "CEKURA_API_URL": server.url,
        "HOME": str(tmp_path),
    }
    cli = Path(sys.executable).parent / "cekura"
    out = subprocess.run(
        [str(cli), "projects", "list", "--format", "json"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert out.returncode == 0, out.stderr + out.stdout
    assert json.loads(out.stdout)[0]["name"] == "Default Project"


def test_a_whole_setup_through_the_sdk(sdk: Cekura) -> None:
    """What a Cekura user's setup script does: agent, profile, metrics, evaluators."""
    pid = sdk.projects.list()[0]["id"]
    agent = sdk.agents.create(
        name="Clinic bot",
        description="Books dental appointments for {{customer_name}}.",
        project=pid,
        inbound=True,
        provider={
            "type": "self_hosted",
            "chat_agent_details": {
                "type": "self_hosted",
                "config": {"url": "wss://agent.example.com/chat", "websocket_secret": "s3cret"},
            },
        },
        mock_tools=[{"name": "find_slots", "description": "Free slots", "mock_data": []}],
        dynamic_variables=[{"name": "customer_name", "description": "Caller"}],
    )
    assert "s3cret" not in json.dumps(agent)
    assert agent["mock_tools"][0]["served_via"]["url"].endswith(
        f"/test_framework/v1/aiagents/{agent['id']}/tool/find_slots/"
    )
    assert sdk.agents.update(agent["id"], name="Clinic bot 2")["name"] == "Clinic bot 2"
    copy = sdk.agents.duplicate(agent["id"])
    assert copy["id"] != agent["id"] and copy["mock_tools"][0]["name"] == "find_slots"

    profile = sdk.test_profiles.create(
        name="Sarah",
        agent=agent["id"],
        information={"testing_agent_variables": {"name": "Sarah"}},
    )
    assert sdk.test_profiles.get(profile["id"])["name"] == "Sarah"

    catalogue = sdk.predefined_metrics.list()
    expected = next(m for m in catalogue if m["name"] == "Expected Outcome")
    copied = sdk.predefined_metrics.copy(project_id=pid, predefined_metric_ids=[expected["id"]])
    judge = sdk.metrics.create(
        project=pid, name="Polite", type="llm_judge", eval_type="binary", description="Polite?"
    )
    assert {m["name"] for m in sdk.metrics.list(project_id=pid)} >= {"Polite", "Expected Outcome"}

    personality = sdk.personalities.list(language="en")[0]["id"]
    scenario = sdk.scenarios.create(
        name="Book a cleaning",
        agent=agent["id"],
        personality=personality,
        test_profile=profile["id"],
        instructions="Book a cleaning next Tuesday.",
        expected_outcome_prompt="A slot is booked and read back.",
        metrics=[judge["id"], copied[0]["id"]],
        tags=["smoke"],
    )
    listed = sdk.scenarios.list(agent_id=agent["id"], tags="smoke")
    assert [s["id"] for s in listed["results"]] == [scenario["id"]]
    assert sdk.scenarios.update(scenario["id"], name="Book")["name"] == "Book"
    assert "properties" in sdk.scenarios.json_schema()
    sdk.scenarios.delete(scenario["id"])
    sdk.metrics.delete(judge["id"])
    sdk.agents.delete(copy["id"])
    with pytest.raises(NotFoundError):
        sdk.agents.get(copy["id"])

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

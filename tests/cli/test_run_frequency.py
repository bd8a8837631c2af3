"""`voxtest run --frequency N`: N runs of every test case whatever the spec says (its defaults
or the case's own frequency), and a clear usage error outside 1-100."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.api.run_support import chat_agent
from tests.api.test_run_json import reschedule_spec
from tests.cli.test_run_cli import suite_file, voxtest_run
from tests.conftest import Api, LiveServer
from voxtest.testing import free_port


@pytest.fixture
def client(server: LiveServer) -> Iterator[Api]:
    api = Api(server, server.new_key())
    yield api
    assert not api.close()


@pytest.mark.parametrize(("spec_frequency", "flag", "runs"), [(None, "5", 5), (7, "1", 1)])
def test_frequency_overrides_the_spec(
    server: LiveServer,
    client: Api,
    tmp_path: Path,
    spec_frequency: int | None,
    flag: str,
    runs: int,
) -> None:
    agent_id = str(chat_agent(client, f"ws://127.0.0.1:{free_port()}/chat"))
    case = {"frequency": spec_frequency} if spec_frequency else {}  # else defaults: 2
    spec = suite_file(tmp_path, reschedule_spec(**case))
    args = (str(spec), "--agent", agent_id, "--dry-run", "--frequency", flag)
    done = voxtest_run(server, client.key, *args)
    assert done.returncode == 0, done.stderr
    assert f"{runs} runs would be made" in done.stdout


@pytest.mark.parametrize("flag", ["0", "101", "often"])
def test_frequency_outside_1_to_100_is_a_usage_error(
    server: LiveServer,
    client: Api,
    tmp_path: Path,
    flag: str,
) -> None:
    spec = suite_file(tmp_path, reschedule_spec())
    done = voxtest_run(server, client.key, str(spec), "--agent", "1", "--frequency", flag)
    assert done.returncode == 2
    if flag == "often":
        assert "Invalid value for '--frequency'" in done.stderr
    else:
        assert f"error: --frequency must be between 1 and 100, not {flag}." in done.stderr
    results = client.get("/test_framework/v1/results/")
    assert results.json()["count"] == 0

"""`voxtest run SUITE.json --agent ID` as CI runs it: a subprocess against the live server,
judged by its exit code and JUnit XML."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.api.run_support import chat_agent, clinic_agent
from tests.api.test_run_json import reschedule_spec
from tests.conftest import Api, LiveServer
from voxtest.testing import free_port

VOXTEST = str(Path(sys.executable).parent / "voxtest")


@pytest.fixture
def client(server: LiveServer) -> Iterator[Api]:
    api = Api(server, server.new_key())
    yield api
    api.close()


def voxtest_run(
    server: LiveServer, key: str, *args: str, url: str | None = None
) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "VOXTEST_URL": url or server.url, "VOXTEST_API_KEY": key}
    env["COLUMNS"] = "300"  # one line per message in the captured output
    return subprocess.run(
        [VOXTEST, "run", *args], env=env, capture_output=True, text=True, timeout=180
    )


def suite_file(tmp_path: Path, spec: dict[str, Any]) -> Path:
    path = tmp_path / "suite.json"
    path.write_text(json.dumps(spec), encoding="utf-8")
    return path


def junit_cases(path: Path) -> list[ET.Element]:
    root = ET.parse(path).getroot()
    assert root.tag == "testsuites"
    (suite,) = root
    cases = list(suite.iter("testcase"))
    assert suite.get("tests") == str(len(cases))
    return cases


def test_passing_suite_exits_0_with_a_junit_report(
    server: LiveServer, client: Api, tmp_path: Path
) -> None:
    report = tmp_path / "reports" / "junit.xml"
    spec = suite_file(tmp_path, reschedule_spec())
    with clinic_agent() as agent:
        agent_id = chat_agent(client, agent.url)
        done = voxtest_run(
            server, client.key, str(spec), "--agent", str(agent_id), "--frequency", "3",
            "--junit", str(report),
        )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    assert "3 of 3 runs completed" in done.stdout
    assert "Reliability" in done.stdout and "3 / 3" in done.stdout
    cases = junit_cases(report)
    names = [c.get("name") for c in cases]
    assert names == [f"Reschedule a cleaning #{n}" for n in (1, 2, 3)]
    for case in cases:
        assert case.find("failure") is None
        assert case.get("classname") == "Clinic smoke"
        assert "Testing Agent: It's Sarah Johnson." in (case.findtext("system-out") or "")


def test_failing_runs_exit_1_with_failures_in_the_report(
    server: LiveServer, client: Api, tmp_path: Path
) -> None:
    agent_id = chat_agent(client, f"ws://127.0.0.1:{free_port()}/chat")  # nobody listens
    report = tmp_path / "junit.xml"
    spec = suite_file(tmp_path, reschedule_spec())
    done = voxtest_run(
        server, client.key, str(spec), "--agent", str(agent_id), "--junit", str(report)
    )
    assert done.returncode == 1, done.stdout + done.stderr
    assert "Reliability" in done.stdout and "0 / 2" in done.stdout and "0% – 66%" in done.stdout
    cases = junit_cases(report)
    assert len(cases) == 2
    for case in cases:
        failure = case.find("failure")
        assert failure is not None and failure.get("type") == "failed"
        assert (failure.get("message") or "").startswith("Testing agent-did-not-connect")


def test_usage_and_validation_errors_exit_2(
    server: LiveServer, client: Api, tmp_path: Path
) -> None:
    agent_id = str(chat_agent(client, f"ws://127.0.0.1:{free_port()}/chat"))
    bad = suite_file(tmp_path, {"version": "1", "scenarios": [{"name": "No instructions"}]})
    done = voxtest_run(server, client.key, str(bad), "--agent", agent_id)
    assert done.returncode == 2
    assert "spec: scenarios[0]: 'instructions' is a required property" in done.stderr
    not_json = tmp_path / "broken.json"
    not_json.write_text("{", encoding="utf-8")
    assert voxtest_run(server, client.key, str(not_json), "--agent", agent_id).returncode == 2
    good = suite_file(tmp_path, reschedule_spec())
    nowhere = f"http://127.0.0.1:{free_port()}"
    done = voxtest_run(server, client.key, str(good), "--agent", agent_id, url=nowhere)
    assert done.returncode == 2 and "cannot reach voxtest" in done.stderr
    assert voxtest_run(server, client.key, str(good)).returncode == 2  # --agent missing
    results = client.get("/test_framework/v1/results/", params={"agent_id": agent_id})
    assert results.json()["count"] == 0


def test_dry_run_lists_the_runs_and_creates_nothing(
    server: LiveServer, client: Api, tmp_path: Path
) -> None:
    agent_id = str(chat_agent(client, f"ws://127.0.0.1:{free_port()}/chat"))
    spec = suite_file(tmp_path, reschedule_spec())
    done = voxtest_run(server, client.key, str(spec), "--agent", agent_id, "--dry-run")
    assert done.returncode == 0, done.stderr
    assert "2 runs would be made" in done.stdout
    results = client.get("/test_framework/v1/results/", params={"agent_id": agent_id})
    assert results.json()["count"] == 0

"""The `voxtest` command: keys, database, and errors a person can act on."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import httpx

from tests.conftest import LiveServer
from voxtest.security.keys import key_hint

VOXTEST = str(Path(sys.executable).parent / "voxtest")


def _run(server: LiveServer, *args: str) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "VOXTEST_HOME": str(server.settings.home),
        "VOXTEST_DATABASE_URL": server.settings.database_url,
    }
    return subprocess.run([VOXTEST, *args], env=env, capture_output=True, text=True, timeout=120)


def test_key_lifecycle_from_the_command_line(server: LiveServer) -> None:
    made = _run(
        server, "keys", "create", "--org", f"cli-{os.getpid()}-{id(server)}", "--name", "ci"
    )
    assert made.returncode == 0, made.stderr
    key = made.stdout.strip().splitlines()[-1]
    headers = {"X-CEKURA-API-KEY": key}
    assert httpx.get(f"{server.url}/user/v1/projects/", headers=headers).status_code == 200
    listed = _run(server, "keys", "list", "--json")
    assert key not in listed.stdout  # only a hint is shown
    mine = [k for k in map(json.loads, listed.stdout.splitlines()) if k["hint"] == key_hint(key)]
    assert len(mine) == 1 and mine[0]["name"] == "ci" and mine[0]["revoked"] is False
    assert _run(server, "keys", "revoke", str(mine[0]["id"])).returncode == 0
    assert httpx.get(f"{server.url}/user/v1/projects/", headers=headers).status_code == 401


def test_project_scoped_key_needs_a_project_of_the_organization(server: LiveServer) -> None:
    out = _run(server, "keys", "create", "--org", "nobody-has-this-org", "--project", "999999")
    assert out.returncode == 2
    assert "project 999999 does not exist" in out.stderr


def test_db_upgrade_reports_the_revision(server: LiveServer) -> None:
    out = _run(server, "db", "upgrade")
    assert out.returncode == 0, out.stderr
    assert "revision 0001" in out.stderr


def test_bad_secret_key_is_named(tmp_path: Path) -> None:
    env = {**os.environ, "VOXTEST_HOME": str(tmp_path), "VOXTEST_SECRET_KEY": "short"}
    out = subprocess.run(
        [VOXTEST, "serve", "--port", "1"], env=env, capture_output=True, text=True, timeout=60
    )
    assert out.returncode != 0
    assert "VOXTEST_SECRET_KEY" in out.stderr

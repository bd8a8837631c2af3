"""`voxtest serve` as a child process on a free loopback port."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO

import httpx

VOXTEST = str(Path(sys.executable).parent / "voxtest")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@dataclass(frozen=True)
class ServerProcess:
    url: str
    env: Mapping[str, str]

    def new_key(self, org: str, project_id: int | None = None) -> str:
        """A fresh API key for `org` (created if missing), through `voxtest keys create`."""
        args = [VOXTEST, "keys", "create", "--org", org]
        if project_id is not None:
            args += ["--project", str(project_id)]
        out = subprocess.run(args, env=dict(self.env), capture_output=True, text=True, check=True)
        return out.stdout.strip().splitlines()[-1]


@contextmanager
def serve(
    home: Path | str, database_url: str = "", workers: int = 1, **settings: str
) -> Iterator[ServerProcess]:
    """Run `voxtest serve` on a free port until the block ends; raises if it cannot start."""
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    env = {
        **os.environ,
        "VOXTEST_HOME": str(home),
        "VOXTEST_DATABASE_URL": database_url,
        "VOXTEST_PUBLIC_BASE_URL": url,
        **{f"VOXTEST_{k.upper()}": v for k, v in settings.items()},
    }
    proc = subprocess.Popen(
        [
            VOXTEST,
            "serve",
            "--port",
            str(port),
            "--log-level",
            "warning",
            "--workers",
            str(workers),
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        _wait_healthy(url, proc)
        yield ServerProcess(url=url, env=env)
    finally:
        _stop(proc)


@contextmanager
def worker(
    server: ServerProcess, concurrency: int = 64, errors: IO[bytes] | None = None
) -> Iterator[subprocess.Popen[bytes]]:
    """`voxtest worker` beside `server` (same database and settings) until the block ends;
    yields the process so a test can kill it. Its stderr goes to `errors` when given."""
    proc = subprocess.Popen(
        [VOXTEST, "worker", "--concurrency", str(concurrency), "--shutdown-timeout", "2"],
        env=dict(server.env),
        stdout=subprocess.DEVNULL,
        stderr=errors if errors is not None else subprocess.DEVNULL,
    )
    try:
        yield proc
    finally:
        if proc.poll() is None:
            _stop(proc)


@contextmanager
def example_chat_agent(*switches: str) -> Iterator[str]:
    """`voxtest example-agent chat` on a free port until the block ends; yields its ws:// URL."""
    with _example_agent("chat", "/chat", switches) as url:
        yield url


@contextmanager
def example_voice_agent(*switches: str) -> Iterator[str]:
    """`voxtest example-agent voice` (CHIRP) on a free port until the block ends; yields its
    ws:// URL. Its speech models load at start-up, so it may take a few seconds."""
    with _example_agent("voice", "/chirp", switches, timeout=90) as url:
        yield url


@contextmanager
def _example_agent(
    kind: str, path: str, switches: tuple[str, ...], timeout: float = 30
) -> Iterator[str]:
    port = free_port()
    # stderr goes to a file, not a pipe: a long run's warnings must never fill a pipe and stall it.
    with tempfile.TemporaryFile() as errors:
        proc = subprocess.Popen(
            [VOXTEST, "example-agent", kind, "--port", str(port), *switches],
            stdout=subprocess.DEVNULL,
            stderr=errors,
        )
        try:
            _wait_listening(port, proc, errors, timeout)
            yield f"ws://127.0.0.1:{port}{path}"
        finally:
            _stop(proc)


def _stop(proc: subprocess.Popen[bytes]) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=5)
    if proc.stderr is not None:
        proc.stderr.close()


def _wait_listening(
    port: int, proc: subprocess.Popen[bytes], errors: IO[bytes], timeout: float = 30
) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            errors.seek(0)
            err = errors.read().decode(errors="replace")
            raise RuntimeError(f"the example agent exited during start-up:\n{err[-2000:]}")
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.05)
    raise RuntimeError(f"the example agent did not listen on port {port} within {timeout:.0f} s")


def _wait_healthy(url: str, proc: subprocess.Popen[bytes], timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            err = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
            raise RuntimeError(f"voxtest serve exited during start-up:\n{err[-2000:]}")
        try:
            if httpx.get(f"{url}/health", timeout=1).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.1)
    raise RuntimeError(f"voxtest serve did not answer on {url}/health within {timeout:.0f} s")

"""Start a real `voxtest serve` process on a backend for a benchmark, and stop it."""

from __future__ import annotations

import asyncio
import os
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import create_async_engine

PG_ADMIN_URL = os.environ.get(
    "VOXTEST_TEST_PG_URL", "postgresql+asyncpg://postgres@127.0.0.1:5432/postgres"
)
VOXTEST = str(Path(sys.executable).parent / "voxtest")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


async def _admin(sql: str) -> None:
    engine = create_async_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    try:
        async with engine.connect() as conn:
            await conn.execute(text(sql))
    finally:
        await engine.dispose()


@contextmanager
def database(backend: str) -> Iterator[str]:
    if backend == "sqlite":
        yield ""
        return
    name = f"voxtest_bench_{uuid.uuid4().hex[:8]}"
    asyncio.run(_admin(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(PG_ADMIN_URL).set(database=name).render_as_string(hide_password=False)
    finally:
        asyncio.run(_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


@contextmanager
def voxtest_server(backend: str) -> Iterator[tuple[str, str]]:
    """(base URL, API key) of a fresh single-process server on `backend`."""
    with tempfile.TemporaryDirectory() as home, database(backend) as url:
        env = {**os.environ, "VOXTEST_HOME": home, "VOXTEST_DATABASE_URL": url}
        port = free_port()
        proc = subprocess.Popen(
            [VOXTEST, "serve", "--port", str(port), "--log-level", "warning"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        base = f"http://127.0.0.1:{port}"
        try:
            _wait(base, proc)
            key = (
                subprocess.run(
                    [VOXTEST, "keys", "create", "--org", "bench"],
                    env=env,
                    capture_output=True,
                    text=True,
                    check=True,
                )
                .stdout.strip()
                .splitlines()[-1]
            )
            yield base, key
        finally:
            proc.terminate()
            proc.wait(timeout=20)


def _wait(base: str, proc: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            err = proc.stderr.read().decode() if proc.stderr else ""
            raise RuntimeError(f"voxtest serve exited: {err}")
        try:
            if httpx.get(f"{base}/health", timeout=1).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.1)
    raise RuntimeError("voxtest serve did not become healthy in 60 s")

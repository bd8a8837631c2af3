"""Start a real `voxtest serve` process on a backend for a benchmark, and stop it."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext

from voxtest.testing import scratch_database, serve

PG_ADMIN_URL = os.environ.get(
    "VOXTEST_TEST_PG_URL", "postgresql+asyncpg://postgres@127.0.0.1:5432/postgres"
)


@contextmanager
def voxtest_server(backend: str, workers: int = 1) -> Iterator[tuple[str, str]]:
    """(base URL, API key) of a fresh server with `workers` processes on `backend`."""
    database = (
        scratch_database(PG_ADMIN_URL, "voxtest_bench")
        if backend == "postgres"
        else nullcontext("")
    )
    with (
        tempfile.TemporaryDirectory() as home,
        database as url,
        serve(home, url, workers) as server,
    ):
        yield server.url, server.new_key("bench")

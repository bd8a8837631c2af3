"""Fixtures: a real voxtest server on loopback per database backend, and API clients.

Every test that takes `api` runs twice: against SQLite and against the PostgreSQL server at
VOXTEST_TEST_PG_URL (default postgresql+asyncpg://postgres@127.0.0.1:5432/postgres). With
CI=true a missing PostgreSQL fails the run instead of skipping.
"""

from __future__ import annotations

import asyncio
import itertools
import os
import threading
import time
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest
import uvicorn

from tests.reference import check_response
from voxtest.api.app import create_app
from voxtest.services.keys import create_key
from voxtest.settings import Settings
from voxtest.storage.db import Database
from voxtest.testing import free_port, scratch_database

PG_ADMIN_URL = os.environ.get(
    "VOXTEST_TEST_PG_URL", "postgresql+asyncpg://postgres@127.0.0.1:5432/postgres"
)
IN_CI = os.environ.get("CI", "").lower() == "true"
_org_counter = itertools.count()


@contextmanager
def fresh_pg_database() -> Iterator[str]:
    """A new, empty PostgreSQL database, dropped afterwards (fails in CI without a server)."""
    with ExitStack() as stack:
        try:
            url = stack.enter_context(scratch_database(PG_ADMIN_URL, "voxtest_test"))
        except Exception as exc:  # any connection failure means there is no server
            if IN_CI:
                pytest.fail(
                    f"PostgreSQL is required in CI but unreachable at {PG_ADMIN_URL}: {exc}"
                )
            pytest.skip(f"PostgreSQL unreachable at {PG_ADMIN_URL}: {exc}")
        yield url


@pytest.fixture(scope="session")
def pg_database_url() -> Iterator[str]:
    """The PostgreSQL database the session's live server uses."""
    with fresh_pg_database() as url:
        yield url


class LiveServer:
    """voxtest under uvicorn in a background thread, on a free loopback port."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        config = uvicorn.Config(
            create_app(settings),
            host="127.0.0.1",
            port=self.port,
            log_level="warning",
            lifespan="on",
        )
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def start(self) -> None:
        self.thread.start()
        deadline = time.monotonic() + 30
        while not self.server.started:
            if not self.thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError("voxtest server did not start")
            time.sleep(0.02)

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)

    def new_key(self, org: str | None = None, project_id: int | None = None) -> str:
        async def run() -> str:
            db = Database(self.settings)
            try:
                async with db.session() as session:
                    made = await create_key(session, org or _org_name(), project_id)
                    return made.key
            finally:
                await db.dispose()

        # on a thread of its own: the caller may have a running loop (Playwright's sync API)
        with ThreadPoolExecutor(1) as pool:
            return pool.submit(asyncio.run, run()).result()


def _org_name() -> str:
    return f"org-{os.getpid()}-{next(_org_counter)}-{uuid.uuid4().hex[:6]}"


def make_settings(home: Path, database_url: str = "") -> Settings:
    return Settings(
        home=home, database_url=database_url, api_key_cache_seconds=0.0, speech_test_doubles=True
    )


@contextmanager
def own_server(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, **settings: Any
) -> Iterator[LiveServer]:
    """A test module's own server on its own database (the `request.param` backend), with
    `settings` set: for a module whose instance must differ from the session's."""
    with ExitStack() as stack:
        url = stack.enter_context(fresh_pg_database()) if request.param == "postgres" else ""
        home = tmp_path_factory.mktemp(f"home-{request.module.__name__}-{request.param}")
        live = LiveServer(
            Settings(home=home, database_url=url, api_key_cache_seconds=0.0, **settings)
        )
        live.start()
        stack.callback(live.stop)
        yield live


def module_server(**settings: Any) -> Any:
    """A module-scoped `server` fixture (both backends) of an instance with `settings` set:
    `server = module_server(allow_private_urls=True)` at a test module's top."""

    @pytest.fixture(scope="module", params=["sqlite", "postgres"], name="server")
    def fixture(
        request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
    ) -> Iterator[LiveServer]:
        with own_server(request, tmp_path_factory, **settings) as live:
            yield live

    return fixture


@pytest.fixture(scope="session", params=["sqlite", "postgres"])
def server(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[LiveServer]:
    home = tmp_path_factory.mktemp(f"home-{request.param}")
    url = request.getfixturevalue("pg_database_url") if request.param == "postgres" else ""
    live = LiveServer(make_settings(home, url))
    live.start()
    yield live
    live.stop()


class Api:
    """An httpx client for one organization's key; checks every answer against the reference."""

    def __init__(self, server: LiveServer, key: str) -> None:
        self.server = server
        self.key = key
        self.client = httpx.Client(
            base_url=server.url,
            headers={"X-CEKURA-API-KEY": key},
            timeout=30,
            event_hooks={"response": [self._check]},
        )
        self.conformance_problems: list[str] = []
        self.children: list[Api] = []

    def _check(self, response: httpx.Response) -> None:
        response.read()
        if "json" not in response.headers.get("content-type", "") or not response.content:
            return
        problems = check_response(
            response.request.method,
            response.request.url.path,
            response.status_code,
            response.json(),
        )
        self.conformance_problems.extend(problems)

    def get(self, path: str, **kw: Any) -> httpx.Response:
        return self.client.get(path, **kw)

    def post(self, path: str, json: Any = None, **kw: Any) -> httpx.Response:
        return self.client.post(path, json=json, **kw)

    def put(self, path: str, json: Any = None, **kw: Any) -> httpx.Response:
        return self.client.put(path, json=json, **kw)

    def patch(self, path: str, json: Any = None, **kw: Any) -> httpx.Response:
        return self.client.patch(path, json=json, **kw)

    def delete(self, path: str, **kw: Any) -> httpx.Response:
        return self.client.delete(path, **kw)

    def default_project_id(self) -> int:
        projects = self.get("/user/v1/projects/").json()
        return int(projects[0]["id"])

    def other(self, project_id: int | None = None) -> Api:
        """A client for a key of another organization (or this one, narrowed to a project)."""
        if project_id is None:
            child = Api(self.server, self.server.new_key())
        else:
            org = self.get("/user/organizations/").json()[0]["name"]
            child = Api(self.server, self.server.new_key(org, project_id))
        self.children.append(child)
        return child

    def close(self) -> list[str]:
        """Close this client and those it made; return every conformance problem seen."""
        problems = list(self.conformance_problems)
        for child in self.children:
            problems.extend(child.close())
        self.client.close()
        return problems


@pytest.fixture
def api(server: LiveServer) -> Iterator[Api]:
    client = Api(server, server.new_key())
    yield client
    problems = client.close()
    assert not problems, "\n".join(problems)

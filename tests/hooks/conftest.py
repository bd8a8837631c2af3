"""A voxtest server per backend that may call loopback receivers, with fast retries, SMTP
to a local aiosmtpd and Slack notices to a local receiver."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import ExitStack

import pytest

from tests.conftest import Api, LiveServer, fresh_pg_database
from tests.hooks.support import Mailbox, Receiver, hooks_settings, receiver, smtp_server


@pytest.fixture(scope="module")
def hook_receiver() -> Iterator[Receiver]:
    with receiver() as out:
        yield out


@pytest.fixture(scope="module")
def mailbox() -> Iterator[Mailbox]:
    with smtp_server() as box:
        yield box


@pytest.fixture(scope="module", params=["sqlite", "postgres"])
def hooks_server(
    request: pytest.FixtureRequest,
    tmp_path_factory: pytest.TempPathFactory,
    hook_receiver: Receiver,
    mailbox: Mailbox,
) -> Iterator[LiveServer]:
    mailbox.messages.clear()  # ids restart with each backend's database
    with hook_receiver.lock:
        hook_receiver.seen.clear()
    with ExitStack() as stack:
        url = stack.enter_context(fresh_pg_database()) if request.param == "postgres" else ""
        home = tmp_path_factory.mktemp(f"home-hooks-{request.param}")
        live = LiveServer(hooks_settings(home, url, mailbox, f"{hook_receiver.url}/slack"))
        live.start()
        stack.callback(live.stop)
        yield live


@pytest.fixture
def hapi(hooks_server: LiveServer) -> Iterator[Api]:
    client = Api(hooks_server, hooks_server.new_key())
    yield client
    problems = client.close()
    assert not problems, "\n".join(problems)

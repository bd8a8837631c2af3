"""What the run tests share: the clinic agent on its own thread, a suite made through the API,
and polling a result until its runs are done."""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from tests.api.factories import personality_id
from tests.conftest import Api
from voxtest.demo.suite import RESCHEDULE_ACTIONS, TEST_PROFILE
from voxtest.examples.clinic_agent import ClinicAgentOptions, ClinicAgentServer

RUN_TEXT = "/test_framework/v1/scenarios/run_scenarios_text/"
SECRET = "s3cret-ws"
DONE = ("completed", "failed")


@contextmanager
def clinic_agent(secret: str | None = SECRET, **options: Any) -> Iterator[ClinicAgentServer]:
    """The example agent serving on a loopback port from a thread with its own event loop,
    so the blocking API client of the tests never stalls it. `options`: more
    `ClinicAgentOptions` (e.g. `reply_delay_ms`)."""
    server = ClinicAgentServer(ClinicAgentOptions(secret=secret, end_call_grace_s=0.2, **options))
    loop = asyncio.new_event_loop()
    started = threading.Event()
    stop: asyncio.Future[None] | None = None

    async def serve() -> None:
        nonlocal stop
        stop = loop.create_future()
        async with server:
            started.set()
            await stop

    thread = threading.Thread(target=loop.run_until_complete, args=(serve(),), daemon=True)
    thread.start()
    assert started.wait(10), "the clinic agent did not start"
    try:
        yield server
    finally:
        loop.call_soon_threadsafe(lambda: stop.set_result(None) if stop else None)
        thread.join(10)
        loop.close()


def chat_agent(api: Api, url: str, secret: str | None = SECRET) -> int:
    config: dict[str, Any] = {"url": url, "headers": {"X-Clinic": "bright-smile"}}
    if secret:
        config["websocket_secret"] = secret
    body = {
        "name": "Bright Smile reception",
        "description": "Books, moves and cancels dental appointments.",
        "project": api.default_project_id(),
        "inbound": True,
        "provider": {
            "type": "self_hosted",
            "chat_agent_details": {"type": "self_hosted", "config": config},
        },
    }
    r = api.post("/test_framework/v2/aiagents/", body)
    assert r.status_code == 201, r.text
    return int(r.json()["id"])


def sarah_profile(api: Api, agent_id: int) -> int:
    body = {"agent": agent_id, "name": "Sarah Johnson", "information": TEST_PROFILE["information"]}
    r = api.post("/test_framework/v1/test-profiles/", body)
    assert r.status_code in (200, 201), r.text
    return int(r.json()["id"])


def reschedule_scenario(api: Api, agent_id: int, profile_id: int | None, **extra: Any) -> int:
    body = {
        "name": "Reschedule a cleaning (scripted)",
        "agent": agent_id,
        "personality": personality_id(api),
        "scenario_type": "conditional_actions",
        "conditional_actions": RESCHEDULE_ACTIONS,
        **({"test_profile": profile_id} if profile_id else {}),
        **extra,
    }
    r = api.post("/test_framework/v2/scenarios/", body)
    assert r.status_code == 201, r.text
    return int(r.json()["id"])


def instruction_scenario(api: Api, agent_id: int, **extra: Any) -> int:
    body = {
        "name": "Book a first visit",
        "agent": agent_id,
        "personality": personality_id(api),
        "instructions": "Call to book a first check-up next week.",
        **extra,
    }
    r = api.post("/test_framework/v2/scenarios/", body)
    assert r.status_code == 201, r.text
    return int(r.json()["id"])


def wait_for_result(api: Api, result_id: int, timeout_s: float = 60.0) -> dict[str, Any]:
    """The result detail once every run has finished (bounded wait)."""
    deadline = time.monotonic() + timeout_s
    while True:
        r = api.get(f"/test_framework/v2/results/{result_id}/")
        assert r.status_code == 200, r.text
        body: dict[str, Any] = r.json()
        if body["status"] in DONE:
            return body
        assert time.monotonic() < deadline, f"result still {body['status']}: {body['runs']}"
        time.sleep(0.2)

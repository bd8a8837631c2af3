"""The dashboard in headless Chromium against a real server: sign in, follow a finished run
from the results list to its transcript and metrics, and what a bad key or no data shows."""

from __future__ import annotations

import math
import os
import shutil
from collections.abc import Iterator

import httpx
import pytest
from playwright.sync_api import Browser, Page, expect, sync_playwright

from tests.api.run_support import (
    RUN_TEXT,
    chat_agent,
    clinic_agent,
    reschedule_scenario,
    sarah_profile,
    wait_for_result,
)
from tests.conftest import IN_CI, Api

CHROMIUM = os.environ.get("VOXTEST_CHROMIUM", "/usr/bin/chromium")
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture
def page(api: Api) -> Iterator[Page]:
    """A fresh browser per test, started after the server (Playwright's sync API keeps an
    event loop running on this thread, which the fixtures' own asyncio.run would refuse)."""
    if not shutil.which(CHROMIUM):
        if IN_CI:
            pytest.fail(f"Chromium is required in CI (apt-get install chromium): {CHROMIUM}")
        pytest.skip(f"no Chromium at {CHROMIUM}")
    errors: list[str] = []
    with sync_playwright() as p:
        browser: Browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        page = browser.new_page()
        page.on("pageerror", lambda e: errors.append(str(e)))
        yield page
        browser.close()
    assert not errors, f"script errors on the page: {errors}"


def sign_in(page: Page, api: Api, key: str | None = None) -> None:
    page.goto(f"{api.server.url}/ui/")
    page.fill("#api-key", key or api.key)
    page.click("#sign-in button[type=submit]")


def test_a_finished_run_is_followed_from_results_to_its_transcript(api: Api, page: Page) -> None:
    with clinic_agent(reply_delay_ms=120) as server:
        agent = chat_agent(api, server.url)
        scenario = reschedule_scenario(api, agent, sarah_profile(api, agent))
        r = api.post(RUN_TEXT, {"agent_id": agent, "scenarios": [scenario]})
        assert r.status_code in (200, 201), r.text
        result = wait_for_result(api, int(r.json()["id"]), timeout_s=90)
    (run,) = result["runs"].values()

    sign_in(page, api)
    row = page.locator(f'#results tr[data-result="{result["id"]}"]')
    expect(row).to_contain_text(result["status"])
    row.locator("a").click()
    expect(page.locator("#result h1")).to_contain_text(result["status"])
    (scenario_row,) = api.get(f"/voxtest/v1/results/{result['id']}/reliability/").json()[
        "scenarios"
    ]
    reliability = page.locator("#reliability")
    expect(reliability).to_contain_text(f"{scenario_row['passed']} / {scenario_row['runs']}")
    expect(reliability).to_contain_text(scenario_row["scenario_name"])
    rate = math.floor(scenario_row["pass_rate"] * 1000 + 0.5) / 10
    expect(reliability).to_contain_text(f"{rate:g}%")  # as the page rounds
    page.locator(f'tr[data-run="{run["id"]}"] a').click()

    transcript = page.locator("#transcript")
    expect(transcript).to_contain_text("Testing Agent")
    first_agent_line = next(t for t in run["transcript_object"] if t["role"] == "Main Agent")
    expect(transcript).to_contain_text(first_agent_line["content"][:40])
    assert page.locator("#transcript .turn").count() == len(run["transcript_object"])
    timed = [
        i for i, t in enumerate(run["transcript_object"]) if "latency_ms" in (t.get("data") or {})
    ]
    assert timed, "the run records the agent's latency per turn"
    latency = page.locator("#transcript .turn").nth(timed[0]).locator(".latency")
    measured = run["transcript_object"][timed[0]]["data"]["latency_ms"]
    assert measured >= 120
    expect(latency).to_have_text(f"{math.floor(measured + 0.5)} ms")  # as JavaScript rounds


def test_a_wrong_key_is_refused_with_a_message_and_no_data(api: Api, page: Page) -> None:
    sign_in(page, api, key="not-a-key")
    expect(page.locator("#sign-in-error")).to_contain_text("not accepted")
    expect(page.locator("#nav")).to_be_hidden()


def test_empty_lists_say_what_to_do_and_pages_move(api: Api, page: Page) -> None:
    other = api.other()
    sign_in(page, api, key=other.key)
    expect(page.locator("#results")).to_contain_text("No results yet")
    page.click("nav a[href='#/scenarios']")
    expect(page.locator("#scenarios")).to_contain_text("No evaluators yet")
    for n in range(27):
        body = {"name": f"Agent {n:02d}", "description": "d", "project": other.default_project_id()}
        assert (
            other.post("/test_framework/v2/aiagents/", {**body, "inbound": True}).status_code == 201
        )
    page.click("nav a[href='#/agents']")
    expect(page.locator("#agents")).to_contain_text("27 in all")
    assert page.locator("#agents tbody tr").count() == 25
    page.click("#agents [data-next]")
    expect(page.locator("#agents tbody tr")).to_have_count(2)


def test_pages_are_served_with_a_strict_content_security_policy(api: Api) -> None:
    r = httpx.get(f"{api.server.url}/ui/")
    assert r.status_code == 200
    csp = r.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert (
        httpx.get(f"{api.server.url}/ui/static/app.js")
        .headers["content-type"]
        .startswith("text/javascript")
    )
    assert httpx.get(f"{api.server.url}/ui/static/secret.key").status_code == 404
    assert httpx.get(f"{api.server.url}/ui/static/..%2Fsecret.key").status_code == 404

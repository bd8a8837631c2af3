"""Webhooks of runs end to end: a real run of the clinic agent, a receiver on loopback.

`result.pre_trigger` is awaited before the runs start (and retried), `result.completed`
carries the reference's payload, flags gate it, the agent's URL overrides the project's,
`X-CEKURA-SECRET` and a stable `X-CEKURA-IDEMPOTENCY-KEY` go with every attempt, and the
delivery log shows and replays what was sent."""

from __future__ import annotations

import uuid
from typing import Any

from tests.api.run_support import (
    RUN_TEXT,
    chat_agent,
    clinic_agent,
    reschedule_scenario,
    sarah_profile,
    wait_for_result,
)
from tests.conftest import Api
from tests.hooks.support import Receiver

SECRET = "hook-secret-1"


def _project(api: Api, receiver: Receiver, path: str, **flags: Any) -> int:
    project_id = api.default_project_id()
    body = {"webhook_url": f"{receiver.url}{path}", "webhook_secret": SECRET, **flags}
    r = api.patch(f"/user/v1/projects/{project_id}/", body)
    assert r.status_code == 200, r.text
    return project_id


def _run(api: Api, agent_url: str, **agent_fields: Any) -> tuple[int, int]:
    agent_id = chat_agent(api, agent_url)
    if agent_fields:
        r = api.patch(f"/test_framework/v2/aiagents/{agent_id}/", agent_fields)
        assert r.status_code == 200, r.text
    scenario = reschedule_scenario(api, agent_id, sarah_profile(api, agent_id))
    r = api.post(RUN_TEXT, {"agent_id": agent_id, "scenarios": [scenario], "name": "nightly"})
    assert r.status_code in (200, 201), r.text
    return agent_id, int(r.json()["id"])


def _deliveries(api: Api, project_id: int, **params: str) -> list[dict[str, Any]]:
    r = api.get(f"/user/v1/projects/{project_id}/webhook-deliveries/", params=params)
    assert r.status_code == 200, r.text
    results: list[dict[str, Any]] = r.json()["results"]
    return results


def test_pre_trigger_is_awaited_and_result_completed_follows(
    hapi: Api, hook_receiver: Receiver
) -> None:
    path = f"/hooks/{uuid.uuid4().hex}"
    hook_receiver.statuses[path] = [503]  # the first pre-trigger attempt fails
    project_id = _project(
        hapi,
        hook_receiver,
        path,
        notify_pre_run_webhook=True,
        notify_result_webhook_success=True,
        notify_result_webhook_failed=True,
    )
    with clinic_agent() as agent:
        agent_id, result_id = _run(hapi, agent.url)
        result = wait_for_result(hapi, result_id)
    pre = hook_receiver.events(path, "result.pre_trigger")
    assert len(pre) == 2  # retried once, same key both times
    assert {p.headers["X-CEKURA-IDEMPOTENCY-KEY"] for p in pre} == {
        f"result_pre_trigger:{result_id}"
    }
    assert all(p.headers["X-CEKURA-SECRET"] == SECRET for p in pre)
    data = pre[-1].body["data"]
    assert data["result_id"] == result_id and data["agent_id"] == agent_id
    assert data["label"] == "nightly"
    (run_id,) = data["runs"]
    assert data["runs"][run_id]["scenario"]["name"].startswith("Reschedule")
    assert data["runs"][run_id]["test_profile"]["name"] == "Sarah Johnson"
    run = result["runs"][run_id]
    assert run["timestamp"] is not None
    done = hook_receiver.wait_for(lambda: hook_receiver.events(path, "result.completed"))
    assert len(done) == 1
    body = done[0].body["data"]
    assert body["id"] == result_id and body["is_cronjob"] is False
    assert body["status"] == result["status"]
    assert set(body["runs"]) == {run_id}
    sent_run = body["runs"][run_id]
    assert sent_run["transcript_object"] and sent_run["evaluation"] is not None
    assert done[0].headers["X-CEKURA-IDEMPOTENCY-KEY"] == f"result_completed:{result_id}"
    # The pre-trigger was answered before the run's conversation began.
    assert pre[-1].at <= done[0].at
    log = _deliveries(hapi, project_id, event_type="result.pre_trigger")
    assert log[0]["attempts"] == 2 and log[0]["status"] == "delivered"
    assert log[0]["response_code"] == 200


def test_flags_off_send_nothing_and_the_agents_url_wins(hapi: Api, hook_receiver: Receiver) -> None:
    project_path, agent_path = f"/p/{uuid.uuid4().hex}", f"/a/{uuid.uuid4().hex}"
    project_id = _project(hapi, hook_receiver, project_path)  # every notify flag off
    with clinic_agent() as agent:
        _, quiet = _run(hapi, agent.url)
        wait_for_result(hapi, quiet)
        hapi.patch(
            f"/user/v1/projects/{project_id}/",
            {"notify_result_webhook_success": True, "notify_result_webhook_failed": True},
        )
        _, loud = _run(hapi, agent.url, webhook_url=f"{hook_receiver.url}{agent_path}")
        wait_for_result(hapi, loud)
    got = hook_receiver.wait_for(lambda: hook_receiver.events(agent_path, "result.completed"))
    assert [g.body["data"]["id"] for g in got] == [loud]
    assert got[0].headers["X-CEKURA-SECRET"] == SECRET  # the project's: the agent has none
    assert hook_receiver.on(project_path) == []


def test_a_receiver_down_for_a_while_gets_the_event_once_it_is_back(
    hapi: Api, hook_receiver: Receiver
) -> None:
    path = f"/down/{uuid.uuid4().hex}"
    hook_receiver.statuses[path] = [503, 502, 500, 504]
    project_id = _project(
        hapi,
        hook_receiver,
        path,
        notify_result_webhook_success=True,
        notify_result_webhook_failed=True,
    )
    with clinic_agent() as agent:
        _, result_id = _run(hapi, agent.url)
        wait_for_result(hapi, result_id)
    hook_receiver.wait_for(
        lambda: len(hook_receiver.events(path, "result.completed")) == 5, what="the fifth try"
    )
    tries = hook_receiver.events(path, "result.completed")
    assert len({t.headers["X-CEKURA-IDEMPOTENCY-KEY"] for t in tries}) == 1
    (row,) = _deliveries(hapi, project_id, event_type="result.completed")
    assert row["status"] == "delivered" and row["attempts"] == 5
    assert row["response_code"] == 200 and row["last_error"] is None
    # Replay sends it again with the same key.
    r = hapi.post(f"/user/v1/projects/{project_id}/webhook-deliveries/{row['id']}/replay/")
    assert r.status_code == 200, r.text
    hook_receiver.wait_for(lambda: len(hook_receiver.events(path, "result.completed")) == 6)
    again = hook_receiver.events(path, "result.completed")[-1]
    assert again.headers["X-CEKURA-IDEMPOTENCY-KEY"] == tries[0].headers["X-CEKURA-IDEMPOTENCY-KEY"]


def test_a_refusing_receiver_is_not_retried_and_can_be_replayed(
    hapi: Api, hook_receiver: Receiver
) -> None:
    path = f"/refuse/{uuid.uuid4().hex}"
    hook_receiver.statuses[path] = [401]
    project_id = _project(
        hapi,
        hook_receiver,
        path,
        notify_result_webhook_success=True,
        notify_result_webhook_failed=True,
    )
    with clinic_agent() as agent:
        _, result_id = _run(hapi, agent.url)
        wait_for_result(hapi, result_id)

    def failed() -> list[dict[str, Any]]:
        return [
            r
            for r in _deliveries(hapi, project_id, status="failed")
            if r["event_type"] == "result.completed"
        ]

    (row,) = hook_receiver.wait_for(failed, what="the failed delivery")
    assert row["attempts"] == 1 and row["response_code"] == 401
    assert "HTTP 401" in row["last_error"]
    assert len(hook_receiver.events(path, "result.completed")) == 1
    r = hapi.post(f"/user/v1/projects/{project_id}/webhook-deliveries/{row['id']}/replay/")
    assert r.status_code == 200
    hook_receiver.wait_for(lambda: len(hook_receiver.events(path, "result.completed")) == 2)


def test_deliveries_belong_to_their_organization(hapi: Api) -> None:
    project_id = hapi.default_project_id()
    other = hapi.other()
    assert other.get(f"/user/v1/projects/{project_id}/webhook-deliveries/").status_code == 404
    r = hapi.get(f"/user/v1/projects/{project_id}/webhook-deliveries/", params={"status": "x"})
    assert r.status_code == 400 and "status" in r.json()


def test_test_webhook_sends_a_sample_with_the_secret(hapi: Api, hook_receiver: Receiver) -> None:
    path = f"/test/{uuid.uuid4().hex}"
    project_id = _project(hapi, hook_receiver, path)
    r = hapi.post(f"/user/v1/projects/{project_id}/test-webhook/", {"name": "ignored"})
    assert r.status_code == 200, r.text
    assert r.json()["id"] == project_id
    (got,) = hook_receiver.on(path)
    assert got.body["event_type"] == "result.completed"
    assert got.headers["X-CEKURA-SECRET"] == SECRET
    hook_receiver.statuses[path] = [500]
    r = hapi.post(f"/user/v1/projects-external/{project_id}/test-webhook/", {})
    assert r.status_code == 400 and "HTTP 500" in r.json()["webhook_url"][0]
    log = _deliveries(hapi, project_id, status="failed")
    assert log[0]["idempotency_key"].startswith("test_webhook:")

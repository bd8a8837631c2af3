"""`call_log.completed` end to end: a production call posted to `observe/` is evaluated in the
background and its webhook reaches a receiver on loopback, gated by the project's flags."""

from __future__ import annotations

import uuid

from tests.api.call_log_support import evaluated, observe, observed_metric
from tests.api.evaluation_support import rubric
from tests.api.factories import new_agent
from tests.conftest import Api
from tests.hooks.support import Receiver

SECRET = "hook-secret-calls"
PASSES = "_result = 'booked' in data['transcript']\n_explanation = 'looked for booked'"


def test_an_evaluated_call_log_is_sent_with_its_verdict(hapi: Api, hook_receiver: Receiver) -> None:
    path = f"/hooks/{uuid.uuid4().hex}"
    project_id = hapi.default_project_id()
    flags = {"notify_call_log_webhook_success": True, "notify_call_log_webhook_failed": False}
    body = {"webhook_url": f"{hook_receiver.url}{path}", "webhook_secret": SECRET, **flags}
    assert hapi.patch(f"/user/v1/projects/{project_id}/", body).status_code == 200
    agent = new_agent(hapi, project_id, name="Front desk (observed)")
    metric = observed_metric(hapi, agent, "Booked", PASSES)
    rubric(hapi, [(metric, {"field": "score", "op": "eq", "value": True})])

    good = observe(hapi, agent, f"call-{uuid.uuid4().hex[:8]}")
    assert evaluated(hapi, int(good["id"]))["success"] is True
    hook_receiver.wait_for(lambda: len(hook_receiver.events(path, "call_log.completed")) == 1)
    (sent,) = hook_receiver.events(path, "call_log.completed")
    assert sent.headers["X-CEKURA-SECRET"] == SECRET
    data = sent.body["data"]
    assert data["id"] == good["id"] and data["success"] is True
    assert any(m["id"] == metric for m in data["evaluation"]["metrics"])

    failing = [{"role": "bot", "message": "Sorry, we are closed.", "time": 0.0}]
    bad = observe(hapi, agent, f"call-{uuid.uuid4().hex[:8]}", transcript_json=failing)
    assert evaluated(hapi, int(bad["id"]))["success"] is False
    # a failed call is not sent (the flag is off): still only the first event after the
    # deliverer has had time to pass the second one
    later = observe(hapi, agent, f"call-{uuid.uuid4().hex[:8]}")
    assert evaluated(hapi, int(later["id"]))["success"] is True
    hook_receiver.wait_for(lambda: len(hook_receiver.events(path, "call_log.completed")) == 2)
    ids = [e.body["data"]["id"] for e in hook_receiver.events(path, "call_log.completed")]
    assert ids == [good["id"], later["id"]]

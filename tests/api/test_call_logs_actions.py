"""Call logs after ingest: list filters (the SQL agrees with the domain's meaning), PATCH,
evaluate again, votes, deletes, suggestions, the custom-provider push, and an evaluation
left by a dead process taken over."""

from __future__ import annotations

import asyncio
import json
import uuid
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import update

from tests.api.call_log_support import V2, evaluated, metric_of, observe, observed_metric
from tests.api.evaluation_support import (
    code_metric,
    played,
    rubric,
    run_when,
    scenario_with,
    values,
)
from tests.api.factories import new_agent
from tests.api.run_support import chat_agent, clinic_agent
from tests.conftest import Api
from voxtest.domain.call_log_filters import compile_filter, matches, parse_time
from voxtest.storage.db import Database
from voxtest.storage.tables import CallLog
from voxtest.storage.tables.base import utcnow

PASSES = '_result = True\n_explanation = "ok"'
FAILS = '_result = False\n_explanation = "no"'


def cid() -> str:
    return f"call_{uuid.uuid4().hex[:10]}"


def ids(api: Api, **params: Any) -> list[int]:
    r = api.get(V2, params=params)
    assert r.status_code == 200, r.text
    return sorted(c["id"] for c in r.json()["results"])


FILTERS: list[Any] = [
    {"field": "success", "op": "eq", "value": True},
    {"field": "duration", "op": "gte", "value": 7},
    {"field": "call_ended_reason", "op": "in", "value": ["hangup", "completed"]},
    {"field": "call_ended_reason", "op": "neq", "value": "hangup"},
    {"field": "customer_number", "op": "startswith", "value": "+1415"},
    {"field": "customer_number", "op": "isnull", "value": True},
    {"field": "call_id", "op": "contains", "value": "VIP"},
    {"field": "timestamp", "op": "lt", "value": "2025-03-02T00:00:00Z"},
    {"field": "metadata.campaign", "op": "eq", "value": "spring"},
    {"field": "metadata.score", "op": "gt", "value": 2},
    {"field": "metadata.vip", "op": "eq", "value": True},
    {"field": "metadata.campaign", "op": "isnull", "value": True},
    {
        "operator": "or",
        "conditions": [
            {"field": "metadata.score", "op": "in", "value": [1, 3]},
            {
                "operator": "and",
                "conditions": [
                    {"field": "success", "op": "eq", "value": False},
                    {"field": "call_id", "op": "startswith", "value": "x"},
                ],
            },
        ],
    },
]


def test_filters_v2_in_sql_agree_with_their_meaning(api: Api) -> None:
    project = api.other().default_project_id()
    client = api.children[-1]
    agent = new_agent(client, project)
    observed_metric(client, agent, "Pass", PASSES)
    calls = [
        ("x-VIP-1", "hangup", "+14155550100", "2025-03-01T10:00:00Z",
         {"campaign": "spring", "score": 3, "vip": True}),
        ("x-2", "completed", "", "2025-03-01T11:00:00Z", {"campaign": "fall", "score": 1}),
        ("y-vip-3", "", "+12125550100", "2025-03-02T09:00:00Z", {"score": "3", "vip": "yes"}),
        ("y-4", "hangup", "+14155550199", "2025-03-03T09:00:00Z", {}),
    ]  # fmt: skip
    records = []
    for call_id, reason, number, when, meta in calls:
        made = observe(
            client, agent, call_id, call_ended_reason=reason, customer_number=number,
            timestamp=when, metadata=meta,
        )  # fmt: skip
        records.append(evaluated(client, made["id"]))
    window = {"agent_id": agent, "timestamp_from": "2025-02-20T00:00:00Z",
              "timestamp_to": "2025-03-10T00:00:00Z"}  # fmt: skip
    assert ids(client, **window) == sorted(r["id"] for r in records)
    for spec in FILTERS:
        tree = compile_filter(spec)
        expected = sorted(r["id"] for r in records if matches(tree, _record(r)))
        assert ids(client, **window, filters_v2=json.dumps(spec)) == expected, spec
    assert ids(client, **window, call_ids=f"{records[0]['id']},{records[2]['id']}") == sorted(
        [records[0]["id"], records[2]["id"]]
    )


def _record(wire: dict[str, Any]) -> dict[str, Any]:
    """A call log as the domain reads it: duration in seconds, times as datetimes."""
    when = parse_time(wire["timestamp"], "timestamp")
    return {**wire, "duration": _seconds(wire["duration"]), "timestamp": when}


def _seconds(mmss: str) -> float:
    minutes, seconds = mmss.split(":")
    return int(minutes) * 60 + int(seconds)


def test_list_window_scope_and_bad_filters(api: Api) -> None:
    agent = new_agent(api, api.default_project_id())
    observe(api, agent, cid())
    assert len(ids(api, agent_id=agent)) == 1  # the default window is the last 30 days
    assert ids(api, agent_id=agent, timestamp_to="2020-01-01T00:00:00Z") == []
    wide = api.get(V2, params={"agent_id": agent, "timestamp_from": "2025-01-01T00:00:00Z",
                               "timestamp_to": "2025-03-01T00:00:00Z"})  # fmt: skip
    assert wide.status_code == 400 and "33 days" in wide.json()["timestamp_from"][0]
    bad = api.get(V2, params={"agent_id": agent, "filters_v2": '{"field": "x", "value": 1}'})
    assert bad.status_code == 400 and "unknown field 'x'" in bad.json()["filters_v2"][0]
    unscoped = api.get(V2)
    assert unscoped.status_code == 400 and "project_id" in unscoped.json()
    assert api.other().get(V2, params={"agent_id": agent}).json()["count"] == 0


def test_patch_merges_source_data_and_reevaluates(api: Api) -> None:
    agent = new_agent(api, api.default_project_id())
    metric = observed_metric(api, agent, "Pass", PASSES)
    made = observe(api, agent, cid(), metadata={"a": 1, "b": 2}, redact_fields=["phone_number"])
    evaluated(api, made["id"])
    body = {
        "metadata": {"b": 3, "c": 4},
        "duration": 1.5,
        "transcript_type": "cekura",
        "transcript_json": [
            {
                "role": "Testing Agent",
                "content": "Call 415-555-0132",
                "start_time": 0,
                "end_time": 1,
            }
        ],
        "reevaluate_metrics": True,
    }
    r = api.patch(f"{V2}{made['id']}/", body)
    assert r.status_code == 200, r.text
    assert r.json()["metadata"] == {"a": 1, "b": 3, "c": 4}
    assert r.json()["duration"] == "01:30"
    assert r.json()["transcript_object"][0]["content"] == "Call <PHONE_NUMBER>"
    again = evaluated(api, made["id"])
    assert metric_of(again, metric)["score"] == 5.0
    reviewed = api.patch(f"{V2}{made['id']}/", {"status": "reviewed_failure"}).json()
    assert reviewed["status"] == "reviewed_failure" and reviewed["is_reviewed"] is True


def test_rerun_resets_success_unless_reviewed_and_evaluate_metrics_keeps_others(api: Api) -> None:
    agent = new_agent(api, api.default_project_id())
    first = observed_metric(api, agent, "First", PASSES)
    a, b = (evaluated(api, observe(api, agent, cid())["id"]) for _ in range(2))
    api.patch(f"{V2}{b['id']}/", {"status": "reviewed_success"})
    r = api.post(f"{V2}rerun_evaluation/", {"agent_id": agent, "call_logs": "all"})
    assert r.status_code == 200, r.text
    by_id = {c["id"]: c for c in r.json()}
    assert by_id[a["id"]]["success"] is None and by_id[a["id"]]["status"] == "evaluating"
    assert by_id[b["id"]]["success"] is True and by_id[b["id"]]["status"] == "reviewed_success"
    assert evaluated(api, a["id"])["success"] is True
    second = observed_metric(api, agent, "Second", FAILS, observability_enabled=False)
    r = api.post(
        f"{V2}evaluate_metrics/", {"agent_id": agent, "call_logs": [a["id"]], "metrics": [second]}
    )
    assert r.status_code == 200, r.text
    done = evaluated(api, a["id"])
    assert [m["id"] for m in done["evaluation"]["metrics"]] == [first, second]
    assert metric_of(done, second)["score"] == 0.0
    wrong = api.post(f"{V2}evaluate_metrics/", {"agent_id": agent, "call_logs": [a["id"]],
                                               "metrics": [999999]})  # fmt: skip
    assert wrong.status_code == 400 and "metrics" in wrong.json()


def test_votes_review_the_call(api: Api) -> None:
    agent = new_agent(api, api.default_project_id())
    metric = observed_metric(api, agent, "Pass", PASSES)
    rubric(api, [(metric, {"field": "score", "op": "eq", "value": True})])
    made = evaluated(api, observe(api, agent, cid())["id"])
    assert made["status"] == "success" and made["rubric"][0]["passed"] is True
    vote = {"metric_id": metric, "thumbs_up": False, "expected_value": False, "feedback": "wrong"}
    r = api.post(f"/observability/v1/call-logs/{made['id']}/mark_metric_vote/", vote)
    assert r.status_code == 200 and r.json() == {"detail": "Vote recorded."}
    after = api.get(f"{V2}{made['id']}/").json()
    assert after["is_reviewed"] is True and after["status"] == "reviewed_failure"
    assert metric_of(after, metric)["extra"]["vote"]["expected_value"] is False


def test_deletes_and_suggestions(api: Api) -> None:
    agent = new_agent(api, api.default_project_id())
    rows = [observe(api, agent, f"sugg-{uuid.uuid4().hex[:6]}", customer_number=f"+1555{i}")
            for i in range(3)]  # fmt: skip
    found = api.get(f"{V2}filters_call_id/", params={"search": "sugg-", "agent_id": agent})
    assert sorted(found.json()["results"]) == sorted(r["call_id"] for r in rows)
    numbers = api.get(f"{V2}filters_customer_number/", params={"agent_id": agent}).json()
    assert numbers["results"] == ["+15550", "+15551", "+15552"]
    assert "filters_v2" not in api.get(f"{V2}filters/").json()["ops"]
    assert api.delete(f"{V2}{rows[0]['id']}/").status_code == 204
    assert api.get(f"{V2}{rows[0]['id']}/").status_code == 404
    bulk = api.post(f"{V2}delete_call_logs/", {"call_logs": [rows[1]["id"], rows[2]["id"]]})
    assert bulk.status_code == 204
    assert ids(api, agent_id=agent) == []
    assert api.post(f"{V2}delete_call_logs/", {"call_logs": [rows[1]["id"]]}).status_code == 400


def test_custom_provider_push_stores_calls(api: Api) -> None:
    agent = new_agent(api, api.default_project_id())
    call_id = cid()
    push = {
        "agent_id": agent,
        "calls": [
            {
                "id": call_id,
                "startedAt": 1717000000000,
                "endedAt": 1717000009000,
                "from_phone_number": "+15550003333",
                "endedReason": "customer-ended-call",
                "messages": [
                    {"role": "bot", "content": "Hi", "start_time": 1717000001000,
                     "end_time": 1717000002000},
                    {"role": "user", "content": "Bye", "start_time": 1717000003000},
                ],
            }
        ],
    }  # fmt: skip
    r = api.post("/test_framework/custom-provider-transcript-webhook/", push)
    assert r.status_code == 200, r.text
    listed = api.get(V2, params={"agent_id": agent, "timestamp_from": "2024-05-20T00:00:00Z",
                                 "timestamp_to": "2024-06-10T00:00:00Z"}).json()  # fmt: skip
    assert [c["call_id"] for c in listed["results"]] == [call_id]
    assert listed["results"][0]["customer_number"] == "+15550003333"
    assert listed["results"][0]["transcript_object"][0]["start_time"] == 1.0
    bad = api.post(
        "/test_framework/custom-provider-transcript-webhook/",
        {"agent_id": agent, "calls": [{"id": "x", "run_id": 999999, "messages": []}]},
    )
    assert bad.status_code == 400 and "run_id" in bad.json()["calls"][0]


@pytest.mark.parametrize("state", ["stale", "queued"])
def test_an_evaluation_left_by_a_dead_process_is_taken_over(api: Api, state: str) -> None:
    agent = new_agent(api, api.default_project_id())
    metric = observed_metric(api, agent, "Pass", PASSES)
    made = observe(api, agent, cid())
    evaluated(api, made["id"])

    async def abandon() -> None:
        db = Database(api.server.settings)
        try:
            async with db.session() as session:
                stamp = utcnow() - timedelta(hours=1)
                await session.execute(
                    update(CallLog)
                    .where(CallLog.id == made["id"])
                    .values(
                        eval_state="evaluating" if state == "stale" else "queued",
                        claimed_by="dead-process",
                        heartbeat_at=stamp,
                        evaluation={},
                        success=None,
                        status="evaluating",
                    )
                )
        finally:
            await db.dispose()

    asyncio.run(abandon())
    done = evaluated(api, made["id"], timeout_s=30)
    assert metric_of(done, metric)["score"] == 5.0


MENTIONS_REFUND = '_result = "refund" in data["transcript"].lower()\n_explanation = "looked"'


def test_custom_provider_push_replaces_a_runs_transcript_and_evaluates_it_again(api: Api) -> None:
    with clinic_agent() as server:
        agent = chat_agent(api, server.url)
        metric = code_metric(api, agent, "Mentions refund", MENTIONS_REFUND)
        result = played(api, agent, scenario_with(api, agent, [metric]))
    (run,) = result["runs"].values()
    assert values(run)["Mentions refund"]["extra"]["passed"] is False
    push = {
        "agent_id": agent,
        "calls": [
            {
                "id": "provider-call-1",
                "run_id": run["id"],
                "startedAt": 1717000000000,
                "endedReason": "customer-ended-call",
                "messages": [
                    {"role": "user", "content": "I want a refund", "start_time": 1717000001000},
                    {"role": "bot", "content": "Sure.", "start_time": 1717000002000},
                ],
            }
        ],
    }
    r = api.post("/test_framework/custom-provider-transcript-webhook/", push)
    assert r.status_code == 200, r.text
    again = run_when(
        api, run["id"], lambda x: x["status"] != "evaluating" and "refund" in x["transcript"]
    )
    assert [t["content"] for t in again["transcript_object"]] == ["I want a refund", "Sure."]
    assert values(again)["Mentions refund"]["extra"]["passed"] is True
    assert again["metadata"]["provider_call_id"] == "provider-call-1"
    assert api.get(V2, params={"agent_id": agent}).json()["count"] == 0  # no call log made

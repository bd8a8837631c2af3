"""`POST call-logs/` (the observe ingest under every alias), `{id}/trace/` and the marks of a
call's critical categories."""

from __future__ import annotations

import uuid

import pytest

from tests.api.call_log_support import VAPI_CALL, evaluated, observe, observed_metric
from tests.api.factories import new_agent
from tests.conftest import Api

BASES = (
    "/observability/v1/call-logs/",
    "/observability/v1/call-logs-external/",
    "/observability/v2/call-logs/",
)
PASSES = '_result = True\n_explanation = "ok"'
FAILS = '_result = False\n_explanation = "the agent never confirmed the time"'


def cid() -> str:
    return f"call_{uuid.uuid4().hex[:10]}"


@pytest.mark.parametrize("base", BASES)
def test_create_ingests_like_observe_and_answers_the_detail(api: Api, base: str) -> None:
    agent = new_agent(api, api.default_project_id())
    metric = observed_metric(api, agent, "Always passes", PASSES)
    call_id = cid()
    body = {
        "call_id": call_id,
        "agent": agent,
        "transcript_type": "vapi",
        "transcript_json": VAPI_CALL,
        "customer_number": "+14155550132",
        "metadata": {"campaign": "spring"},
        "redact_fields": ["phone_number"],
    }
    r = api.post(base, body)
    assert r.status_code == 201, r.text
    made = r.json()
    assert made["call_id"] == call_id and made["status"] == "evaluating"
    assert made["metadata"] == {"campaign": "spring"} and made["project"]
    said = [t["content"] for t in made["transcript_object"]]
    assert "415-555-0132" not in " ".join(said) and "<PHONE_NUMBER>" in said[1]
    done = evaluated(api, made["id"])
    assert done["status"] == "success"
    assert [m["id"] for m in done["evaluation"]["metrics"]] == [metric]
    again = api.post(base, body)
    assert again.status_code == 400 and "call_id" in again.json()


def test_create_rejects_what_observe_rejects(api: Api) -> None:
    r = api.post(BASES[2], {"call_id": cid(), "transcript_type": "vapi", "transcript_json": []})
    assert r.status_code == 400 and "agent" in r.json()


def test_trace_has_a_span_per_turn_tool_call_and_metric(api: Api) -> None:
    agent = new_agent(api, api.default_project_id())
    observed_metric(api, agent, "Confirms", FAILS)
    transcript = [
        {"role": "Main Agent", "content": "Hello", "start_time": 0.0, "end_time": 1.0},
        {"role": "Testing Agent", "content": "Book me", "start_time": 1.5, "end_time": 2.5},
        {
            "role": "Function Call",
            "content": "",
            "start_time": 3.0,
            "end_time": 3.1,
            "data": {"id": "t1", "name": "book", "arguments": '{"day": "Tue"}'},
        },
        {
            "role": "Function Call Result",
            "content": "",
            "start_time": 3.6,
            "end_time": 3.7,
            "data": {"id": "t1", "result": "booked"},
        },
        {"role": "Main Agent", "content": "Done", "start_time": 4.0, "end_time": 5.0},
    ]
    made = observe(
        api, agent, cid(), transcript_type="cekura", transcript_json=transcript, trace_id="ab" * 16
    )
    evaluated(api, made["id"])
    r = api.get(f"/observability/v1/call-logs/{made['id']}/trace/")
    assert r.status_code == 200, r.text
    trace = r.json()
    assert trace["trace_id"] == "ab" * 16
    names = [s["name"] for s in trace["spans"]]
    assert names == [
        "call",
        "agent.turn",
        "caller.turn",
        "tool.call",
        "agent.turn",
        "metric.evaluation",
    ]
    root, tool = trace["spans"][0], trace["spans"][3]
    assert all(s["parent_span_id"] == root["span_id"] for s in trace["spans"][1:])
    assert root["end_time_unix_nano"] - root["start_time_unix_nano"] == 5 * 10**9
    assert tool["attributes"]["tool.result"] == "booked"
    assert tool["end_time_unix_nano"] - root["start_time_unix_nano"] == int(3.7 * 10**9)
    metric_span = trace["spans"][-1]["attributes"]
    assert metric_span["metric.name"] == "Confirms" and metric_span["metric.passed"] is False
    assert api.get("/observability/v1/call-logs/999999999/trace/").status_code == 404
    assert api.other().get(f"/observability/v1/call-logs/{made['id']}/trace/").status_code == 404


@pytest.mark.parametrize("base", BASES)
def test_critical_categories_are_failed_metrics_and_marks_show_in_the_detail(
    api: Api, base: str
) -> None:
    agent = new_agent(api, api.default_project_id())
    failing = observed_metric(api, agent, "Confirms the time", FAILS)
    observed_metric(api, agent, "Greets", PASSES)
    made = observe(api, agent, cid())
    call = evaluated(api, made["id"])
    assert [c["category_id"] for c in call["critical_categories"]] == [failing]
    assert call["critical_categories"][0]["wrongly_marked"] is False
    marked = api.post(
        f"{base}{made['id']}/mark_critical_scenario_wrong/",
        {"category_id": failing, "feedback": "It did confirm at 0:07."},
    )
    assert marked.status_code == 200, marked.text
    category = marked.json()["critical_categories"][0]
    assert category["wrongly_marked"] is True and category["feedback"] == "It did confirm at 0:07."
    assert category["priority"] == "not_a_bug"
    shown = api.get(f"{base}{made['id']}/").json()["critical_categories"][0]
    assert shown["wrongly_marked"] is True
    bad = api.post(f"{base}{made['id']}/mark_critical_scenario_wrong/", {"category_id": 1})
    assert bad.status_code == 400 and "category_id" in bad.json()
    unmarked = api.post(f"{base}{made['id']}/unmark_critical_scenario_wrong/")
    assert unmarked.status_code == 200, unmarked.text
    assert unmarked.json()["critical_categories"][0]["wrongly_marked"] is False
    assert (
        api.other().post(f"{base}{made['id']}/unmark_critical_scenario_wrong/").status_code == 404
    )


def test_marking_a_call_without_failures_is_refused(api: Api) -> None:
    agent = new_agent(api, api.default_project_id())
    observed_metric(api, agent, "Greets", PASSES)
    made = observe(api, agent, cid())
    evaluated(api, made["id"])
    r = api.post(f"{BASES[2]}{made['id']}/mark_critical_scenario_wrong/", {})
    assert r.status_code == 400 and "no critical categories" in r.text

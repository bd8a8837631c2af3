"""What the call-log tests share: an observability-enabled code metric, ingesting a call and
waiting for its evaluation."""

from __future__ import annotations

import time
from typing import Any

from tests.conftest import Api

OBSERVE = "/observability/v1/observe/"
V2 = "/observability/v2/call-logs/"

VAPI_CALL = [
    {"role": "bot", "message": "Sunny Clinic, this is Ava. Who am I speaking with?", "time": 0.0},
    {"role": "user", "message": "This is Dana Whitfield, my number is 415-555-0132.", "time": 3.0},
    {"role": "bot", "message": "Thanks Dana, you're booked for Tuesday.", "time": 7.5},
]


def observed_metric(api: Api, agent: int, name: str, code: str, **fields: Any) -> int:
    body = {
        "name": name,
        "agent": agent,
        "type": "custom_code",
        "eval_type": "binary",
        "custom_code": code,
        "observability_enabled": True,
        **fields,
    }
    r = api.post("/test_framework/v2/metrics/", body)
    assert r.status_code == 201, r.text
    return int(r.json()["id"])


def observe(api: Api, agent: int, call_id: str, **fields: Any) -> dict[str, Any]:
    body = {
        "call_id": call_id,
        "agent": agent,
        "transcript_type": "vapi",
        "transcript_json": VAPI_CALL,
        **fields,
    }
    r = api.post(OBSERVE, body)
    assert r.status_code == 201, r.text
    answer: dict[str, Any] = r.json()
    return answer


def evaluated(api: Api, call_log_id: int, timeout_s: float = 60.0) -> dict[str, Any]:
    """The call log once its evaluation is stored."""
    deadline = time.monotonic() + timeout_s
    while True:
        body: dict[str, Any] = api.get(f"{V2}{call_log_id}/").json()
        if body["status"] != "evaluating":
            return body
        assert time.monotonic() < deadline, f"call log {call_log_id} still evaluating"
        time.sleep(0.1)


def metric_of(call_log: dict[str, Any], metric_id: int) -> dict[str, Any]:
    item: dict[str, Any] = next(
        m for m in call_log["evaluation"]["metrics"] if m["id"] == metric_id
    )
    return item

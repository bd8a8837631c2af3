"""A call's trace in OpenTelemetry's span shape, built from what voxtest stores: one root
span for the call, a span per transcript turn (times from the turn), a span per tool call
(its result attached) and a span per metric evaluation (at the call's end). Ids are
derived, so the same call gives the same trace. Pure: no I/O."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from voxtest.domain.transcript import FUNCTION_CALL, FUNCTION_CALL_RESULT, MAIN_AGENT

NANOS = 1_000_000_000
SPAN_NAMES = {MAIN_AGENT: "agent.turn", FUNCTION_CALL: "tool.call"}


def derived_trace_id(seed: str) -> str:
    return hashlib.sha256(seed.encode()).hexdigest()[:32]


def _span_id(trace_id: str, index: int) -> str:
    return hashlib.sha256(f"{trace_id}:{index}".encode()).hexdigest()[:16]


def build_spans(
    trace_id: str,
    started: datetime,
    call: Mapping[str, Any],
    turns: Sequence[Mapping[str, Any]],
    metrics: Sequence[Mapping[str, Any]],
) -> list[dict[str, Any]]:
    """Spans of one call; `call` holds the root span's attributes (call id, agent...)."""
    base = int(started.timestamp() * NANOS)
    end_s = max((float(t.get("end_time") or 0.0) for t in turns), default=0.0)
    root = _span(trace_id, 0, None, "call", base, base + int(end_s * NANOS), dict(call))
    spans = [root]
    results = {
        str((t.get("data") or {}).get("id")): t
        for t in turns
        if t.get("role") == FUNCTION_CALL_RESULT
    }
    for turn in turns:
        role = str(turn.get("role") or "")
        if role == FUNCTION_CALL_RESULT:
            continue
        start = base + int(float(turn.get("start_time") or 0.0) * NANOS)
        end = base + int(float(turn.get("end_time") or 0.0) * NANOS)
        attributes: dict[str, Any] = {"transcript.role": role}
        if role == FUNCTION_CALL:
            data = turn.get("data") or {}
            attributes |= {
                "tool.name": data.get("name"),
                "tool.arguments": data.get("arguments"),
                "tool.call_id": data.get("id"),
            }
            answer = results.get(str(data.get("id")))
            if answer is not None:
                attributes["tool.result"] = (answer.get("data") or {}).get("result")
                end = max(end, base + int(float(answer.get("end_time") or 0.0) * NANOS))
        else:
            attributes["transcript.content"] = turn.get("content") or ""
        name = SPAN_NAMES.get(role, "caller.turn")
        spans.append(_span(trace_id, len(spans), root["span_id"], name, start, end, attributes))
    finish = root["end_time_unix_nano"]
    for metric in metrics:
        attributes = {
            f"metric.{k}": metric.get(k)
            for k in ("id", "name", "type", "value", "score", "explanation")
            if metric.get(k) is not None
        }
        passed = (metric.get("extra") or {}).get("passed")
        if isinstance(passed, bool):
            attributes["metric.passed"] = passed
        spans.append(
            _span(
                trace_id,
                len(spans),
                root["span_id"],
                "metric.evaluation",
                finish,
                finish,
                attributes,
            )
        )
    return spans


def _span(
    trace_id: str,
    index: int,
    parent: str | None,
    name: str,
    start: int,
    end: int,
    attributes: dict[str, Any],
) -> dict[str, Any]:
    return {
        "trace_id": trace_id,
        "span_id": _span_id(trace_id, index),
        "parent_span_id": parent,
        "name": name,
        "kind": "SPAN_KIND_INTERNAL",
        "start_time_unix_nano": start,
        "end_time_unix_nano": max(start, end),
        "attributes": attributes,
        "status": {"code": "STATUS_CODE_UNSET"},
    }

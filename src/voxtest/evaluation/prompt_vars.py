"""Metric prompt variables: `{{transcript}}`, `{{agent.name}}`, `{{metadata['a b']}}`, ...

    fill_prompt("Did {{agent.name}} greet {{test_profile.name}}?", facts)

The variables are Cekura's (docs: metrics/metric-variables):

    transcript            `[mm:ss] Role: text` lines (the judge's rendering)
    transcript_json       the transcript_object as JSON
    call_end_reason       why the call ended
    date, timestamp       the call's start: YYYY-MM-DD and ISO 8601
    provider_call_id      the provider's id of the call
    agent.*               name, description, language, inbound, contact_number, ...
    evaluator.*           instructions, conditional_action_instructions (and the scenario's
                          other fields: name, expected_outcome_prompt, tags)
    metadata.*  test_profile.*  dynamic_variables.*  provider_call_data.*

Paths take dots and brackets (`{{metadata.items[0]}}`, `{{metadata['a b']}}`); a namespace
alone (`{{metadata}}`) gives the whole object as JSON. A missing value gives "". A top-level
name that is none of the above stays as written, so a prompt's own braces survive and the
author can see what was not filled (`unknown_placeholders` lists them). Pure; never raises.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any

from voxtest.domain.templating import PLACEHOLDER, lookup, path_steps, render_value
from voxtest.domain.transcript import Turn, clock
from voxtest.evaluation.model import CallFacts

NAMESPACES = (
    "transcript",
    "transcript_json",
    "call_end_reason",
    "date",
    "timestamp",
    "provider_call_id",
    "agent",
    "evaluator",
    "metadata",
    "test_profile",
    "dynamic_variables",
    "provider_call_data",
)


def prompt_variables(facts: CallFacts) -> dict[str, Any]:
    """Every variable a metric prompt may name, read from `facts`."""
    scenario = dict(facts.scenario)
    return {
        "transcript": render_transcript(facts.transcript),
        "transcript_json": transcript_json(facts.transcript),
        "call_end_reason": facts.ended_reason or "",
        "date": call_date(facts.timestamp),
        "timestamp": facts.timestamp,
        "provider_call_id": facts.provider_call_id,
        "agent": dict(facts.agent),
        "evaluator": {
            **scenario,
            "instructions": scenario.get("instructions") or "",
            "conditional_action_instructions": _text_or_json(
                scenario.get("conditional_action_instructions")
            ),
        },
        "metadata": dict(facts.metadata),
        "test_profile": dict(facts.test_profile),
        "dynamic_variables": dict(facts.dynamic_variables),
        "provider_call_data": dict(facts.provider_call_data),
    }


def fill_prompt(template: str, facts: CallFacts) -> str:
    """`template` with every known placeholder replaced from `facts`."""
    return fill(template, prompt_variables(facts))


def fill(template: str, variables: Mapping[str, Any]) -> str:
    """Like `templating.substitute`, but a value that cannot be read or rendered gives ""."""

    def replace(match: re.Match[str]) -> str:
        top, steps = match.group(1), match.group(2)
        if top not in variables:
            return match.group(0)
        try:
            return render_value(lookup(variables[top], path_steps(steps)))
        except (ValueError, TypeError, RecursionError):  # e.g. a 5000-digit index
            return ""

    return PLACEHOLDER.sub(replace, template)


def uses_variable(template: str, name: str) -> bool:
    """Whether `template` names the top-level variable `name` (e.g. "transcript")."""
    return any(match.group(1) == name for match in PLACEHOLDER.finditer(template))


def unknown_placeholders(template: str) -> list[str]:
    """Placeholders whose top-level name is not a metric variable, in order, once each."""
    found = [m.group(0) for m in PLACEHOLDER.finditer(template) if m.group(1) not in NAMESPACES]
    return list(dict.fromkeys(found))


def render_transcript(items: Iterable[Mapping[str, Any]]) -> str:
    """`[mm:ss] Role: text` per turn (`domain.transcript`'s rendering); a malformed turn is
    rendered as well as it can be rather than dropped."""
    return "\n".join(_render_turn(item) for item in items)


def transcript_json(items: Iterable[Mapping[str, Any]]) -> str:
    return json.dumps([dict(item) for item in items], ensure_ascii=False, default=str)


def call_date(timestamp: str) -> str:
    """YYYY-MM-DD of an ISO 8601 timestamp; "" when there is none or it does not parse."""
    try:
        return datetime.fromisoformat(timestamp.replace("Z", "+00:00")).date().isoformat()
    except ValueError:
        return ""


def _render_turn(item: Mapping[str, Any]) -> str:
    try:
        return Turn(
            role=str(item["role"]),
            content=str(item.get("content") or ""),
            start_time=float(item.get("start_time") or 0.0),
            end_time=float(item.get("end_time") or item.get("start_time") or 0.0),
            data=dict(item.get("data") or {}),
        ).render_text()
    except (KeyError, TypeError, ValueError, OverflowError):
        start = item.get("start_time")
        finite = isinstance(start, int | float) and math.isfinite(start)
        seconds = float(start) if finite and start is not None else 0.0
        return f"[{clock(seconds)}] {item.get('role') or 'Unknown'}: {item.get('content') or ''}"


def _text_or_json(value: Any) -> str:
    return value if isinstance(value, str) else render_value(value)

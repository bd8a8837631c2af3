"""Metric prompt variables: every namespace, paths, whole blobs, missing values, never raising."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from voxtest.evaluation.model import CallFacts
from voxtest.evaluation.prompt_vars import (
    call_date,
    fill_prompt,
    render_transcript,
    unknown_placeholders,
    uses_variable,
)

TRANSCRIPT: tuple[dict[str, Any], ...] = (
    {"role": "Main Agent", "content": "Bright Smile Dental, how can I help?", "start_time": 0.4,
     "end_time": 2.0},
    {"role": "Testing Agent", "content": "I'd like to cancel.", "start_time": 65.2,
     "end_time": 66.0},
    {"role": "Function Call", "content": "", "start_time": 67.0, "end_time": 67.0,
     "data": {"id": "c1", "name": "cancel", "arguments": {"id": 7}}},
)  # fmt: skip

FACTS = CallFacts(
    transcript=TRANSCRIPT,
    ended_reason="Main agent-ended-call",
    agent={"name": "Receptionist", "language": "en", "inbound": True},
    scenario={
        "instructions": "Cancel Thursday's cleaning.",
        "conditional_action_instructions": [{"condition": "asks DOB", "action": "give it"}],
    },
    test_profile={"name": "Sarah", "dob": "1985-03-03"},
    metadata={"a b": "spaced", "items": ["first", "second"], "nested": {"k": 1}},
    dynamic_variables={"plan": "gold"},
    timestamp="2026-05-04T09:30:00Z",
    provider_call_id="call_123",
    provider_call_data={"cost": 0.12},
)


@pytest.mark.parametrize(
    ("template", "expected"),
    [
        ("{{agent.name}} speaks {{agent.language}}", "Receptionist speaks en"),
        ("{{agent.inbound}}", "true"),
        ("Hi {{test_profile.name}}", "Hi Sarah"),
        ("{{metadata['a b']}}", "spaced"),
        ('{{metadata["a b"]}}', "spaced"),
        ("{{metadata.items[1]}}", "second"),
        ("{{metadata.items.0}}", "first"),
        ("{{metadata}}", '{"a b":"spaced","items":["first","second"],"nested":{"k":1}}'),
        ("{{dynamic_variables.plan}}", "gold"),
        ("{{dynamic_variables}}", '{"plan":"gold"}'),
        ("{{evaluator.instructions}}", "Cancel Thursday's cleaning."),
        (
            "{{evaluator.conditional_action_instructions}}",
            '[{"condition":"asks DOB","action":"give it"}]',
        ),
        ("{{call_end_reason}}", "Main agent-ended-call"),
        ("{{date}} / {{timestamp}}", "2026-05-04 / 2026-05-04T09:30:00Z"),
        ("{{provider_call_id}}", "call_123"),
        ("{{provider_call_data.cost}}", "0.12"),
        ("[{{metadata.missing}}] [{{test_profile.address.city}}] [{{agent.x[3]}}]", "[] [] []"),
        ("{{metadata.items[9]}}", ""),
        ("Keep {{customer_name}} and {{ notes }}", "Keep {{customer_name}} and {{ notes }}"),
        ('JSON {"value": true} stays', 'JSON {"value": true} stays'),
    ],
)
def test_fills_each_namespace_and_path_form(template: str, expected: str) -> None:
    assert fill_prompt(template, FACTS) == expected


def test_transcript_renders_like_the_judge_sees_it_and_json_is_the_object() -> None:
    lines = fill_prompt("{{transcript}}", FACTS).splitlines()
    assert lines[0] == "[00:00] Main Agent: Bright Smile Dental, how can I help?"
    assert lines[1] == "[01:05] Testing Agent: I'd like to cancel."
    assert lines[2].startswith("[01:07] Function Call: {") and '"name":"cancel"' in lines[2]
    assert json.loads(fill_prompt("{{transcript_json}}", FACTS)) == list(TRANSCRIPT)


def test_a_malformed_turn_is_still_rendered() -> None:
    rendered = render_transcript(
        [{"role": "agent", "content": "hi", "start_time": "soon"}, {"content": "x"}]
    )
    assert rendered.splitlines() == ["[00:00] agent: hi", "[00:00] Unknown: x"]


def test_missing_call_facts_give_empty_values() -> None:
    empty = CallFacts()
    filled = fill_prompt("<{{transcript}}|{{call_end_reason}}|{{date}}|{{agent.name}}>", empty)
    assert filled == "<|||>"


@pytest.mark.parametrize(
    ("timestamp", "expected"),
    [("2026-05-04T23:59:59+02:00", "2026-05-04"), ("2026-05-04", "2026-05-04"), ("soon", "")],
)
def test_date_comes_from_the_call_start(timestamp: str, expected: str) -> None:
    assert call_date(timestamp) == expected


def test_unknown_placeholders_and_variable_use_are_reported() -> None:
    template = "{{agent.name}} {{foo.bar}} {{ transcript }} {{foo.bar}} {{baz}}"
    assert unknown_placeholders(template) == ["{{foo.bar}}", "{{baz}}"]
    assert uses_variable(template, "transcript") and not uses_variable(template, "metadata")


def test_unrenderable_values_become_empty_instead_of_raising() -> None:
    facts = CallFacts(metadata={"odd": {(1, 2): "tuple key"}, "items": ["a"]})
    assert fill_prompt("[{{metadata.odd}}]", facts) == "[]"
    assert fill_prompt("[{{metadata.items[" + "9" * 5000 + "]}}]", facts) == "[]"


_TEXT = st.text(alphabet=st.sampled_from(list("{}[]'\". _-0123456789abmetadagnsx ")), max_size=60)
_NAMES = st.sampled_from(["metadata", "agent", "transcript", "test_profile", "evaluator", "zzz"])


@given(
    st.lists(st.one_of(_TEXT, _NAMES.map(lambda n: "{{" + n)), max_size=6).map("".join),
    st.dictionaries(st.text(max_size=5), st.recursive(st.none() | st.integers() | st.text(),
                    lambda inner: st.lists(inner) | st.dictionaries(st.text(), inner)),
                    max_size=4),
)  # fmt: skip
def test_filling_never_raises_on_arbitrary_templates(template: str, metadata: Any) -> None:
    filled = fill_prompt(template, CallFacts(metadata=metadata, agent={"name": "A"}))
    assert "{{agent.name}}" not in filled

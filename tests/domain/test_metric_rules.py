"""Pure metric rules: definitions, configuration, default rubric rules, list filters."""

from __future__ import annotations

from typing import Any

import pytest

from voxtest.domain.metric_filters import parse_filters
from voxtest.domain.metric_rules import (
    canonical_eval_type,
    code_problem,
    configuration_problems,
    default_condition,
    definition_errors,
    merge_configuration,
    rubric_mentions,
    rubric_with_rule,
    rubric_without,
    slugify,
    spread_to_agents,
)

BASE: dict[str, Any] = {
    "name": "m",
    "type": "llm_judge",
    "eval_type": "binary",
    "description": "criteria",
    "evaluation_trigger": "always",
    "trigger_type": "llm_judge",
}


def _errors(creating: bool = True, previous: str | None = None, **given: Any) -> dict[str, Any]:
    return definition_errors({**BASE, **given}, given, creating=creating, previous_type=previous)


def test_legacy_eval_types_map_to_binary() -> None:
    assert canonical_eval_type("binary_workflow_adherence") == "binary"
    assert canonical_eval_type("binary_qualitative") == "binary"
    assert canonical_eval_type("numeric") == "numeric"
    assert canonical_eval_type(3) == 3


def test_code_problem_reports_the_line() -> None:
    assert code_problem("_result = True\n_explanation = 'x'\n") is None
    problem = code_problem("x = 1\nif x\n    pass\n")
    assert problem is not None and "line 2" in problem
    assert "null bytes" in str(code_problem("a = 1\0"))  # ValueError or SyntaxError by version


def test_a_valid_definition_has_no_errors() -> None:
    assert _errors() == {}


def test_deprecated_types_only_on_metrics_that_already_have_them() -> None:
    assert "type" in _errors(type="basic")
    assert "type" in _errors(creating=False, previous="llm_judge", type="custom_prompt")
    assert _errors(creating=False, previous="basic", type="basic") == {}


def test_content_each_type_needs() -> None:
    assert "description" in _errors(description="  ")
    assert _errors(description="", prompt="Was it polite?") == {}
    assert _errors(type="custom_code") == {
        "custom_code": ["This field is required when type is custom_code."]
    }
    assert "line 1" in _errors(type="custom_code", custom_code="def (:")["custom_code"][0]
    predefined = {**BASE, "type": "custom_code", "function_name": "get_latency"}
    assert definition_errors(predefined, {}, creating=False) == {}


def test_enum_values() -> None:
    assert "enum_values" in _errors(eval_type="enum")
    assert "unique" in _errors(eval_type="enum", enum_values=["a", "b", "a"])["enum_values"][0]
    assert "blank" in _errors(eval_type="enum", enum_values=["a", " "])["enum_values"][0]
    assert _errors(eval_type="enum", enum_values=["a", "b"]) == {}
    assert "enum_values" in _errors(eval_type="numeric", enum_values=["a"])
    nodes = {**BASE, "eval_type": "enum", "enum_from_nodes": True}
    assert definition_errors(nodes, {}, creating=False) == {}


@pytest.mark.parametrize(
    ("given", "field"),
    [
        ({"evaluation_trigger": "custom"}, "evaluation_trigger_prompt"),
        (
            {"evaluation_trigger": "custom", "trigger_type": "custom_code"},
            "evaluation_trigger_custom_code",
        ),
        ({"evaluation_trigger_custom_code": "if"}, "evaluation_trigger_custom_code"),
        ({"slug": "Not A Slug"}, "slug"),
        ({"name": ""}, "name"),
    ],
)
def test_field_errors(given: dict[str, Any], field: str) -> None:
    assert field in _errors(**given)


def test_custom_triggers_with_their_source_are_fine() -> None:
    assert _errors(evaluation_trigger="custom", evaluation_trigger_prompt="Refund asked?") == {}
    code = "_result = True\n_explanation = ''\n"
    assert (
        _errors(
            evaluation_trigger="custom",
            trigger_type="custom_code",
            evaluation_trigger_custom_code=code,
        )
        == {}
    )


def test_slugify() -> None:
    assert slugify("Customer Satisfaction!") == "customer_satisfaction"
    assert slugify("Latency (in ms)") == "latency_in_ms"
    assert slugify("Ünïcode  name") == "unicode_name"
    assert slugify("???") == "metric"


def test_configuration_of_custom_metrics_is_free_form() -> None:
    assert configuration_problems({"anything": [1]}, call_level=None) == []
    assert configuration_problems([1], call_level=None) == ["configuration must be an object."]


def test_configuration_of_predefined_metrics() -> None:
    def check(config: Any) -> list[str]:
        return configuration_problems(
            config, call_level=("silence_duration",), per_agent=("nodes",), agent_ids={7}
        )

    assert check({"silence_duration": 12}) == []
    assert len(check({"silence_duration": 0, "x": 1})) == 2
    assert check({"silence_duration": True})
    good = {"nodes": {"7": [{"name": "billing", "description": "invoices"}]}}
    assert check(good) == []
    assert check({"nodes": {"8": []}})
    assert check({"nodes": {"7": [{"description": "no name"}]}})
    assert check({"nodes": [1]})


@pytest.mark.parametrize(
    ("key", "value", "ok"),
    [
        ("pronunciation_words", [["Cekura", "suh-KYUR-uh"]], True),
        ("pronunciation_words", [["Cekura"]], False),
        ("spelling_word_types", ["name", "email"], True),
        ("spelling_word_types", ["name", ""], False),
        ("hallucination_kb_files", [1, 2], True),
        ("hallucination_kb_files", ["1"], False),
    ],
)
def test_per_agent_value_shapes(key: str, value: Any, ok: bool) -> None:
    problems = configuration_problems(
        {key: {"3": value}}, call_level=(), per_agent=(key,), agent_ids={3}
    )
    assert (problems == []) is ok


def test_per_agent_configuration_merges_by_agent() -> None:
    old = {"nodes": {"1": ["a"]}, "silence_duration": 10}
    merged = merge_configuration(old, {"nodes": {2: ["b"]}, "silence_duration": 5}, ("nodes",))
    assert merged == {"nodes": {"1": ["a"], "2": ["b"]}, "silence_duration": 5}
    spread = spread_to_agents(merged, "nodes", {"2": ["b"]}, [3, 1])
    assert spread["nodes"] == {"1": ["b"], "3": ["b"]}


def test_default_conditions_by_eval_type() -> None:
    assert default_condition("binary", []) == {"field": "score", "op": "eq", "value": True}
    assert default_condition("continuous_qualitative", []) == {
        "field": "score",
        "op": "gte",
        "value": 4,
    }
    assert default_condition("numeric", [])["op"] == "gte"
    assert default_condition("enum", ["booked", "declined"]) == {
        "field": "enum",
        "op": "eq",
        "value": "booked",
    }
    latency = {"field": "score", "op": "lte", "value": 2000}
    assert default_condition("numeric", [], latency, predefined=True) == latency
    with pytest.raises(ValueError):
        default_condition("enum", [])
    with pytest.raises(ValueError):
        default_condition("numeric", [], None, predefined=True)


def test_rubric_edits() -> None:
    cond = {"field": "score", "op": "eq", "value": True}
    one = rubric_with_rule({}, 5, cond)
    assert one == {
        "evaluation_logic": "and",
        "rules": [{"metric_id": 5, "conditions": {"operator": "and", "conditions": [cond]}}],
    }
    assert rubric_with_rule(one, 5, {"field": "score", "op": "neq", "value": True}) == one
    two = rubric_with_rule(one, 6, cond)
    assert rubric_mentions(two, 6) and not rubric_mentions(two, 7)
    assert rubric_without(two, [6]) == one
    assert rubric_without(one, [5]) == {}


def test_filters_parse_and_match() -> None:
    spec = parse_filters(
        '{"operator": "and", "conditions": ['
        '{"field": "agents__id", "op": "in", "value": [1, 2]},'
        '{"field": "name", "op": "contains", "value": "greet"}]}'
    )
    assert spec.match({"agents": [2], "name": "Greeting"})
    assert not spec.match({"agents": [3], "name": "Greeting"})
    either = parse_filters(
        '{"operator": "or", "conditions": [{"field": "eval_type", "op": "eq", "value": "enum"},'
        '{"field": "type", "op": "in", "value": ["custom_code"]}]}'
    )
    assert either.match({"eval_type": "binary", "type": "custom_code"})
    assert not either.match({"eval_type": "binary", "type": "llm_judge"})


@pytest.mark.parametrize(
    "raw",
    [
        "not json",
        "[]",
        '{"operator": "xor", "conditions": []}',
        '{"conditions": [{"field": "slug", "op": "eq", "value": "x"}]}',
        '{"conditions": [{"field": "name", "op": "like", "value": "x"}]}',
        '{"conditions": [{"field": "name", "op": "in", "value": "x"}]}',
        '{"conditions": [{"field": "agents__id", "op": "eq", "value": "1"}]}',
        '{"conditions": [{"field": "name", "op": "eq"}]}',
    ],
)
def test_bad_filters_are_refused(raw: str) -> None:
    with pytest.raises(ValueError):
        parse_filters(raw)

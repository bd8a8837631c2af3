"""What makes a metric definition valid, and the rubric rule a metric gets by default.

Pure functions over plain data: the services merge the stored metric with the request into a
`state` mapping (wire field names) and ask here what is wrong with it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from typing import Any

CANONICAL_EVAL_TYPES = ("binary", "continuous_qualitative", "numeric", "enum")
# Older names the reference still accepts on write; they are stored under the canonical one.
LEGACY_EVAL_TYPES = {"binary_workflow_adherence": "binary", "binary_qualitative": "binary"}
DEPRECATED_TYPES = frozenset({"basic", "custom_prompt"})
PROMPT_TYPES = frozenset({"llm_judge", *DEPRECATED_TYPES})
SLUG = re.compile(r"^[a-z0-9]+(?:_[a-z0-9]+)*$")
CALL_LEVEL_SECONDS = (1, 3600)

Errors = dict[str, list[str]]


def canonical_eval_type(value: Any) -> Any:
    """`binary_qualitative` -> `binary`; anything else unchanged (validation judges it)."""
    if isinstance(value, str):
        return LEGACY_EVAL_TYPES.get(value, value)
    return value


def code_problem(source: str) -> str | None:
    """Why `source` is not valid Python, with its line, or None when it compiles."""
    try:
        compile(source, "<metric>", "exec")
    except SyntaxError as exc:
        where = f" on line {exc.lineno}" if exc.lineno else ""
        return f"Python syntax error{where}: {exc.msg}."
    except ValueError as exc:  # e.g. a NUL byte in the source
        return f"Python source cannot be compiled: {exc}."
    return None


def slugify(name: str) -> str:
    """`"Customer Satisfaction!"` -> `"customer_satisfaction"` (ASCII snake_case)."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "_", ascii_name.lower()).strip("_") or "metric"


def definition_errors(
    state: Mapping[str, Any],
    given: Mapping[str, Any],
    *,
    creating: bool,
    previous_type: str | None = None,
) -> Errors:
    """Every rule the merged metric `state` breaks, keyed by the wire field to fix."""
    errors: Errors = {}
    _check_type(state, given, errors, creating=creating, previous_type=previous_type)
    _check_enum(state, given, errors)
    _check_trigger(state, errors)
    for key in ("custom_code", "evaluation_trigger_custom_code"):
        source = given.get(key)
        if isinstance(source, str) and source.strip():
            problem = code_problem(source)
            if problem:
                errors.setdefault(key, []).append(problem)
    if "name" in given and not str(given["name"] or "").strip():
        errors.setdefault("name", []).append("This field may not be blank.")
    slug = given.get("slug")
    if slug is not None and not SLUG.match(slug):
        errors.setdefault("slug", []).append(
            "Use snake_case: lowercase letters and digits separated by single underscores."
        )
    return errors


def _check_type(
    state: Mapping[str, Any],
    given: Mapping[str, Any],
    errors: Errors,
    *,
    creating: bool,
    previous_type: str | None,
) -> None:
    kind = state.get("type")
    if "type" in given and kind in DEPRECATED_TYPES and (creating or kind != previous_type):
        errors.setdefault("type", []).append(
            f'"{kind}" is deprecated and cannot be set; use "llm_judge" (or "custom_code").'
        )
    if state.get("function_name"):
        return  # a predefined metric: its built-in function does the evaluation
    if (
        kind in PROMPT_TYPES
        and not _text(state.get("description"))
        and not _text(state.get("prompt"))
    ):
        errors.setdefault("description", []).append(
            "An llm_judge metric needs its evaluation criteria in description (or prompt)."
        )
    if kind == "custom_code" and not _text(state.get("custom_code")):
        errors.setdefault("custom_code", []).append(
            "This field is required when type is custom_code."
        )


def _check_enum(state: Mapping[str, Any], given: Mapping[str, Any], errors: Errors) -> None:
    values = list(state.get("enum_values") or [])
    if state.get("eval_type") != "enum":
        if given.get("enum_values"):
            errors.setdefault("enum_values", []).append(
                "enum_values only apply to metrics with eval_type enum."
            )
        return
    if state.get("enum_from_nodes"):
        return  # the values are the agent's configured nodes
    if not values:
        errors.setdefault("enum_values", []).append(
            "An enum metric needs a non-empty list of enum_values."
        )
        return
    blanks = [v for v in values if not str(v).strip()]
    if blanks:
        errors.setdefault("enum_values", []).append("enum_values may not contain blank values.")
    repeated = sorted({v for v in values if values.count(v) > 1})
    if repeated:
        errors.setdefault("enum_values", []).append(
            f"enum_values must be unique; repeated: {', '.join(repeated)}."
        )


def _check_trigger(state: Mapping[str, Any], errors: Errors) -> None:
    if state.get("evaluation_trigger") != "custom":
        return
    if state.get("trigger_type") == "custom_code":
        if not _text(state.get("evaluation_trigger_custom_code")):
            errors.setdefault("evaluation_trigger_custom_code", []).append(
                "Required when evaluation_trigger is custom and trigger_type is custom_code."
            )
    elif not _text(state.get("evaluation_trigger_prompt")):
        errors.setdefault("evaluation_trigger_prompt", []).append(
            "Required when evaluation_trigger is custom and trigger_type is llm_judge."
        )


def _text(value: Any) -> bool:
    return isinstance(value, str) and bool(value.strip())


# -- configuration ------------------------------------------------------------------------


def configuration_problems(
    config: Any,
    *,
    call_level: Iterable[str] | None,
    per_agent: Iterable[str] = (),
    agent_ids: Iterable[int] = (),
) -> list[str]:
    """What is wrong with a metric's `configuration`.

    `call_level` lists the integer-seconds keys a predefined metric knows; None means a custom
    metric, whose configuration is free-form. `per_agent` keys map agent ids to values.
    """
    if not isinstance(config, Mapping):
        return ["configuration must be an object."]
    if call_level is None:
        return []
    known_call, known_agent = set(call_level), set(per_agent)
    problems = []
    for key, value in config.items():
        if key in known_call:
            problems.extend(_seconds_problem(key, value))
        elif key in known_agent:
            problems.extend(_per_agent_problems(key, value, set(agent_ids)))
        else:
            known = ", ".join(sorted(known_call | known_agent)) or "none"
            problems.append(f"Unknown configuration key {key!r} (this metric knows: {known}).")
    return problems


def _seconds_problem(key: str, value: Any) -> list[str]:
    low, high = CALL_LEVEL_SECONDS
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        return [f"{key} must be a whole number of seconds between {low} and {high}."]
    return []


def _per_agent_problems(key: str, value: Any, agent_ids: set[int]) -> list[str]:
    if not isinstance(value, Mapping):
        return [f'{key} must map agent ids to values: {{"<agent_id>": ...}}.']
    problems = []
    for agent, item in value.items():
        if not str(agent).isdigit() or int(agent) not in agent_ids:
            problems.append(f"{key}: {agent!r} is not an agent of this metric's project.")
            continue
        if not _per_agent_value_ok(key, item):
            problems.append(f"{key}[{agent}]: {PER_AGENT_SHAPES[key]}")
    return problems


PER_AGENT_SHAPES = {
    "nodes": "expected a list of {name, description} objects.",
    "pronunciation_words": "expected a list of [word, phonemes] pairs of strings.",
    "spelling_word_types": "expected a list of word categories (strings).",
    "hallucination_kb_files": "expected a list of knowledge base file ids.",
}


def _per_agent_value_ok(key: str, item: Any) -> bool:
    if not isinstance(item, list):
        return False
    if key == "nodes":
        return all(
            isinstance(n, Mapping)
            and _text(n.get("name"))
            and isinstance(n.get("description", ""), str)
            for n in item
        )
    if key == "pronunciation_words":
        return all(isinstance(p, list) and len(p) == 2 and all(_text(x) for x in p) for p in item)
    if key == "spelling_word_types":
        return all(_text(x) for x in item)
    return all(isinstance(x, int) and not isinstance(x, bool) for x in item)


def merge_configuration(
    old: Mapping[str, Any], given: Mapping[str, Any], per_agent: Iterable[str]
) -> dict[str, Any]:
    """Per-agent keys update only the agents sent; every other key is replaced."""
    merged = dict(old)
    agent_keys = set(per_agent)
    for key, value in given.items():
        if key in agent_keys and isinstance(value, Mapping) and isinstance(old.get(key), Mapping):
            merged[key] = {**old[key], **{str(a): v for a, v in value.items()}}
        else:
            merged[key] = value
    return merged


def spread_to_agents(
    config: Mapping[str, Any], key: str, source: Mapping[str, Any], agent_ids: Iterable[int]
) -> dict[str, Any]:
    """`apply_to_all_agents`: the first agent's value of `key` in `source`, for every agent."""
    values = list(source.values())
    if not values:
        return dict(config)
    return {**config, key: {str(a): values[0] for a in sorted(agent_ids)}}


# -- the project rubric -------------------------------------------------------------------

GENERIC_SCORE_RULE = {"field": "score", "op": "gte", "value": 4}


def default_condition(
    eval_type: str,
    enum_values: list[str],
    catalogue_rule: Mapping[str, Any] | None = None,
    *,
    predefined: bool = False,
) -> dict[str, Any]:
    """The rule `add_to_rubric` adds; ValueError says why a metric has none.

    binary -> score eq true; continuous_qualitative -> score gte 4 (the reference's 0-5 scale
    example); enum -> the first of enum_values (list the desired outcome first); numeric ->
    the catalogue's threshold for predefined metrics, else the reference's score gte 4.
    """
    if catalogue_rule is not None:
        return dict(catalogue_rule)
    if eval_type == "binary":
        return {"field": "score", "op": "eq", "value": True}
    if eval_type == "enum":
        if not enum_values:
            raise ValueError(
                "This enum metric takes its values from each agent's configured nodes, so it "
                "has no default rule; add one to the project's rubric_config instead."
            )
        return {"field": "enum", "op": "eq", "value": enum_values[0]}
    if predefined:
        raise ValueError(
            "This predefined metric measures a quantity with no pass/fail threshold; add a "
            "rule for it to the project's rubric_config if you need one."
        )
    return dict(GENERIC_SCORE_RULE)


def rubric_with_rule(
    rubric: Mapping[str, Any], metric_id: int, condition: Mapping[str, Any]
) -> dict[str, Any]:
    """The rubric plus a rule for `metric_id`; an existing rule for it is kept as it is."""
    rules = list(rubric.get("rules") or [])
    if any(isinstance(r, Mapping) and r.get("metric_id") == metric_id for r in rules):
        return dict(rubric)
    rule = {
        "metric_id": metric_id,
        "conditions": {"operator": "and", "conditions": [dict(condition)]},
    }
    return {"evaluation_logic": "and", "rules": [*rules, rule]}


def rubric_without(rubric: Mapping[str, Any], metric_ids: Iterable[int]) -> dict[str, Any]:
    """The rubric minus the rules of `metric_ids`; `{}` when no rule is left."""
    gone = set(metric_ids)
    rules = [
        r
        for r in rubric.get("rules") or []
        if not (isinstance(r, Mapping) and r.get("metric_id") in gone)
    ]
    return {"evaluation_logic": "and", "rules": rules} if rules else {}


def rubric_mentions(rubric: Mapping[str, Any], metric_id: int) -> bool:
    return any(
        isinstance(r, Mapping) and r.get("metric_id") == metric_id
        for r in rubric.get("rules") or []
    )

"""The tests-as-code spec (`cekura-test-suite-v1.schema.json`): validation and the test cases
it describes. Pure: no I/O beyond reading the bundled schema.

Every problem is reported at once as `location: message`, the location written like
`scenarios[3].metrics[1]`. voxtest extension: a personality may also be named by a string
(an existing personality's name), besides Cekura's id or inline object.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError

from voxtest.domain import scenario_rules

SCHEMA_FILE = Path(__file__).resolve().parent.parent / "data" / "cekura-test-suite-v1.schema.json"
CONDITIONAL_ACTIONS = "conditional_actions"
MAX_FREQUENCY = 100
DEFAULT_LANGUAGE = "en"
TOOL_IDS = {
    "end_call": "TOOL_END_CALL",
    "end_call_only_on_transfer": "TOOL_END_CALL_ONLY_ON_TRANSFER",
    "dtmf": "TOOL_DTMF",
    "receive_dtmf": "TOOL_RECEIVE_DTMF",
    "send_sms": "TOOL_SEND_SMS",
    "call_hold": "TOOL_CALL_HOLD",
}
PERSONALITY_NAME = {"type": "string", "minLength": 1, "description": "voxtest: by name."}

PersonalityRef = int | str | dict[str, Any] | None
ProfileRef = int | dict[str, Any] | None
MetricRef = int | str


@dataclass(frozen=True)
class SpecCase:
    """One test case of the spec, its defaults applied."""

    index: int
    name: str
    key: str | None
    scenario_type: str
    instructions: str
    """Plain instructions, or the conditional-actions script as JSON text (as stored)."""
    expected_outcome: str
    first_message: str | None
    language: str | None
    max_duration: int | None
    frequency: int
    personality: PersonalityRef
    test_profile: ProfileRef
    metrics: tuple[MetricRef, ...]
    tags: tuple[str, ...]
    tool_ids: tuple[str, ...]
    inherited: frozenset[str] = frozenset()
    """The fields taken from the spec's `defaults`."""

    def where(self, field: str) -> str:
        """The location of `field` in the file: the test case's own or the defaults'."""
        return (
            f"defaults.{field}" if field in self.inherited else f"scenarios[{self.index}].{field}"
        )


@dataclass(frozen=True)
class Suite:
    name: str
    description: str
    concurrency_limit: int | None
    cases: tuple[SpecCase, ...]

    @property
    def total_runs(self) -> int:
        return sum(case.frequency for case in self.cases)


@cache
def schema() -> dict[str, Any]:
    """The bundled schema, with the personality-by-name extension."""
    loaded: dict[str, Any] = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    extended = copy.deepcopy(loaded)
    for holder in (extended["$defs"]["scenario"], extended["properties"]["defaults"]):
        holder["properties"]["personality"]["oneOf"].append(PERSONALITY_NAME)
    return extended


@cache
def _validator() -> Draft202012Validator:
    return Draft202012Validator(schema())


def location(path: Iterable[str | int]) -> str:
    """`("scenarios", 3, "metrics", 1)` -> `scenarios[3].metrics[1]`."""
    return "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in path).lstrip(".")


def problems(spec: Any) -> list[str]:
    """Every way `spec` breaks the schema or the conditional-actions rules."""
    errors = sorted(_validator().iter_errors(spec), key=lambda e: list(map(str, e.absolute_path)))
    found = [_message(error) for error in errors]
    if found or not isinstance(spec, dict):
        return found
    for index, item in enumerate(spec["scenarios"]):
        found += _scenario_problems(index, item)
    return found


def parse(spec: Mapping[str, Any], frequency: int | None = None) -> Suite:
    """The test cases of a spec that `problems` accepted; `frequency` overrides every case's."""
    defaults: dict[str, Any] = dict(spec.get("defaults") or {})
    suite: dict[str, Any] = dict(spec.get("suite") or {})
    cases = tuple(
        _case(index, defaults, item, frequency) for index, item in enumerate(spec["scenarios"])
    )
    return Suite(
        name=str(suite.get("name") or ""),
        description=str(suite.get("description") or ""),
        concurrency_limit=defaults.get("concurrency_limit"),
        cases=cases,
    )


def _message(error: ValidationError) -> str:
    where = location(error.absolute_path)
    message = error.message
    if error.validator == "oneOf" and error.context:
        best = min(error.context, key=lambda e: len(e.message))
        message = f"{message[:120]} ({best.message})"
    return f"{where}: {message}" if where else message


def _scenario_problems(index: int, item: Mapping[str, Any]) -> list[str]:
    at = f"scenarios[{index}]"
    found = []
    frequency = item.get("frequency")
    if isinstance(frequency, int) and frequency > MAX_FREQUENCY:
        found.append(f"{at}.frequency: Ensure this value is at most {MAX_FREQUENCY}.")
    if item.get("type") == CONDITIONAL_ACTIONS:
        for problem in scenario_rules.check_conditional_actions(item[CONDITIONAL_ACTIONS]):
            where = location(("scenarios", index, CONDITIONAL_ACTIONS, *problem.path))
            found.append(f"{where}: {problem.message}")
    return found


def _case(
    index: int, defaults: dict[str, Any], own: dict[str, Any], frequency: int | None
) -> SpecCase:
    item = {**defaults, **own}
    scenario_type = str(item.get("type") or "instruction")
    if scenario_type == CONDITIONAL_ACTIONS:
        instructions = json.dumps(item[CONDITIONAL_ACTIONS], ensure_ascii=False)
    else:
        instructions = str(item.get("instructions") or "")
    return SpecCase(
        index=index,
        name=str(item["name"]),
        key=item.get("key"),
        scenario_type=scenario_type,
        instructions=instructions,
        expected_outcome=str(item.get("expected_outcome") or ""),
        first_message=item.get("first_message"),
        language=item.get("language"),
        max_duration=item.get("max_duration"),
        frequency=frequency or int(item.get("frequency") or 1),
        personality=item.get("personality"),
        test_profile=item.get("test_profile"),
        metrics=tuple(item.get("metrics") or ()),
        tags=tuple(item.get("tags") or ()),
        tool_ids=tuple(TOOL_IDS[name] for name in item.get("tools") or ()),
        inherited=frozenset(set(defaults) - set(own)),
    )


def inline_profile_information(profile: Mapping[str, Any]) -> dict[str, Any]:
    """An inline test profile in stored naming: agent_variables -> main_agent_variables,
    caller_variables -> testing_agent_variables."""
    return {
        "main_agent_variables": dict(profile.get("agent_variables") or {}),
        "testing_agent_variables": dict(profile.get("caller_variables") or {}),
    }

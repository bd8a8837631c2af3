"""Checks on a scenario's plain fields: those that need nothing but the value itself."""

from __future__ import annotations

import typing
from typing import Any

from voxtest.api.wire._generated import ScenarioWrite

MAX_NAME = 80
MAX_TAG = 64
MIN_DURATION, MAX_DURATION = 10, 3600
BUILTIN_TOOLS = frozenset(
    {
        "TOOL_END_CALL",
        "TOOL_END_CALL_ONLY_ON_TRANSFER",
        "TOOL_END_CALL_ON_TRANSFER",
        "TOOL_DTMF",
        "TOOL_SEND_DTMF",
        "TOOL_RECEIVE_DTMF",
        "TOOL_SEND_SMS",
        "TOOL_CALL_HOLD",
    }
)
TEXT_FIELDS = ("first_message", "simulation_description", "expected_outcome_prompt")
REMOVED_DYNAMIC_VARIABLES = (
    "This field has been removed from the API. Put dynamic-variable values in a test profile's "
    "information.main_agent_variables and attach it with `test_profile`."
)


def _choices(field: str) -> tuple[str, ...]:
    """The enum values the reference gives a field of `Scenario`."""
    annotation = ScenarioWrite.model_fields[field].annotation
    literal = next(a for a in typing.get_args(annotation) if a is not type(None))
    return tuple(typing.get_args(literal))


LANGUAGES = _choices("scenario_language")
SUITE_TYPES = _choices("suite_type")


def check_plain_fields(given: dict[str, Any], errors: dict[str, Any]) -> None:
    """Add an entry to `errors` for every plain field of `given` that is not acceptable."""
    for key, check in _CHECKS.items():
        if key in given:
            message = check(given[key])
            if message:
                errors[key] = [message]


def builtin_tool_problems(tool_ids: list[str], project_tool_ids: set[int]) -> list[str]:
    """Each tool id that is neither a built-in tool nor one of the project's mock tools."""
    return [
        f'"{t}" is not a valid tool; use one of {", ".join(sorted(BUILTIN_TOOLS))} '
        "or the id of one of the project's tools."
        for t in tool_ids
        if _builtin_name(t) not in BUILTIN_TOOLS
        and not (t.isdigit() and int(t) in project_tool_ids)
    ]


def _builtin_name(tool_id: str) -> str:
    """Vapi-backed agents name the same tools with a `VAPI_` prefix."""
    return tool_id.removeprefix("VAPI_")


def clean_tags(tags: list[str]) -> list[str]:
    return list(dict.fromkeys(t.strip() for t in tags))


def _name(value: Any) -> str | None:
    if not isinstance(value, str) or not value.strip():
        return "This field may not be blank."
    if len(value) > MAX_NAME:
        return f"Ensure this field has no more than {MAX_NAME} characters."
    return None


def _text(value: Any) -> str | None:
    return None if value is None or isinstance(value, str) else "Not a valid string."


def _max_duration(value: Any) -> str | None:
    if value is None:
        return None
    if not isinstance(value, int) or isinstance(value, bool):
        return "A valid integer is required."
    if not MIN_DURATION <= value <= MAX_DURATION:
        return f"Ensure this value is between {MIN_DURATION} and {MAX_DURATION} seconds."
    return None


def _tags(value: Any) -> str | None:
    if not isinstance(value, list) or not all(isinstance(t, str) for t in value):
        return "Must be a list of strings."
    if any(not t.strip() or len(t) > MAX_TAG for t in value):
        return f"Tags must be non-blank and at most {MAX_TAG} characters."
    return None


def _int_list(value: Any) -> str | None:
    if not isinstance(value, list) or not all(
        isinstance(i, int) and not isinstance(i, bool) for i in value
    ):
        return "Must be a list of ids."
    return None


def _str_list(value: Any) -> str | None:
    if not isinstance(value, list) or not all(isinstance(t, str) and t for t in value):
        return "Must be a list of tool ids (strings)."
    return None


def _language(value: Any) -> str | None:
    return None if value in LANGUAGES else f'"{value}" is not a valid choice.'


def _suite_type(value: Any) -> str | None:
    return None if value in SUITE_TYPES else f'"{value}" is not a valid choice.'


def _bool(value: Any) -> str | None:
    return None if isinstance(value, bool) else "Must be a valid boolean."


def _object(value: Any) -> str | None:
    return None if isinstance(value, dict) else "Must be an object."


def _removed(value: Any) -> str | None:
    return None if value is None else REMOVED_DYNAMIC_VARIABLES


def _phone(value: Any) -> str | None:
    # voxtest has no phone numbers to point at yet, so any id is unknown.
    return None if value is None else f'Invalid pk "{value}" - object does not exist.'


def _mock_entries(value: Any) -> str | None:
    if value is None:
        return None
    shape = "Each entry must be {tool_id, tool_name, new_entry: {input, output}}."
    if not isinstance(value, list):
        return "Must be a list. " + shape
    for entry in value:
        if not isinstance(entry, dict):
            return shape
        tool_id, name, new = entry.get("tool_id"), entry.get("tool_name"), entry.get("new_entry")
        if not isinstance(tool_id, int | str) or isinstance(tool_id, bool) or tool_id == "":
            return shape
        if not isinstance(name, str) or not name.strip():
            return shape
        if not isinstance(new, dict) or "input" not in new or "output" not in new:
            return shape
        if not isinstance(new["input"], dict):
            return "new_entry.input must be an object of tool arguments."
    return None


_CHECKS: dict[str, typing.Callable[[Any], str | None]] = {
    "name": _name,
    **dict.fromkeys(TEXT_FIELDS, _text),
    "max_duration": _max_duration,
    "tags": _tags,
    "metrics": _int_list,
    "tool_ids": _str_list,
    "scenario_language": _language,
    "suite_type": _suite_type,
    "is_predefined": _bool,
    "information_fields": _object,
    "dynamic_variable_values": _removed,
    "phone_number": _phone,
    "inbound_phone_number": _phone,
    "generated_mock_tool_entries": _mock_entries,
}

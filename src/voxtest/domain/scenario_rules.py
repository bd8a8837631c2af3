"""Rules a conditional-actions script must follow before it is saved. Pure: no I/O.

A script is `{role, conditions: [{id, condition, action, type, fixed_message}], functions?}`.
`check_conditional_actions` returns every problem at once, each with the path of the value it
is about, so callers can answer DRF-style nested errors (`nest`) or flat messages (`flatten`).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from voxtest.domain.addresses import public_url_problem
from voxtest.domain.network_loss import network_tags_readable
from voxtest.domain.rest_functions import JsonPathError, parse_json_path

FIRST_MESSAGE = "FIRST_MESSAGE"
ITEM_TYPES = ("standard", "action_followup")
KNOWN_TAGS = frozenset(
    {
        "silence",
        "hold",
        "endcall",
        "ivr",
        "voicemail",
        "ignore_interruptions",
        "spell",
        "speed",
        "volume",
        "voice",
        "dtmf",
        "send_sms",
        "client_message",
        "interruption",
        "background_noise",
        "noise",
        "network_simulation",
        "function",
        "audio",
    }
)
FUNCTION_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,63}$")
FUNCTION_METHODS = ("GET", "POST")
TAG = re.compile(r"<\s*/?\s*([A-Za-z_][A-Za-z0-9_]*)\b[^<>]*>")
FUNCTION_TAG = re.compile(r"<\s*function\b[^<>]*\bname\s*=\s*[\"']([^\"']*)[\"']")
VOICE_TAG = re.compile(r"<\s*voice\b([^<>]*)>", re.IGNORECASE)
VOICE_ID = re.compile(r"""\b(?:voice_)?id\s*=\s*(?:"[^"]+"|'[^']+')""")
FUNCTION_VAR = re.compile(r"\{\{\s*function\.([A-Za-z0-9_]+)(?:\.([A-Za-z0-9_]+))?")

Path = tuple[str | int, ...]
Functions = dict[str, set[str]]  # function name -> its output names


@dataclass(frozen=True)
class Problem:
    path: Path
    message: str


def parse_instructions(text: str) -> tuple[Any, list[Problem]]:
    """The script sent as a JSON string in `instructions`, or the reason it is unreadable."""
    try:
        return json.loads(text), []
    except (TypeError, ValueError) as exc:
        return None, [Problem((), f"Must be a JSON object with role and conditions ({exc}).")]


def check_conditional_actions(script: Any, *, allow_empty_opening: bool = True) -> list[Problem]:
    """Every way `script` breaks the rules. An empty opening action (id 0) is allowed when
    the agent under test may speak first; the run decides who does."""
    if not isinstance(script, dict):
        return [Problem((), "Must be an object with role and conditions.")]
    problems: list[Problem] = []
    if not isinstance(script.get("role"), str):
        problems.append(Problem(("role",), _required_or("a string", script, "role")))
    functions = _check_functions(script.get("functions"), problems)
    conditions = script.get("conditions")
    if not isinstance(conditions, list) or not conditions:
        problems.append(Problem(("conditions",), "Must be a non-empty list of conditions."))
        return problems
    for index, item in enumerate(conditions):
        problems += _check_item(index, item, functions, allow_empty_opening)
    problems += _check_ids(conditions)
    return problems


def nest(problems: Iterable[Problem]) -> dict[str, Any]:
    """DRF's nested error shape: objects by key, lists as lists with `{}` for valid items."""
    root: dict[str, Any] = {}
    for p in problems:
        if not p.path:
            root.setdefault("non_field_errors", []).append(p.message)
            continue
        node: Any = root
        for step, following in zip(p.path, (*p.path[1:], None), strict=True):
            if following is None:
                _slot(node, step, list).append(p.message)
            else:
                node = _slot(node, step, list if isinstance(following, int) else dict)
    return root


def flatten(problems: Iterable[Problem]) -> list[str]:
    """One message per problem, prefixed with where it is (`conditions[2].action: ...`)."""
    out = []
    for p in problems:
        where = "".join(f"[{s}]" if isinstance(s, int) else f".{s}" for s in p.path).lstrip(".")
        out.append(f"{where}: {p.message}" if where else p.message)
    return out


# -- conditions ---------------------------------------------------------------------------


def _check_item(
    index: int, item: Any, functions: Functions, allow_empty_opening: bool
) -> list[Problem]:
    at: Path = ("conditions", index)
    if not isinstance(item, dict):
        return [Problem(at, "Must be an object.")]
    problems: list[Problem] = []
    item_id = item.get("id")
    if not _is_int(item_id):
        problems.append(Problem((*at, "id"), _required_or("an integer", item, "id")))
    if item.get("type") not in ITEM_TYPES:
        problems.append(Problem((*at, "type"), _choice_message(item, "type", ITEM_TYPES)))
    if not isinstance(item.get("fixed_message"), bool):
        problems.append(
            Problem((*at, "fixed_message"), _required_or("a boolean", item, "fixed_message"))
        )
    condition = item.get("condition")
    if not (isinstance(condition, str) or _is_int(condition)):
        problems.append(
            Problem((*at, "condition"), _required_or("a string or an id", item, "condition"))
        )
    if index == 0:
        problems += _check_opening(at, item)
    elif condition == FIRST_MESSAGE:
        problems.append(
            Problem((*at, "condition"), "Only the first condition (id 0) may be FIRST_MESSAGE.")
        )
    problems += _check_action(at, item, index == 0 and allow_empty_opening, functions)
    return problems


def _check_opening(at: Path, item: dict[str, Any]) -> list[Problem]:
    problems = []
    if item.get("id") != 0:
        problems.append(Problem((*at, "id"), "The first condition must have id 0."))
    if item.get("condition") != FIRST_MESSAGE:
        problems.append(Problem((*at, "condition"), 'The first condition must be "FIRST_MESSAGE".'))
    if item.get("fixed_message") is not True:
        problems.append(Problem((*at, "fixed_message"), "The first message must be fixed (true)."))
    if item.get("type") == "action_followup":
        problems.append(Problem((*at, "type"), "The first condition must be of type standard."))
    return problems


def _check_action(
    at: Path, item: dict[str, Any], may_be_empty: bool, functions: Functions
) -> list[Problem]:
    action = item.get("action")
    if not isinstance(action, str):
        return [Problem((*at, "action"), _required_or("a string", item, "action"))]
    where = (*at, "action")
    if not action.strip():
        return [] if may_be_empty else [Problem(where, "This field may not be blank.")]
    problems = []
    tags = [m.group(1).lower() for m in TAG.finditer(action)]
    unknown = sorted({t for t in tags if t not in KNOWN_TAGS})
    if unknown:
        problems.append(Problem(where, f"Unknown tag(s): {', '.join(unknown)}."))
    if tags and item.get("fixed_message") is False:
        problems.append(
            Problem(where, "Tags are only allowed in fixed messages (fixed_message: true).")
        )
    if "interruption" in tags and item.get("type") != "action_followup":
        problems.append(Problem(where, "<interruption> is only allowed on action_followup items."))
    if "voice" in tags and not all(VOICE_ID.search(t) for t in VOICE_TAG.findall(action)):
        problems.append(Problem(where, '<voice> needs id="..." (a voice of the call\'s provider).'))
    if "network_simulation" in tags and not network_tags_readable(action):
        problems.append(
            Problem(where, '<network_simulation> takes packet_loss="N", N from 0 to 50 (percent).')
        )
    used = set(FUNCTION_TAG.findall(action)) | {n for n, _ in FUNCTION_VAR.findall(action)}
    if used and at[-1] == 0:
        problems.append(Problem(where, "Functions cannot be used in the first message (id 0)."))
    undefined = sorted(used - set(functions))
    if undefined:
        problems.append(Problem(where, f"Undefined function(s): {', '.join(undefined)}."))
    problems += [Problem(where, m) for m in _unknown_outputs(action, functions)]
    return problems


def _unknown_outputs(text: str, functions: Functions) -> list[str]:
    """`{{function.x.out}}` placeholders naming an output function x does not map."""
    found = []
    for name, output in FUNCTION_VAR.findall(text):
        if output and name in functions and output not in functions[name]:
            known = ", ".join(sorted(functions[name])) or "none"
            found.append(f"Function {name!r} has no output {output!r} (its outputs: {known}).")
    return sorted(set(found))


def _check_ids(conditions: list[Any]) -> list[Problem]:
    problems: list[Problem] = []
    seen: set[int] = set()
    items = [(i, c) for i, c in enumerate(conditions) if isinstance(c, dict)]
    ids = {c["id"] for _, c in items if _is_int(c.get("id"))}
    for index, item in items:
        item_id = as_condition_id(item.get("id")) if _is_int(item.get("id")) else None
        if item_id is not None:
            if item_id in seen:
                problems.append(Problem(("conditions", index, "id"), f"Duplicate id {item_id}."))
            seen.add(item_id)
        if item.get("type") == "action_followup":
            problems += _check_followup(index, item, ids)
        elif _is_int(item.get("condition")):
            problems.append(
                Problem(
                    ("conditions", index, "condition"),
                    "An id as condition is only valid on action_followup items.",
                )
            )
    return problems


def _check_followup(index: int, item: dict[str, Any], ids: set[int]) -> list[Problem]:
    at: Path = ("conditions", index, "condition")
    target = as_condition_id(item.get("condition"))
    if target is None:
        return [Problem(at, "An action_followup must name the id of the condition it follows.")]
    if target == item.get("id"):
        return [Problem(at, "An action_followup cannot follow itself.")]
    if target not in ids:
        return [Problem(at, f"No condition has id {target}.")]
    return []


# -- functions ----------------------------------------------------------------------------


def _check_functions(value: Any, problems: list[Problem]) -> Functions:
    """Check `functions` into `problems`; return the names they define with their outputs.
    A function may use the outputs of the functions defined before it (chaining)."""
    if value is None:
        return {}
    if not isinstance(value, list):
        problems.append(Problem(("functions",), "Must be a list of functions."))
        return {}
    functions: Functions = {}
    for index, fn in enumerate(value):
        at: Path = ("functions", index)
        if not isinstance(fn, dict):
            problems.append(Problem(at, "Must be an object."))
            continue
        name = fn.get("name")
        if not isinstance(name, str) or not FUNCTION_NAME.match(name):
            problems.append(
                Problem((*at, "name"), "Letters, digits and underscores; 1-64 characters.")
            )
        elif name in functions:
            problems.append(Problem((*at, "name"), f"Duplicate function name {name!r}."))
        if fn.get("type") != "rest_api":
            problems.append(Problem((*at, "type"), _choice_message(fn, "type", ("rest_api",))))
        if "auto_run" in fn and not isinstance(fn["auto_run"], bool):
            problems.append(Problem((*at, "auto_run"), "Must be a valid boolean."))
        config = fn.get("config")
        problems += _check_function_config((*at, "config"), config, functions)
        if isinstance(name, str) and FUNCTION_NAME.match(name) and name not in functions:
            mapping = config.get("response_mapping") if isinstance(config, dict) else None
            functions[name] = set(mapping) if isinstance(mapping, dict) else set()
    return functions


def _check_function_config(at: Path, config: Any, earlier: Functions) -> list[Problem]:
    if not isinstance(config, dict):
        return [Problem(at, "Must be an object with method and url.")]
    problems = []
    method = config.get("method", "GET")
    if method not in FUNCTION_METHODS:
        problems.append(
            Problem((*at, "method"), _choice_message(config, "method", FUNCTION_METHODS))
        )
    url_problem = public_url_problem(config.get("url"))
    if url_problem:
        problems.append(Problem((*at, "url"), url_problem))
    for key in ("headers", "query_params"):
        if key in config and not _is_str_map(config[key]):
            problems.append(Problem((*at, key), "Must be an object of string values."))
    problems += _check_body((*at, "body"), config.get("body"), method)
    timeout = config.get("timeout_seconds", 10)
    if not _is_int(timeout) or not 1 <= timeout <= 30:
        problems.append(Problem((*at, "timeout_seconds"), "Must be an integer between 1 and 30."))
    problems += _check_response_mapping((*at, "response_mapping"), config.get("response_mapping"))
    problems += _check_chaining(at, config, earlier)
    return problems


def _check_body(at: Path, body: Any, method: Any) -> list[Problem]:
    if body is None:
        return []
    if not isinstance(body, dict | list | str):
        return [Problem(at, "Must be a JSON object, a JSON array or a string.")]
    if body and method == "GET":
        return [Problem(at, "A GET request sends no body; use POST, or remove the body.")]
    return []


def _check_chaining(at: Path, config: dict[str, Any], earlier: Functions) -> list[Problem]:
    """A function's request may only use outputs of functions defined before it."""
    text = json.dumps({k: v for k, v in config.items() if k != "response_mapping"})
    later = sorted({name for name, _ in FUNCTION_VAR.findall(text)} - set(earlier))
    problems = [Problem(at, m) for m in _unknown_outputs(text, earlier)]
    if later:
        why = "a function can only use the outputs of functions listed before it"
        problems.insert(0, Problem(at, f"Uses function(s) {', '.join(later)}: {why}."))
    return problems


def _check_response_mapping(at: Path, mapping: Any) -> list[Problem]:
    if mapping is None:
        return []
    if not isinstance(mapping, dict):
        return [Problem(at, "Must be an object of output name to JSON path.")]
    problems = []
    for out, spec in mapping.items():
        if not FUNCTION_NAME.match(out):
            problems.append(
                Problem((*at, out), "Output names: letters, digits and underscores; 1-64.")
            )
        path = spec.get("path") if isinstance(spec, dict) else spec
        if not isinstance(path, str):
            problems.append(
                Problem((*at, out), 'Must be a JSON path ("$.a.b") or {path, default}.')
            )
            continue
        try:
            parse_json_path(path)
        except JsonPathError as exc:
            problems.append(Problem((*at, out), str(exc)))
    return problems


# -- helpers ------------------------------------------------------------------------------


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def as_condition_id(value: Any) -> int | None:
    """The condition id an `action_followup` names (an int or a digit string), else None."""
    if _is_int(value):
        return int(value)
    if isinstance(value, str) and value.strip().isdigit():
        return int(value.strip())
    return None


def _is_str_map(value: Any) -> bool:
    return isinstance(value, dict) and all(isinstance(v, str) for v in value.values())


def _required_or(kind: str, obj: dict[str, Any], key: str) -> str:
    return "This field is required." if obj.get(key) is None else f"Must be {kind}."


def _choice_message(obj: dict[str, Any], key: str, choices: tuple[str, ...]) -> str:
    if obj.get(key) is None:
        return "This field is required."
    return f'"{obj[key]}" is not a valid choice; use one of: {", ".join(choices)}.'


def _slot(node: Any, step: str | int, kind: type) -> Any:
    """The child of `node` at `step`, created as `kind` (lists grow with `{}` placeholders)."""
    if isinstance(node, list):
        assert isinstance(step, int)
        while len(node) <= step:
            node.append({})
        if not isinstance(node[step], kind) or (kind is list and node[step] == {}):
            node[step] = kind()
        return node[step]
    if step not in node:
        node[step] = kind()
    return node[step]

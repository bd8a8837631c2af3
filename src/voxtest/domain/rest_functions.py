"""REST custom functions of a conditional-actions script: what each one is, the request it
makes and how its response becomes outputs. Pure: no I/O (`voxtest.runs.functions` calls).

    {"name": "lookup", "type": "rest_api", "auto_run": true,
     "config": {"method": "GET", "url": "https://crm.example.com/patients",
                "query_params": {"phone": "{{test_profile.phone}}"},
                "timeout_seconds": 10,
                "response_mapping": {"plan": "$.patient.plan",
                                     "first": {"path": "$.visits[0].date", "default": "soon"}}}}

Outputs are read in messages as `{{function.lookup.plan}}`. The url, headers, query
parameters and body may use `{{test_profile.*}}` and the outputs of functions defined
earlier (chaining). In a JSON body a string that is exactly one placeholder takes the value
as it is (a number stays a number); elsewhere values are rendered as text.

JSON paths are a subset: `$` (the whole document), `.key`, `['key']` / `["key"]`, `[0]` and
`[-1]` (from the end). An output whose path finds nothing takes its default (None if none).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from voxtest.domain.templating import PLACEHOLDER, lookup, path_steps, substitute

NAMESPACE = "function"
DEFAULT_TIMEOUT_S = 10
DEFAULT_METHOD = "GET"

_STEP = re.compile(
    r"\.(?P<key>[A-Za-z_$][\w$-]*)"
    r"|\[\s*(?P<index>-?\d+)\s*\]"
    r"|\[\s*'(?P<single>[^']*)'\s*\]"
    r'|\[\s*"(?P<double>[^"]*)"\s*\]'
)
MISSING = object()  # what `extract` gives when a path finds nothing

PathStep = str | int


class JsonPathError(ValueError):
    pass


def parse_json_path(text: str) -> tuple[PathStep, ...]:
    """`$.a[0]['b c']` as `("a", 0, "b c")`; JsonPathError says what is wrong."""
    if not isinstance(text, str) or not text.strip().startswith("$"):
        raise JsonPathError('A JSON path starts with "$", e.g. "$.data.id".')
    rest, steps = text.strip()[1:], list[PathStep]()
    while rest:
        match = _STEP.match(rest)
        if match is None:
            raise JsonPathError(
                f"Cannot read {rest!r}; use .key, ['key'] or [0] steps (no wildcards or filters)."
            )
        index = match.group("index")
        if index is not None:
            steps.append(int(index))
        else:
            steps.append(next(g for g in match.group("key", "single", "double") if g is not None))
        rest = rest[match.end() :]
    return tuple(steps)


def extract(document: Any, path: tuple[PathStep, ...]) -> Any:
    """The value at `path` in `document`, or `MISSING`."""
    value = document
    for step in path:
        if isinstance(step, int) and isinstance(value, list):
            if not -len(value) <= step < len(value):
                return MISSING
            value = value[step]
        elif isinstance(step, str) and isinstance(value, dict) and step in value:
            value = value[step]
        else:
            return MISSING
    return value


@dataclass(frozen=True)
class Output:
    name: str
    path: tuple[PathStep, ...]
    default: Any = None


@dataclass(frozen=True)
class RestFunction:
    name: str
    auto_run: bool
    method: str
    url: str
    headers: Mapping[str, str]
    query_params: Mapping[str, str]
    body: Any
    timeout_s: float
    outputs: tuple[Output, ...]

    def defaults(self) -> dict[str, Any]:
        return {output.name: output.default for output in self.outputs}


def functions_of(script: Any) -> tuple[RestFunction, ...]:
    """The functions of a script that `scenario_rules` accepted (malformed entries, which it
    would have rejected, are skipped)."""
    if not isinstance(script, Mapping) or not isinstance(script.get("functions"), list):
        return ()
    found = []
    for raw in script["functions"]:
        try:
            found.append(_function(raw))
        except (AttributeError, JsonPathError, KeyError, TypeError, ValueError):
            continue
    return tuple(found)


def _function(raw: Mapping[str, Any]) -> RestFunction:
    config = raw.get("config") or {}
    mapping = config.get("response_mapping") or {}
    return RestFunction(
        name=str(raw["name"]),
        auto_run=raw.get("auto_run", True) is not False,
        method=str(config.get("method") or DEFAULT_METHOD).upper(),
        url=str(config["url"]),
        headers={str(k): str(v) for k, v in (config.get("headers") or {}).items()},
        query_params={str(k): str(v) for k, v in (config.get("query_params") or {}).items()},
        body=config.get("body"),
        timeout_s=float(config.get("timeout_seconds") or DEFAULT_TIMEOUT_S),
        outputs=tuple(_output(name, spec) for name, spec in mapping.items()),
    )


def _output(name: str, spec: Any) -> Output:
    if isinstance(spec, Mapping):
        return Output(str(name), parse_json_path(spec["path"]), spec.get("default"))
    return Output(str(name), parse_json_path(spec))


# -- requests and responses ---------------------------------------------------------------


@dataclass(frozen=True)
class Request:
    method: str
    url: str
    headers: dict[str, str]
    params: dict[str, str]
    json: Any = None  # a JSON body (object or array)
    content: str | None = None  # a text body
    timeout_s: float = DEFAULT_TIMEOUT_S


def render_request(function: RestFunction, variables: Mapping[str, Any]) -> Request:
    """The request `function` makes with `variables` (`test_profile`, earlier `function`
    outputs) substituted. GET requests carry no body."""
    body = function.body if function.method == "POST" else None
    return Request(
        method=function.method,
        url=substitute(function.url, variables).strip(),
        headers={k: substitute(v, variables) for k, v in function.headers.items()},
        params={k: substitute(v, variables) for k, v in function.query_params.items()},
        json=_render_json(body, variables) if isinstance(body, dict | list) else None,
        content=substitute(body, variables) if isinstance(body, str) and body else None,
        timeout_s=function.timeout_s,
    )


def _render_json(value: Any, variables: Mapping[str, Any]) -> Any:
    if isinstance(value, dict):
        return {k: _render_json(v, variables) for k, v in value.items()}
    if isinstance(value, list):
        return [_render_json(v, variables) for v in value]
    if isinstance(value, str):
        whole = PLACEHOLDER.fullmatch(value.strip())
        if whole is not None and whole.group(1) in variables:
            return lookup(variables[whole.group(1)], path_steps(whole.group(2)))
        return substitute(value, variables)
    return value


def map_outputs(function: RestFunction, document: Any) -> tuple[dict[str, Any], list[str]]:
    """(the outputs read from a response document, the names whose path found nothing and
    took their default)."""
    outputs: dict[str, Any] = {}
    missing = []
    for output in function.outputs:
        value = extract(document, output.path)
        if value is MISSING:
            missing.append(output.name)
            value = output.default
        outputs[output.name] = value
    return outputs, missing


def namespace(outputs: Mapping[str, Mapping[str, Any]]) -> dict[str, Any]:
    """`{"function": {name: {output: value}}}` for `templating.substitute`."""
    return {NAMESPACE: {name: dict(values) for name, values in outputs.items()}}

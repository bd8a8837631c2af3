"""`{{namespace.path}}` placeholders, substituted from a mapping of namespaces. Pure: no I/O.

    substitute("Hi, I'm {{test_profile.name}}", {"test_profile": {"name": "Sarah"}})

A path starts with a top-level name and goes on with `.key`, `['key']`, `["key"]` or `[0]`:
`{{test_profile.address.city}}`, `{{test_profile['key with space']}}`, `{{function.lookup.out}}`.
Names are case-sensitive; spaces inside the braces are allowed.

- A top-level name the mapping does not hold leaves the placeholder untouched, so text can be
  substituted in stages (test profile now, function outputs once they exist).
- A missing key below a known top-level name gives "" (Cekura's rule for test profiles).
- Strings go in as they are, None as "", booleans as true/false, numbers with str(),
  objects and lists as compact JSON.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from typing import Any

_NAME = r"[A-Za-z_][A-Za-z0-9_-]*"
_STEP = rf"\.{_NAME}|\.\d+|\[\s*'[^']*'\s*\]|\[\s*\"[^\"]*\"\s*\]|\[\s*\d+\s*\]"
PLACEHOLDER = re.compile(rf"\{{\{{\s*({_NAME})((?:{_STEP})*)\s*\}}\}}")
_STEPS = re.compile(_STEP)
_MISSING = object()


def substitute(text: str, variables: Mapping[str, Any]) -> str:
    """`text` with every placeholder whose top-level name is in `variables` replaced."""

    def replace(match: re.Match[str]) -> str:
        top, steps = match.group(1), match.group(2)
        if top not in variables:
            return match.group(0)
        return render_value(lookup(variables[top], path_steps(steps)))

    return PLACEHOLDER.sub(replace, text)


def path_steps(steps: str) -> list[str | int]:
    """`.a['b c'][0]` as `["a", "b c", 0]`; digits in brackets are list indexes."""
    out: list[str | int] = []
    for raw in _STEPS.findall(steps):
        if raw.startswith("."):
            out.append(raw[1:])
            continue
        inner = raw[1:-1].strip()
        out.append(int(inner) if inner.isdigit() else inner[1:-1])
    return out


def lookup(value: Any, steps: Sequence[str | int]) -> Any:
    """The value at `steps` below `value`, or None when any step is missing."""
    for step in steps:
        value = _child(value, step)
        if value is _MISSING:
            return None
    return value


def render_value(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Mapping | list | tuple):
        return json.dumps(value, separators=(",", ":"), ensure_ascii=False, default=str)
    return str(value)


def _child(value: Any, step: str | int) -> Any:
    if isinstance(value, Mapping):
        if step in value:
            return value[step]
        return value.get(str(step), _MISSING)
    if isinstance(value, list | tuple):
        index = step if isinstance(step, int) else int(step) if step.isdigit() else None
        if index is not None and index < len(value):
            return value[index]
    return _MISSING

"""A mock tool's input JSON Schema, inferred from its `mock_data` (for MCP `tools/list`).

Each parameter an entry names becomes a property typed by the values seen; parameters every
entry names are required, except free-text ones. Pure.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any


def input_schema(
    entries: Sequence[Mapping[str, Any]], freetext_params: Iterable[str] = ()
) -> dict[str, Any]:
    inputs = [e["input"] for e in entries if isinstance(e.get("input"), Mapping)]
    types: dict[str, set[str]] = {}
    for given in inputs:
        for key, value in given.items():
            types.setdefault(str(key), set()).add(json_type(value))
    free = set(freetext_params)
    for name in free:
        types.setdefault(name, {"string"})
    properties = {name: _property(kinds) for name, kinds in types.items()}
    required = sorted(
        name for name in types if name not in free and inputs and all(name in i for i in inputs)
    )
    schema: dict[str, Any] = {"type": "object", "properties": properties}
    if required:
        schema["required"] = required
    return schema


def json_type(value: Any) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, Mapping):
        return "object"
    if isinstance(value, list | tuple):
        return "array"
    if value is None:
        return "null"
    return "string"


def _property(kinds: set[str]) -> dict[str, Any]:
    if {"integer", "number"} <= kinds:
        kinds = kinds - {"integer"}
    ordered = sorted(kinds)
    return {"type": ordered[0] if len(ordered) == 1 else ordered}

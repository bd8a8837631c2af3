"""Stateful mock tools (beyond Cekura): small tables a run's tool calls read and change, so a
booking made in turn 3 is found in turn 6, and the end state can be checked (as τ-bench
checks the database at the end of an episode). Pure: no I/O.

A mock entry becomes stateful with a `state` object:
`{"input": {...}, "output": {...}, "state": {"table": "appointments", "operation": "insert",
"key": ["date", "time"]}}`. The entry is matched like any other (`mock_matching`); then its
operation runs on the run's tables `{table: [row, ...]}`:

- `read`: the rows whose columns equal the call's arguments (only the `key` ones when given)
  → `{"rows": [...], "count": n}`.
- `insert`: the arguments become a row → `{"inserted": row}`; with `key`, a row with the
  same key values already there is an error (no double booking).
- `update`: rows with the call's `key` values get its other arguments → `{"updated": rows}`.
- `delete`: rows with the call's `key` values are removed → `{"deleted": rows}`.

Values compare as `mock_matching.normalise` says ("3" == 3, "March 3 1985" == "1985-03-03").
A dict `output` on the entry is merged over the operation's result.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from voxtest.domain.mock_matching import normalise

Tables = dict[str, list[dict[str, Any]]]
OPERATIONS = ("read", "insert", "update", "delete")


@dataclass(frozen=True)
class StateOp:
    table: str
    operation: str
    key: tuple[str, ...] = ()


@dataclass(frozen=True)
class Applied:
    """What an operation returned (`error` set when it failed) and the tables after it."""

    output: Any
    tables: Tables
    error: str | None = None
    rows: int = 0  # rows read or changed


def state_op(entry: Mapping[str, Any]) -> StateOp | None:
    """The entry's `state` operation, or None for a plain (stateless) entry."""
    spec = entry.get("state")
    if not isinstance(spec, Mapping):
        return None
    key = spec.get("key") or ()
    return StateOp(
        table=str(spec.get("table") or ""),
        operation=str(spec.get("operation") or "read"),
        key=tuple(str(k) for k in ([key] if isinstance(key, str) else key)),
    )


def state_problem(entry: Mapping[str, Any]) -> str | None:
    """What is wrong with an entry's `state` object, for the tool's validation."""
    spec = entry.get("state")
    if spec is None:
        return None
    if not isinstance(spec, Mapping) or not isinstance(spec.get("table"), str) or not spec["table"]:
        return 'An entry\'s state must be an object with a "table" name.'
    if spec.get("operation", "read") not in OPERATIONS:
        return f"An entry's state operation must be one of: {', '.join(OPERATIONS)}."
    key = spec.get("key", [])
    if not (
        isinstance(key, str) or (isinstance(key, list) and all(isinstance(k, str) for k in key))
    ):
        return "An entry's state key must be a parameter name or a list of them."
    if spec.get("operation") in ("update", "delete") and not key:
        return "update and delete need a key: the parameters that select the rows."
    return None


def apply(
    op: StateOp,
    tables: Mapping[str, Sequence[Mapping[str, Any]]],
    arguments: Mapping[str, Any],
    output: Any = None,
    freetext_params: Iterable[str] = (),
) -> Applied:
    """Run `op` with the call's `arguments` on a copy of `tables`."""
    after: Tables = {name: [dict(r) for r in rows] for name, rows in tables.items()}
    rows = after.setdefault(op.table, [])
    free = set(freetext_params)
    if op.operation == "insert":
        return _insert(op, after, rows, dict(arguments), output)
    if op.key:
        missing = [k for k in op.key if k not in arguments]
        if missing:
            return _error(after, f"Error: {op.table} needs {', '.join(missing)} to find the rows.")
        where = {k: arguments[k] for k in op.key}
    else:
        where = {k: v for k, v in arguments.items() if k not in free}
    found = [r for r in rows if _has(r, where)]
    if op.operation == "read":
        return Applied(
            _merged({"rows": found, "count": len(found)}, output), after, None, len(found)
        )
    if not found:
        shown = ", ".join(f"{k}={v!r}" for k, v in where.items())
        return _error(after, f"Error: no {op.table} row has {shown}.")
    if op.operation == "delete":
        after[op.table] = [r for r in rows if not _has(r, where)]
        return Applied(_merged({"deleted": found}, output), after, None, len(found))
    changes = {k: v for k, v in arguments.items() if k not in op.key}
    for row in found:
        row.update(changes)
    return Applied(_merged({"updated": found}, output), after, None, len(found))


def _insert(
    op: StateOp, after: Tables, rows: list[dict[str, Any]], row: dict[str, Any], output: Any
) -> Applied:
    if op.key:
        key = {k: row.get(k) for k in op.key}
        if any(_has(r, key) for r in rows):
            shown = ", ".join(f"{k}={v!r}" for k, v in key.items())
            return _error(after, f"Error: {op.table} already has a row with {shown}.")
    rows.append(row)
    return Applied(_merged({"inserted": row}, output), after, None, 1)


def _error(after: Tables, message: str) -> Applied:
    return Applied({"error": message}, after, message)


def _merged(result: dict[str, Any], output: Any) -> Any:
    return {**result, **output} if isinstance(output, Mapping) else result


def _has(row: Mapping[str, Any], where: Mapping[str, Any]) -> bool:
    return all(k in row and normalise(row[k]) == normalise(v) for k, v in where.items())


# -- seeds and end states --------------------------------------------------------------------


def seed(*layers: Any) -> Tables:
    """The run's starting tables: each layer (`{table: [rows]}`: the test profile's, then the
    scenario's) replaces the tables it names."""
    out: Tables = {}
    for layer in layers:
        if isinstance(layer, Mapping):
            for name, rows in layer.items():
                if isinstance(rows, list):
                    out[str(name)] = [dict(r) for r in rows if isinstance(r, Mapping)]
    return out


def seed_problem(value: Any) -> str | None:
    if value is None:
        return None
    if not isinstance(value, Mapping) or not all(
        isinstance(rows, list) and all(isinstance(r, Mapping) for r in rows)
        for rows in value.values()
    ):
        return "Must be an object of tables: {table: [{column: value}, ...]}."
    return None


def compare(
    expected: Mapping[str, Any], actual: Mapping[str, Sequence[Mapping[str, Any]]]
) -> list[str]:
    """How `actual` departs from `expected` (empty: it matches). Only the tables and columns
    `expected` names are compared; each table must hold exactly as many rows, each expected
    row matching a distinct actual one."""
    differences: list[str] = []
    for name, wanted in expected.items():
        rows = list(actual.get(name) or [])
        wanted_rows = (
            [w for w in wanted if isinstance(w, Mapping)] if isinstance(wanted, list) else []
        )
        left = list(range(len(rows)))
        for row in wanted_rows:
            hit = next((i for i in left if _has(rows[i], row)), None)
            if hit is None:
                differences.append(f"{name}: no row has {_describe(row)}")
            else:
                left.remove(hit)
        if len(rows) != len(wanted_rows):
            differences.append(f"{name}: {len(rows)} row(s), expected {len(wanted_rows)}")
    return differences


def _describe(row: Mapping[str, Any]) -> str:
    return ", ".join(f"{k}={v!r}" for k, v in row.items()) or "any values"

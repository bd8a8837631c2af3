"""voxtest's own /openapi.json against Cekura's reference, operation by operation.

For every operation voxtest serves that the reference also has: the same request fields with
the same types, enums and required set, and the same response fields. Every alias the
reference has for an implemented operation (v1, v2, -external) must be served too.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

import pytest

from tests.reference import SCHEMA_ARTEFACT_OPERATIONS, reference
from voxtest.api.app import create_app
from voxtest.settings import Settings

METHODS = ("get", "post", "put", "patch", "delete")
# Fields whose reference type is a generator artefact (see scripts/gen_wire.py TYPE_OVERRIDES).
TYPE_ARTEFACT_FIELDS = re.compile(
    r"(message_plan|stop_speaking_plan|background_sound_volume|generation_config|network_simulation)$"
)


@cache
def ours() -> dict[str, Any]:
    spec: dict[str, Any] = create_app(Settings(home="/nonexistent-voxtest-home")).openapi()
    return spec


def _resolve(doc: dict[str, Any], schema: dict[str, Any] | None) -> dict[str, Any]:
    schema = schema or {}
    while True:
        if "$ref" in schema:
            schema = doc["components"]["schemas"][schema["$ref"].rsplit("/", 1)[-1]]
        elif "allOf" in schema and len(schema["allOf"]) == 1:
            schema = schema["allOf"][0]
        else:
            return schema


def _types(doc: dict[str, Any], schema: dict[str, Any]) -> frozenset[str]:
    """The JSON types a schema admits, ignoring null (write models are nullable for PATCH)."""
    schema = _resolve(doc, schema)
    if schema.get("nullable"):
        schema = {k: v for k, v in schema.items() if k != "nullable"}
    for key in ("anyOf", "oneOf"):
        if key in schema:
            out: set[str] = set()
            for sub in schema[key]:
                out |= _types(doc, sub)
            return frozenset(out)
    t = schema.get("type")
    if t is None:
        if "enum" in schema:
            return frozenset(type(v).__name__ for v in schema["enum"] if v is not None)
        return frozenset({"any"})
    types = set(t) if isinstance(t, list) else {t}
    types.discard("null")
    if "integer" in types:
        types.add("number")  # an integer schema is also a number for comparison purposes
    return frozenset(types)


def _enum(doc: dict[str, Any], schema: dict[str, Any]) -> frozenset[Any] | None:
    schema = _resolve(doc, schema)
    values: set[Any] = set()
    for sub in schema.get("anyOf", []) + schema.get("oneOf", []):
        sub_enum = _enum(doc, sub)
        if sub_enum:
            values |= sub_enum
    if "enum" in schema:
        values |= set(schema["enum"])
    values.discard(None)
    values.discard("")
    return frozenset(values) if values else None


def _object(doc: dict[str, Any], schema: dict[str, Any] | None) -> dict[str, Any]:
    schema = _resolve(doc, schema)
    if schema.get("type") == "array" or "items" in schema:
        schema = _resolve(doc, schema.get("items"))
    for key in ("anyOf", "oneOf"):  # Model | None
        for sub in schema.get(key, []):
            if _resolve(doc, sub).get("properties"):
                return _resolve(doc, sub)
    return schema


def _body(doc: dict[str, Any], op: dict[str, Any]) -> dict[str, Any] | None:
    content = op.get("requestBody", {}).get("content", {})
    schema = content.get("application/json", {}).get("schema")
    return _object(doc, schema) if schema else None


def _compare_fields(
    where: str,
    ref_doc: dict[str, Any],
    ref: dict[str, Any],
    our_doc: dict[str, Any],
    mine: dict[str, Any],
    *,
    request: bool,
) -> list[str]:
    problems = []
    hidden = "readOnly" if request else "writeOnly"
    ref_props = {k: v for k, v in ref.get("properties", {}).items() if not v.get(hidden)}
    our_props = mine.get("properties", {})
    for name in sorted(set(ref_props) ^ set(our_props)):
        side = "missing" if name in ref_props else "not in the reference"
        problems.append(f"{where}: field {name} {side}")
    for name in sorted(set(ref_props) & set(our_props)):
        if TYPE_ARTEFACT_FIELDS.search(name):
            continue
        rt, ot = _types(ref_doc, ref_props[name]), _types(our_doc, our_props[name])
        if "any" not in rt | ot and not rt <= ot:
            problems.append(f"{where}: field {name} type {sorted(ot)} != reference {sorted(rt)}")
        re_, oe = _enum(ref_doc, ref_props[name]), _enum(our_doc, our_props[name])
        if re_ != oe and re_ is not None:
            problems.append(f"{where}: field {name} enum differs")
    return problems


def _served() -> dict[tuple[str, str], dict[str, Any]]:
    return {
        (m, p): op for p, item in ours()["paths"].items() for m, op in item.items() if m in METHODS
    }


def _alias_key(path: str) -> str:
    return re.sub(r"/v[12]/", "/v*/", path).replace("-external/", "/")


def test_every_served_operation_matches_the_reference() -> None:
    ref_doc, our_doc = reference(), ours()
    problems: list[str] = []
    matched = 0
    for (method, path), op in sorted(_served().items()):
        ref_op = ref_doc["paths"].get(path, {}).get(method)
        if ref_op is None:
            continue
        matched += 1
        where = f"{method.upper()} {path}"
        ref_body, our_body = _body(ref_doc, ref_op), _body(our_doc, op)
        if (ref_body is None) != (our_body is None):
            problems.append(
                f"{where}: request body {'missing' if our_body is None else 'unexpected'}"
            )
        elif ref_body is not None and our_body is not None:
            problems += _compare_fields(
                f"{where} request", ref_doc, ref_body, our_doc, our_body, request=True
            )
            req_ref = {
                f
                for f in ref_body.get("required", [])
                if not ref_body["properties"].get(f, {}).get("readOnly")
            }
            req_our = _declared_required(our_body)
            if req_ref != req_our:
                problems.append(
                    f"{where}: required {sorted(req_our)} != reference {sorted(req_ref)}"
                )
        if (method.upper(), path) in SCHEMA_ARTEFACT_OPERATIONS:
            continue
        for status, resp in ref_op.get("responses", {}).items():
            ref_schema = resp.get("content", {}).get("application/json", {}).get("schema")
            our_resp = op.get("responses", {}).get(status)
            if our_resp is None:
                problems.append(f"{where}: response {status} not documented")
                continue
            if ref_schema and status.startswith("2"):
                our_schema = our_resp.get("content", {}).get("application/json", {}).get("schema")
                ref_obj, our_obj = _object(ref_doc, ref_schema), _object(our_doc, our_schema)
                problems += _compare_fields(
                    f"{where} {status}", ref_doc, ref_obj, our_doc, our_obj, request=False
                )
    assert matched > 0
    assert not problems, "\n".join(problems)


def _declared_required(schema: dict[str, Any]) -> set[str]:
    """Write models carry the reference's required set in their description metadata."""
    return set(schema.get("x-required", schema.get("required", [])))


def test_every_alias_of_a_served_operation_is_served() -> None:
    ref_ops = {(m, p) for p, item in reference()["paths"].items() for m in item if m in METHODS}
    every = {tuple(x.lower().split(" ", 1)) for x in reference()["x-all-operations"]}
    served = set(_served())
    missing = []
    for method, path in sorted(served):
        if (method, path) not in ref_ops and (method, path) not in every:
            continue
        for other_method, other in sorted(every):
            if (
                other_method == method
                and _alias_key(other) == _alias_key(path)
                and (method, other) not in served
            ):
                missing.append(f"{method.upper()} {other} (alias of {path})")
    assert not missing, "aliases not served:\n" + "\n".join(sorted(set(missing)))


def test_routes_are_registered_once_with_their_trailing_slash() -> None:
    # Slash-less requests reach them through the middleware (exercised by the projects and
    # SDK tests); registering both forms would double the routes and their docs.
    paths = [p for p in ours()["paths"] if p.startswith(("/user/", "/test_framework/"))]
    assert paths and all(p.endswith("/") for p in paths)


@pytest.mark.parametrize("path", ["/openapi.json"])
def test_openapi_is_served(api: Any, path: str) -> None:
    r = api.get(path)
    assert r.status_code == 200
    assert r.json()["info"]["title"] == "voxtest"

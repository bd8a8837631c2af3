"""Cekura's reference OpenAPI (the subset voxtest implements) and checks against it."""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator

SUBSET = Path(__file__).parent / "cekura-subset.json"

# Where the reference's own schema is an artefact of its generator, not what its API sends:
# drf-spectacular types un-annotated SerializerMethodFields (the `*_configured` booleans) and
# JSON fields (a personality's plans) as strings. Keep in sync with scripts/gen_wire.py.
TYPE_ARTEFACTS = re.compile(
    r"(.*_configured|message_plan|stop_speaking_plan|background_sound_volume"
    r"|generation_config|network_simulation|served_via|mcp_server)$"
)
# SerializerMethodFields and JSONFields the generator types as strings although they are
# lists or objects: scenario and test-profile relations, v1 agents' `<provider>_data` blocks
# and knowledge-base id list. Checked by name like TYPE_ARTEFACTS.
# Results: counts, booleans and run-id lists are method fields typed as strings, and the
# list's `runs` (an array of summaries) is typed as an object; `performance_metrics` (a list
# per rubric rule, as its own description says) is typed as a string. Runs: the detail's
# `expected_outcome` is typed as a string, the list's (rightly) as an object.
METHOD_FIELD_ARTEFACTS = re.compile(
    r"(metrics|metric_names|scenarios|knowledge_base_files|\w+_data|performance_metrics"
    r"|expected_outcome"
    r"|\w+_count|is_cronjob|connected_runs|not_connected_runs|successful_calls"
    r"|failed_infrastructure_runs|failed_workflow_runs|runs|critical_categories"
    r"|transcript_object|evaluation)$"
)
# Call logs: the list types `transcript_object` and `evaluation` as strings (method fields;
# the detail has the list and the object, matched above by name), and `status` reads
# `evaluating` until the first evaluation is stored, as the observe operation's own
# description says although its enum leaves it out.
CALL_LOG_PATH = re.compile(r"^/(observability/|test_framework/custom-provider)")
# Relations and read-only nested objects drf-spectacular types as non-null although the API
# sends null when there is none (a project-level scenario has no agent, no phone number...).
NULLABLE_ARTEFACTS = re.compile(
    r"(agent|agent_name|personality|personality_name|phone_number|outbound_phone_number_data"
    r"|inbound_phone_number_data|test_profile_data|created_by|last_updated_by|mock_url)$"
)


# Transcript turns in `transcript_object` are Cekura's canonical format (its transcript-format
# docs: start_time, end_time, data with tool ids, names, arguments and latency) besides the
# fields the schema lists; the schema omits the canonical ones.
CEKURA_TURN_FIELDS = frozenset({"start_time", "end_time", "data"})
TRANSCRIPT_ITEM = re.compile(r"/transcript_object/\d+$")


# Operations whose documented response is the view's default serializer rather than what the
# action returns (drf-spectacular's fallback): the personalities of a project are a list of
# personalities, not a Project.
SCHEMA_ARTEFACT_OPERATIONS = {
    ("GET", "/user/v1/projects/{id}/personalities/"),
    ("GET", "/user/v1/projects-external/{id}/personalities/"),
    # Scenario actions documented with the viewset's serializer: `tags/` is a list of tag
    # names, `json_schema/` the test-suite JSON Schema, `add_tags/` a summary, `adv_update/`
    # the list of updated scenarios.
    *(
        (method, f"/test_framework/{base}/{action}/")
        for base in ("v1/scenarios", "v1/scenarios-external", "v2/scenarios")
        for method, action in (
            ("GET", "tags"),
            ("GET", "json_schema"),
            ("POST", "add_tags"),
            ("POST", "adv_update"),
        )
    ),
}


# A metric value's `score`, `enum` and `value` are typed as required non-null although each
# is "present if" the metric's type has it (CallLogListSerializerMetricsWithExplanation):
# null where the type has none, and all three for a metric that did not apply.
METRIC_VALUE_NULLS = re.compile(r"(^|/)metrics/\d+/(score|enum|value)$")


# Operations the reference documents with a description and no schema although they answer
# JSON (`{}` in the reference): the shape is voxtest's, documented in docs/compatibility.md.
UNTYPED_OPERATIONS = {
    *(
        (method, f"/test_framework/{base}/{action}/")
        for base in ("v1/metrics", "v1/metrics-external", "v2/metrics")
        for method, action in (("POST", "preview"), ("GET", "preview-progress"))
    ),
    # Mock tools at runtime answer the matched entry's output (or Vapi's results list);
    # fork answers the private copy (a Tool).
    ("POST", "/test_framework/v1/aiagents/{agent_id}/tool/{tool_name}/"),
    ("POST", "/test_framework/v1/aiagents/{agent_id}/mcp/{mock_index}/"),
    ("POST", "/test_framework/v1/aiagents/{agent_id}/tool/{tool_name}/fork/"),
    # Call-log filter suggestions are documented with the detail serializer (the viewset's
    # default): `filters/` is the filters_v2 vocabulary, the others `{"results": [values]}`.
    *(
        ("GET", f"/observability/{base}/{action}/")
        for base in ("v1/call-logs", "v1/call-logs-external", "v2/call-logs")
        for action in ("filters", "filters_call_id", "filters_customer_number")
    ),
    # Likewise the export job (`{progress_id, status, ...}`) and the signed upload URL
    # (`{upload_url, file_key, ...}`): voxtest's shapes, in docs/compatibility.md.
    *(
        (method, f"/observability/{base}/{action}/")
        for base in ("v1/call-logs", "v1/call-logs-external", "v2/call-logs")
        for method, action in (
            ("GET", "export_call_logs"),
            ("GET", "export_call_logs_progress"),
            ("POST", "get-upload-url"),
        )
    ),
}


@cache
def reference() -> dict[str, Any]:
    data: dict[str, Any] = _nullable_to_31(json.loads(SUBSET.read_text()))
    return data


def _nullable_to_31(node: Any) -> Any:
    """The reference mixes OpenAPI 3.0's `nullable: true` into a 3.1 document, and writes
    undiscriminated alternatives as `oneOf` (drf-spectacular), which means `anyOf`: a null
    for `oneOf: [{}, {type: null}]`, or a config fitting two providers, is valid."""
    if isinstance(node, dict):
        out = {("anyOf" if k == "oneOf" else k): _nullable_to_31(v) for k, v in node.items()}
        if out.pop("nullable", False):
            if "type" in out:
                types = out["type"] if isinstance(out["type"], list) else [out["type"]]
                out["type"] = [*types, "null"] if "null" not in types else types
            elif "enum" in out and None not in out["enum"]:
                out["enum"] = [*out["enum"], None]
            else:
                out = {"anyOf": [out, {"type": "null"}]}
        return out
    if isinstance(node, list):
        return [_nullable_to_31(v) for v in node]
    return node


@cache
def _templates() -> list[tuple[re.Pattern[str], str]]:
    out = []
    for path in reference()["paths"]:
        rx = "^" + re.sub(r"\\\{[^}]+\\\}", r"[^/]+", re.escape(path)) + "$"
        out.append((re.compile(rx), path))
    return out


def match_operation(method: str, path: str) -> tuple[str, dict[str, Any]] | None:
    """The reference operation serving `method path` (trailing slash added), or None."""
    if not path.endswith("/"):
        path += "/"
    for rx, template in _templates():
        if rx.match(path):
            op = reference()["paths"][template].get(method.lower())
            if op is not None:
                return template, op
    return None


def response_schema(op: dict[str, Any], status: int) -> dict[str, Any] | None:
    resp = op.get("responses", {}).get(str(status))
    if resp is None:
        return None
    schema: dict[str, Any] | None = (
        resp.get("content", {}).get("application/json", {}).get("schema")
    )
    return schema


def check_response(method: str, path: str, status: int, body: Any) -> list[str]:
    """Every way `body` departs from the reference's response schema for this operation."""
    found = match_operation(method, path)
    if found is None:
        return []
    template, op = found
    if (
        status >= 400
        or (method.upper(), template) in SCHEMA_ARTEFACT_OPERATIONS | UNTYPED_OPERATIONS
    ):
        return []  # error bodies are DRF's shapes, checked by the error tests
    schema = response_schema(op, status)
    if schema is None:
        documented = sorted(op.get("responses", {}))
        return [f"{method} {template}: status {status} not among documented {documented}"]
    problems = []
    root = {"components": reference()["components"], **schema}
    for err in Draft202012Validator(root).iter_errors(body):
        where = "/".join(str(p) for p in err.absolute_path)
        field = str(err.absolute_path and err.absolute_path[-1])
        if err.validator == "type" and (
            TYPE_ARTEFACTS.match(field)
            or METHOD_FIELD_ARTEFACTS.match(field)
            or (err.instance is None and NULLABLE_ARTEFACTS.match(field))
            or (err.instance is None and METRIC_VALUE_NULLS.search(where))
        ):
            continue
        if (
            err.validator == "enum"
            and err.instance == "evaluating"
            and field == "status"
            and CALL_LOG_PATH.match(template)
        ):
            continue
        problems.append(f"{method} {template} {status} at /{where}: {err.message[:200]}")
    problems.extend(
        f"{method} {template} {status}: field {p} is not in the reference"
        for p in _unknown_fields(body, schema, "")
    )
    return problems


def _resolve(schema: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in schema or ("allOf" in schema and len(schema["allOf"]) == 1):
        if "$ref" in schema:
            schema = reference()["components"]["schemas"][schema["$ref"].rsplit("/", 1)[-1]]
        else:
            schema = schema["allOf"][0]
    return schema


def _unknown_fields(value: Any, schema: dict[str, Any], at: str) -> list[str]:
    schema = _resolve(schema)
    if isinstance(value, dict) and schema.get("properties"):
        out = []
        for key, item in value.items():
            sub = schema["properties"].get(key)
            if key in CEKURA_TURN_FIELDS and TRANSCRIPT_ITEM.search(at):
                continue
            if sub is None:
                if schema.get("additionalProperties") in (None, False):
                    out.append(f"{at}/{key}")
                continue
            out.extend(_unknown_fields(item, sub, f"{at}/{key}"))
        return out
    if isinstance(value, list) and isinstance(schema.get("items"), dict):
        return [
            p for i, v in enumerate(value) for p in _unknown_fields(v, schema["items"], f"{at}/{i}")
        ]
    return []

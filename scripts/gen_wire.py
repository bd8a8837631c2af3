"""Generate Pydantic wire models from Cekura's reference OpenAPI.

Every schema used by the operations listed in scripts/wire_operations.txt becomes two classes:
`Name` (what we answer: readOnly kept, writeOnly dropped) and `NameWrite` (what we accept:
readOnly dropped, every field optional so PUT, POST and PATCH share it; `REQUIRED` lists the
fields a full write must carry). Enum schemas become `Literal` aliases.

    python scripts/gen_wire.py [path/to/cekura-openapi.json]
"""

from __future__ import annotations

import json
import keyword
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_REFERENCE = ROOT.parent / "shared" / "reference" / "cekura-openapi.json"
OPERATIONS = ROOT / "scripts" / "wire_operations.txt"
OUTPUT = ROOT / "src" / "voxtest" / "api" / "wire" / "_generated.py"
SUBSET = ROOT / "tests" / "reference" / "cekura-subset.json"


# Fields whose reference type is a drf-spectacular artefact (JSON objects typed as strings,
# boolean method fields typed as strings). The tests tolerate exactly these; keep in sync with
# tests/reference/__init__.py TYPE_ARTEFACTS.
JSON_OBJECT = "dict[str, Any] | str"
TYPE_OVERRIDES: dict[tuple[str, str], str] = {
    **{
        (schema, field): JSON_OBJECT
        for schema in ("CreatePersonality", "PatchedCreatePersonality", "Personality")
        for field in (
            "message_plan",
            "stop_speaking_plan",
            "background_sound_volume",
            "generation_config",
            "network_simulation",
        )
    },
    # Agents. v1's provider `*_data` blocks are JSON objects typed as strings.
    **{
        (schema, f"{provider}_data"): JSON_OBJECT
        for schema in (
            "AIAgent",
            "SchemaUpdateAIAgentExternal",
            "PatchedSchemaUpdateAIAgentExternal",
        )
        for provider in (
            "vapi retell elevenlabs bland livekit pipecat koreai genesys agentforce sierra"
            " amazon_connect custom_provider agora synthflow"
        ).split()
    },
    ("AIAgent", "knowledge_base_files"): "list[int] | str",
    # A mock tool's `served_via` and `mcp_server` are JSON objects, `subscriber_count` an int.
    **{
        (schema, field): JSON_OBJECT
        for schema in ("Tool", "PatchedTool")
        for field in ("served_via", "mcp_server")
    },
    # Call logs: `rerun_evaluation/` takes a list of ids or the string "all" (its description),
    # and an assistant id is the provider's string (typed integer, with string examples).
    ("RerunEvaluation", "call_logs"): "list[int] | str",
    ("RerunEvaluation", "assistant_id"): "int | str",
    # CHIRP runs take the first N scenarios or "all" as well as a list (Cekura's docs).
    ("SchemaPostRunScenariosChirp", "scenarios"): "list[int] | int | str",
    # v2 provider configs are a oneOf of per-provider objects none of which excludes the
    # others; generated as empty models they would drop every key. The service validates them
    # against provider.type (voxtest.domain.agent_rules).
    ("AgentCredentials", "config"): "dict[str, Any] | None",
    ("ChatAgentDetails", "config"): "dict[str, Any] | None",
    # The create-agent seed still names the self-hosted voice provider `self_hosted`, which the
    # reference now calls `custom`; both are accepted (answers say `custom`).
    ("SchemaAgentProviderCreate", "type"): (
        "Literal['vapi', 'retell', 'elevenlabs', 'self_hosted', 'cisco', 'bland', 'livekit', "
        "'pipecat', 'synthflow', 'agora', 'koreai', 'genesys', 'amazon_connect', 'telnyx', "
        "'custom', '']"
    ),
}


def camel(name: str) -> str:
    return "".join(p[:1].upper() + p[1:] for p in re.split(r"[^A-Za-z0-9]+", name) if p)


class Generator:
    def __init__(self, spec: dict[str, Any]) -> None:
        self.spec = spec
        self.schemas: dict[str, Any] = spec["components"]["schemas"]
        self.emitted: dict[str, str] = {}  # class or alias name -> source
        self.order: list[str] = []

    # -- type expressions -------------------------------------------------------------
    def ref_name(self, ref: str) -> str:
        return ref.rsplit("/", 1)[-1]

    def is_enum_schema(self, name: str) -> bool:
        return "enum" in self.schemas[name] and "properties" not in self.schemas[name]

    def type_of(self, node: dict[str, Any], owner: str, field: str, write: bool) -> str:
        if node.get("nullable"):
            rest = {k: v for k, v in node.items() if k != "nullable"}
            return union([self.type_of(rest, owner, field, write), "None"])
        if "$ref" in node:
            return self.named(self.ref_name(node["$ref"]), write)
        if "allOf" in node and len(node["allOf"]) == 1:
            return self.type_of(node["allOf"][0], owner, field, write)
        for key in ("oneOf", "anyOf"):
            if key in node:
                parts = [self.type_of(sub, owner, field, write) for sub in node[key]]
                return union(parts)
        if "enum" in node:
            values = node["enum"]
            lits = [v for v in values if v is not None]
            t = f"Literal[{', '.join(repr(v) for v in lits)}]" if lits else "None"
            return union([t, "None"]) if None in values else t
        types = node.get("type")
        if isinstance(types, list):
            return union([self.type_of({**node, "type": t}, owner, field, write) for t in types])
        return self.plain_type(node, owner, field, write)

    def plain_type(self, node: dict[str, Any], owner: str, field: str, write: bool) -> str:
        types = node.get("type")
        if types is None:
            return "Any"
        if types == "null":
            return "None"
        if types == "string":
            return "datetime" if node.get("format") == "date-time" and not write else "str"
        if types == "integer":
            return "int"
        if types == "number":
            return "float"
        if types == "boolean":
            return "bool"
        if types == "array":
            items = node.get("items")
            return f"list[{self.type_of(items, owner, field, write) if items else 'Any'}]"
        if types == "object":
            if node.get("properties"):
                inline = owner + camel(field)
                self.emit_model(inline, node, write)
                return inline + ("Write" if write else "")
            return "dict[str, Any]"
        return "Any"

    def named(self, name: str, write: bool) -> str:
        if self.is_enum_schema(name):
            self.emit_enum(name)
            return name
        self.emit_model(name, self.schemas[name], write)
        return name + ("Write" if write else "")

    # -- emitters ---------------------------------------------------------------------
    def emit_enum(self, name: str) -> None:
        if name in self.emitted:
            return
        values = [v for v in self.schemas[name]["enum"] if v is not None]
        src = (
            f"{name} = Literal[{', '.join(repr(v) for v in values)}]"
            if values
            else f"{name} = None"
        )
        self.emitted[name] = src
        self.order.append(name)

    def emit_model(self, name: str, schema: dict[str, Any], write: bool) -> None:
        cls = name + ("Write" if write else "")
        if cls in self.emitted:
            return
        self.emitted[cls] = ""  # reserve against recursion
        props: dict[str, Any] = schema.get("properties", {})
        required = set(schema.get("required", []))
        lines = [f"class {cls}({'WriteModel' if write else 'ReadModel'}):"]
        doc = (schema.get("description") or "").strip().splitlines()
        lines.append(f'    """{_doc(doc[0]) if doc else name}"""\n')
        req_fields: list[str] = []
        non_null: list[str] = []
        for field, node in props.items():
            if write and node.get("readOnly"):
                continue
            if not write and node.get("writeOnly"):
                continue
            t = TYPE_OVERRIDES.get((name, field)) or self.type_of(node, name, field, write)
            attr, alias = pyname(field)
            constraints = _constraints(node, write)
            if alias:
                constraints.append(f"alias={alias!r}")
            if write:
                if field in required:
                    req_fields.append(field)
                if "None" not in t.split(" | ") and t != "Any":
                    non_null.append(field)
                    t = f"{t} | None"
                default = "None"
            else:
                default = "..." if field in required else "None"
                if default == "None" and "None" not in t.split(" | ") and t != "Any":
                    t = f"{t} | None"
            if default == "...":
                args = ", ".join(constraints)
                lines.append(f"    {attr}: {t} = Field({args})" if args else f"    {attr}: {t}")
            elif constraints:
                lines.append(f"    {attr}: {t} = Field({default}, {', '.join(constraints)})")
            else:
                lines.append(f"    {attr}: {t} = {default}")
        if write:
            lines.append(
                f"    REQUIRED: ClassVar[frozenset[str]] = frozenset({sorted(req_fields)!r})"
            )
            lines.append(
                f"    NON_NULL: ClassVar[frozenset[str]] = frozenset({sorted(non_null)!r})"
            )
        if len(lines) == 2:
            lines.append("    pass")
        self.emitted[cls] = "\n".join(lines)
        self.order.append(cls)


def union(parts: list[str]) -> str:
    seen: list[str] = []
    for part in parts:
        for p in part.split(" | "):
            if p not in seen:
                seen.append(p)
    if "Any" in seen:
        return "Any"
    return " | ".join(seen)


def pyname(field: str) -> tuple[str, str | None]:
    attr = re.sub(r"\W", "_", field)
    if keyword.iskeyword(attr) or attr in {"model_config", "model_fields", "schema", "json"}:
        return attr + "_", field
    if attr != field:
        return attr, field
    return attr, None


def _constraints(node: dict[str, Any], write: bool) -> list[str]:
    out: list[str] = []
    if write:
        for key, arg in (
            ("maxLength", "max_length"),
            ("minLength", "min_length"),
            ("minimum", "ge"),
            ("maximum", "le"),
        ):
            if key in node:
                out.append(f"{arg}={node[key]!r}")
        if "pattern" in node:
            out.append(f"pattern={node['pattern']!r}")
    desc = (node.get("description") or "").strip()
    if desc:
        out.append(f"description={desc!r}")
    return out


def _doc(text: str) -> str:
    return text.replace('"""', "'''").replace("\\", "\\\\")


def operations() -> list[tuple[str, str]]:
    ops = []
    for line in OPERATIONS.read_text().splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            method, path = line.split()
            ops.append((method.lower(), path))
    return ops


def write_subset(spec: dict[str, Any], ops: list[tuple[str, str]]) -> None:
    """The reference cut down to the implemented operations and the schemas they reach, plus
    the list of every (method, path) of the reference; the tests compare against it."""
    paths: dict[str, Any] = {}
    for method, path in ops:
        paths.setdefault(path, {})[method] = spec["paths"][path][method]
    needed: set[str] = set()

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            ref = node.get("$ref")
            if isinstance(ref, str) and ref.startswith("#/components/schemas/"):
                name = ref.rsplit("/", 1)[-1]
                if name not in needed:
                    needed.add(name)
                    walk(spec["components"]["schemas"][name])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(paths)
    every = sorted(
        f"{m.upper()} {p}"
        for p, item in spec["paths"].items()
        for m in item
        if m in ("get", "post", "put", "patch", "delete")
    )
    subset = {
        "openapi": spec["openapi"],
        "info": spec["info"],
        "paths": paths,
        "components": {"schemas": {n: spec["components"]["schemas"][n] for n in sorted(needed)}},
        "x-all-operations": every,
    }
    SUBSET.parent.mkdir(parents=True, exist_ok=True)
    SUBSET.write_text(json.dumps(subset, indent=1, sort_keys=True) + "\n")


def main() -> None:
    reference = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_REFERENCE
    spec = json.loads(reference.read_text())
    gen = Generator(spec)
    index: list[str] = []
    for method, path in operations():
        op = spec["paths"][path][method]
        body = (
            op.get("requestBody", {}).get("content", {}).get("application/json", {}).get("schema")
        )
        req = gen.type_of(body, camel(op["operationId"]) + "Body", "", True) if body else "None"
        responses = []
        for status, resp in sorted(op["responses"].items()):
            schema = resp.get("content", {}).get("application/json", {}).get("schema")
            if status.startswith("2") and schema:
                t = gen.type_of(schema, camel(op["operationId"]) + status, "", False)
                responses.append(f"{int(status)}: {t}")
            elif status.isdigit():
                responses.append(f"{int(status)}: None")
        index.append(
            f"    ({method.upper()!r}, {path!r}): Operation({op['operationId']!r}, {req}, "
            f"{{{', '.join(responses)}}}),"
        )
    header = [
        '"""Wire models generated from Cekura\'s reference OpenAPI by scripts/gen_wire.py.',
        "",
        "Do not edit by hand: add the operation to scripts/wire_operations.txt and run",
        "`make wire`.",
        '"""',
        "",
        "from __future__ import annotations",
        "",
        "from datetime import datetime",
        "from typing import Any, ClassVar, Literal",
        "",
        "from pydantic import Field",
        "",
        "from voxtest.api.wire.base import Operation, ReadModel, WriteModel",
        "",
    ]
    body_src = "\n\n\n".join(gen.emitted[n] for n in gen.order)
    footer = [
        "",
        "",
        "OPERATIONS: dict[tuple[str, str], Operation] = {",
        *index,
        "}",
        "",
    ]
    OUTPUT.write_text("\n".join(header) + "\n" + body_src + "\n" + "\n".join(footer))
    write_subset(spec, operations())
    ruff = Path(sys.executable).parent / "ruff"
    subprocess.run([str(ruff), "format", "-q", str(OUTPUT)], check=True)
    subprocess.run([str(ruff), "check", "--fix", "-q", str(OUTPUT)], check=True)
    print(
        f"wrote {OUTPUT.relative_to(ROOT)}: {len(gen.order)} definitions, {len(index)} operations"
    )


if __name__ == "__main__":
    main()

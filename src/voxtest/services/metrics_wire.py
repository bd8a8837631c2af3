"""The metric write models: the reference's own, plus its legacy `eval_type` names.

The reference documents that `binary_workflow_adherence` and `binary_qualitative` are accepted
and stored as `binary`; its enum lists only the canonical names, so each model maps the legacy
names before validation. Fields, types and documented required sets stay the reference's.

One deliberate difference: `SchemaPostMetricEdit` lists ten required fields (assistant_id,
prompt, display_order...), yet the reference's own create examples send only name, project and
the definition. voxtest documents the ten but enforces only `name` (the project is checked by
the service, since `agent`/`assistant_id` or a project-scoped key can stand in for it).
"""

from __future__ import annotations

from typing import Any, ClassVar

from pydantic import GetJsonSchemaHandler, model_validator
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema

from voxtest.api.wire._generated import (
    MetricEditSerializerV2Write,
    PatchedMetricEditSerializerV2Write,
    PatchedSchemaPostMetricEditWrite,
    SchemaPostMetricEditWrite,
)
from voxtest.domain.metric_rules import canonical_eval_type


def _canonical(data: Any) -> Any:
    if isinstance(data, dict) and "eval_type" in data:
        return {**data, "eval_type": canonical_eval_type(data["eval_type"])}
    return data


class MetricWrite(SchemaPostMetricEditWrite):
    """v1 create/replace, and every bulk_create item."""

    REQUIRED: ClassVar[frozenset[str]] = frozenset({"name"})

    @classmethod
    def __get_pydantic_json_schema__(
        cls, core_schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        schema = handler.resolve_ref_schema(handler(core_schema))
        schema["required"] = sorted(SchemaPostMetricEditWrite.REQUIRED)
        return schema

    @model_validator(mode="before")
    @classmethod
    def _legacy_eval_type(cls, data: Any) -> Any:
        return _canonical(data)


class MetricPatch(PatchedSchemaPostMetricEditWrite):
    """v1 partial update."""

    @model_validator(mode="before")
    @classmethod
    def _legacy_eval_type(cls, data: Any) -> Any:
        return _canonical(data)


class MetricWriteV2(MetricEditSerializerV2Write):
    """v2 create."""

    @model_validator(mode="before")
    @classmethod
    def _legacy_eval_type(cls, data: Any) -> Any:
        return _canonical(data)


class MetricPatchV2(PatchedMetricEditSerializerV2Write):
    """v2 partial update (`add_to_rubric`, `apply_to_all_agents`, `agent`...)."""

    @model_validator(mode="before")
    @classmethod
    def _legacy_eval_type(cls, data: Any) -> Any:
        return _canonical(data)


AnyMetricWrite = MetricWrite | MetricPatch | MetricWriteV2 | MetricPatchV2

"""Base classes of the generated wire models."""

from __future__ import annotations

import functools
from typing import Any, ClassVar, NamedTuple

from pydantic import BaseModel, ConfigDict, GetJsonSchemaHandler, model_validator
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema

from voxtest.errors import ValidationFailed


class ReadModel(BaseModel):
    """What voxtest answers; documents responses (handlers build plain dicts for speed)."""

    model_config = ConfigDict(populate_by_name=True)


class WriteModel(BaseModel):
    """What voxtest accepts. Unknown fields are ignored, as DRF does; every field is optional
    here and `require()` enforces the reference's required fields on full writes."""

    model_config = ConfigDict(
        populate_by_name=True, extra="ignore", regex_engine="python-re", coerce_numbers_to_str=True
    )

    REQUIRED: ClassVar[frozenset[str]] = frozenset()
    NON_NULL: ClassVar[frozenset[str]] = frozenset()

    @classmethod
    def __get_pydantic_json_schema__(
        cls, core_schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        """Document the reference's required fields (validation enforces them on full writes)."""
        schema = handler.resolve_ref_schema(handler(core_schema))
        if cls.REQUIRED:
            schema["required"] = sorted(cls.REQUIRED)
        return schema

    @model_validator(mode="before")
    @classmethod
    def _reject_nulls(cls, data: Any) -> Any:
        if isinstance(data, dict):
            nulls = {
                k: ["This field may not be null."]
                for k in cls.NON_NULL
                if k in data and data[k] is None
            }
            if nulls:
                raise ValueError(_NullFields(nulls))
        return data

    def given(self) -> dict[str, Any]:
        """The fields the client sent, by their wire names."""
        return self.model_dump(by_alias=True, exclude_unset=True)

    def missing(self, *extra: str) -> dict[str, list[str]]:
        """`{field: ["This field is required."]}` for each required field not sent."""
        sent = self.model_fields_set
        fields = type(self).model_fields
        out = {}
        for name in (*type(self).REQUIRED, *extra):
            attr = next((a for a, f in fields.items() if (f.alias or a) == name), name)
            if attr not in sent:
                out[name] = ["This field is required."]
        return out

    def require(self, *extra: str) -> None:
        """Raise 400 for every required field the client left out (full writes only)."""
        missing = self.missing(*extra)
        if missing:
            raise ValidationFailed(missing)


class _NullFields(dict[str, list[str]]):
    """Carries per-field null errors out of a validator; see api.errors."""

    def __str__(self) -> str:
        return "null given for non-nullable fields"


class Operation(NamedTuple):
    """One operation of the reference: its id, request model and 2xx response models."""

    operation_id: str
    request: Any
    responses: dict[int, Any]


@functools.cache
def wire_fields(model: type[BaseModel]) -> frozenset[str]:
    return frozenset(f.alias or name for name, f in model.model_fields.items())


def shaped(data: dict[str, Any], model: type[BaseModel]) -> dict[str, Any]:
    """`data` cut to the fields `model` (a reference schema) defines, in their order."""
    fields = wire_fields(model)
    return {k: v for k, v in data.items() if k in fields}

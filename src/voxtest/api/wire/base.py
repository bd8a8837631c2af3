"""Base classes of the generated wire models."""

from __future__ import annotations

from typing import Any, ClassVar, NamedTuple

from pydantic import BaseModel, ConfigDict, model_validator

from voxtest.errors import ValidationFailed


class ReadModel(BaseModel):
    """What voxtest answers; documents responses (handlers build plain dicts for speed)."""

    model_config = ConfigDict(populate_by_name=True)


class WriteModel(BaseModel):
    """What voxtest accepts. Unknown fields are ignored, as DRF does; every field is optional
    here and `require()` enforces the reference's required fields on full writes."""

    model_config = ConfigDict(populate_by_name=True, extra="ignore", regex_engine="python-re")

    REQUIRED: ClassVar[frozenset[str]] = frozenset()
    NON_NULL: ClassVar[frozenset[str]] = frozenset()

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

    def require(self, *extra: str) -> None:
        """Raise 400 for every required field the client left out (full writes only)."""
        sent = self.model_fields_set
        fields = type(self).model_fields
        missing = {}
        for name in (*type(self).REQUIRED, *extra):
            attr = next((a for a, f in fields.items() if (f.alias or a) == name), name)
            if attr not in sent:
                missing[name] = ["This field is required."]
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

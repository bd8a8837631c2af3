"""Helpers every resource service uses: wire timestamps, attrs and write-only secrets."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from voxtest.errors import ValidationFailed
from voxtest.security.secretbox import SecretBox


def iso(value: datetime | None) -> str | None:
    """DRF's datetime rendering: ISO 8601 with a `Z` for UTC."""
    if value is None:
        return None
    return value.isoformat().replace("+00:00", "Z")


@dataclass(frozen=True)
class FieldSplit:
    """How a resource's wire fields are stored: columns, the `attrs` JSON, or sealed secrets."""

    columns: frozenset[str] = frozenset()
    secrets: frozenset[str] = frozenset()
    ignored: frozenset[str] = frozenset()
    defaults: Mapping[str, Any] = field(default_factory=dict)

    def split(
        self, given: Mapping[str, Any]
    ) -> tuple[dict[str, Any], dict[str, Any], dict[str, Any]]:
        cols: dict[str, Any] = {}
        attrs: dict[str, Any] = {}
        secrets: dict[str, Any] = {}
        for key, value in given.items():
            if key in self.ignored:
                continue
            if key in self.columns:
                cols[key] = value
            elif key in self.secrets:
                secrets[key] = value
            else:
                attrs[key] = value
        return cols, attrs, secrets

    def read(self, attrs: Mapping[str, Any]) -> dict[str, Any]:
        return {**self.defaults, **attrs}


def update_secrets(
    box: SecretBox, sealed: bytes | None, updates: Mapping[str, Any]
) -> bytes | None:
    """Apply write-only secret updates: a value sets, "" or null clears."""
    if not updates:
        return sealed
    current = box.open(sealed)
    for key, value in updates.items():
        if value in (None, ""):
            current.pop(key, None)
        else:
            current[key] = value
    return box.seal(current)


def configured_flags(box: SecretBox, sealed: bytes | None, names: Iterable[str]) -> dict[str, bool]:
    present = box.open(sealed)
    return {f"{n}_configured": bool(present.get(n)) for n in names}


def collect(errors: dict[str, list[str]], key: str, messages: Iterable[str]) -> None:
    msgs = list(messages)
    if msgs:
        errors.setdefault(key, []).extend(msgs)


def raise_if(errors: Mapping[str, Any]) -> None:
    if errors:
        raise ValidationFailed(errors)

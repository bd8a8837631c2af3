"""Personalities: the built-in set (seeded at start), the organization's own, and forks."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from voxtest.api.auth import Principal
from voxtest.api.wire._generated import (
    CreatePersonalityWrite,
    ForkPersonalityWrite,
    PatchedCreatePersonalityWrite,
)
from voxtest.context import Services
from voxtest.domain.network_loss import personality_problem
from voxtest.errors import NotFound, PermissionDenied, ValidationFailed
from voxtest.services import personality_sets
from voxtest.services.common import collect, raise_if
from voxtest.services.personalities_read import serialize_personality
from voxtest.services.personality_catalogue import BUILTIN_PERSONALITIES
from voxtest.services.projects import get_project_row
from voxtest.storage.tables import Personality

OBJECT_FIELDS = (
    "message_plan",
    "stop_speaking_plan",
    "background_sound_volume",
    "generation_config",
)


PersonalityWrite = CreatePersonalityWrite


async def seed_builtin(services: Services) -> None:
    """Insert missing built-ins by name; never touches rows users could have changed."""
    async with services.db.session() as session:
        existing = set(
            (
                await session.scalars(
                    select(Personality.name).where(Personality.is_predefined.is_(True))
                )
            ).all()
        )
        for spec in BUILTIN_PERSONALITIES:
            if spec["name"] in existing:
                continue
            attrs = {k: v for k, v in spec.items() if k not in ("name", "language")}
            session.add(
                Personality(
                    name=spec["name"], language=spec["language"], is_predefined=True, attrs=attrs
                )
            )


async def list_personalities(
    session: AsyncSession, principal: Principal, language: str | None, project_id: int | None
) -> list[dict[str, Any]]:
    query = personality_sets.visible_personalities(principal)
    scope = project_id or principal.project_id
    if scope is not None:
        project = await get_project_row(session, principal, scope)
        query = query.where(
            (Personality.project_id.is_(None)) | (Personality.project_id == project.id)
        )
    if language:
        query = query.where(Personality.language == language)
    rows = (await session.scalars(query.order_by(Personality.id))).all()
    return [serialize_personality(r) for r in rows]


async def get_row(session: AsyncSession, principal: Principal, personality_id: int) -> Personality:
    row = await session.get(Personality, personality_id)
    if row is None or row.organization_id not in (None, principal.organization_id):
        raise NotFound()
    if principal.project_id is not None and row.project_id not in (None, principal.project_id):
        raise NotFound()
    return row


async def create_personality(
    session: AsyncSession, principal: Principal, body: PersonalityWrite
) -> dict[str, Any]:
    given = body.given()
    project_id = given.pop("project", None) or principal.project_id
    if project_id is None:
        raise ValidationFailed({"project": ["This field is required."]})
    project = await get_project_row(session, principal, project_id)
    _check(given, body.missing())
    row = Personality(
        organization_id=principal.organization_id,
        project_id=project.id,
        name=given.pop("name"),
        language=given.pop("language", "en") or "en",
        attrs={**_defaults(), **given},
    )
    session.add(row)
    await session.flush()
    await personality_sets.enable(session, project_id=project.id, ids=[row.id])
    return serialize_personality(row)


async def update_personality(
    session: AsyncSession,
    principal: Principal,
    personality_id: int,
    body: PatchedCreatePersonalityWrite,
) -> dict[str, Any]:
    row = await get_row(session, principal, personality_id)
    if row.organization_id is None:
        raise PermissionDenied(
            "Built-in personalities are shared and cannot be changed; fork it into your project "
            "(POST /test_framework/v1/personalities/{id}/fork/) and update the fork."
        )
    given = body.given()
    given.pop("project", None)
    _check(given)
    if "name" in given:
        row.name = given.pop("name")
    if "language" in given:
        row.language = given.pop("language")
    row.attrs = {**(row.attrs or {}), **given}
    await session.flush()
    await session.refresh(row)
    return serialize_personality(row)


async def fork_personality(
    session: AsyncSession, principal: Principal, personality_id: int, body: ForkPersonalityWrite
) -> dict[str, Any]:
    source = await get_row(session, principal, personality_id)
    given = body.given()
    project_id = given.get("project_id") or principal.project_id
    if project_id is None:
        raise ValidationFailed({"project_id": ["This field is required."]})
    project = await get_project_row(session, principal, project_id)
    attrs = dict(source.attrs or {})
    if given.get("prompt"):
        attrs["prompt"] = given["prompt"]
    row = Personality(
        organization_id=principal.organization_id,
        project_id=project.id,
        name=source.name,
        language=source.language,
        forked_from_id=source.id,
        attrs=attrs,
    )
    session.add(row)
    await session.flush()
    await personality_sets.enable(session, project_id=project.id, ids=[row.id])
    return serialize_personality(row)


def _defaults() -> dict[str, Any]:
    base = BUILTIN_PERSONALITIES[0]
    return {k: v for k, v in base.items() if k not in ("name", "language", "prompt")}


def _check(given: dict[str, Any], errors: dict[str, list[str]] | None = None) -> None:
    errors = dict(errors or {})
    if "name" in given and not str(given["name"]).strip():
        errors["name"] = ["This field may not be blank."]
    speed = given.get("speed")
    if speed is not None:
        try:
            ok = 0.5 <= float(speed) <= 2.0
        except ValueError:
            ok = False
        if not ok:
            errors["speed"] = ["Speed must be a number between 0.5 and 2.0 (1.0 is normal)."]
    plan = given.get("message_plan")
    if isinstance(plan, dict):
        collect(
            errors,
            "message_plan",
            _positive_ints(plan, ("idle_timeout_seconds", "idle_message_max_spoken_count")),
        )
    stop = given.get("stop_speaking_plan")
    if isinstance(stop, dict):
        collect(
            errors,
            "stop_speaking_plan",
            _non_negative(stop, ("num_words", "voice_seconds", "backoff_seconds")),
        )
    volume = given.get("background_sound_volume")
    if isinstance(volume, dict):
        collect(errors, "background_sound_volume", _in_unit(volume, ("base", "reduced")))
    network = personality_problem(given.get("network_simulation"))
    if network:
        errors["network_simulation"] = [network]
    start = given.get("start_speaking_plan")
    if start not in (None, ""):
        try:
            if float(start) < 0:
                raise ValueError
        except ValueError:
            errors["start_speaking_plan"] = ["Must be a number of seconds >= 0."]
    raise_if(errors)


def _positive_ints(obj: dict[str, Any], keys: tuple[str, ...]) -> list[str]:
    return [
        f"{k} must be a positive integer."
        for k in keys
        if k in obj and (isinstance(obj[k], bool) or not isinstance(obj[k], int) or obj[k] <= 0)
    ]


def _non_negative(obj: dict[str, Any], keys: tuple[str, ...]) -> list[str]:
    return [
        f"{k} must be a number >= 0."
        for k in keys
        if k in obj
        and (isinstance(obj[k], bool) or not isinstance(obj[k], int | float) or obj[k] < 0)
    ]


def _in_unit(obj: dict[str, Any], keys: tuple[str, ...]) -> list[str]:
    return [
        f"{k} must be between 0.0 and 1.0."
        for k in keys
        if k in obj
        and (
            isinstance(obj[k], bool) or not isinstance(obj[k], int | float) or not 0 <= obj[k] <= 1
        )
    ]

"""Operations on many scenarios at once: bulk delete, bulk update, add tags, duplicate."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from voxtest.api.auth import Principal
from voxtest.api.pagination import PageRequest
from voxtest.api.wire._generated import Scenario as ScenarioShape
from voxtest.api.wire._generated import ScenarioList
from voxtest.services import scenario_refs as refs
from voxtest.services import scenarios_read
from voxtest.services.common import raise_if
from voxtest.services.scenario_fields import MAX_NAME, check_plain_fields, clean_tags
from voxtest.services.scenario_folders import ensure_folder, folder_exists, path_problem
from voxtest.services.scenarios import visible
from voxtest.services.scenarios_write import Placement, replace_metrics, replace_tags
from voxtest.storage.tables import Metric, Scenario, ScenarioMetric, ScenarioTag, Tool


async def scope(
    session: AsyncSession,
    principal: Principal,
    agent_id: int | None,
    project_id: int | None,
    errors: dict[str, Any],
    names: tuple[str, str] = ("agent_id", "project_id"),
) -> Placement | None:
    """The agent or project a bulk operation is limited to; one of them is required."""
    if agent_id is not None:
        agent = await refs.visible_agent(session, principal, agent_id)
        if agent is None:
            errors[names[0]] = [refs.invalid_pk(agent_id)]
            return None
        return Placement(project_id=agent.project_id, agent_id=agent.id)
    project_id = project_id or principal.project_id
    if project_id is None:
        errors["non_field_errors"] = [f"Either {names[0]} or {names[1]} is required."]
        return None
    if await refs.visible_project(session, principal, project_id) is None:
        errors[names[1]] = [refs.invalid_pk(project_id)]
        return None
    return Placement(project_id=project_id, agent_id=None)


async def scenarios_in(
    session: AsyncSession,
    principal: Principal,
    ids: Sequence[int],
    project_id: int,
    errors: dict[str, Any],
) -> list[Scenario]:
    """The scenarios `ids` names, all of the project; unknown ones are reported in `errors`."""
    rows = list(
        (
            await session.scalars(
                visible(principal)
                .where(Scenario.id.in_(set(ids)), Scenario.project_id == project_id)
                .order_by(Scenario.id)
            )
        ).all()
    )
    found = {r.id for r in rows}
    missing = [i for i in dict.fromkeys(ids) if i not in found]
    if missing:
        errors["scenarios"] = [refs.invalid_pk(i) for i in missing]
    return rows


async def delete_many(session: AsyncSession, principal: Principal, body: dict[str, Any]) -> None:
    errors: dict[str, Any] = {}
    place = await scope(session, principal, body.get("agent_id"), body.get("project_id"), errors)
    raise_if(errors)
    assert place is not None
    rows = await scenarios_in(session, principal, body["scenarios"], place.project_id, errors)
    raise_if(errors)
    await session.execute(delete(Scenario).where(Scenario.id.in_([r.id for r in rows])))


async def add_tags(
    session: AsyncSession, principal: Principal, raw: dict[str, Any]
) -> dict[str, Any]:
    ids: Any = raw.get("scenarios")
    tags: Any = raw.get("tags")
    errors: dict[str, Any] = {}
    if not isinstance(ids, list) or not ids or not all(_is_int(i) for i in ids):
        errors["scenarios"] = ["Must be a non-empty list of scenario ids."]
    check_plain_fields({"tags": tags}, errors)
    raise_if(errors)
    rows = list((await session.scalars(visible(principal).where(Scenario.id.in_(set(ids))))).all())
    missing = sorted(set(ids) - {r.id for r in rows})
    raise_if({"scenarios": [refs.invalid_pk(i) for i in missing]} if missing else {})
    wanted = clean_tags(tags)
    for row in rows:
        have = set(
            (
                await session.scalars(
                    select(ScenarioTag.tag).where(ScenarioTag.scenario_id == row.id)
                )
            ).all()
        )
        session.add_all(ScenarioTag(scenario_id=row.id, tag=t) for t in wanted if t not in have)
    await session.flush()
    return {"scenarios": [r.id for r in rows], "tags": wanted}


async def update_many(
    session: AsyncSession, principal: Principal, given: dict[str, Any]
) -> list[dict[str, Any]]:
    errors: dict[str, Any] = {}
    place = await scope(
        session, principal, given.get("agent"), given.get("project"), errors, ("agent", "project")
    )
    raise_if(errors)
    assert place is not None
    rows = await scenarios_in(session, principal, given["scenarios"], place.project_id, errors)
    await _check_update(session, principal, given, rows, place, errors)
    raise_if(errors)
    for row in rows:
        await _update_one(session, row, given, place, principal.key_id)
    await session.flush()
    for row in rows:
        await session.refresh(row)
    return await scenarios_read.serialize_many(session, rows, ScenarioList)


async def _check_update(
    session: AsyncSession,
    principal: Principal,
    given: dict[str, Any],
    rows: list[Scenario],
    place: Placement,
    errors: dict[str, Any],
) -> None:
    pid = place.project_id
    plain = ("first_message", "max_duration", "phone_number", "inbound_phone_number")
    check_plain_fields({k: given[k] for k in plain if k in given}, errors)
    if given.get("personality") is not None:
        if await refs.usable_personality(session, principal, given["personality"], pid) is None:
            errors["personality"] = [refs.invalid_pk(given["personality"])]
    if given.get("test_profile") is not None:
        if await refs.project_test_profile(session, principal, given["test_profile"], pid) is None:
            errors["test_profile"] = [refs.invalid_pk(given["test_profile"])]
    missing = await refs.missing_metrics(session, given.get("metric_ids_to_add") or [], pid)
    if missing:
        errors["metric_ids_to_add"] = [refs.invalid_pk(m) for m in missing]
    tools = set((await session.scalars(select(Tool.id).where(Tool.project_id == pid))).all())
    unknown = [t for t in given.get("tool_ids_to_add") or [] if t not in tools]
    if unknown:
        errors["tool_ids_to_add"] = [refs.invalid_pk(t) for t in unknown]
    if given.get("folder_path") and not await folder_exists(session, pid, given["folder_path"]):
        errors["folder_path"] = [f"Folder {given['folder_path']!r} does not exist."]
    scripted = [r.id for r in rows if r.scenario_type == "conditional_actions"]
    if given.get("append_instruction") and scripted:
        errors["append_instruction"] = [
            f"Scenario {i} is conditional_actions; edit its script instead." for i in scripted
        ]


async def _update_one(
    session: AsyncSession, row: Scenario, given: dict[str, Any], place: Placement, key_id: int
) -> None:
    attrs = dict(row.attrs or {})
    if place.agent_id is not None:
        row.agent_id = place.agent_id
    if "personality" in given:
        row.personality_id = given["personality"]
    if "test_profile" in given:
        row.test_profile_id = given["test_profile"]
    if "folder_path" in given:
        row.folder_path = given["folder_path"] or None
    for key in ("first_message", "max_duration"):
        if key in given:
            attrs[key] = given[key]
    if given.get("append_instruction"):
        attrs["instructions"] = (attrs.get("instructions") or "") + given["append_instruction"]
    removed_tools = _strs(given.get("tool_ids_to_remove"))
    tools = [t for t in attrs.get("tool_ids") or [] if t not in removed_tools]
    attrs["tool_ids"] = list(dict.fromkeys(tools + _strs(given.get("tool_ids_to_add"))))
    attrs["last_updated_by"] = key_id
    row.attrs = attrs
    if given.get("metric_ids_to_add") or given.get("metric_ids_to_remove"):
        current = await session.scalars(
            select(ScenarioMetric.metric_id).where(ScenarioMetric.scenario_id == row.id)
        )
        removed = set(given.get("metric_ids_to_remove") or [])
        kept = [m for m in current.all() if m not in removed]
        await replace_metrics(session, row.id, kept + list(given.get("metric_ids_to_add") or []))


async def duplicate(
    session: AsyncSession, principal: Principal, body: dict[str, Any], page: PageRequest
) -> dict[str, Any]:
    errors: dict[str, Any] = {}
    source = await refs.visible_project(session, principal, body["project"])
    target = await refs.visible_project(session, principal, body["copy_to_project"])
    if source is None:
        errors["project"] = [refs.invalid_pk(body["project"])]
    if target is None:
        errors["copy_to_project"] = [refs.invalid_pk(body["copy_to_project"])]
    raise_if(errors)
    assert source is not None and target is not None
    agent_id = await _destination_agent(session, principal, body.get("scenario_agent"), target.id)
    folder = body.get("folder_path")
    if folder:
        raise_if({"folder_path": [path_problem(folder)]} if path_problem(folder) else {})
    rows = await scenarios_in(session, principal, body["scenarios"], source.id, errors)
    raise_if(errors)
    copies = [await _copy(session, principal, row, target.id, agent_id, folder) for row in rows]
    await session.flush()
    page.check(len(copies))
    chosen = copies[page.offset : page.offset + page.page_size]
    for row in chosen:
        await session.refresh(row)
    return page.respond(
        len(copies), await scenarios_read.serialize_many(session, chosen, ScenarioShape)
    )


async def _destination_agent(
    session: AsyncSession, principal: Principal, agent_id: int | None, project_id: int
) -> int | None:
    if agent_id is None:
        return None
    agent = await refs.visible_agent(session, principal, agent_id)
    if agent is None or agent.project_id != project_id:
        raise_if({"scenario_agent": [refs.invalid_pk(agent_id)]})
    return agent_id


async def _copy(
    session: AsyncSession,
    principal: Principal,
    row: Scenario,
    project_id: int,
    agent_id: int | None,
    folder: str | None,
) -> Scenario:
    same = project_id == row.project_id
    folder = folder or row.folder_path
    if folder:
        await ensure_folder(session, project_id, folder)
    copy = Scenario(
        organization_id=row.organization_id,
        project_id=project_id,
        agent_id=agent_id if agent_id is not None or not same else row.agent_id,
        name=f"Copy of {row.name}"[:MAX_NAME],
        scenario_type=row.scenario_type,
        folder_path=folder,
        personality_id=await _usable_personality(session, principal, row, project_id),
        test_profile_id=row.test_profile_id if same else None,
        attrs={**(row.attrs or {}), "created_by": principal.key_id},
    )
    session.add(copy)
    await session.flush()
    tags = await session.scalars(select(ScenarioTag.tag).where(ScenarioTag.scenario_id == row.id))
    await replace_tags(session, copy.id, list(tags.all()))
    await replace_metrics(session, copy.id, await _copied_metrics(session, row, project_id))
    return copy


async def _usable_personality(
    session: AsyncSession, principal: Principal, row: Scenario, project_id: int
) -> int | None:
    if row.personality_id is None:
        return None
    found = await refs.usable_personality(session, principal, row.personality_id, project_id)
    return found.id if found is not None else None


async def _copied_metrics(session: AsyncSession, row: Scenario, project_id: int) -> list[int]:
    """Same project: the same metrics. Another project: its metrics of the same names."""
    linked = select(ScenarioMetric.metric_id).where(ScenarioMetric.scenario_id == row.id)
    if project_id == row.project_id:
        return list((await session.scalars(linked)).all())
    names = select(Metric.name).where(Metric.id.in_(linked))
    found = await session.scalars(
        select(Metric.id).where(Metric.project_id == project_id, Metric.name.in_(names))
    )
    return list(found.all())


def _strs(values: Any) -> list[str]:
    return [str(v) for v in values or []]


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)

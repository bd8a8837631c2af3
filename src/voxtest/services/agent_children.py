"""An agent's dynamic variables and knowledge base files, written as full desired sets."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from voxtest.domain.agent_rules import (
    KB_TYPES,
    VARIABLE_NAME,
    Errors,
    decode_base64,
    kb_content_problem,
    kb_file_type,
)
from voxtest.services.common import iso
from voxtest.storage.tables import DynamicVariable, KnowledgeBaseFile

# -- dynamic variables (matched by name) ------------------------------------------------------


def check_variables(items: Sequence[dict[str, Any]]) -> list[Errors] | None:
    errors: list[Errors] = []
    seen: set[str] = set()
    for item in items:
        problems: Errors = {}
        name = item.get("name")
        if not name:
            problems["name"] = ["This field is required."]
        elif not VARIABLE_NAME.match(name):
            problems["name"] = ["Use letters, digits and underscores, not starting with a digit."]
        elif name in seen:
            problems["name"] = ["Each dynamic variable needs a distinct name."]
        if item.get("description") is None:
            problems["description"] = ["This field is required."]
        seen.add(name or "")
        errors.append(problems)
    return errors if any(errors) else None


async def apply_variables(
    session: AsyncSession, agent_id: int, items: Sequence[dict[str, Any]]
) -> None:
    wanted = {i["name"]: i["description"] for i in items}
    rows = {
        v.name: v
        for v in await session.scalars(
            select(DynamicVariable).where(DynamicVariable.agent_id == agent_id)
        )
    }
    for name, row in rows.items():
        if name not in wanted:
            await session.delete(row)
        else:
            row.description = wanted[name]
    session.add_all(
        DynamicVariable(agent_id=agent_id, name=n, description=d)
        for n, d in wanted.items()
        if n not in rows
    )
    await session.flush()


async def serialize_variables(session: AsyncSession, agent_id: int) -> list[dict[str, Any]]:
    rows = await session.scalars(
        select(DynamicVariable)
        .where(DynamicVariable.agent_id == agent_id)
        .order_by(DynamicVariable.name)
    )
    return [{"id": v.id, "name": v.name, "description": v.description} for v in rows]


# -- knowledge base files (kept by id, added with content) -----------------------------------


@dataclass(frozen=True)
class NewFile:
    name: str
    content: bytes


def check_new_file(name: Any, content: Any) -> tuple[NewFile | None, Errors]:
    """A new file from its name and base64 content, or the problems with them."""
    problems = _name_problems(name)
    if not isinstance(content, str) or not content:
        problems["content_base64"] = ["This field is required."]
    if problems:
        return None, problems
    try:
        data = decode_base64(content)
    except ValueError as exc:
        return None, {"content_base64": [str(exc)]}
    return check_raw_file(name, data, field="content_base64")


def check_raw_file(name: Any, data: bytes, field: str = "file") -> tuple[NewFile | None, Errors]:
    problems = _name_problems(name)
    if problems:
        return None, problems
    problem = kb_content_problem(name, data)
    if problem:
        return None, {field: [problem]}
    return NewFile(name=name.strip(), content=data), {}


def _name_problems(name: Any) -> Errors:
    if not isinstance(name, str) or not name.strip():
        return {"file_name": ["This field is required."]}
    if kb_file_type(name) is None:
        return {"file_name": [f"File type not supported; use one of: {', '.join(KB_TYPES)}."]}
    return {}


async def plan_files(
    session: AsyncSession, agent_id: int | None, items: Sequence[dict[str, Any]]
) -> tuple[set[int], list[NewFile], list[Errors] | None]:
    existing = set(await file_ids(session, agent_id))
    keep: set[int] = set()
    new: list[NewFile] = []
    errors: list[Errors] = []
    for item in items:
        if item.get("id") is not None:
            ok = item["id"] in existing
            errors.append(
                {} if ok else {"id": [f'Invalid pk "{item["id"]}" - object does not exist.']}
            )
            keep.add(item["id"])
            continue
        made, problems = check_new_file(
            item.get("file_name") or item.get("name"), item.get("content_base64")
        )
        errors.append(problems)
        if made:
            new.append(made)
    return keep, new, (errors if any(errors) else None)


async def file_ids(session: AsyncSession, agent_id: int | None) -> list[int]:
    if agent_id is None:
        return []
    rows = await session.scalars(
        select(KnowledgeBaseFile.id).where(KnowledgeBaseFile.agent_id == agent_id)
    )
    return list(rows)


async def apply_files(
    session: AsyncSession, agent_id: int, keep: set[int], new: Sequence[NewFile]
) -> list[KnowledgeBaseFile]:
    await session.execute(
        delete(KnowledgeBaseFile).where(
            KnowledgeBaseFile.agent_id == agent_id, KnowledgeBaseFile.id.not_in(keep)
        )
    )
    return await add_files(session, agent_id, new)


async def add_files(
    session: AsyncSession, agent_id: int, new: Sequence[NewFile]
) -> list[KnowledgeBaseFile]:
    rows = [
        KnowledgeBaseFile(
            agent_id=agent_id,
            file_name=f.name,
            file_type=kb_file_type(f.name) or "",
            file_size=len(f.content),
            content=f.content,
        )
        for f in new
    ]
    session.add_all(rows)
    await session.flush()
    return rows


async def serialize_files(
    session: AsyncSession, agent_id: int, base_url: str
) -> list[dict[str, Any]]:
    rows = await session.execute(
        select(
            KnowledgeBaseFile.id,
            KnowledgeBaseFile.file_name,
            KnowledgeBaseFile.file_type,
            KnowledgeBaseFile.file_size,
            KnowledgeBaseFile.created_at,
        )
        .where(KnowledgeBaseFile.agent_id == agent_id)
        .order_by(KnowledgeBaseFile.id)
    )
    return [
        file_json(agent_id, base_url, r.id, r.file_name, r.file_type, r.file_size, r.created_at)
        for r in rows
    ]


def read_file(row: KnowledgeBaseFile, base_url: str) -> dict[str, Any]:
    return file_json(
        row.agent_id, base_url, row.id, row.file_name, row.file_type, row.file_size, row.created_at
    )


def file_json(
    agent_id: int, base_url: str, file_id: int, name: str, ext: str, size: int, created: Any
) -> dict[str, Any]:
    url = (
        f"{base_url.rstrip('/')}/test_framework/v1/aiagents/{agent_id}"
        f"/knowledge_base/{file_id}/{quote(name)}"
    )
    return {
        "id": file_id,
        "agent": agent_id,
        "file": url,
        "file_url": url,
        "file_name": name,
        "file_type": KB_TYPES.get(ext, "application/octet-stream"),
        "file_size": size,
        "created_at": iso(created),
        "updated_at": iso(created),  # files are immutable
    }

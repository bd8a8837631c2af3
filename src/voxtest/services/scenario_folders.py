"""Scenario folders: dot paths ("Sales.Inbound") per project. A folder's parent must exist;
renaming or moving a folder carries its sub-folders and their scenarios along."""

from __future__ import annotations

from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from voxtest.api.pagination import PageRequest
from voxtest.errors import ValidationFailed
from voxtest.services.common import iso
from voxtest.storage.tables import Scenario, ScenarioFolder
from voxtest.storage.tables.base import utcnow

MAX_NAME = 100
MAX_PATH = 1024


def serialize(row: ScenarioFolder) -> dict[str, Any]:
    return {
        "name": leaf(row.path),
        "path": row.path,
        "created_at": iso(row.created_at),
        "updated_at": iso(row.updated_at),
    }


def leaf(path: str) -> str:
    return path.rsplit(".", 1)[-1]


def parent_of(path: str) -> str:
    return path.rsplit(".", 1)[0] if "." in path else ""


def join(parent: str | None, name: str) -> str:
    return f"{parent}.{name}" if parent else name


def name_problem(name: Any) -> str | None:
    if not isinstance(name, str) or not name.strip():
        return "This field may not be blank."
    if "." in name:
        return 'A folder name cannot contain "." (it separates path levels).'
    if len(name) > MAX_NAME:
        return f"Ensure this field has no more than {MAX_NAME} characters."
    return None


async def folder_exists(session: AsyncSession, project_id: int, path: str) -> bool:
    return await _folder(session, project_id, path) is not None


async def list_folders(
    session: AsyncSession,
    project_id: int,
    page: PageRequest,
    parent_path: str | None,
    search: str | None,
) -> dict[str, Any]:
    rows = list(
        (
            await session.scalars(
                select(ScenarioFolder)
                .where(ScenarioFolder.project_id == project_id)
                .order_by(ScenarioFolder.path)
            )
        ).all()
    )
    if parent_path is not None:
        rows = [r for r in rows if parent_of(r.path) == parent_path.strip()]
    if search:
        rows = [r for r in rows if search.lower() in leaf(r.path).lower()]
    page.check(len(rows))
    chosen = rows[page.offset : page.offset + page.page_size]
    return page.respond(len(rows), [serialize(r) for r in chosen])


async def create_folder(
    session: AsyncSession, project_id: int, name: Any, parent_path: str | None
) -> dict[str, Any]:
    errors: dict[str, list[str]] = {}
    problem = name_problem(name)
    if problem:
        errors["name"] = [problem]
    if parent_path and not await folder_exists(session, project_id, parent_path):
        errors["parent_path"] = [f"Folder {parent_path!r} does not exist."]
    if errors:
        raise ValidationFailed(errors)
    path = join(parent_path, name.strip())
    await _check_free(session, project_id, path, "name")
    row = ScenarioFolder(project_id=project_id, path=path)
    session.add(row)
    await session.flush()
    return serialize(row)


async def rename_folder(
    session: AsyncSession, project_id: int, path: str, name: Any
) -> dict[str, Any]:
    row = await _existing(session, project_id, path)
    problem = name_problem(name)
    if problem:
        raise ValidationFailed({"name": [problem]})
    return await _relocate(session, row, join(parent_of(row.path), name.strip()), "name")


async def move_folder(
    session: AsyncSession, project_id: int, path: str, new_parent: str | None
) -> dict[str, Any]:
    row = await _existing(session, project_id, path)
    new_parent = (new_parent or "").strip()
    if new_parent == row.path or new_parent.startswith(row.path + "."):
        raise ValidationFailed({"new_parent_path": ["A folder cannot move into itself."]})
    if new_parent and not await folder_exists(session, project_id, new_parent):
        raise ValidationFailed({"new_parent_path": [f"Folder {new_parent!r} does not exist."]})
    return await _relocate(session, row, join(new_parent, leaf(row.path)), "new_parent_path")


async def delete_folder(session: AsyncSession, project_id: int, path: str) -> None:
    """Delete the folder, its sub-folders and the scenarios in them."""
    row = await _existing(session, project_id, path)
    await session.execute(
        delete(Scenario).where(
            Scenario.project_id == project_id, _under(Scenario.folder_path, row.path)
        )
    )
    await session.execute(
        delete(ScenarioFolder).where(
            ScenarioFolder.project_id == project_id, _under(ScenarioFolder.path, row.path)
        )
    )


async def ensure_folder(session: AsyncSession, project_id: int, path: str) -> None:
    """Create `path` and any missing ancestors (duplicate copies into new folders)."""
    parts = path.split(".")
    for depth in range(1, len(parts) + 1):
        prefix = ".".join(parts[:depth])
        if not await folder_exists(session, project_id, prefix):
            session.add(ScenarioFolder(project_id=project_id, path=prefix))
            await session.flush()


def path_problem(path: Any) -> str | None:
    if not isinstance(path, str) or not path:
        return "This field may not be blank."
    if len(path) > MAX_PATH:
        return f"Ensure this field has no more than {MAX_PATH} characters."
    return next((name_problem(p) for p in path.split(".") if name_problem(p)), None)


async def _relocate(
    session: AsyncSession, row: ScenarioFolder, new_path: str, field: str
) -> dict[str, Any]:
    old = row.path
    if new_path == old:
        return serialize(row)
    if new_path.lower() != old.lower():
        await _check_free(session, row.project_id, new_path, field)
    folders = await session.scalars(
        select(ScenarioFolder).where(
            ScenarioFolder.project_id == row.project_id, _under(ScenarioFolder.path, old)
        )
    )
    now = utcnow()
    for folder in folders:
        folder.path = new_path + folder.path[len(old) :]
        folder.updated_at = now
    scenarios = await session.scalars(
        select(Scenario).where(
            Scenario.project_id == row.project_id, _under(Scenario.folder_path, old)
        )
    )
    for scenario in scenarios:
        assert scenario.folder_path is not None
        scenario.folder_path = new_path + scenario.folder_path[len(old) :]
    await session.flush()
    await session.refresh(row)
    return serialize(row)


async def _existing(session: AsyncSession, project_id: int, path: str) -> ScenarioFolder:
    row = await _folder(session, project_id, path)
    if row is None:
        raise ValidationFailed({"path": [f"Folder {path!r} does not exist."]})
    return row


async def _check_free(session: AsyncSession, project_id: int, path: str, field: str) -> None:
    taken = await session.scalar(
        select(func.count())
        .select_from(ScenarioFolder)
        .where(
            ScenarioFolder.project_id == project_id, func.lower(ScenarioFolder.path) == path.lower()
        )
    )
    if taken:
        raise ValidationFailed({field: [f"A folder {path!r} already exists."]})


async def _folder(session: AsyncSession, project_id: int, path: str) -> ScenarioFolder | None:
    row: ScenarioFolder | None = await session.scalar(
        select(ScenarioFolder).where(
            ScenarioFolder.project_id == project_id, ScenarioFolder.path == path
        )
    )
    return row


def _under(column: Any, path: str) -> Any:
    """`column` is `path` or a path below it."""
    return (column == path) | column.startswith(path + ".", autoescape=True)

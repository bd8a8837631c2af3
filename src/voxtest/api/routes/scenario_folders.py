"""Scenario folders under every scenarios alias: list, create, rename, move, delete.

Mounted before routes/scenarios.py so `folders/` is not taken for a scenario id.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Response

from voxtest.api.auth import PrincipalDep
from voxtest.api.deps import ServicesDep
from voxtest.api.pagination import PageDep
from voxtest.api.routes.scenarios import ALL
from voxtest.api.routing import family, operation
from voxtest.api.wire._generated import (
    DeleteFolderRequestWrite,
    MoveFolderRequestWrite,
    RenameFolderRequestWrite,
    ScenarioFolderCreateWrite,
)
from voxtest.services import scenario_folders as folders
from voxtest.services.projects import get_project_row

router = APIRouter(tags=["test_framework"])


@operation(router, "GET", family(*ALL, suffix="folders/"), summary="List scenario folders")
async def list_folders(
    project_id: int,
    principal: PrincipalDep,
    services: ServicesDep,
    page: PageDep,
    parent_path: str | None = None,
    search: str | None = None,
) -> Any:
    async with services.db.session() as session:
        project = await get_project_row(session, principal, project_id)
        return await folders.list_folders(session, project.id, page, parent_path, search)


@operation(
    router, "POST", family(*ALL, suffix="create_folder/"), status_code=201, summary="New folder"
)
async def create_folder(
    body: ScenarioFolderCreateWrite, principal: PrincipalDep, services: ServicesDep
) -> Any:
    body.require()
    async with services.db.session() as session:
        project = await get_project_row(session, principal, body.project_id or 0)
        return await folders.create_folder(session, project.id, body.name, body.parent_path)


@operation(router, "POST", family(*ALL, suffix="rename_folder/"), summary="Rename a folder")
async def rename_folder(
    body: RenameFolderRequestWrite, principal: PrincipalDep, services: ServicesDep
) -> Any:
    body.require()
    async with services.db.session() as session:
        project = await get_project_row(session, principal, body.project_id or 0)
        return await folders.rename_folder(session, project.id, body.path or "", body.name)


@operation(router, "POST", family(*ALL, suffix="move_folder/"), summary="Move a folder")
async def move_folder(
    body: MoveFolderRequestWrite, principal: PrincipalDep, services: ServicesDep
) -> Any:
    body.require()
    async with services.db.session() as session:
        project = await get_project_row(session, principal, body.project_id or 0)
        return await folders.move_folder(session, project.id, body.path or "", body.new_parent_path)


@operation(
    router, "POST", family(*ALL, suffix="delete_folder/"), status_code=204, summary="Delete folder"
)
async def delete_folder(
    body: DeleteFolderRequestWrite, principal: PrincipalDep, services: ServicesDep
) -> Response:
    body.require()
    async with services.db.session() as session:
        project = await get_project_row(session, principal, body.project_id or 0)
        await folders.delete_folder(session, project.id, body.path or "")
    return Response(status_code=204)

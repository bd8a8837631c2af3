"""Voice runs' recordings (`voice_recording_url`): a voxtest endpoint, not in Cekura's
reference, served to the run's organization only (same API keys as every other call)."""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter
from starlette.responses import FileResponse

from voxtest.api.auth import PrincipalDep
from voxtest.api.deps import ServicesDep
from voxtest.errors import NotFound
from voxtest.services import tenancy
from voxtest.storage.tables import Run

router = APIRouter(tags=["voxtest"])


@router.get("/voxtest/v1/runs/{id}/recording.wav", include_in_schema=False)
async def run_recording(id: int, principal: PrincipalDep, services: ServicesDep) -> FileResponse:
    async with services.db.session() as session:
        run = await tenancy.owned(session, principal, Run, id)
        voice = (run.details or {}).get("voice") or {}
    relative = str((voice.get("recording") or {}).get("path") or "")
    home = services.settings.home.resolve()
    path = (home / relative).resolve()
    if not relative or home not in path.parents or not path.is_file():
        raise NotFound("This run has no recording.")
    return FileResponse(Path(path), media_type="audio/wav", filename=f"run-{id}.wav")

"""voxtest's own endpoints, not in Cekura's reference, for the owner's API keys only: voice
runs' recordings (`voice_recording_url`) and a result's reliability report."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import APIRouter
from starlette.responses import FileResponse

from voxtest.api.auth import PrincipalDep
from voxtest.api.deps import ServicesDep
from voxtest.errors import NotFound
from voxtest.services import tenancy
from voxtest.services.result_reliability import reliability_report
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


@router.get("/voxtest/v1/results/{id}/reliability/", include_in_schema=False)
async def result_reliability(id: int, principal: PrincipalDep, services: ServicesDep) -> Any:
    """Per scenario: pass rate with its Wilson 95 % interval, and pass^k (k = 1..runs)."""
    async with services.db.session() as session:
        return await reliability_report(session, principal, id)

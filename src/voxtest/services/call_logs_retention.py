"""Deleting what production-call jobs leave on disk once it is no longer wanted.

Finished exports are kept `VOXTEST_EXPORT_RETENTION_HOURS` after they were written; then the
file is deleted and the job turns `expired` (its progress and download say so). Uploaded
recordings that no `complete-upload/` took are deleted `VOXTEST_UPLOAD_RETENTION_HOURS`
after they were written (never before their upload URL expired, so a spent URL stays
spent). Every serving process sweeps about every `SWEEP_EVERY_S`; a sweep is idempotent, so
two processes sweeping at once do no harm.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from sqlalchemy import select

from voxtest.context import Services
from voxtest.services.call_logs_upload import STAGING
from voxtest.settings import Settings
from voxtest.storage.tables import CallLogJob
from voxtest.storage.tables.base import utcnow

SWEEP_EVERY_S = 600.0
EXPIRED = "expired"


@dataclass(frozen=True)
class Swept:
    exports: int
    uploads: int


async def sweep(services: Services) -> Swept:
    """Delete expired export files and abandoned uploads; how many of each."""
    exports = await _expire_exports(services)
    uploads = await asyncio.to_thread(_remove_stale_uploads, services.settings, time.time())
    return Swept(exports, uploads)


async def _expire_exports(services: Services) -> int:
    settings = services.settings
    cutoff = utcnow() - timedelta(hours=settings.export_retention_hours)
    async with services.db.session() as session:
        rows = list(
            await session.scalars(
                select(CallLogJob).where(
                    CallLogJob.kind == "export",
                    CallLogJob.state == "done",
                    CallLogJob.updated_at < cutoff,
                )
            )
        )
        for job in rows:
            if job.result_path:
                (settings.home / job.result_path).unlink(missing_ok=True)
            job.state, job.result_path = EXPIRED, None
    return len(rows)


def _remove_stale_uploads(settings: Settings, now: float) -> int:
    keep_s = max(settings.upload_retention_hours * 3600, float(settings.upload_url_ttl_seconds))
    root = settings.home / STAGING
    removed = 0
    for path in root.glob("*/*") if root.is_dir() else ():
        if _older_than(path, now - keep_s):
            path.unlink(missing_ok=True)
            removed += 1
    return removed


def _older_than(path: Path, cutoff: float) -> bool:
    try:
        return path.is_file() and path.stat().st_mtime < cutoff
    except FileNotFoundError:  # taken by complete-upload/ meanwhile
        return False

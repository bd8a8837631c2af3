"""Uploaded call recordings, kept as files under `VOXTEST_HOME/recordings/<org>/`."""

from __future__ import annotations

import uuid
from pathlib import Path

from voxtest.settings import Settings
from voxtest.storage.tables import CallLog

AUDIO_TYPES = {".mp3", ".wav", ".m4a", ".ogg", ".oga", ".opus", ".flac", ".webm", ".aac", ".mp4"}
MEDIA_TYPES = {
    ".mp3": "audio/mpeg",
    ".wav": "audio/wav",
    ".m4a": "audio/mp4",
    ".mp4": "audio/mp4",
    ".ogg": "audio/ogg",
    ".oga": "audio/ogg",
    ".opus": "audio/opus",
    ".flac": "audio/flac",
    ".webm": "audio/webm",
    ".aac": "audio/aac",
}


def check(filename: str, data: bytes, settings: Settings) -> dict[str, list[str]]:
    suffix = Path(filename or "").suffix.lower()
    if suffix not in AUDIO_TYPES:
        kinds = ", ".join(sorted(AUDIO_TYPES))
        return {"voice_recording": [f"Upload an audio file ({kinds})."]}
    if not data:
        return {"voice_recording": ["The submitted file is empty."]}
    if len(data) > settings.recording_max_bytes:
        limit = settings.recording_max_bytes // 1_000_000
        return {"voice_recording": [f"A recording may be at most {limit} MB."]}
    return {}


def store(settings: Settings, row: CallLog, filename: str, data: bytes) -> str:
    """Write the file; returns its path relative to VOXTEST_HOME."""
    relative = (
        Path("recordings")
        / str(row.organization_id)
        / (f"{row.id}-{uuid.uuid4().hex[:12]}{Path(filename).suffix.lower()}")
    )
    target = settings.home / relative
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)
    return str(relative)


def path_of(settings: Settings, row: CallLog) -> Path | None:
    if not row.recording_path:
        return None
    path = settings.home / row.recording_path
    return path if path.is_file() else None


def remove(settings: Settings, row: CallLog) -> None:
    path = path_of(settings, row)
    if path is not None:
        path.unlink(missing_ok=True)
    row.recording_path = None

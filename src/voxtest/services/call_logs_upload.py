"""Signed recording uploads: voxtest is its own object store.

`get-upload-url/` hands out a URL on voxtest that accepts one PUT of an audio file: the
token names the organization, a fresh file key, the file's suffix and an expiry, signed
with HMAC-SHA256 under a key derived from the instance's secret key. The PUT needs no API
key (the signature is the authority), is refused once the file exists or the URL expired,
and is capped at `VOXTEST_RECORDING_MAX_BYTES`. `complete-upload/` then hands the staged
file to a call log: an existing one (`call_log_id`) or a new one ingested like `observe/`.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import time
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

from voxtest.errors import ApiError, NotFound, PayloadTooLarge, PermissionDenied, ValidationFailed
from voxtest.security.secretbox import load_or_create_key
from voxtest.services import call_logs_recordings as recordings
from voxtest.settings import Settings

UPLOAD_PATH = "/observability/v1/call-logs/uploads/{token}/"
STAGING = Path("uploads")


class UploadConflict(ApiError):
    status_code = 409


@dataclass(frozen=True)
class UploadTicket:
    organization_id: int
    file_key: str
    suffix: str
    expires_at: int


def _signing_key(settings: Settings) -> bytes:
    return hashlib.sha256(b"voxtest-upload-url:" + load_or_create_key(settings)).digest()


def _sign(settings: Settings, payload: str) -> str:
    digest = hmac.new(_signing_key(settings), payload.encode(), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest).decode().rstrip("=")


def issue(settings: Settings, organization_id: int, filename: str) -> tuple[UploadTicket, str]:
    """A new ticket for an audio file named like `filename`, and its signed upload URL."""
    suffix = Path(filename or "").suffix.lower()
    if suffix not in recordings.AUDIO_TYPES:
        kinds = ", ".join(sorted(recordings.AUDIO_TYPES))
        raise ValidationFailed({"file_name": [f"Name an audio file ({kinds})."]})
    expires = int(time.time()) + settings.upload_url_ttl_seconds
    ticket = UploadTicket(organization_id, uuid.uuid4().hex, suffix, expires)
    payload = f"{organization_id}.{ticket.file_key}.{suffix.lstrip('.')}.{expires}"
    token = f"{payload}.{_sign(settings, payload)}"
    url = settings.public_base_url.rstrip("/") + UPLOAD_PATH.format(token=token)
    return ticket, url


def verify(settings: Settings, token: str, now: float | None = None) -> UploadTicket:
    """The ticket `token` carries; 403 when the signature is wrong or it expired (by `now`,
    default the wall clock)."""
    payload, _, signature = token.rpartition(".")
    if not payload or not hmac.compare_digest(_sign(settings, payload), signature):
        raise PermissionDenied("The upload URL's signature is not valid.")
    org, key, suffix, expires = payload.split(".")
    if int(expires) < (time.time() if now is None else now):
        raise PermissionDenied("The upload URL has expired; ask get-upload-url/ for a new one.")
    return UploadTicket(int(org), key, f".{suffix}", int(expires))


def staged_path(settings: Settings, organization_id: int, file_key: str) -> Path | None:
    """The uploaded file for `file_key` of this organization, when it was uploaded."""
    if not file_key or not file_key.isalnum():
        return None
    folder = settings.home / STAGING / str(organization_id)
    found = sorted(folder.glob(f"{file_key}.*")) if folder.is_dir() else []
    return next((p for p in found if not p.name.endswith(".part")), None)


async def receive(settings: Settings, ticket: UploadTicket, body: AsyncIterator[bytes]) -> int:
    """Write the PUT body once for `ticket`; returns the size."""
    folder = settings.home / STAGING / str(ticket.organization_id)
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{ticket.file_key}{ticket.suffix}"
    partial = folder / f"{ticket.file_key}{ticket.suffix}.part"
    try:
        fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        raise UploadConflict("This upload URL was used already.") from None
    if target.exists():
        os.close(fd)
        raise UploadConflict("This upload URL was used already.")
    size, limit = 0, settings.recording_max_bytes
    with os.fdopen(fd, "wb") as out:
        async for chunk in body:
            size += len(chunk)
            if size > limit:
                break
            out.write(chunk)
    if size > limit or size == 0:
        partial.write_bytes(b"")  # keeps the URL spent
        if size == 0:
            raise ValidationFailed({"file": ["The submitted file is empty."]})
        raise PayloadTooLarge(f"A recording may be at most {limit // 1_000_000} MB.")
    partial.rename(target)
    return size


def staged(settings: Settings, organization_id: int, file_key: str) -> tuple[Path, bytes]:
    """The staged file and its bytes (404 when nothing was uploaded); the caller deletes the
    file once it is attached, so a rejected `complete-upload/` can be sent again."""
    path = staged_path(settings, organization_id, file_key)
    if path is None:
        raise NotFound("Nothing was uploaded under this file_key.")
    return path, path.read_bytes()

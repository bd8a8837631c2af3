"""Presigned recording uploads under every call-log alias: `get-upload-url/` gives a signed
PUT URL on voxtest (`services.call_logs_upload`), the PUT itself (no API key: the signature
is the authority), and `complete-upload/`, which attaches the file to a call log or creates
one through the `observe/` ingest."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from fastapi import APIRouter, Request

from voxtest.api.auth import PrincipalDep
from voxtest.api.deps import ServicesDep
from voxtest.api.routes.call_logs import BASES, DETAIL_BODY, details, wake
from voxtest.api.routes.observability import read_fields
from voxtest.api.routing import family, operation
from voxtest.errors import ValidationFailed
from voxtest.services import call_logs
from voxtest.services import call_logs_recordings as recordings
from voxtest.services import call_logs_upload as uploads
from voxtest.services.call_logs_ingest import Incoming, Recording, ingest

router = APIRouter(tags=["observability"])


@operation(
    router,
    "POST",
    family(*BASES, suffix="get-upload-url/"),
    summary="A signed URL to upload a recording to",
    openapi_extra=DETAIL_BODY,
)
async def get_upload_url(request: Request, principal: PrincipalDep, services: ServicesDep) -> Any:
    fields, _ = await read_fields(request)
    name = fields.get("file_name") or fields.get("filename") or ""
    ticket, url = uploads.issue(services.settings, principal.organization_id, str(name))
    return {
        "upload_url": url,
        "method": "PUT",
        "file_key": ticket.file_key,
        "expires_at": datetime.fromtimestamp(ticket.expires_at, UTC).isoformat(),
        "max_bytes": services.settings.recording_max_bytes,
        "headers": {"Content-Type": recordings.MEDIA_TYPES[ticket.suffix]},
    }


@router.put(uploads.UPLOAD_PATH, include_in_schema=False)
async def put_upload(token: str, request: Request, services: ServicesDep) -> Any:
    ticket = uploads.verify(services.settings, token)
    size = await uploads.receive(services.settings, ticket, request.stream())
    return {"file_key": ticket.file_key, "size": size}


@operation(
    router,
    "POST",
    family(*BASES, suffix="complete-upload/"),
    summary="Attach an uploaded recording to a call",
    openapi_extra=DETAIL_BODY,
)
async def complete_upload(request: Request, principal: PrincipalDep, services: ServicesDep) -> Any:
    fields, _ = await read_fields(request)
    file_key = str(fields.pop("file_key", "") or "")
    if not file_key:
        raise ValidationFailed({"file_key": ["This field is required."]})
    call_log_id = fields.pop("call_log_id", None) or fields.pop("id", None)
    settings = services.settings
    staged, data = uploads.staged(settings, principal.organization_id, file_key)
    async with services.db.session() as session:
        if call_log_id is not None:
            row = await call_logs.owned(session, principal, _int(call_log_id))
            recordings.remove(settings, row)
            row.recording_path = recordings.store(settings, row, staged.name, data)
        else:
            incoming = Incoming(fields, Recording(staged.name, data))
            row = await ingest(session, principal, settings, incoming)
        await session.flush()
        answer = (await details(session, services, [row]))[0]
    staged.unlink(missing_ok=True)
    wake(request)
    return answer


def _int(value: Any) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        raise ValidationFailed({"call_log_id": ["A valid integer is required."]}) from None

"""Reading `upload_knowledge_base/` bodies: multipart `files`, or JSON with base64 content."""

from __future__ import annotations

from typing import Any

from fastapi import Request
from starlette.datastructures import UploadFile

from voxtest.domain.agent_rules import KB_MAX_BYTES, Errors
from voxtest.errors import ValidationFailed
from voxtest.services.agent_children import NewFile, check_new_file, check_raw_file

_JSON_FILE = {
    "type": "object",
    "required": ["name", "content_base64"],
    "properties": {
        "name": {"type": "string", "description": "Filename including extension."},
        "content_base64": {"type": "string", "description": "Base64 content or a data URI."},
    },
}
UPLOAD_BODY: dict[str, Any] = {
    "required": True,
    "content": {
        "application/json": {
            "schema": {
                "type": "object",
                "required": ["files"],
                "properties": {"files": {"type": "array", "items": _JSON_FILE}},
            }
        },
        "multipart/form-data": {
            "schema": {
                "type": "object",
                "required": ["files"],
                "properties": {
                    "files": {"type": "array", "items": {"type": "string", "format": "binary"}}
                },
            }
        },
    },
}


async def read_upload(request: Request) -> list[NewFile]:
    """The files of the request, checked; one 400 listing every problem otherwise."""
    if request.headers.get("content-type", "").startswith("multipart/form-data"):
        return await _multipart(request)
    return await _json(request)


async def _multipart(request: Request) -> list[NewFile]:
    made: list[NewFile] = []
    errors: list[Errors] = []
    async with request.form() as form:
        parts = [p for p in form.getlist("files") if isinstance(p, UploadFile)]
        for part in parts:
            data = await part.read(KB_MAX_BYTES + 1)
            new, problems = check_raw_file(part.filename, data)
            errors.append(problems)
            if new:
                made.append(new)
    if not parts:
        raise ValidationFailed({"files": ["No file was submitted."]})
    if any(errors):
        raise ValidationFailed({"files": errors})
    return made


async def _json(request: Request) -> list[NewFile]:
    try:
        body = await request.json()
    except ValueError as exc:
        raise ValidationFailed({"non_field_errors": [f"JSON parse error - {exc}"]}) from None
    items = body.get("files") if isinstance(body, dict) else None
    if not isinstance(items, list) or not items:
        raise ValidationFailed({"files": ["This field is required."]})
    made: list[NewFile] = []
    errors: list[Errors] = []
    for item in items:
        item = item if isinstance(item, dict) else {}
        new, problems = check_new_file(item.get("name"), item.get("content_base64"))
        if "file_name" in problems:
            problems["name"] = problems.pop("file_name")
        errors.append(problems)
        if new:
            made.append(new)
    if any(errors):
        raise ValidationFailed({"files": errors})
    return made

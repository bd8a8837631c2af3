"""Downloading a call's recording from its `voice_recording_url`, in the background.

The URL is a user's input, checked as webhook URLs are: http(s), no credentials, and every
address the host resolves to must be public unless `VOXTEST_ALLOW_PRIVATE_URLS`; the request
goes to the checked address (redirects are not followed). The answer must be audio (by its
content type or the URL's extension), at most `VOXTEST_RECORDING_FETCH_MAX_BYTES`, within
`VOXTEST_RECORDING_FETCH_TIMEOUT_SECONDS`. It is stored as an uploaded recording is. A
failure is noted on the call (`error_message`, `attrs.recording_fetch`); the call stays.
"""

from __future__ import annotations

import asyncio
from pathlib import PurePosixPath
from typing import Any

import httpx
from sqlalchemy.ext.asyncio import AsyncSession

from voxtest import net
from voxtest.context import Services
from voxtest.services import call_logs_jobs as jobs
from voxtest.services import call_logs_recordings as recordings
from voxtest.settings import Settings
from voxtest.storage.tables import CallLog, CallLogJob
from voxtest.urls import url_problem

SUFFIX_OF_TYPE = {kind: suffix for suffix, kind in reversed(recordings.MEDIA_TYPES.items())}
SUFFIX_OF_TYPE.update({"audio/x-wav": ".wav", "audio/wave": ".wav", "audio/mp3": ".mp3"})


class FetchFailed(Exception):
    pass


async def queue_fetch(session: AsyncSession, row: CallLog) -> None:
    """Queue the download of `row`'s recording URL (after the row is flushed)."""
    await jobs.enqueue(
        session, row.organization_id, "recording", {"call_log_id": row.id}, {"state": "queued"}
    )
    row.attrs = {**(row.attrs or {}), "recording_fetch": {"state": "queued"}}


async def run_fetch(services: Services, job: CallLogJob) -> str | None:
    async with services.db.session() as session:
        row = await session.get(CallLog, job.params["call_log_id"])
        url = row.voice_recording_url if row else None
    if row is None or not url:
        return None  # the call (or its URL) is gone
    try:
        suffix, data = await download(services.settings, url)
    except FetchFailed as exc:
        await _note(services, row.id, {"state": "failed", "error": str(exc)}, str(exc))
        return None
    async with services.db.session() as session:
        fresh = await session.get(CallLog, row.id)
        if fresh is None:
            return None
        if fresh.recording_path:
            recordings.remove(services.settings, fresh)
        fresh.recording_path = recordings.store(services.settings, fresh, f"call{suffix}", data)
        fresh.attrs = {
            **(fresh.attrs or {}),
            "recording_fetch": {"state": "done", "bytes": len(data)},
        }
    return None


async def download(settings: Settings, url: str) -> tuple[str, bytes]:
    """The recording's suffix and bytes, or FetchFailed saying why."""
    problem = url_problem(url)
    if problem:
        raise FetchFailed(problem)
    target = httpx.URL(url)
    timeout_s = settings.recording_fetch_timeout_seconds
    try:
        async with (
            asyncio.timeout(timeout_s),
            httpx.AsyncClient(follow_redirects=False) as client,
            net.stream(
                client,
                "GET",
                target,
                allow_private=settings.allow_private_urls,
                headers={"Accept": "audio/*"},
                timeout=timeout_s,
            ) as response,
        ):
            return await _read_recording(response, target, settings.recording_fetch_max_bytes)
    except net.DialFailed as exc:
        raise FetchFailed(str(exc)) from None
    except TimeoutError:
        raise FetchFailed(f"The recording did not download within {timeout_s:g} s.") from None
    except httpx.HTTPError as exc:
        raise FetchFailed(f"GET {_shown(target)} failed: {exc or type(exc).__name__}") from None


async def _read_recording(
    response: httpx.Response, url: httpx.URL, limit: int
) -> tuple[str, bytes]:
    if response.status_code != 200:
        raise FetchFailed(f"GET {_shown(url)} answered HTTP {response.status_code}.")
    suffix = audio_suffix(response.headers.get("content-type", ""), url.path)
    if suffix is None:
        kind = response.headers.get("content-type", "no content type")
        raise FetchFailed(f"{_shown(url)} is not an audio file ({kind}).")
    too_big = f"The recording is larger than {_size(limit)}."
    if int(response.headers.get("content-length") or 0) > limit:
        raise FetchFailed(too_big)
    data = bytearray()
    async for chunk in response.aiter_bytes():
        data += chunk
        if len(data) > limit:
            raise FetchFailed(too_big)
    if not data:
        raise FetchFailed(f"{_shown(url)} sent an empty file.")
    return suffix, bytes(data)


def audio_suffix(content_type: str, path: str) -> str | None:
    """The file suffix to store under: from an audio content type, else the URL's extension
    when the type says nothing (octet-stream or none)."""
    kind = content_type.split(";", 1)[0].strip().lower()
    if kind in SUFFIX_OF_TYPE:
        return SUFFIX_OF_TYPE[kind]
    from_path = PurePosixPath(path).suffix.lower()
    if from_path in recordings.AUDIO_TYPES and (
        kind in ("", "application/octet-stream", "binary/octet-stream") or kind.startswith("audio/")
    ):
        return from_path
    return None


async def _note(services: Services, call_log_id: int, state: dict[str, Any], error: str) -> None:
    async with services.db.session() as session:
        row = await session.get(CallLog, call_log_id)
        if row is None:
            return
        row.attrs = {**(row.attrs or {}), "recording_fetch": state}
        row.error_message = f"Recording download failed: {error}"[:2000]


def _size(limit: int) -> str:
    return f"{limit // 1_000_000} MB" if limit >= 1_000_000 else f"{limit // 1000} kB"


def _shown(url: httpx.URL) -> str:
    """The URL without its query (it may carry a token)."""
    return str(url.copy_with(query=None))

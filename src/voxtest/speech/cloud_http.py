"""The HTTP side every cloud speech engine shares: one httpx client, errors in user words.

A failed request becomes a `SpeechError` naming the engine and what to do: a rejected key
names its setting, 408/429/5xx and network failures are `retryable` (retried once here after
a short pause), other 4xx carry the vendor's message (shortened). Keys go only into headers;
neither keys nor the spoken text are logged.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Mapping
from typing import Any, Protocol

import httpx

from voxtest.speech.base import SpeechError

log = logging.getLogger("voxtest.speech")

RETRY_PAUSE_S = 0.25
RETRYABLE_STATUS = frozenset({408, 409, 429, 500, 502, 503, 504})


class Endpoint(Protocol):
    """What a cloud engine's config says about its API."""

    @property
    def base_url(self) -> str: ...

    @property
    def key_setting(self) -> str: ...

    @property
    def timeout_s(self) -> float: ...


class SpeechHttp:
    """POSTs to one vendor's API."""

    @classmethod
    def for_endpoint(
        cls,
        engine: str,
        endpoint: Endpoint,
        headers: Mapping[str, str],
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> SpeechHttp:
        return cls(
            engine,
            endpoint.base_url,
            headers,
            key_setting=endpoint.key_setting,
            timeout_s=endpoint.timeout_s,
            transport=transport,
        )

    def __init__(
        self,
        engine: str,
        base_url: str,
        headers: Mapping[str, str],
        *,
        key_setting: str,
        timeout_s: float = 30.0,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        self.engine = engine
        self.key_setting = key_setting
        self._client = httpx.AsyncClient(
            base_url=base_url.rstrip("/"),
            headers=dict(headers),
            timeout=timeout_s,
            transport=transport,
        )

    async def post(self, path: str, **request: Any) -> httpx.Response:
        """The answer to POST `path` (2xx), or SpeechError; one retry when retryable."""
        try:
            return await self._post_once(path, **request)
        except SpeechError as exc:
            if not exc.retryable:
                raise
            log.info("%s request failed, retrying once: %s", self.engine, exc.message)
        await asyncio.sleep(RETRY_PAUSE_S)
        return await self._post_once(path, **request)

    async def _post_once(self, path: str, **request: Any) -> httpx.Response:
        try:
            response = await self._client.post(path, **request)
        except httpx.TimeoutException:
            raise SpeechError(f"{self.engine} did not answer in time.", retryable=True)
        except httpx.HTTPError as exc:
            raise SpeechError(f"{self.engine} is unreachable: {exc}.", retryable=True)
        if response.is_success:
            return response
        raise self._status_error(response)

    def _status_error(self, response: httpx.Response) -> SpeechError:
        status = response.status_code
        if status in (401, 403):
            return SpeechError(f"{self.engine} rejected the API key ({self.key_setting}).")
        detail = response.text.strip().replace("\n", " ")[:300]
        return SpeechError(
            f"{self.engine} answered HTTP {status}: {detail or response.reason_phrase}",
            retryable=status in RETRYABLE_STATUS,
        )

    async def aclose(self) -> None:
        await self._client.aclose()

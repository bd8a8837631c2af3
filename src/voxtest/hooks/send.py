"""One delivery attempt: an HTTP POST of JSON to a checked URL, or an email over SMTP.

Webhook URLs are users' input: http(s) only, no credentials, and every address the host
resolves to must be public unless `VOXTEST_ALLOW_PRIVATE_URLS`; the request goes to the
checked address (`voxtest.net`) and redirects are not followed. Answers are read up to
`MAX_ANSWER_BYTES` and never stored beyond a short excerpt.
"""

from __future__ import annotations

import asyncio
import smtplib
import ssl
from collections.abc import Mapping
from dataclasses import dataclass
from email.message import EmailMessage
from typing import Any

import httpx

from voxtest import net
from voxtest.settings import Settings
from voxtest.urls import url_problem

MAX_ANSWER_BYTES = 65_536
EXCERPT = 300


@dataclass(frozen=True)
class Attempt:
    """How one attempt ended: the answer's status (None: no answer) and what went wrong."""

    status_code: int | None
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.status_code is not None and 200 <= self.status_code < 300


async def post_json(
    client: httpx.AsyncClient,
    url: str,
    body: Any,
    headers: Mapping[str, str],
    *,
    timeout_s: float,
    allow_private: bool,
) -> Attempt:
    """POST `body` to `url`; never raises for the receiver's or the network's failures."""
    problem = url_problem(url)
    if problem:
        return Attempt(None, f"{problem} ({net.shown(url)})")
    try:
        async with asyncio.timeout(timeout_s):
            return await _post(client, httpx.URL(url), body, headers, timeout_s, allow_private)
    except net.DialFailed as exc:
        return Attempt(None, str(exc))
    except TimeoutError:
        return Attempt(None, f"{net.shown(url)} gave no answer within {timeout_s:g} s.")


async def _post(
    client: httpx.AsyncClient,
    url: httpx.URL,
    body: Any,
    headers: Mapping[str, str],
    timeout_s: float,
    allow_private: bool,
) -> Attempt:
    try:
        async with net.stream(
            client,
            "POST",
            url,
            allow_private=allow_private,
            headers=dict(headers),
            json=body,
            timeout=timeout_s,
        ) as response:
            answer = await _read_some(response)
    except httpx.TimeoutException:
        return Attempt(None, f"{net.shown(str(url))} gave no answer within {timeout_s:g} s.")
    except httpx.HTTPError as exc:
        return Attempt(None, f"POST {net.shown(str(url))} failed: {exc or type(exc).__name__}")
    if 200 <= response.status_code < 300:
        return Attempt(response.status_code)
    excerpt = answer[:EXCERPT].decode("utf-8", "replace").strip()
    error = f"HTTP {response.status_code}" + (f": {excerpt}" if excerpt else "")
    return Attempt(response.status_code, error)


async def _read_some(response: httpx.Response) -> bytes:
    data = b""
    async for chunk in response.aiter_bytes():
        data += chunk
        if len(data) >= MAX_ANSWER_BYTES:
            break
    return data


@dataclass(frozen=True)
class Email:
    to: tuple[str, ...]
    subject: str
    text: str


async def send_email(settings: Settings, email: Email) -> Attempt:
    """Send through `VOXTEST_SMTP_*` (in a thread: smtplib blocks)."""
    if not settings.smtp_host:
        return Attempt(None, "No SMTP server is configured (VOXTEST_SMTP_HOST).")
    try:
        await asyncio.to_thread(_send_email_blocking, settings, email)
    except (OSError, smtplib.SMTPException) as exc:
        code = getattr(exc, "smtp_code", None)
        return Attempt(None, f"SMTP {code or 'error'}: {exc}"[:EXCERPT])
    return Attempt(250)


def _send_email_blocking(settings: Settings, email: Email) -> None:
    message = EmailMessage()
    message["From"] = settings.smtp_from
    message["To"] = ", ".join(email.to)
    message["Subject"] = email.subject
    message.set_content(email.text)
    timeout = settings.webhook_timeout_seconds
    smtp: smtplib.SMTP
    if settings.smtp_ssl:
        context = ssl.create_default_context()
        smtp = smtplib.SMTP_SSL(
            settings.smtp_host, settings.smtp_port, timeout=timeout, context=context
        )
    else:
        smtp = smtplib.SMTP(settings.smtp_host, settings.smtp_port, timeout=timeout)
    with smtp:
        if settings.smtp_starttls and not settings.smtp_ssl:
            smtp.starttls(context=ssl.create_default_context())
        if settings.smtp_username:
            password = settings.smtp_password.get_secret_value() if settings.smtp_password else ""
            smtp.login(settings.smtp_username, password)
        smtp.send_message(message)

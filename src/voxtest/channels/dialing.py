"""Opening a websocket to the agent under test, with failures worded for the user.

Shared by the chat (`text_ws`) and CHIRP (`chirp`) channels: HTTP answers to the upgrade,
bad URLs, timeouts and refused connections become the `ChannelError` tree, so a run's
`error_message` says what to fix and whether retrying can help. With private agent URLs
refused (`VOXTEST_ALLOW_PRIVATE_AGENT_URLS=false`) the host is checked as `voxtest.net` checks
every URL voxtest dials.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed, InvalidHandshake, InvalidStatus, InvalidURI

from voxtest import net
from voxtest.channels.base import (
    ChannelError,
    ConnectRefused,
    InvalidAddress,
    Unreachable,
)

CLOSE_ABNORMAL = 1006


@dataclass(frozen=True)
class Wording:
    """How one transport names itself in errors."""

    endpoint: str  # "websocket" | "CHIRP"
    refused: str  # what to check when the agent answers 401/403, e.g. "the secret (...)"
    refused_noun: str = "connection"  # "the agent refused the <noun>"


async def open_websocket(
    url: str,
    headers: dict[str, str],
    open_timeout_s: float,
    wording: Wording,
    *,
    allow_private: bool = True,
    **options: Any,
) -> ClientConnection:
    """`websockets.connect(url, ...)`, raising ChannelError subclasses on failure. Unless
    `allow_private`, the host must resolve to public addresses only and the connection goes
    to a checked address (the URL's host kept for the handshake and TLS)."""

    async def dial(target: dict[str, Any]) -> ClientConnection:
        return await connect(
            url, additional_headers=headers, open_timeout=open_timeout_s, **target, **options
        )

    try:
        *others, last = [{}] if allow_private else await _public_targets(url)
        for target in others:
            try:
                return await dial(target)
            except OSError as exc:  # refused: try the host's next address
                if isinstance(exc, TimeoutError):
                    raise
        return await dial(last)
    except net.NotPublic as exc:
        raise InvalidAddress(f"The agent's {_noun(wording)} URL cannot be dialled: {exc}") from None
    except net.DialFailed as exc:
        raise Unreachable(str(exc)) from None
    except InvalidStatus as exc:
        raise status_error(url, exc.response.status_code, wording) from None
    except InvalidURI as exc:
        raise InvalidAddress(f"The agent's {_noun(wording)} URL is not usable: {exc}") from None
    except InvalidHandshake as exc:
        raise ChannelError(
            f"{url} did not complete a websocket handshake ({exc}); is it a "
            f"{wording.endpoint} endpoint?",
            retryable=False,
        ) from None
    except TimeoutError:
        raise Unreachable(f"{url} did not answer within {open_timeout_s:g} s.") from None
    except OSError as exc:
        reason = exc.strerror or str(exc) or type(exc).__name__
        raise Unreachable(f"Could not reach {url}: {reason}.") from None


async def _public_targets(url: str) -> list[dict[str, Any]]:
    """`connect()` options for each public address of `url`'s host (no proxy: the checked
    address is the one dialled)."""
    parts = urlsplit(url)
    try:
        port = net.default_port(parts.scheme, parts.port)
    except ValueError:
        raise InvalidURI(url, "the port is not a number") from None
    addresses = await net.resolve(
        parts.hostname or "", port, allow_private=False, setting=net.PRIVATE_AGENT_URLS_SETTING
    )
    return [{"host": str(address), "port": port, "proxy": None} for address in addresses]


def _noun(wording: Wording) -> str:
    return "CHIRP websocket" if wording.endpoint == "CHIRP" else "websocket"


def status_error(url: str, status: int, wording: Wording) -> ChannelError:
    if status in (401, 403):
        return ConnectRefused(
            f"The agent at {url} refused the {wording.refused_noun} (HTTP {status}): check "
            f"{wording.refused}."
        )
    if 400 <= status < 500 and status not in (408, 429):
        return ChannelError(
            f"The agent at {url} rejected the websocket upgrade (HTTP {status}); check the URL.",
            retryable=False,
        )
    return Unreachable(f"The agent at {url} answered HTTP {status} instead of a websocket.")


def close_of(exc: ConnectionClosed, default_reason: str = "") -> tuple[int, str]:
    """The close code and reason of a closed connection (1006 when none was exchanged)."""
    frame = exc.rcvd or exc.sent
    if frame is None:
        return CLOSE_ABNORMAL, default_reason
    return frame.code, frame.reason

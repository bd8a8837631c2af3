"""Opening a websocket to the agent under test, with failures worded for the user.

Shared by the chat (`text_ws`) and CHIRP (`chirp`) channels: HTTP answers to the upgrade,
bad URLs, timeouts and refused connections become the `ChannelError` tree, so a run's
`error_message` says what to fix and whether retrying can help.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed, InvalidHandshake, InvalidStatus, InvalidURI

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
    url: str, headers: dict[str, str], open_timeout_s: float, wording: Wording, **options: Any
) -> ClientConnection:
    """`websockets.connect(url, ...)`, raising ChannelError subclasses on failure."""
    try:
        return await connect(
            url, additional_headers=headers, open_timeout=open_timeout_s, **options
        )
    except InvalidStatus as exc:
        raise status_error(url, exc.response.status_code, wording) from None
    except InvalidURI as exc:
        noun = "CHIRP websocket" if wording.endpoint == "CHIRP" else "websocket"
        raise InvalidAddress(f"The agent's {noun} URL is not usable: {exc}") from None
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

"""CHIRP, Cekura's raw-PCM voice websocket, as pure code: events, codes, frames and auth.

The caller (voxtest) dials the agent's `telephony.websocket_url`, optionally with HTTP Basic
auth from `telephony.websocket_auth`. Both sides then send:

- binary frames: `pcm_s16le`, 16 kHz, mono; 20 ms (640 bytes) recommended, any whole number
  of samples accepted;
- JSON text events `{"type", "id" (uuid), "ts_ms", "data"}`: `speech.started` (the agent
  starts talking; sent while the caller talks, it is a barge-in), `speech.completed`
  (`data.utterance_id`), `session.error` (`data.code` one of `ERROR_CODES`, `data.message`).

Close codes: 1000 normal, 1008 policy (bad auth or protocol), 1011 internal error. A refused
upgrade (401/403) is a REJECTED call; unreachable or closed before the call could complete,
INCOMPLETED (retried with back-off); a call that ran to its end, COMPLETED.
"""

from __future__ import annotations

import base64
import hmac
import json
import time
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

SAMPLE_RATE = 16_000
RECOMMENDED_FRAME_BYTES = 640  # 20 ms

SPEECH_STARTED = "speech.started"
SPEECH_COMPLETED = "speech.completed"
SESSION_ERROR = "session.error"
EVENT_TYPES = (SPEECH_STARTED, SPEECH_COMPLETED, SESSION_ERROR)

INVALID_MESSAGE = "INVALID_MESSAGE"
MISSING_FIELD = "MISSING_FIELD"
INVALID_AUDIO_FRAME = "INVALID_AUDIO_FRAME"
INTERNAL_ERROR = "INTERNAL_ERROR"
ERROR_CODES = (INVALID_MESSAGE, MISSING_FIELD, INVALID_AUDIO_FRAME, INTERNAL_ERROR)

CLOSE_NORMAL = 1000
CLOSE_POLICY_VIOLATION = 1008
CLOSE_INTERNAL_ERROR = 1011

Outcome = Literal["REJECTED", "INCOMPLETED", "COMPLETED"]
REJECTED: Outcome = "REJECTED"
INCOMPLETED: Outcome = "INCOMPLETED"
COMPLETED: Outcome = "COMPLETED"
MAX_RETRIES = 3  # INCOMPLETED calls are dialled again this many times, with back-off


class EventError(ValueError):
    """A text frame that is not a valid CHIRP event; `code` is the `session.error` code the
    receiving side answers with."""

    def __init__(self, message: str, code: str = INVALID_MESSAGE) -> None:
        super().__init__(message)
        self.code = code


@dataclass(frozen=True)
class Event:
    type: str
    id: str
    ts_ms: int
    data: Mapping[str, Any] = field(default_factory=dict)

    def to_json(self) -> str:
        return json.dumps(
            {"type": self.type, "id": self.id, "ts_ms": self.ts_ms, "data": dict(self.data)}
        )


def event(type_: str, data: Mapping[str, Any] | None = None, *, ts_ms: int | None = None) -> Event:
    """A new event with a fresh uuid, stamped now unless `ts_ms` is given."""
    stamp = int(time.time() * 1000) if ts_ms is None else ts_ms
    return Event(type=type_, id=str(uuid.uuid4()), ts_ms=stamp, data=dict(data or {}))


def speech_started(utterance_id: str) -> Event:
    return event(SPEECH_STARTED, {"utterance_id": utterance_id})


def speech_completed(utterance_id: str) -> Event:
    return event(SPEECH_COMPLETED, {"utterance_id": utterance_id})


def session_error(code: str, message: str) -> Event:
    if code not in ERROR_CODES:
        raise ValueError(f"unknown session.error code {code!r}")
    return event(SESSION_ERROR, {"code": code, "message": message})


def parse_event(raw: str | bytes) -> Event:
    """A text frame as an `Event`; raises EventError (with the code to answer) otherwise."""
    try:
        decoded = json.loads(raw)
    except (ValueError, UnicodeDecodeError) as exc:
        raise EventError(f"not JSON: {exc}") from exc
    if not isinstance(decoded, dict):
        raise EventError("an event must be a JSON object")
    missing = [name for name in ("type", "id", "ts_ms") if name not in decoded]
    if missing:
        raise EventError(f"missing field(s): {', '.join(missing)}", MISSING_FIELD)
    kind, ident, stamp = decoded["type"], decoded["id"], decoded["ts_ms"]
    data = decoded.get("data", {})
    if not isinstance(kind, str) or kind not in EVENT_TYPES:
        raise EventError(f"unknown event type {kind!r}")
    if not isinstance(ident, str) or not isinstance(stamp, int) or isinstance(stamp, bool):
        raise EventError("`id` must be a string and `ts_ms` an integer")
    if not isinstance(data, dict):
        raise EventError("`data` must be an object")
    if kind == SESSION_ERROR and "code" not in data:
        raise EventError("session.error needs data.code", MISSING_FIELD)
    return Event(type=kind, id=ident, ts_ms=stamp, data=data)


def audio_frame_problem(frame: bytes) -> str | None:
    """Why a binary frame is not valid CHIRP audio (None when it is)."""
    if not frame:
        return "an audio frame must not be empty"
    if len(frame) % 2:
        return f"an audio frame must hold whole 16-bit samples, got {len(frame)} bytes"
    return None


def basic_auth_header(username: str, password: str) -> dict[str, str]:
    """The `Authorization` header for `telephony.websocket_auth`."""
    token = base64.b64encode(f"{username}:{password}".encode()).decode("ascii")
    return {"Authorization": f"Basic {token}"}


def check_basic_auth(header: str | None, username: str, password: str) -> bool:
    """Whether an `Authorization` header carries exactly these credentials."""
    if not header or not header.startswith("Basic "):
        return False
    try:
        given = base64.b64decode(header[6:], validate=True).decode()
    except (ValueError, UnicodeDecodeError):
        return False
    return hmac.compare_digest(given.encode(), f"{username}:{password}".encode())


def outcome_for(*, refused: bool, completed: bool) -> Outcome:
    """The call's CHIRP outcome: refused on upgrade, ran to its end, or neither."""
    if refused:
        return REJECTED
    return COMPLETED if completed else INCOMPLETED

"""Provider transcripts normalised to the canonical Cekura transcript, one module per family.

    turns = normalise("vapi", payload)   # [{role, content, start_time, end_time, data}]

`transcript_type` names the format (the reference's enum; `vocera` is Cekura's old name);
`detect` guesses it when it is not given. A payload that does not fit raises
`TranscriptProblem` saying where. Pure: no I/O.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from voxtest.domain.transcripts import (
    cekura,
    custom_provider,
    deepgram,
    elevenlabs,
    livekit,
    pipecat,
    retell,
    vapi,
)
from voxtest.domain.transcripts.common import TranscriptProblem, items

FORMATS = ("cekura", "vocera", "vapi", "retell", "deepgram", "pipecat", "livekit", "elevenlabs")
NO_TRANSCRIPT = "none-mono"

__all__ = [
    "FORMATS",
    "NO_TRANSCRIPT",
    "TranscriptProblem",
    "custom_provider",
    "detect",
    "normalise",
]


def normalise(kind: str, data: Any, main_agent_channel: int | None = None) -> list[dict[str, Any]]:
    """The canonical turns of a `kind` transcript, in call order."""
    if data is None or data == [] or data == "":
        return []
    if kind in ("cekura", "vocera"):
        turns = cekura.parse(data)
    elif kind == "vapi":
        turns = vapi.parse(data)
    elif kind == "retell":
        turns = retell.parse(data)
    elif kind == "elevenlabs":
        turns = elevenlabs.parse(data)
    elif kind == "pipecat":
        turns = pipecat.parse(data)
    elif kind == "livekit":
        turns = livekit.parse(data)
    elif kind == "deepgram":
        turns = deepgram.parse(data, main_agent_channel)
    else:
        raise TranscriptProblem(f"Unknown transcript format {kind!r}.")
    return sorted(turns, key=lambda t: t["start_time"])  # stable: ties keep their order


def detect(data: Any) -> str:
    """The likely format of `data` (Cekura's when nothing else fits)."""
    if isinstance(data, Mapping):
        if "results" in data:
            return "deepgram"
        if "items" in data:
            return "livekit"
        if "call" in data or "transcript_object" in data:
            return "retell"
        if "artifact" in data or "message" in data:
            return "vapi"
    try:
        messages = items(data, "transcript", "messages")
    except TranscriptProblem:
        return "cekura"
    keys = {k for m in messages for k in m}
    roles = {str(m.get("role")).lower() for m in messages}
    if "time_in_call_secs" in keys:
        return "elevenlabs"
    if "words" in keys and "content" in keys:
        return "retell"
    if "word" in keys or "punctuated_word" in keys:
        return "deepgram"
    if "type" in keys and (
        "function_call" in {m.get("type") for m in messages} or "created_at" in keys
    ):
        return "livekit"
    if "message" in keys or "secondsFromStart" in keys or "bot" in roles:
        return "vapi"
    if roles & {"assistant", "tool_call", "tool_call_result", "tool"}:
        return "pipecat"
    return "cekura"

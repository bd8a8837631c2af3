"""Cekura's own format (also `vocera`): `[{role, content, start_time, end_time, data}]` with
roles "Testing Agent", "Main Agent", "Function Call", "Function Call Result"; webhooks' extra
`time: "mm:ss"` is ignored. `agent`/`user` are refused, as Cekura does."""

from __future__ import annotations

from typing import Any

from voxtest.domain.transcript import ROLES
from voxtest.domain.transcripts.common import TranscriptProblem, items, number, text_of, turn


def parse(data: Any) -> list[dict[str, Any]]:
    out = []
    for i, m in enumerate(items(data, "transcript_object", "transcript")):
        role = m.get("role")
        if role not in ROLES:
            raise TranscriptProblem(
                f"Message {i}: role {role!r} is not valid in the Cekura format; use "
                '"Testing Agent" (the caller) or "Main Agent" (the agent), or "Function Call" / '
                '"Function Call Result", or set transcript_type to the provider\'s format.'
            )
        start = number(m.get("start_time")) or number(m.get("timestamp")) or 0.0
        end = number(m.get("end_time"))
        if end is not None and end < start:
            raise TranscriptProblem(f"Message {i}: end_time is before start_time.")
        out.append(turn(str(role), text_of(m.get("content")), start, end))
        out[-1]["data"] = dict(m.get("data") or {})
    return out

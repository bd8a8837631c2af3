"""The canonical Cekura transcript: turns with a role, text, times in seconds and tool data.

    [{"role": "Testing Agent", "content": "Hi", "start_time": 0.0, "end_time": 1.2, "data": {}}]

"Testing Agent" is the simulated caller, "Main Agent" the agent under test; tool calls are
"Function Call" (`data: {id, name, arguments}`) and "Function Call Result" (`data: {id,
result}`). Pure: no I/O.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

TESTING_AGENT = "Testing Agent"
MAIN_AGENT = "Main Agent"
FUNCTION_CALL = "Function Call"
FUNCTION_CALL_RESULT = "Function Call Result"
ROLES = (TESTING_AGENT, MAIN_AGENT, FUNCTION_CALL, FUNCTION_CALL_RESULT)


@dataclass(frozen=True)
class Turn:
    role: str
    content: str
    start_time: float
    end_time: float
    data: Mapping[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.role not in ROLES:
            raise ValueError(f"Unknown role {self.role!r}; use one of: {', '.join(ROLES)}.")
        if self.end_time < self.start_time:
            raise ValueError("A turn cannot end before it starts.")

    def to_cekura(self) -> dict[str, Any]:
        return {
            "role": self.role,
            "content": self.content,
            "start_time": self.start_time,
            "end_time": self.end_time,
            "data": dict(self.data),
        }

    def render_text(self) -> str:
        """`[mm:ss] Role: text`; tool turns without text show their data as JSON."""
        text = self.content
        if not text and self.data:
            text = json.dumps(dict(self.data), separators=(",", ":"), default=str)
        return f"[{clock(self.start_time)}] {self.role}: {text}"


@dataclass(frozen=True)
class Transcript:
    turns: tuple[Turn, ...] = ()

    @classmethod
    def from_cekura(cls, items: Iterable[Mapping[str, Any]]) -> Transcript:
        """Read Cekura-format dicts; raises ValueError on an unknown role or bad times."""
        return cls(
            tuple(
                Turn(
                    role=str(item["role"]),
                    content=str(item.get("content") or ""),
                    start_time=float(item.get("start_time") or 0.0),
                    end_time=float(item.get("end_time") or item.get("start_time") or 0.0),
                    data=dict(item.get("data") or {}),
                )
                for item in items
            )
        )

    def append(self, turn: Turn) -> Transcript:
        return Transcript((*self.turns, turn))

    def to_cekura(self) -> list[dict[str, Any]]:
        return [turn.to_cekura() for turn in self.turns]

    def render_text(self) -> str:
        return "\n".join(turn.render_text() for turn in self.turns)


def clock(seconds: float) -> str:
    """Whole seconds as `mm:ss`; minutes go past 59 rather than adding hours."""
    whole = max(0, int(seconds))
    return f"{whole // 60:02d}:{whole % 60:02d}"

"""Simulated packet loss on the caller's audio: which 20 ms frames the agent does not hear.

The personality's `network_simulation` sets it for the whole call ("off", or an object, or
its JSON text, with `packet_loss` in percent); a caller line's
`<network_simulation packet_loss="5"/>` changes it from that line on (0 stops it). A lost
frame reaches the agent as silence, as a receiver's concealment would leave it, so the
stream keeps its timing. Losses follow a seeded generator: the same run seed loses the same
frames. Pure: no I/O.
"""

from __future__ import annotations

import json
import random
import re
from dataclasses import dataclass, field

MAX_LOSS_PERCENT = 50.0
TAG = re.compile(r"<\s*network_simulation\b([^<>]*)>", re.IGNORECASE)
LOSS_ATTR = re.compile(r"""\bpacket_loss\s*=\s*["']\s*([0-9]+(?:\.[0-9]+)?)\s*%?\s*["']""")


def _percent(value: object) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        return None
    try:
        number = float(str(value).strip().rstrip("%"))
    except ValueError:
        return None
    return min(MAX_LOSS_PERCENT, max(0.0, number))


def personality_loss(value: object) -> float:
    """The packet loss (percent) a personality's `network_simulation` asks for; 0 for "off",
    empty, or a value without a readable `packet_loss`."""
    if isinstance(value, str):
        text = value.strip()
        if not text.startswith("{"):
            return 0.0
        try:
            value = json.loads(text)
        except ValueError:
            return 0.0
    if not isinstance(value, dict):
        return 0.0
    return _percent(value.get("packet_loss")) or 0.0


def personality_problem(value: object) -> str | None:
    """Why a personality's `network_simulation` cannot be used, or None."""
    if value is None or (isinstance(value, str) and value.strip() in ("", "off")):
        return None
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except ValueError:
            value = None
    usage = 'Use "off" or {"packet_loss": N}, N the percent of caller audio lost (0 to 50).'
    if not isinstance(value, dict) or set(value) != {"packet_loss"}:
        return usage
    loss = value["packet_loss"]
    if isinstance(loss, bool) or not isinstance(loss, int | float) or not 0 <= loss <= 50:
        return usage
    return None


def _tag_losses(line: str) -> list[float | None]:
    """The packet_loss each `<network_simulation>` tag of `line` gives, as written (None for
    a tag without a readable one)."""
    found = []
    for tag in TAG.finditer(line):
        match = LOSS_ATTR.search(tag.group(1))
        found.append(float(match.group(1)) if match is not None else None)
    return found


def tagged_loss(line: str) -> float | None:
    """The packet loss a line's last `<network_simulation packet_loss=".."/>` sets, or None
    when the line changes nothing."""
    readable = [loss for loss in _tag_losses(line) if loss is not None]
    return _percent(readable[-1]) if readable else None


def network_tags_readable(line: str) -> bool:
    """Whether every `<network_simulation>` tag of `line` gives a packet_loss of 0 to 50."""
    return all(loss is not None and loss <= MAX_LOSS_PERCENT for loss in _tag_losses(line))


@dataclass(frozen=True)
class LossChange:
    """A caller line with nothing to say but a new packet loss."""

    percent: float


@dataclass
class FrameLoss:
    """Decides, frame by frame, whether the agent loses it (independent losses at the
    current rate), and counts what it did."""

    percent: float = 0.0
    seed: int = 0
    frames: int = 0
    lost: int = 0
    used: bool = field(init=False, default=False)  # loss was on at some point
    _random: random.Random = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._random = random.Random(self.seed)
        self.set(self.percent)

    def set(self, percent: float) -> None:
        self.percent = min(MAX_LOSS_PERCENT, max(0.0, percent))
        self.used = self.used or self.percent > 0

    def drop(self) -> bool:
        """Whether the next frame is lost."""
        self.frames += 1
        if self.percent <= 0:
            return False
        if self._random.random() * 100 < self.percent:
            self.lost += 1
            return True
        return False

    def record(self) -> dict[str, float | int]:
        """What the call lost: frames sent, frames lost, and the share lost in percent."""
        share = round(100 * self.lost / self.frames, 2) if self.frames else 0.0
        return {"frames": self.frames, "lost": self.lost, "lost_percent": share}

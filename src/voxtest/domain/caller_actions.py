"""The simulated caller's actions, and how a script item's action text becomes them.

A fixed message is split left to right at `<silence time=".."/>` (interruptible Pause),
`<hold time=".."/>` (uninterruptible Pause) and `<endcall/>` (EndCall; the rest of the text
is dropped). Times are `1.5s`, `1500ms` or bare seconds; a tag with an unreadable time stays
in the text. Every other tag (`<spell>`, `<dtmf>`, `<voice>`, ...) and emotion markers
(`[sigh]`) stay in the Say text for the voice layer to act on (a text runner strips or
ignores them); a pause inside `<voice>…</voice>` splits that block too. A non-fixed action
is one `Say(fixed=False)`: an instruction a model paraphrases later. `{{namespace.x}}`
placeholders are substituted in Say text after splitting, so values cannot inject tags.
`<interruption time="3s"/>` leading an action_followup makes the caller barge in on the reply
(`interruption_seconds`; the voice loop acts on it, the tag is not spoken). Pure: no I/O.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from voxtest.domain.templating import substitute

_CONTROL_TAG = re.compile(r"<\s*(silence|hold|endcall)\b([^<>]*)>", re.IGNORECASE)
_INTERRUPTION = re.compile(r"\s*<\s*interruption\b([^<>]*)>", re.IGNORECASE)
_TIME_ATTR = re.compile(r"""\btime\s*=\s*["']\s*(\d+(?:\.\d+)?)\s*(ms|s)?\s*["']""", re.IGNORECASE)


@dataclass(frozen=True)
class Say:
    text: str
    fixed: bool  # False: an instruction a model must paraphrase
    condition_id: int


@dataclass(frozen=True)
class Pause:
    seconds: float
    interruptible: bool


@dataclass(frozen=True)
class EndCall:
    pass


SpokenAction = Say | Pause | EndCall


def render_action(
    condition_id: int, action: str, fixed: bool, variables: Mapping[str, Any]
) -> list[SpokenAction]:
    """The caller's actions for one script item: one paraphrase instruction, or fixed text
    split at pause and end-call tags (nothing after `<endcall/>`)."""
    if not fixed:
        text = substitute(action, variables).strip()
        return [Say(text, fixed=False, condition_id=condition_id)] if text else []
    actions: list[SpokenAction] = []
    text, position = "", 0
    for tag in _CONTROL_TAG.finditer(action):
        text += action[position : tag.start()]
        position = tag.end()
        control = _control_action(tag.group(1).lower(), tag.group(2))
        if control is None:
            text += tag.group(0)
            continue
        actions += _say(text, condition_id, variables)
        actions.append(control)
        text = ""
        if isinstance(control, EndCall):
            return actions
    return actions + _say(text + action[position:], condition_id, variables)


def _say(text: str, condition_id: int, variables: Mapping[str, Any]) -> list[SpokenAction]:
    spoken = substitute(text, variables).strip()
    return [Say(spoken, fixed=True, condition_id=condition_id)] if spoken else []


def _control_action(name: str, attributes: str) -> Pause | EndCall | None:
    if name == "endcall":
        return EndCall()
    seconds = _seconds(attributes)
    return None if seconds is None else Pause(seconds, interruptible=name == "silence")


def _seconds(attributes: str) -> float | None:
    time = _TIME_ATTR.search(attributes)
    if time is None:
        return None
    return float(time.group(1)) / (1000 if (time.group(2) or "").lower() == "ms" else 1)


def interruption_seconds(action: str) -> float | None:
    """`<interruption time="3s"/>` leading a follow-up's action: how long after the agent
    starts its reply the caller cuts in with this action (None: no such tag)."""
    tag = _INTERRUPTION.match(action)
    return _seconds(tag.group(1)) if tag else None

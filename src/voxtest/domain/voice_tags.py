"""What a fixed caller line sounds like: its voice tags parsed into audio segments.

    parse_voice_line(
        '<speed ratio="0.9"/>[sigh] My code is <spell>AB1</spell> <dtmf digits="12#"/>'
    ) -> [Speak("My code is", speed=0.9, markers=("sigh",)),
          Speak("A, B, 1", speed=0.9, spelled=True), Tones("12#")]

Tags (left to right; attributes in single or double quotes):
    <speed ratio="0.8"/>, <volume ratio="1.5"/>  from here on (Cekura puts them first);
                                        speed clamped to 0.5-2, volume to 0-2
    <spell>AB12</spell>                 letters and digits spoken one by one
    <dtmf digits="12#"/>                in-band tones (0-9 * # A-D; anything else dropped)
    <silence time="1s"/>, <hold .../>   quiet of that duration (silence keeps background
                                        noise and may be interrupted; hold does neither)
    <noise sound="beep" [volume]/>      a one-shot sound
    <voice id=".." [provider] [model]/> the caller's voice from here to the end of the call
                                        (with text="..": just that text in the voice);
    <voice id="..">..</voice>           only the inner part in that voice
    <ivr text=".."/>                    a phone menu read out (the line is not interruptible)
    <voicemail [text=".."]/>            a voicemail greeting (a default one), then the beep
    <background_noise sound=".." volume="0.3">..</background_noise>  noise under the inner
                                        part (to the end of the line when left open)
    [laughter], [sigh], ...             emotion markers, attached to the speech after them
                                        (or before, at the end of a line)
Any other tag (`<endcall/>`, `<interruption>`, ...) is not spoken: the tag is
dropped and its inner text kept (those belong to the conversation layer). Pure: no I/O.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

TOKEN = re.compile(
    r"<\s*(?P<close>/)?\s*(?P<name>[a-zA-Z_]+)(?P<attrs>[^<>]*?)(?P<self>/)?\s*>"
    r"|\[(?P<marker>[a-zA-Z][a-zA-Z _-]{0,30})\]"
)
ATTR = re.compile(r"""([a-zA-Z_]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
TIME = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(ms|s)?\s*$", re.IGNORECASE)
DTMF_KEYS = "0123456789*#ABCD"
VOICEMAIL_GREETING = (
    "Hi, you've reached my voicemail. I can't take your call right now. "
    "Please leave a message after the tone."
)


@dataclass(frozen=True)
class Background:
    sound: str
    volume: float


@dataclass(frozen=True)
class VoiceChoice:
    """A `<voice>` tag's voice: an id of the call's TTS provider (and optionally its model)."""

    voice_id: str
    provider: str | None = None
    model: str | None = None


@dataclass(frozen=True)
class Speak:
    text: str
    speed: float = 1.0
    volume: float = 1.0
    spelled: bool = False
    markers: tuple[str, ...] = ()  # emotion markers, in order
    background: Background | None = None
    voice: VoiceChoice | None = None  # None: the call's voice

    @property
    def marked_text(self) -> str:
        """The text with its markers in front, for engines that read them inline."""
        return " ".join([f"[{m}]" for m in self.markers] + [self.text])


@dataclass(frozen=True)
class Tones:
    digits: str
    volume: float = 1.0
    background: Background | None = None


@dataclass(frozen=True)
class Quiet:
    seconds: float
    interruptible: bool
    background: Background | None = None


@dataclass(frozen=True)
class Noise:
    sound: str
    volume: float = 0.5


@dataclass(frozen=True)
class SwitchVoice:
    """`<voice id=".."/>` on its own: the caller speaks in this voice from here to the end of
    the call."""

    voice: VoiceChoice


Segment = Speak | Tones | Quiet | Noise | SwitchVoice


@dataclass
class _State:
    speed: float = 1.0
    volume: float = 1.0
    background: Background | None = None
    spelling: bool = False
    markers: tuple[str, ...] = ()
    voice: VoiceChoice | None = None  # from a switch earlier in the line
    region: VoiceChoice | None = None  # inside <voice ..>..</voice>


def parse_voice_line(text: str) -> list[Segment]:
    """The audio segments of one fixed caller line, in order."""
    state, position = _State(), 0
    segments: list[Segment] = []
    for token in TOKEN.finditer(text):
        _add_text(segments, state, text[position : token.start()])
        position = token.end()
        if token.group("marker"):
            state.markers += (token.group("marker").strip().lower(),)
            continue
        name = token.group("name").lower()
        attrs = _attributes(token.group("attrs"))
        if token.group("close"):
            _close(state, name)
        elif name == "voice":
            segments += _voice_tag(state, attrs, closed=bool(token.group("self")))
        elif name in ("voicemail", "ivr"):
            segments += _machine(state, name, attrs)
        else:
            segment = _open(state, name, attrs)
            if segment is not None:
                segments.append(segment)
    _add_text(segments, state, text[position:])
    if state.markers:
        _attach_trailing_markers(segments, state)
    return segments


def _attributes(raw: str) -> dict[str, str]:
    return {m.group(1).lower(): m.group(2) if m.group(2) is not None else m.group(3)
            for m in ATTR.finditer(raw)}  # fmt: skip


def _number(raw: str | None, default: float, low: float, high: float) -> float:
    try:
        value = float(raw) if raw is not None else default
    except ValueError:
        return default
    return min(high, max(low, value))


def _seconds(raw: str | None) -> float | None:
    match = TIME.match(raw or "")
    if match is None:
        return None
    return float(match.group(1)) / (1000 if (match.group(2) or "").lower() == "ms" else 1)


def _open(state: _State, name: str, attrs: dict[str, str]) -> Segment | None:
    if name == "speed":
        state.speed = _number(attrs.get("ratio"), 1.0, 0.5, 2.0)
    elif name == "volume":
        state.volume = _number(attrs.get("ratio"), 1.0, 0.0, 2.0)
    elif name == "spell":
        state.spelling = True
    elif name == "background_noise" and attrs.get("sound"):
        volume = _number(attrs.get("volume"), 0.3, 0.0, 1.0)
        state.background = Background(attrs["sound"].strip().lower(), volume)
    elif name == "dtmf":
        digits = "".join(c for c in attrs.get("digits", "").upper() if c in DTMF_KEYS)
        return Tones(digits, state.volume, state.background) if digits else None
    elif name in ("silence", "hold"):
        seconds = _seconds(attrs.get("time"))
        if seconds is not None:
            interruptible = name == "silence"
            return Quiet(seconds, interruptible, state.background if interruptible else None)
    elif name == "noise" and attrs.get("sound"):
        return Noise(attrs["sound"].strip().lower(), _number(attrs.get("volume"), 0.5, 0, 1))
    return None


def _voice_tag(state: _State, attrs: dict[str, str], *, closed: bool) -> list[Segment]:
    """`<voice id provider model [text]/>` switches for good (or speaks `text` in that voice);
    `<voice ..>inner</voice>` speaks only the inner part in it. No id: nothing changes."""
    voice_id = (attrs.get("id") or attrs.get("voice_id") or "").strip()
    if not voice_id:
        return []
    choice = VoiceChoice(
        voice_id,
        (attrs.get("provider") or "").strip().lower() or None,
        (attrs.get("model") or "").strip() or None,
    )
    if not closed:
        state.region = choice
        return []
    text = " ".join((attrs.get("text") or "").split())
    if text:
        return [Speak(text, state.speed, state.volume, background=state.background, voice=choice)]
    state.voice = choice
    return [SwitchVoice(choice)]


def _machine(state: _State, name: str, attrs: dict[str, str]) -> list[Segment]:
    """The caller as a machine: `<ivr text/>` speaks its menu; `<voicemail [text]/>` a
    greeting (the default one without text), a short pause and the beep."""
    text = " ".join((attrs.get("text") or "").split())
    if name == "ivr":
        return [Speak(text, state.speed, state.volume, background=state.background)] if text else []
    greeting = Speak(text or VOICEMAIL_GREETING, state.speed, state.volume)
    return [greeting, Quiet(0.4, interruptible=False), Noise("beep", 0.5)]


def _close(state: _State, name: str) -> None:
    if name == "voice":
        state.region = None
    elif name == "spell":
        state.spelling = False
    elif name == "background_noise":
        state.background = None


def _add_text(segments: list[Segment], state: _State, raw: str) -> None:
    if state.spelling:
        symbols = [c.upper() for c in raw if c.isalnum()]
        text, spelled = ", ".join(symbols), True
    else:
        text, spelled = " ".join(raw.split()), False
    if not text:
        return
    voice = state.region or state.voice
    segments.append(
        Speak(text, state.speed, state.volume, spelled, state.markers, state.background, voice)
    )
    state.markers = ()


def _attach_trailing_markers(segments: list[Segment], state: _State) -> None:
    for index in range(len(segments) - 1, -1, -1):
        segment = segments[index]
        if isinstance(segment, Speak):
            segments[index] = replace(segment, markers=segment.markers + state.markers)
            return
    segments.append(Speak("", state.speed, state.volume, False, state.markers, state.background))

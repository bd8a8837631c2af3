"""Caller audio: one fixed line's voice tags rendered to `pcm_s16le` 16 kHz.

    renderer = CallerAudio(engines.synthesizer, background=Background("office-ambience", 0.05))
    pcm = await renderer.render('Hi <spell>AB</spell> <dtmf digits="1#"/>', voice)

Segments come from `domain.voice_tags`: speech through the synthesizer (the line's speed
ratio times the personality's, its volume as gain; emotion markers inline for engines whose
`keeps_markers(voice)` says so, otherwise stripped and the first passed as `Voice.emotion`),
DTMF as tones, `<silence>`/`<hold>` as quiet, `<noise>` once, `<voice id>` as the voice id
(and model) the synthesizer is asked for, within its own provider (the offline Piper voice
has one voice and ignores ids). Background noise (the line's
`<background_noise>` or the personality's) is mixed under speech, tones and silences, not
under holds; the clip's position carries on from one line to the next, so a call hears one
continuous loop. Noise clips are generated off the event loop on first use.
"""

from __future__ import annotations

import asyncio
from dataclasses import replace

import numpy as np

from voxtest.domain.voice_tags import (
    Background,
    Noise,
    Quiet,
    Segment,
    Speak,
    SwitchVoice,
    Tones,
    VoiceChoice,
    parse_voice_line,
)
from voxtest.speech.audio import Floats, gain, silence, to_float, to_pcm
from voxtest.speech.base import Synthesizer, Voice
from voxtest.speech.dtmf import dtmf_pcm
from voxtest.speech.noise import known_sound, noise_clip

PROVIDER_ALIASES = {"11labs": "elevenlabs", "eleven_labs": "elevenlabs"}


class CallerAudio:
    """Renders caller lines for one call (keeps the background loop's position)."""

    def __init__(self, synthesizer: Synthesizer, background: Background | None = None) -> None:
        self.synthesizer = synthesizer
        self.background = background if background and known_sound(background.sound) else None
        self._noise_position = 0
        self._voice: VoiceChoice | None = None  # a <voice/> switch, for the rest of the call

    async def render(self, text: str, voice: Voice) -> bytes:
        """The line as audio (b"" when it has nothing audible)."""
        pieces = [await self._segment(segment, voice) for segment in parse_voice_line(text)]
        return b"".join(pieces)

    async def _segment(self, segment: Segment, voice: Voice) -> bytes:
        if isinstance(segment, Speak):
            pcm = gain(await self._speak(segment, voice), segment.volume)
            return await self._under(pcm, segment.background)
        if isinstance(segment, Tones):
            return await self._under(dtmf_pcm(segment.digits, segment.volume), segment.background)
        if isinstance(segment, Quiet):
            quiet = silence(segment.seconds)
            return await self._under(quiet, segment.background) if segment.interruptible else quiet
        if isinstance(segment, SwitchVoice):
            self._voice = segment.voice
            return b""
        return await self._noise(segment)

    async def _speak(self, segment: Speak, voice: Voice) -> bytes:
        keeps = getattr(self.synthesizer, "keeps_markers", None)
        inline = bool(keeps(voice)) if callable(keeps) else False
        text = segment.marked_text if inline else segment.text
        if not text.strip():
            return b""
        emotion = voice.emotion or (segment.markers[0] if segment.markers else None)
        spoken = replace(voice, speed=voice.speed * segment.speed, emotion=emotion)
        spoken = self._in_voice(spoken, segment.voice or self._voice)
        return await self.synthesizer.synthesize(text, spoken)

    def _in_voice(self, voice: Voice, choice: VoiceChoice | None) -> Voice:
        """`voice` switched to `choice`: only within the call's own TTS provider (a tag that
        names another provider is ignored, as Cekura switches within one provider)."""
        if choice is None:
            return voice
        provider = PROVIDER_ALIASES.get(choice.provider or "", choice.provider)
        if provider and provider != self.synthesizer.name:
            return voice
        return replace(voice, voice_id=choice.voice_id, model=choice.model or voice.model)

    async def _noise(self, segment: Noise) -> bytes:
        if not known_sound(segment.sound):
            return b""
        clip = await asyncio.to_thread(noise_clip, segment.sound, True)
        return to_pcm(clip * segment.volume)

    async def _under(self, pcm: bytes, background: Background | None) -> bytes:
        chosen = background if background and known_sound(background.sound) else self.background
        if chosen is None or not pcm:
            return pcm
        clip = await asyncio.to_thread(noise_clip, chosen.sound)
        samples = to_float(pcm)
        mixed = samples + chosen.volume * self._loop(clip, samples.size)
        return to_pcm(mixed)

    def _loop(self, clip: Floats, n: int) -> Floats:
        """`n` samples of the clip from where the last line left it."""
        indexes = (self._noise_position + np.arange(n)) % clip.size
        self._noise_position = int((self._noise_position + n) % clip.size)
        return clip[indexes]

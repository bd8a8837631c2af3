"""What the caller hears: the agent's key presses once it has read a phone menu, and how the
machine-like lines (`<ivr>`, `<voicemail>`) read in the transcript."""

from __future__ import annotations

import numpy as np

from voxtest.domain.voice_tags import VOICEMAIL_GREETING
from voxtest.runner.voice_hearing import hear_agent
from voxtest.runner.voice_script import ignores_interruptions, is_ivr, spoken_text
from voxtest.speech.base import Transcription, Word
from voxtest.speech.dtmf import dtmf_pcm


class FixedEars:
    """A transcriber that always hears the same words."""

    name = "fixed"

    def __init__(self, text: str) -> None:
        self.text = text

    async def transcribe(self, pcm: bytes, *, language: str | None = None) -> Transcription:
        return Transcription(self.text, (Word(self.text, 0.0, 0.1),) if self.text else ())

    async def aclose(self) -> None:
        pass


async def test_keys_are_heard_only_when_listened_for() -> None:
    pcm = bytes(3200) + dtmf_pcm("12#") + bytes(3200)
    heard = await hear_agent(FixedEars("one moment"), pcm, keys=True)
    assert heard.text == 'one moment <dtmf digits="12#"/>' and heard.words
    assert (await hear_agent(FixedEars("one moment"), pcm, keys=False)).text == "one moment"
    keys_only = await hear_agent(FixedEars(""), pcm, keys=True)
    assert keys_only.text == '<dtmf digits="12#"/>'
    speech = (0.3 * 32767 * np.sin(np.arange(16000) * 0.05)).astype("<i2").tobytes()
    assert (await hear_agent(FixedEars("hello"), speech, keys=True)).text == "hello"


def test_machine_lines_in_the_transcript_and_their_turn_taking() -> None:
    assert spoken_text("<voicemail/>") == VOICEMAIL_GREETING
    assert spoken_text('<voicemail text="Sam here."/>') == "Sam here."
    assert spoken_text('<ivr text="Press 1 for billing."/>') == "Press 1 for billing."
    assert spoken_text('Hi <voice id="v2" text="Bonjour"/>!') == "Hi Bonjour !"
    assert is_ivr('<ivr text="Press 1"/>') and not is_ivr("<voicemail/>")
    assert ignores_interruptions("<voicemail/>") and ignores_interruptions('<ivr text="x"/>')
    assert not ignores_interruptions("Hello there")

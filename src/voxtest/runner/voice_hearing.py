"""Transcribing a voice call's audio: each agent turn (and, once the caller has acted as a
phone menu with `<ivr>`, the keys the agent pressed, written into the turn as
`<dtmf digits=".."/>`, the caller's own tag, so conditions and the transcript show them), and
after the call the caller's own lines (for Transcription Accuracy)."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from typing import Any

from voxtest.speech.base import Transcriber, Transcription
from voxtest.speech.dtmf import decode_dtmf


async def hear_agent(transcriber: Transcriber, pcm: bytes, *, keys: bool) -> Transcription:
    heard = await transcriber.transcribe(pcm)
    text = heard.text.strip()
    pressed = await asyncio.to_thread(decode_dtmf, pcm) if keys else ""
    if pressed:
        text = f'{text} <dtmf digits="{pressed}"/>'.strip()
    return Transcription(text, heard.words, heard.language)


async def hear_caller(
    transcriber: Transcriber, said: Sequence[tuple[dict[str, Any], bytes]]
) -> None:
    """Each caller turn's `heard`: what an STT hears in the audio it sent. After the call,
    so the frame timer never shares the CPU with it."""
    for entry, pcm in said:
        if pcm:
            entry["heard"] = (await transcriber.transcribe(pcm)).text.strip()

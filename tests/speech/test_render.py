"""Caller lines rendered to audio: tones decode, noise mixes, speed and markers reach the engine."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pytest

from voxtest.domain.voice_tags import Background
from voxtest.speech.audio import rms_dbfs, to_float
from voxtest.speech.base import SAMPLE_RATE, Voice, duration_s
from voxtest.speech.dtmf import decode_dtmf, dtmf_pcm, dtmf_samples
from voxtest.speech.noise import BACKGROUND_SOUNDS, ONE_SHOT_SOUNDS, noise_clip
from voxtest.speech.render import CallerAudio


@dataclass
class ToneVoice:
    """A synthesizer that answers 0.1 s of a 300 Hz tone per word and records its calls."""

    inline_markers: bool = False
    calls: list[tuple[str, Voice]] = field(default_factory=list)

    @property
    def name(self) -> str:
        return "tone"

    def keeps_markers(self, voice: Voice) -> bool:
        return self.inline_markers

    async def synthesize(self, text: str, voice: Voice) -> bytes:
        self.calls.append((text, voice))
        n = round(0.1 * len(text.split()) * SAMPLE_RATE / voice.speed)
        t = np.arange(n) / SAMPLE_RATE
        return (0.5 * 32767 * np.sin(2 * np.pi * 300 * t)).astype("<i2").tobytes()

    async def aclose(self) -> None:
        pass


def test_every_key_round_trips_through_goertzel() -> None:
    keys = "0123456789*#ABCD"
    assert decode_dtmf(dtmf_pcm(keys)) == keys
    assert dtmf_samples("1").size == 1600  # 100 ms tone
    assert dtmf_samples("12").size == 1600 * 3  # tone, 100 ms gap, tone


def test_dtmf_survives_noise_and_speech_does_not_decode() -> None:
    rng = np.random.default_rng(3)
    tones = to_float(dtmf_pcm("5090#"))
    noisy = tones + 0.05 * rng.standard_normal(tones.size).astype(np.float32)
    assert decode_dtmf((np.clip(noisy, -1, 1) * 32767).astype("<i2").tobytes()) == "5090#"
    babble = noise_clip("coffee-shop")
    assert decode_dtmf((babble * 32767).astype("<i2").tobytes()) == ""


async def test_line_with_dtmf_spell_and_silence_in_order() -> None:
    voice = ToneVoice()
    pcm = await CallerAudio(voice).render(
        'Code <spell>ab</spell> <silence time="0.5s"/><dtmf digits="42"/>', Voice()
    )
    assert [text for text, _ in voice.calls] == ["Code", "A, B"]
    assert duration_s(pcm) == pytest.approx(0.1 + 0.2 + 0.5 + 0.3)
    assert decode_dtmf(pcm) == "42"


async def test_speed_multiplies_and_volume_scales() -> None:
    voice = ToneVoice()
    renderer = CallerAudio(voice)
    loud = await renderer.render('<speed ratio="0.5"/><volume ratio="0.5"/>one two', Voice(speed=2))
    assert voice.calls[-1][1].speed == 1.0
    normal = await renderer.render("one two", Voice())
    assert len(loud) == len(normal)
    assert rms_dbfs(to_float(loud)) == pytest.approx(rms_dbfs(to_float(normal)) - 6.02, abs=0.1)


async def test_markers_inline_or_as_emotion() -> None:
    inline, plain = ToneVoice(inline_markers=True), ToneVoice()
    await CallerAudio(inline).render("[sigh] fine", Voice())
    await CallerAudio(plain).render("[sigh] fine", Voice())
    assert inline.calls[0][0] == "[sigh] fine"
    assert plain.calls[0][0] == "fine" and plain.calls[0][1].emotion == "sigh"


async def test_background_noise_mixes_at_its_volume_and_carries_on() -> None:
    renderer = CallerAudio(ToneVoice(), background=Background("busy-street", 0.5))
    pcm = await renderer.render('<silence time="1s"/>', Voice())
    clip = noise_clip("busy-street")
    assert np.allclose(to_float(pcm), 0.5 * clip[:16_000], atol=2e-4)
    held = await renderer.render('<hold time="1s"/>', Voice())
    assert held == bytes(len(held))  # holds carry no noise
    second = await renderer.render('<silence time="1s"/>', Voice())
    expected = 0.5 * clip[np.arange(16_000, 32_000) % clip.size]
    assert np.allclose(to_float(second), expected, atol=2e-4)  # continues the loop


async def test_line_noise_overrides_and_one_shots_play_once() -> None:
    renderer = CallerAudio(ToneVoice())
    pcm = await renderer.render('<noise sound="beep"/><noise sound="no-such"/>', Voice())
    assert duration_s(pcm) == pytest.approx(0.4)
    quiet = await renderer.render('<silence time="0.2"/>', Voice())
    assert quiet == bytes(6400)


def test_every_named_sound_is_a_loopable_clip_at_minus_20_dbfs() -> None:
    for name in BACKGROUND_SOUNDS:
        clip = noise_clip(name)
        assert clip.dtype == np.float32 and clip.size > 5 * SAMPLE_RATE
        assert rms_dbfs(clip) - 3.01 == pytest.approx(-20, abs=0.6), name
        seam = abs(float(clip[0]) - float(clip[-1]))  # cross-faded: no jump at the loop
        assert seam <= float(np.max(np.abs(np.diff(clip)))), name
    for name in ONE_SHOT_SOUNDS:
        assert noise_clip(name, one_shot=True).size <= 1.5 * SAMPLE_RATE
    assert np.array_equal(noise_clip("restaurant"), noise_clip.__wrapped__("restaurant"))


async def test_voice_tags_switch_the_voice_within_the_provider() -> None:
    engine = ToneVoice()
    renderer = CallerAudio(engine)
    base = Voice(voice_id="default", model="m0")
    await renderer.render('<voice id="brief" provider="tone">one</voice> two', base)
    assert [(text, v.voice_id) for text, v in engine.calls] == [
        ("one", "brief"),
        ("two", "default"),
    ]
    await renderer.render('<voice id="elsewhere" provider="11labs" text="three"/>', base)
    assert engine.calls[-1][1].voice_id == "default"  # another provider: not switched
    await renderer.render('Hello <voice id="v2" model="m2"/>four', base)
    assert [(t, v.voice_id, v.model) for t, v in engine.calls[-2:]] == [
        ("Hello", "default", "m0"),
        ("four", "v2", "m2"),
    ]
    await renderer.render("five", base)  # a switch holds for the rest of the call
    assert (engine.calls[-1][1].voice_id, engine.calls[-1][1].model) == ("v2", "m2")

"""Cloud engines against a local server speaking each vendor's wire format."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.speech.fake_vendors import TRANSCRIPT, FakeVendors, fake_vendors
from voxtest.settings import Settings
from voxtest.speech.base import SpeechError, Voice, duration_s
from voxtest.speech.registry import engines_for, synthesizer, transcriber


@pytest.fixture
def vendors() -> Iterator[FakeVendors]:
    with fake_vendors() as server:
        yield server


def cloud_settings(vendors: FakeVendors, **overrides: object) -> Settings:
    values: dict[str, object] = {
        "elevenlabs_base_url": vendors.url,
        "elevenlabs_api_key": vendors.key,
        "cartesia_base_url": vendors.url,
        "cartesia_api_key": vendors.key,
        "openai_speech_base_url": vendors.url,
        "openai_speech_api_key": vendors.key,
        "deepgram_base_url": vendors.url,
        "deepgram_api_key": vendors.key,
    }
    values.update(overrides)
    return Settings.model_validate(values)


async def test_elevenlabs_speaks_16k_pcm_with_the_personality_voice(vendors: FakeVendors) -> None:
    engines = engines_for(
        cloud_settings(vendors),
        Voice(provider="11labs", voice_id="v123", speed=1.5, model="eleven_turbo_v2_5"),
    )
    assert engines.options["tts"] == "elevenlabs"
    pcm = await engines.synthesizer.synthesize(
        "one two three four five",
        Voice(provider="11labs", voice_id="v123", speed=1.5, model="eleven_turbo_v2_5"),
    )
    await engines.synthesizer.aclose()
    assert duration_s(pcm) == pytest.approx(0.5)
    sent = vendors.received[-1]
    assert sent.path == "/v1/text-to-speech/v123"
    assert sent.query["output_format"] == ["pcm_16000"]
    body = sent.json()
    assert body["model_id"] == "eleven_turbo_v2_5"
    assert body["voice_settings"]["speed"] == 1.2  # clamped to ElevenLabs' range


async def test_cartesia_sends_generation_config_and_raw_format(vendors: FakeVendors) -> None:
    engine = synthesizer(cloud_settings(vendors), "cartesia")
    pcm = await engine.synthesize("hello there", Voice(voice_id="abc", emotion="excited"))
    await engine.aclose()
    assert duration_s(pcm) == pytest.approx(0.2)
    body = vendors.received[-1].json()
    assert body["voice"] == {"mode": "id", "id": "abc"}
    assert body["output_format"] == {"container": "raw", "encoding": "pcm_s16le",
                                     "sample_rate": 16000}  # fmt: skip
    assert body["generation_config"] == {"speed": 1.0, "emotion": "excited"}
    assert vendors.received[-1].headers["cartesia-version"] == "2025-04-16"


async def test_openai_speech_is_resampled_from_24k(vendors: FakeVendors) -> None:
    engine = synthesizer(cloud_settings(vendors), "openai")
    pcm = await engine.synthesize("a b c d", Voice(emotion="annoyed"))
    await engine.aclose()
    assert len(pcm) == 2 * 6400  # 0.4 s at 16 kHz
    body = vendors.received[-1].json()
    assert body["response_format"] == "pcm"
    assert "annoyed" in body["instructions"]


async def test_deepgram_transcribes_with_word_times(vendors: FakeVendors) -> None:
    engine = transcriber(cloud_settings(vendors), "deepgram")
    result = await engine.transcribe(b"\x00\x01" * 16000, language="en")
    await engine.aclose()
    assert result.text == TRANSCRIPT
    assert [w.text for w in result.words][-1] == "Tuesday."
    assert result.words[1].start == 0.3
    sent = vendors.received[-1]
    assert sent.query["encoding"] == ["linear16"] and sent.query["sample_rate"] == ["16000"]
    assert sent.body == b"\x00\x01" * 16000


async def test_openai_transcription_posts_a_wav_and_reads_verbose_json(
    vendors: FakeVendors,
) -> None:
    engine = transcriber(cloud_settings(vendors), "openai")
    result = await engine.transcribe(bytes(32000))
    await engine.aclose()
    assert result.text == TRANSCRIPT and len(result.words) == 5
    form = vendors.received[-1].form()
    assert form["response_format"] == [b"verbose_json"]
    assert form["timestamp_granularities[]"] == [b"word"]


async def test_a_rejected_key_names_its_setting(vendors: FakeVendors) -> None:
    engine = synthesizer(cloud_settings(vendors, deepgram_api_key="x",
                                        elevenlabs_api_key="wrong"), "elevenlabs")  # fmt: skip
    with pytest.raises(SpeechError, match="VOXTEST_ELEVENLABS_API_KEY") as caught:
        await engine.synthesize("hi", Voice())
    await engine.aclose()
    assert not caught.value.retryable


async def test_a_server_error_is_retried_once_then_reported(vendors: FakeVendors) -> None:
    engine = transcriber(cloud_settings(vendors), "deepgram")
    vendors.fail_next[:] = [503]
    assert (await engine.transcribe(bytes(640))).text == TRANSCRIPT
    vendors.fail_next[:] = [503, 502]
    with pytest.raises(SpeechError, match="HTTP 502") as caught:
        await engine.transcribe(bytes(640))
    await engine.aclose()
    assert caught.value.retryable
    assert len(vendors.received) == 4


async def test_unreachable_vendor_is_a_retryable_error() -> None:
    settings = Settings(deepgram_base_url="http://127.0.0.1:9", deepgram_api_key="k")
    engine = transcriber(settings, "deepgram")
    with pytest.raises(SpeechError, match="unreachable") as caught:
        await engine.transcribe(bytes(640))
    await engine.aclose()
    assert caught.value.retryable

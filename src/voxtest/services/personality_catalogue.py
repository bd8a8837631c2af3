"""The built-in personalities every instance has: global, read-only, forkable.

Voices: `voice_id` "" means the speech engine's default voice for the language; the voice
pipeline picks it (offline by default, a cloud engine when the personality names one).
"""

from __future__ import annotations

from typing import Any

_BASE: dict[str, Any] = {
    "provider": "11labs",
    "voice_model": "eleven_flash_v2_5",
    "voice_id": "",
    "speed": "1.0",
    "background_noise": "off",
    "background_sound_volume": {"base": 0.05, "reduced": 0.02},
    "interruption_level": "low",
    "start_speaking_plan": "0.4",
    "stop_speaking_plan": {"num_words": 0, "voice_seconds": 0.2, "backoff_seconds": 1.0},
    "message_plan": {"idle_timeout_seconds": 10, "idle_message_max_spoken_count": 3},
    "network_simulation": "off",
    "generation_config": "",
    "end_call_enabled": True,
    "call_service_provider": "patronus",
    "accent": "American",
    "gender": "male",
    "is_starred": False,
}

_CALM = "You are a polite, clear caller. Answer what you are asked and stay on your goal."


def _p(name: str, language: str = "en", **overrides: Any) -> dict[str, Any]:
    out = {**_BASE, "name": name, "language": language, "prompt": _CALM, **overrides}
    if language not in ("en", "multi"):
        out["voice_model"] = "eleven_multilingual_v2"
    return out


BUILTIN_PERSONALITIES: list[dict[str, Any]] = [
    _p("Normal Male"),
    _p("Normal Female", gender="female"),
    _p(
        "Interrupter",
        prompt="You are impatient and often talk over the agent before it finishes. "
        "Cut in when its turns run long, then repeat your point.",
        interruption_level="high",
        start_speaking_plan="0.1",
        stop_speaking_plan={"num_words": 2, "voice_seconds": 0.1, "backoff_seconds": 0.5},
    ),
    _p(
        "Slow Speaker",
        prompt="You speak slowly, pause mid-sentence to think, and take time before answering.",
        speed="0.8",
        start_speaking_plan="1.5",
        message_plan={"idle_timeout_seconds": 20, "idle_message_max_spoken_count": 3},
    ),
    _p("Fast Talker", prompt="You speak fast and give several details at once.", speed="1.2"),
    _p("Normal Male - Bg Noise", background_noise="office-ambience"),
    _p(
        "Coffee Shop Caller",
        gender="female",
        background_noise="coffee-shop",
        background_sound_volume={"base": 0.12, "reduced": 0.06},
    ),
    _p(
        "Busy Street Caller",
        background_noise="busy-street",
        background_sound_volume={"base": 0.15, "reduced": 0.08},
    ),
    _p(
        "Direct Communicator",
        prompt="You are brief and to the point. You answer with as few words as possible.",
    ),
    _p(
        "Frustrated Customer",
        prompt="You are annoyed because of an earlier problem. You are curt, and you ask for a "
        "human if the agent is not helpful quickly.",
    ),
    _p(
        "Elderly Caller",
        gender="female",
        prompt="You are an elderly caller, a little hard of hearing. You ask the agent to repeat "
        "things and sometimes misremember details.",
        speed="0.85",
    ),
    _p("British Accent", accent="British"),
    _p("Indian English", accent="Indian", gender="female"),
    _p("Australian Accent", accent="Australian"),
    _p("Southern US Accent", accent="Southern American", gender="female"),
    _p(
        "Spanglish",
        language="multi",
        accent="Mexican",
        prompt="You switch between English and Spanish within sentences, as bilingual callers do.",
    ),
    _p("Spanish Caller", language="es", accent="Spanish", gender="female"),
    _p("Mexican Spanish Caller", language="es", accent="Mexican"),
    _p("French Caller", language="fr", accent="French"),
    _p("German Caller", language="de", accent="German", gender="female"),
    _p("Portuguese Caller", language="pt", accent="Brazilian"),
    _p("Hindi Caller", language="hi", accent="Indian"),
    _p("Italian Caller", language="it", accent="Italian", gender="female"),
    _p("Japanese Caller", language="ja", accent="Japanese", gender="female"),
    _p("Arabic Caller", language="ar", accent="Gulf"),
    _p("Russian Caller", language="ru", accent="Russian"),
]

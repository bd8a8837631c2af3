"""Cekura's sound names mapped onto the synthetic kinds, and the per-process clip cache."""

from __future__ import annotations

import zlib
from functools import lru_cache

from voxtest.speech.audio import Floats
from voxtest.speech.noise.synth import render

CLIP_SECONDS = 6.0

BACKGROUND_SOUNDS: dict[str, str] = {
    "office-ambience": "office",
    "office": "office",
    "coffee-shop": "babble",
    "kitchen-noise": "office",
    "home-chatter": "babble",
    "vacuum-cleaner": "hum",
    "dog-barking": "street",
    "baby-crying": "babble",
    "keyboard-typing": "office",
    "coughing": "babble",
    "background-printer": "hum",
    "quiet-room": "pink",
    "air-conditioner": "hum",
    "construction-site": "brown",
    "busy-street": "street",
    "airport-boarding": "babble",
    "inside-car": "brown",
    "inside-train": "brown",
    "public-park": "pink",
    "rain-thunder": "pink",
    "windy-day": "brown",
    "restaurant": "babble",
    "shopping-mall": "babble",
    "stadium-crowd": "babble",
    "standard-hiss": "hiss",
    "static-radio": "hiss",
    "fan-buzz": "hum",
    "ship-humming": "hum",
    "two-people-talking": "babble",
    "train-station": "street",
    "holding-on-song": "music",
    "white-noise": "white",
    "pink-noise": "pink",
    "brown-noise": "brown",
}
ONE_SHOT_SOUNDS: dict[str, str] = {"beep": "beep", "cough1": "cough", "cough2": "cough",
                                   "office": "office"}  # fmt: skip


def known_sound(name: str) -> bool:
    key = name.strip().lower()
    return key in BACKGROUND_SOUNDS or key in ONE_SHOT_SOUNDS


@lru_cache(maxsize=64)
def noise_clip(name: str, one_shot: bool = False) -> Floats:
    """The clip for `name` (KeyError for unknown names). Background clips loop; one-shots
    (`beep`, `cough1`, ...) play once (an `office` one-shot is 1.5 s of office noise)."""
    key = name.strip().lower()
    seed = zlib.crc32(key.encode())
    if one_shot and key in ONE_SHOT_SOUNDS:
        kind = ONE_SHOT_SOUNDS[key]
        return render(kind, seed, 1.5, loop=False)
    clip = render(BACKGROUND_SOUNDS[key], seed, CLIP_SECONDS)
    clip.setflags(write=False)
    return clip

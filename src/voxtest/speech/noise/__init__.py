"""The bundled background and one-shot noise clips, generated deterministically at first use.

    clip = noise_clip("busy-street")          # float32, 16 kHz, RMS -20 dBFS, loops cleanly
    names = sorted(BACKGROUND_SOUNDS)         # Cekura's background sound names
    one_shot = noise_clip("beep")             # `<noise sound="beep"/>`: plays once

Nothing is stored on disk: each clip is synthesised from a seed (its name) by `synth` in a
few milliseconds and cached per process, so the package carries no audio files (0 bytes,
well under the 1 MB budget) and every run hears the same clip. Cekura's names are mapped
onto nine synthetic kinds (babble, street, office, white, pink, brown, hum, music, hiss);
they are stand-ins with the right spectrum and rhythm, not recordings.
"""

from __future__ import annotations

from voxtest.speech.noise.catalogue import (
    BACKGROUND_SOUNDS,
    ONE_SHOT_SOUNDS,
    known_sound,
    noise_clip,
)

__all__ = ["BACKGROUND_SOUNDS", "ONE_SHOT_SOUNDS", "known_sound", "noise_clip"]

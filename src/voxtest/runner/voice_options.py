"""How a voice call behaves: turn-taking rules, the caller's voice and noise, idle prompts,
simulated packet loss."""

from __future__ import annotations

from dataclasses import dataclass, field

from voxtest.domain import turn_taking as tt
from voxtest.domain.voice_tags import Background
from voxtest.speech.base import Voice


@dataclass(frozen=True)
class VoiceOptions:
    rules: tt.TurnRules = field(default_factory=tt.TurnRules)
    voice: Voice = field(default_factory=Voice)
    background: Background | None = None  # the personality's noise under every line
    hear_caller: bool = True  # transcribe the caller's own lines after the call
    idle_prompt: str = "Are you still there?"
    played_out_grace_s: float = 2.0  # script done: the agent may go on this long, then hang up
    packet_loss_percent: float = 0.0  # caller frames the agent does not hear (domain.network_loss)
    seed: int = 0  # which frames are lost: the same seed loses the same ones

"""The one pass over a call's audio every audio metric shares.

    analysis = analyse(facts.audio)            # blocking: run it in a thread
    facts = prepare(facts)                     # CallFacts with `audio.analysis` filled

Segments come from the run's timing record when it has them, else from the recording
through a voice activity detector (`vad_factory`, default `EnergyVad`). The recording, when
readable, is always scanned for the signal checks (clipping, dropouts) and the agent's pitch.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Literal

from voxtest.evaluation.audio.energy_vad import EnergyVad
from voxtest.evaluation.audio.facts import SPEAKERS, AudioFacts, Span
from voxtest.evaluation.audio.scan import ChannelScanner, ChannelSignal, PitchStats
from voxtest.evaluation.audio.segments import normalised
from voxtest.evaluation.audio.wav import RecordingError, read_blocks, wav_info
from voxtest.evaluation.model import MAIN_AGENT, TESTING_AGENT, CallFacts
from voxtest.speech.base import SAMPLE_RATE, VoiceActivityDetector

VadMaker = Callable[[], VoiceActivityDetector]
Source = Literal["timing_record", "recording", "none"]


@dataclass(frozen=True)
class AudioAnalysis:
    """Per speaker (`"Testing Agent"`, `"Main Agent"`): voiced segments and, when the
    recording was read, its signal; the agent's pitch; why the recording was not read."""

    segments: Mapping[str, tuple[Span, ...]]
    segments_from: Source
    duration_s: float | None
    signal: Mapping[str, ChannelSignal] | None = None
    pitch: PitchStats | None = None
    recording_error: str | None = None

    @property
    def caller(self) -> tuple[Span, ...]:
        return self.segments.get(TESTING_AGENT, ())

    @property
    def agent(self) -> tuple[Span, ...]:
        return self.segments.get(MAIN_AGENT, ())


def analyse(
    audio: AudioFacts, *, vad_factory: VadMaker | None = None, call_duration_s: float | None = None
) -> AudioAnalysis:
    """Never raises for the recording's sake: a missing or unreadable file is
    `recording_error`, and the timing record (if any) still gives the segments."""
    timed = audio.timed_segments()
    scanned: tuple[dict[str, list[Span]], dict[str, ChannelSignal], PitchStats, float] | None
    error = None
    try:
        scanned = _scan(audio, timed, vad_factory) if audio.recording_path else None
    except RecordingError as exc:
        scanned, error = None, str(exc)
    source: Source = "none"
    segments: Mapping[str, tuple[Span, ...]] = {}
    if timed is not None:
        segments, source = timed, "timing_record"
    elif scanned is not None:
        segments, source = {s: tuple(v) for s, v in scanned[0].items()}, "recording"
    segments = {s: tuple(normalised(segments.get(s, ()))) for s in SPEAKERS}
    ends = [e for spans in segments.values() for _, e in spans]
    duration = (
        audio.duration_s
        or (scanned[3] if scanned else None)
        or call_duration_s
        or (max(ends) if ends else None)
    )
    return AudioAnalysis(
        segments=segments,
        segments_from=source,
        duration_s=duration,
        signal=scanned[1] if scanned else None,
        pitch=scanned[2] if scanned else None,
        recording_error=error,
    )


def prepare(facts: CallFacts, *, vad_factory: VadMaker | None = None) -> CallFacts:
    """`facts` with its audio analysed (unchanged without audio or when already done)."""
    if facts.audio is None or facts.audio.analysis is not None:
        return facts
    analysis = analyse(facts.audio, vad_factory=vad_factory, call_duration_s=facts.duration_s)
    return dataclasses.replace(facts, audio=dataclasses.replace(facts.audio, analysis=analysis))


def analysis_of(facts: CallFacts) -> AudioAnalysis | None:
    """The call's analysis, computed here if `prepare` was not called (tests, tools)."""
    if facts.audio is None:
        return None
    return facts.audio.analysis or prepare(facts).audio.analysis  # type: ignore[union-attr]


def _scan(
    audio: AudioFacts,
    timed: Mapping[str, tuple[Span, ...]] | None,
    vad_factory: VadMaker | None,
) -> tuple[dict[str, list[Span]], dict[str, ChannelSignal], PitchStats, float]:
    assert audio.recording_path is not None
    info = wav_info(audio.recording_path)
    if info.channels < 2:
        raise RecordingError(
            f"the recording has {info.channels} channel(s): the speakers cannot be told apart"
        )
    if vad_factory is not None and info.sample_rate != SAMPLE_RATE:
        raise RecordingError(
            f"the recording is at {info.sample_rate} Hz; the VAD needs {SAMPLE_RATE} Hz"
        )
    make = vad_factory or (lambda: EnergyVad(info.sample_rate))
    caller_index = audio.testing_channel_index
    agent_index = 1 if caller_index == 0 else 0
    scanners = {
        TESTING_AGENT: ChannelScanner(info.sample_rate, make()),
        MAIN_AGENT: ChannelScanner(
            info.sample_rate,
            make(),
            measure_pitch=True,
            pitch_gate=timed[MAIN_AGENT] if timed is not None else None,
        ),
    }
    frames = 0
    for block in read_blocks(audio.recording_path):
        scanners[TESTING_AGENT].feed(block[:, caller_index].copy())
        scanners[MAIN_AGENT].feed(block[:, agent_index].copy())
        frames += len(block)
    results = {speaker: scanner.finish() for speaker, scanner in scanners.items()}
    return (
        {s: r[0] for s, r in results.items()},
        {s: r[1] for s, r in results.items()},
        results[MAIN_AGENT][2],
        frames / info.sample_rate,
    )

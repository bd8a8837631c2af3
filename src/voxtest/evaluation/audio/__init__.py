"""Audio metrics of a voice call, from its stereo recording and the run's timing record.

    facts = AudioFacts.from_json(run.details["audio"], home=settings.home)
    analysis = analyse(facts)           # one streaming pass over the WAV (blocking: a thread)
    value = metrics.latency(spec, call_facts_with_analysis)

`facts` (the record), `wav` (block reader), `energy_vad` (the default detector), `segments`
(timeline logic), `pitch` (YIN), `analysis` (the pass), `wer` (edit distance), `metrics_*`
(the `MetricValue`s). See docs/design/0005-audio-metrics.md.
"""

from voxtest.evaluation.audio.facts import AudioFacts, TurnTiming

__all__ = ["AudioFacts", "TurnTiming"]

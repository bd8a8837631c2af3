"""Predefined metrics computed from a call's facts alone: no model, no I/O beyond reading the
call's recording.

Each is selected by the catalogue's `function_name` (voxtest.services.metric_catalogue):

    get_latency                       Latency (in ms)          audio, else timing.latency
    check_infra_issues                Infrastructure Issues    audio, else timing.infra_issues
    detect_silence                    Detect Silence           audio, else timing.silence
    count_ai_interrupting_user        AI Interrupting User     audio
    count_user_interrupting_ai        User Interrupting AI     audio
    get_stop_time_after_interruption  Stop Time After ...      audio
    get_interruption_score            Interruption Score       audio
    get_talk_ratio                    Talk Ratio               audio
    get_words_per_minute              Words Per Minute         audio (+ transcript words)
    get_average_pitch                 Average Pitch            audio (the recording itself)
    get_transcription_accuracy        Transcription Accuracy   audio (the caller turns' text)
    check_tool_call_success           Tool Call Success        tools.tool_call_success
    get_mock_tool_call_accuracy       Mock Tool Call Accuracy  tools.mock_tool_call_accuracy
    check_end_state_matches           End State Matches        tools.end_state_matches

"audio" means `CallFacts.audio` (voice runs, `evaluation.audio`); a text run has none, and
the audio-only metrics are N/A there. Binary metrics pass (score 5, `passed` true) when the
call is healthy. The other predefined metrics need an LLM judge and are evaluated elsewhere.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

from voxtest.evaluation import timing, tools
from voxtest.evaluation.audio import metrics_speech as speech
from voxtest.evaluation.audio import metrics_timing as heard
from voxtest.evaluation.audio.analysis import AudioAnalysis, analysis_of
from voxtest.evaluation.metric_values import failed, not_applicable
from voxtest.evaluation.model import CallFacts, MetricSpec, MetricValue

Evaluator = Callable[[MetricSpec, CallFacts], MetricValue]
AudioEvaluator = Callable[[MetricSpec, CallFacts, AudioAnalysis], MetricValue]

NEEDS_AUDIO = "This metric needs the call's audio; it is computed on voice runs, not text runs."


def _audio(measure: AudioEvaluator, text: Evaluator | None = None) -> Evaluator:
    """On the call's audio when it has some, else on its text timings (or N/A)."""

    def evaluate(spec: MetricSpec, facts: CallFacts) -> MetricValue:
        analysis = analysis_of(facts)
        if analysis is not None and analysis.segments_from != "none":
            return measure(spec, facts, analysis)
        if text is not None:
            return text(spec, facts)
        if analysis is not None:
            return failed(spec, f"the call's audio could not be read: {analysis.recording_error}")
        return not_applicable(spec, NEEDS_AUDIO)

    return evaluate


EVALUATORS: Mapping[str, Evaluator] = {
    "get_latency": _audio(heard.latency, timing.latency),
    "check_infra_issues": _audio(heard.infra_issues, timing.infra_issues),
    "detect_silence": _audio(heard.silence, timing.silence),
    "count_ai_interrupting_user": _audio(speech.ai_interrupting_user),
    "count_user_interrupting_ai": _audio(speech.user_interrupting_ai),
    "get_stop_time_after_interruption": _audio(speech.stop_time_after_interruption),
    "get_interruption_score": _audio(speech.interruption_score),
    "get_talk_ratio": _audio(speech.talk_ratio),
    "get_words_per_minute": _audio(speech.words_per_minute),
    "get_average_pitch": _audio(speech.average_pitch),
    "get_transcription_accuracy": _audio(speech.transcription_accuracy),
    "check_tool_call_success": tools.tool_call_success,
    "get_mock_tool_call_accuracy": tools.mock_tool_call_accuracy,
    "check_end_state_matches": tools.end_state_matches,
}


def is_deterministic(spec: MetricSpec) -> bool:
    return spec.function_name in EVALUATORS


def evaluate(spec: MetricSpec, facts: CallFacts) -> MetricValue:
    """The metric's value on this call; a failure to evaluate (a bad configuration value)
    comes back as a `MetricValue` with `error`, never as an exception.

    Raises KeyError when the metric is not one of `EVALUATORS`."""
    evaluator = EVALUATORS[spec.function_name]
    try:
        return evaluator(spec, facts)
    except Exception as exc:  # the failure is the metric's result, not a crashed run
        return failed(spec, str(exc) or type(exc).__name__)


def evaluate_all(specs: Iterable[MetricSpec], facts: CallFacts) -> list[MetricValue]:
    """Values of the deterministic metrics among `specs`, in their order; others are left."""
    return [evaluate(spec, facts) for spec in specs if is_deterministic(spec)]

"""Predefined metrics computed from a call's facts alone: no model, no audio, no I/O.

Each is selected by the catalogue's `function_name` (voxtest.services.metric_catalogue):

    get_latency                  Latency (in ms)            timing.latency
    check_infra_issues           Infrastructure Issues      timing.infra_issues
    detect_silence               Detect Silence             timing.silence
    check_tool_call_success      Tool Call Success          tools.tool_call_success
    get_mock_tool_call_accuracy  Mock Tool Call Accuracy    tools.mock_tool_call_accuracy
    check_end_state_matches      End State Matches          tools.end_state_matches

Binary metrics pass (score 5, `passed` true) when the call is healthy. The other predefined
metrics need an LLM judge or the call's audio (Interruption Score, Words Per Minute and Talk
Ratio need speaking times a text run does not have) and are evaluated elsewhere.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

from voxtest.evaluation import timing, tools
from voxtest.evaluation.metric_values import failed
from voxtest.evaluation.model import CallFacts, MetricSpec, MetricValue

Evaluator = Callable[[MetricSpec, CallFacts], MetricValue]

EVALUATORS: Mapping[str, Evaluator] = {
    "get_latency": timing.latency,
    "check_infra_issues": timing.infra_issues,
    "detect_silence": timing.silence,
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

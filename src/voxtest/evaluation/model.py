"""The shapes every evaluator shares: what is known of a call, what a metric is, what it gave.

Pure data, no I/O: the run store builds `CallFacts` from a run (or a call log), evaluators
turn `(MetricSpec, CallFacts)` into `MetricValue`s, the store writes `MetricValue.to_wire()`
into the run's `evaluation.metrics[]`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from voxtest.evaluation.audio.facts import AudioFacts

# Cekura's canonical transcript roles (see voxtest.domain.transcript)
TESTING_AGENT = "Testing Agent"
MAIN_AGENT = "Main Agent"
FUNCTION_CALL = "Function Call"
FUNCTION_CALL_RESULT = "Function Call Result"


@dataclass(frozen=True)
class CallFacts:
    """Everything a metric may read about one finished call (a simulation run or a call log).

    `transcript` is Cekura's `transcript_object`: dicts with `role`, `content`, `start_time`,
    `end_time` (seconds from the start), `data` (tool calls), and for Main Agent turns
    `latency_ms` when it was measured."""

    transcript: tuple[dict[str, Any], ...] = ()
    duration_s: float | None = None
    ended_reason: str | None = None
    connected: bool = True
    mode: str = "simulation"  # or "observability"
    run_id: int | None = None
    call_log_id: int | None = None
    agent: dict[str, Any] = field(default_factory=dict)
    """name, description, language, inbound, contact_number, knowledge_base (list of
    {name, text}), topic_nodes, dropoff_nodes, mock_tools ({name, ...})."""
    scenario: dict[str, Any] = field(default_factory=dict)
    """name, instructions, conditional_action_instructions, expected_outcome_prompt,
    expected_tool_calls (names the run should have called), tags."""
    test_profile: dict[str, Any] = field(default_factory=dict)
    metadata: dict[str, Any] = field(default_factory=dict)
    dynamic_variables: dict[str, Any] = field(default_factory=dict)
    timestamp: str = ""  # ISO 8601, when the call started (UTC)
    provider_call_id: str = ""  # the voice/chat provider's id of the call, when known
    provider_call_data: dict[str, Any] = field(default_factory=dict)  # provider's call record
    audio: AudioFacts | None = None
    """A voice call's recording and timing record (None for text): audio metrics read it,
    Latency / Silence / Infrastructure Issues fall back to the transcript's times without."""

    def turns(self, role: str) -> list[dict[str, Any]]:
        return [t for t in self.transcript if t.get("role") == role]


@dataclass(frozen=True)
class MetricSpec:
    """A metric as stored (see storage.tables.Metric and services.metrics_wire)."""

    id: int
    name: str
    type: str = "llm_judge"  # llm_judge | custom_code | basic | custom_prompt
    eval_type: str = "binary"  # binary | continuous_qualitative | numeric | enum (+ legacy)
    description: str = ""  # the judge prompt of llm_judge metrics
    enum_values: tuple[str, ...] = ()
    evaluation_trigger: str = "always"  # always | automatic | custom
    evaluation_trigger_prompt: str = ""
    trigger_type: str = "llm_judge"  # for custom triggers: llm_judge | custom_code
    evaluation_trigger_custom_code: str = ""
    custom_code: str = ""
    function_name: str = ""  # predefined metrics: the catalogue's function
    code: str = ""  # predefined metrics: vocera_defined_metric_code
    configuration: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class MetricValue:
    """One metric's result on one call.

    `score` for binary (5 pass / 0 fail, with `passed`), continuous (0–5) and numeric
    metrics; `value` for enum metrics. `not_applicable` when a trigger skipped it or the
    metric could not apply (then score and value are None). `error` when evaluating failed:
    the failure is data, shown in `explanation`, never a crashed run."""

    metric_id: int
    name: str
    eval_type: str
    score: float | None = None
    value: str | None = None
    passed: bool | None = None
    explanation: tuple[str, ...] = ()
    extra: dict[str, Any] = field(default_factory=dict)
    not_applicable: bool = False
    error: str | None = None
    type: str = "llm_judge"
    function_name: str = ""
    code: str = ""

    @classmethod
    def from_wire(cls, item: dict[str, Any]) -> MetricValue:
        """Back from `to_wire()` (a stored value re-read to re-run the rubric)."""
        extra = dict(item.get("extra") or {})
        passed = extra.pop("passed", None)
        return cls(
            metric_id=int(item.get("id") or 0),
            name=str(item.get("name") or ""),
            eval_type=str(item.get("type") or "binary"),
            score=item.get("score"),
            value=item.get("value"),
            passed=passed if isinstance(passed, bool) else None,
            explanation=tuple(str(e) for e in item.get("explanation") or ()),
            not_applicable=bool(extra.pop("not_applicable", False)),
            error=extra.pop("error", None),
            function_name=str(extra.pop("function_name", "") or ""),
            code=str(extra.pop("vocera_defined_metric_code", "") or ""),
            extra=extra,
        )

    def to_wire(self) -> dict[str, Any]:
        """An item of the reference's `evaluation.metrics[]`
        (CallLogListSerializerMetricsWithExplanation)."""
        extra = dict(self.extra)
        if self.passed is not None:
            extra.setdefault("passed", self.passed)
        if self.not_applicable:
            extra.setdefault("not_applicable", True)
        if self.error is not None:
            extra.setdefault("error", self.error)
        if self.function_name:  # not fields of the reference's item: kept in `extra`
            extra.setdefault("function_name", self.function_name)
        if self.code:
            extra.setdefault("vocera_defined_metric_code", self.code)
        return {
            "id": self.metric_id,
            "name": self.name,
            "type": self.eval_type,
            "score": self.score,
            "enum": self.value if self.eval_type in ENUM_TYPES else None,
            "value": self.value,
            "explanation": list(self.explanation),
            "extra": extra,
        }


ENUM_TYPES = frozenset({"enum", "observability_topics", "observability_dropoff"})
BINARY_TYPES = frozenset(
    {"binary", "binary_qualitative", "binary_workflow_adherence", "evaluate_expected_outcome"}
)
PASS_SCORE, FAIL_SCORE = 5.0, 0.0

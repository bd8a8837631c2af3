"""One call, fully evaluated: every metric in its turn, the expected outcome, the rubric.

    evaluation = await evaluate_call(facts, specs, rubric_config, judge=LlmMetricJudge(...))

Order (Cekura's): deterministic metrics and LLM-judged metrics (concurrently), the expected
outcome, then custom_code metrics, which read the others' results by name, then the rubric.
A voice call's audio is analysed once, in a worker thread, before the deterministic metrics
read it (`evaluation.audio`). A metric nothing here can evaluate (an audio metric on a text
run, a model-judged audio metric) is N/A with the reason. Failures are data on the metric
(`MetricValue.error`); this never raises for a metric's sake.
"""

from __future__ import annotations

import asyncio
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from voxtest.evaluation import deterministic
from voxtest.evaluation.audio.analysis import prepare
from voxtest.evaluation.code_data import build_code_data
from voxtest.evaluation.expected_outcome import judge_expected_outcome
from voxtest.evaluation.llm_metrics import LlmMetricJudge
from voxtest.evaluation.model import CallFacts, MetricSpec, MetricValue
from voxtest.evaluation.rubric_eval import evaluate_rubric, run_success
from voxtest.evaluation.sandbox import run_custom_code, run_trigger_code

EXPECTED_OUTCOME = "evaluate_expected_outcome"
NEEDS_AUDIO = deterministic.NEEDS_AUDIO


@dataclass(frozen=True)
class Evaluation:
    metrics: tuple[MetricValue, ...]
    expected_outcome: dict[str, Any] | None
    rubric: list[dict[str, Any]]
    rubric_passed: bool
    success: bool

    def evaluation_wire(self) -> dict[str, Any]:
        return {"metrics": [m.to_wire() for m in self.metrics]}


async def evaluate_call(
    facts: CallFacts,
    specs: Sequence[MetricSpec],
    rubric_config: Mapping[str, Any] | None,
    *,
    judge: LlmMetricJudge,
    kept: Sequence[MetricValue] = (),
    max_parallel_llm: int = 8,
) -> Evaluation:
    """`kept`: values of metrics not re-evaluated now (they count for custom code and the
    rubric as they are)."""
    code = [s for s in specs if _is_users_code(s)]
    judged = [s for s in specs if not _is_users_code(s)]
    values: dict[int, MetricValue] = {v.metric_id: v for v in kept}
    slots = asyncio.Semaphore(max_parallel_llm)
    if facts.audio is not None and (code or any(map(deterministic.is_deterministic, judged))):
        facts = await asyncio.to_thread(prepare, facts)  # reads the whole recording once

    async def one(spec: MetricSpec) -> MetricValue:
        if deterministic.is_deterministic(spec):
            return deterministic.evaluate(spec, facts)
        if _is_expected_outcome(spec):
            return (await _expected(judge, facts, spec))[1]
        if LlmMetricJudge.handles(spec):
            async with slots:
                return await judge.evaluate(spec, facts)
        return _not_applicable(spec, NEEDS_AUDIO)

    for value in await asyncio.gather(*(one(s) for s in judged)):
        values[value.metric_id] = value
    expected: dict[str, Any] | None = None
    if facts.scenario.get("expected_outcome_prompt"):
        outcome, _ = await _expected(judge, facts, None)
        expected = outcome.to_wire()
    for spec in code:  # in order: a later one may read an earlier one's result
        values[spec.id] = await _custom_code(spec, facts, list(values.values()), judge)
    fresh = {s.id for s in specs}
    ordered = (
        *(v for v in kept if v.metric_id not in fresh),
        *(values[s.id] for s in specs if s.id in values),
    )
    names = {v.metric_id: v.name for v in ordered}
    rubric = evaluate_rubric(rubric_config, ordered, names)
    return Evaluation(
        metrics=ordered,
        expected_outcome=expected,
        rubric=rubric.to_wire(),
        rubric_passed=rubric.passed,
        success=run_success(facts.connected, rubric.passed),
    )


async def _expected(
    judge: LlmMetricJudge, facts: CallFacts, spec: MetricSpec | None
) -> tuple[Any, MetricValue]:
    """The model is asked once per call: the judge's cache answers a second time."""
    return await judge_expected_outcome(judge, facts, spec)


def _is_users_code(spec: MetricSpec) -> bool:
    """A user's custom_code metric (predefined metrics are typed custom_code too, but are
    identified by their function name)."""
    return spec.type == "custom_code" and not spec.function_name


def _is_expected_outcome(spec: MetricSpec) -> bool:
    return EXPECTED_OUTCOME in (spec.function_name, spec.eval_type)


async def _custom_code(
    spec: MetricSpec, facts: CallFacts, others: list[MetricValue], judge: LlmMetricJudge
) -> MetricValue:
    data = build_code_data(facts, others)
    helper = _code_judge(judge, facts)
    if spec.evaluation_trigger == "custom" and spec.trigger_type == "custom_code":
        decision = await run_trigger_code(spec, data, judge=helper)
        if not decision.should_run:
            reason = decision.error or "; ".join(decision.explanation) or "trigger not met"
            return _not_applicable(spec, f"Trigger not met: {reason}")
    return await run_custom_code(spec, data, judge=helper)


def _code_judge(judge: LlmMetricJudge, facts: CallFacts) -> Any:
    """`evaluate_llm_judge_metric(...)` inside custom code: the judge on this call's facts."""

    async def ask(
        _data: dict[str, Any], description: str, eval_type: str, enum_values: list[str]
    ) -> dict[str, Any]:
        spec = MetricSpec(
            id=0,
            name="evaluate_llm_judge_metric",
            eval_type=eval_type or "binary",
            description=description,
            enum_values=tuple(enum_values),
        )
        value = await judge.evaluate(spec, facts)
        if value.error is not None:
            raise RuntimeError(value.error)
        result: Any = value.value if value.value is not None else value.score
        return {"result": result, "explanation": list(value.explanation)}

    return ask


def _not_applicable(spec: MetricSpec, why: str) -> MetricValue:
    return MetricValue(
        metric_id=spec.id,
        name=spec.name,
        eval_type=spec.eval_type,
        not_applicable=True,
        explanation=(why,),
        type=spec.type,
        function_name=spec.function_name,
        code=spec.code,
    )

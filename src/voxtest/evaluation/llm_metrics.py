"""`LlmMetricJudge`: evaluates llm_judge metrics (and legacy basic / custom_prompt ones, and
the LLM-based predefined metrics) on a finished call. Never raises: failures are values.

    judge = LlmMetricJudge.from_settings(settings)       # or LlmMetricJudge(model, cache)
    value = await judge.evaluate(spec, facts)            # a MetricValue

A call without transcript gives a not-applicable value. Otherwise, first the trigger:
`always` evaluates; `custom` asks the trigger prompt (or runs the injected `code_trigger` for
trigger_type custom_code) and `automatic` asks whether the metric is relevant to the call; a
"no" gives a not-applicable value. Then the metric: a predefined one (by `function_name`)
asks its own question (see llm_metrics_accuracy / _conversation / _experience, and
expected_outcome), a custom one fills its description's `{{variables}}` and asks for
`{"explanation": [...], "value": ...}` of its eval type. A missing model, a timeout or an
answer unusable twice gives a value with `error` and an explanation of what to fix.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import replace
from typing import TypeVar

from voxtest.errors import ConfigError
from voxtest.evaluation import expected_outcome
from voxtest.evaluation.llm_metrics_accuracy import (
    Skip,
    plan_consistency,
    plan_critical_deviations,
    plan_hallucination,
    plan_relevancy,
    plan_voicemail,
)
from voxtest.evaluation.llm_metrics_ask import JudgeAsker, JudgeCache, JudgeFailed, Question
from voxtest.evaluation.llm_metrics_conversation import (
    plan_casual_chat,
    plan_repetition,
    plan_termination,
    plan_verbosity,
)
from voxtest.evaluation.llm_metrics_experience import (
    node_choices,
    plan_csat,
    plan_dropoff,
    plan_sentiment,
    plan_topic,
)
from voxtest.evaluation.llm_metrics_prompts import (
    JUDGE_SYSTEM,
    TRIGGER_SHAPE,
    custom_metric_rules,
    custom_metric_user,
    relevance_user,
    transcript_text,
    trigger_user,
)
from voxtest.evaluation.llm_metrics_values import (
    Reading,
    binary_reading,
    failed_value,
    judged_eval_type,
    metric_value,
    not_applicable_value,
    reader_for,
)
from voxtest.evaluation.model import CallFacts, MetricSpec, MetricValue
from voxtest.evaluation.prompt_vars import fill_prompt, uses_variable
from voxtest.llm.base import ChatMessage, ChatModel, ChatResult, ToolSpec
from voxtest.llm.registry import judge_model
from voxtest.services.metric_catalogue import by_function
from voxtest.settings import Settings

log = logging.getLogger("voxtest.evaluation")
T = TypeVar("T")
Plan = Callable[[CallFacts, MetricSpec], "Question[Reading] | Skip"]
CodeTrigger = Callable[[MetricSpec, CallFacts], Awaitable[tuple[bool, str]]]
"""Runs a custom_code trigger: (whether the metric applies, the trigger's explanation)."""

PREDEFINED: dict[str, Plan] = {
    "check_hallucination": plan_hallucination,
    "check_relevancy": plan_relevancy,
    "check_response_consistency": plan_consistency,
    "check_critical_deviations": plan_critical_deviations,
    "detect_voicemail": plan_voicemail,
    "count_unnecessary_repetition": plan_repetition,
    "get_unnecessary_repetition_score": plan_repetition,
    "get_verbosity": plan_verbosity,
    "check_termination_by_main_agent": plan_termination,
    "check_termination_by_testing_agent": plan_termination,
    "get_casual_chat_response_score": plan_casual_chat,
    "get_csat": plan_csat,
    "get_sentiment": plan_sentiment,
    "get_topic_of_call": plan_topic,
    "get_dropoff_node": plan_dropoff,
}
LLM_FUNCTIONS = frozenset({*PREDEFINED, expected_outcome.FUNCTION_NAME})
"""The predefined metrics this judge evaluates (the others are audio or code metrics)."""
PROMPT_TYPES = frozenset({"llm_judge", "basic", "custom_prompt"})


class LlmMetricJudge:
    """Evaluates metrics with `model`; answers are cached in `cache` (in-memory by default)."""

    def __init__(
        self,
        model: ChatModel,
        cache: JudgeCache | None = None,
        *,
        code_trigger: CodeTrigger | None = None,
        timeout_seconds: float | None = 180.0,
    ) -> None:
        """`timeout_seconds` bounds each model call, waiting included (None: no bound)."""
        self.asker = JudgeAsker(model, cache, timeout_seconds=timeout_seconds)
        self.code_trigger = code_trigger

    @classmethod
    def from_settings(
        cls,
        settings: Settings,
        cache: JudgeCache | None = None,
        *,
        code_trigger: CodeTrigger | None = None,
    ) -> LlmMetricJudge:
        """The judge on the configured judge model; without one, every evaluation gives an
        error value naming the settings to set. An in-process model has no call deadline
        (its calls queue behind each other); a remote one gets the adapter's own timeouts
        and retries plus a margin."""
        try:
            model: ChatModel = judge_model(settings)
        except ConfigError as exc:
            model = UnavailableModel(exc)
        return cls(model, cache, code_trigger=code_trigger, timeout_seconds=deadline(settings))

    @property
    def model(self) -> ChatModel:
        return self.asker.model

    @staticmethod
    def handles(spec: MetricSpec) -> bool:
        """Whether `spec` is a metric this judge evaluates."""
        if spec.function_name:
            return spec.function_name in LLM_FUNCTIONS
        return spec.type in PROMPT_TYPES

    async def ask(self, question: Question[T]) -> T:
        """One question to the judge model (raises `JudgeFailed`)."""
        return await self.asker.ask(question)

    async def evaluate(self, spec: MetricSpec, facts: CallFacts) -> MetricValue:
        spec = catalogued(spec)
        if not facts.transcript:
            return not_applicable_value(spec, ("The call has no transcript to judge.",))
        try:
            skipped = await self._skip_reason(spec, facts)
            if skipped:
                return not_applicable_value(spec, skipped)
            if spec.function_name:
                return await self._predefined(spec, facts)
            return await self._custom(spec, facts)
        except JudgeFailed as failure:
            return failed_value(spec, failure)
        except Exception as exc:  # a bug must not crash the run: report it as the value
            log.exception("evaluating metric %s (%s) failed", spec.id, spec.name)
            bug = JudgeFailed(
                f"Evaluating this metric failed: {type(exc).__name__}: {exc}",
                "This is a voxtest bug; please report it with the metric's definition.",
            )
            return failed_value(spec, bug)

    async def _skip_reason(self, spec: MetricSpec, facts: CallFacts) -> tuple[str, ...]:
        """Why the trigger skips the metric (empty when it applies)."""
        if spec.evaluation_trigger == "custom" and spec.trigger_type == "custom_code":
            return await self._code_trigger(spec, facts)
        if spec.evaluation_trigger == "custom":
            condition = fill_prompt(spec.evaluation_trigger_prompt, facts).strip()
            if not condition:
                raise JudgeFailed(
                    "The metric's custom trigger has no prompt.",
                    "Set evaluation_trigger_prompt, or use evaluation_trigger always.",
                )
            reading = await self.ask(self._yes_no("trigger", trigger_user(facts, condition), facts))
            return () if reading.passed else (f"Trigger not met: {condition}", *reading.explanation)
        if spec.evaluation_trigger == "automatic":
            about = spec.description or _catalogue_description(spec)
            user = relevance_user(facts, spec.name, fill_prompt(about, facts))
            reading = await self.ask(self._yes_no("relevance", user, facts))
            if not reading.passed:
                return ("Not relevant to this call.", *reading.explanation)
        return ()

    async def _code_trigger(self, spec: MetricSpec, facts: CallFacts) -> tuple[str, ...]:
        if self.code_trigger is None:
            raise JudgeFailed(
                "The metric's custom_code trigger cannot run: no code sandbox is available.",
                "Use trigger_type llm_judge with an evaluation_trigger_prompt instead.",
            )
        try:
            applies, why = await self.code_trigger(spec, facts)
        except Exception as exc:
            raise JudgeFailed(
                f"The metric's trigger code failed: {type(exc).__name__}: {exc}",
                "Fix evaluation_trigger_custom_code (it must set _result and _explanation).",
            ) from exc
        return () if applies else (f"Trigger not met: {why}" if why else "Trigger not met.",)

    def _yes_no(self, kind: str, user: str, facts: CallFacts) -> Question[Reading]:
        return Question(kind, JUDGE_SYSTEM, user, transcript_text(facts), TRIGGER_SHAPE,
                        binary_reading)  # fmt: skip

    async def _predefined(self, spec: MetricSpec, facts: CallFacts) -> MetricValue:
        if spec.function_name == expected_outcome.FUNCTION_NAME:
            _, value = await expected_outcome.judge_expected_outcome(self, facts, spec)
            return value
        plan = PREDEFINED.get(spec.function_name)
        if plan is None:
            raise JudgeFailed(
                f"{spec.name} ({spec.function_name}) is not an LLM-judged metric.",
                "It is computed from the audio or by code, not by the judge model.",
            )
        planned = plan(facts, spec)
        if isinstance(planned, Skip):
            return not_applicable_value(spec, (planned.reason,))
        return metric_value(spec, await self.ask(planned))

    async def _custom(self, spec: MetricSpec, facts: CallFacts) -> MetricValue:
        if spec.type not in PROMPT_TYPES:
            raise JudgeFailed(
                f"A {spec.type} metric is not evaluated by the judge model.",
                "Only llm_judge (and legacy basic / custom_prompt) metrics are.",
            )
        eval_type = judged_eval_type(spec.eval_type)
        if eval_type is None:
            raise JudgeFailed(
                f"Unknown eval_type {spec.eval_type!r}.",
                "Use binary, continuous_qualitative, numeric or enum.",
            )
        criteria = spec.description.strip()
        if not criteria:
            raise JudgeFailed(
                "The metric has no prompt.", "Write its evaluation criteria in description."
            )
        choices = _enum_choices(spec, facts) if eval_type == "enum" else ()
        if eval_type == "enum" and not choices:
            raise JudgeFailed("This enum metric has no enum_values.", "Set its enum_values.")
        rules, answer_shape = custom_metric_rules(eval_type, choices)
        inline = uses_variable(criteria, "transcript") or uses_variable(criteria, "transcript_json")
        user = custom_metric_user(
            facts, fill_prompt(criteria, facts), rules, answer_shape, transcript_inline=inline
        )
        question = Question(
            eval_type, JUDGE_SYSTEM, user, transcript_text(facts), answer_shape,
            reader_for(eval_type, choices),
        )  # fmt: skip
        return metric_value(spec, await self.ask(question))


class UnavailableModel:
    """Stands in for a judge model that could not be built: every call raises why."""

    def __init__(self, problem: ConfigError) -> None:
        self.problem = problem

    @property
    def name(self) -> str:
        return "unconfigured"

    async def complete(
        self,
        messages: Sequence[ChatMessage],
        *,
        tools: Sequence[ToolSpec] | None = None,
        temperature: float | None = None,
        max_tokens: int | None = None,
    ) -> ChatResult:
        raise self.problem

    async def aclose(self) -> None:
        """Nothing to free."""


def deadline(settings: Settings) -> float | None:
    """Seconds a judge call may take, waiting included, for the configured judge model."""
    if (settings.judge_provider or settings.llm_provider) == "llama_cpp":
        return None
    per_try = settings.judge_timeout_seconds or settings.llm_timeout_seconds
    retries = settings.llm_max_retries
    if settings.judge_max_retries is not None:
        retries = settings.judge_max_retries
    return max(180.0, per_try * (retries + 1) + 60.0)


def catalogued(spec: MetricSpec) -> MetricSpec:
    """A predefined metric with the catalogue's code, and its eval type unless the spec's
    names the same kind of answer (legacy names such as evaluate_expected_outcome stay)."""
    entry = by_function(spec.function_name)
    if entry is None:
        return spec
    same_kind = judged_eval_type(spec.eval_type) == judged_eval_type(entry.eval_type)
    return replace(
        spec,
        code=spec.code or entry.code,
        eval_type=spec.eval_type if same_kind else entry.eval_type,
        enum_values=spec.enum_values or entry.enum_values,
    )


def _catalogue_description(spec: MetricSpec) -> str:
    entry = by_function(spec.function_name)
    return entry.description if entry is not None else ""


def _enum_choices(spec: MetricSpec, facts: CallFacts) -> tuple[str, ...]:
    """The spec's enum_values; legacy topic/dropoff metrics fall back to the agent's nodes."""
    if spec.enum_values:
        return spec.enum_values
    nodes = {"observability_topics": "topic_nodes", "observability_dropoff": "dropoff_nodes"}
    key = nodes.get(spec.eval_type)
    return tuple(name for name, _ in node_choices(facts, spec, key)) if key else ()

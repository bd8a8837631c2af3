"""Custom LLM-judged metrics with a scripted judge: eval types, parsing and repair, cache,
triggers, and failures that become values."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

import pytest

from voxtest.evaluation.llm_metrics import LlmMetricJudge, deadline
from voxtest.evaluation.llm_metrics_ask import MemoryJudgeCache, first_json_object
from voxtest.evaluation.model import CallFacts, MetricSpec
from voxtest.llm.base import ChatMessage, ChatResult, ModelError, ToolSpec
from voxtest.llm.fake import ScriptedModel
from voxtest.settings import Settings

TRANSCRIPT = (
    {"role": "Main Agent", "content": "Bright Smile Dental, how can I help?", "start_time": 0.0,
     "end_time": 2.0},
    {"role": "Testing Agent", "content": "I need to cancel my cleaning.", "start_time": 3.0,
     "end_time": 5.0},
    {"role": "Main Agent", "content": "Sure. What's your date of birth?", "start_time": 6.0,
     "end_time": 8.0},
)  # fmt: skip
FACTS = CallFacts(transcript=TRANSCRIPT, ended_reason="Testing agent-ended-call",
                  test_profile={"name": "Sarah"})  # fmt: skip
CRITERIA = "Did the agent ask {{test_profile.name}} for her date of birth?"


def metric(**changes: Any) -> MetricSpec:
    return replace(MetricSpec(id=7, name="Asks DOB", description=CRITERIA), **changes)


def answer(value: Any, *explanation: str) -> str:
    return json.dumps({"explanation": list(explanation), "value": value})


def user_prompt(model: ScriptedModel, call: int = 0) -> str:
    return model.calls[call].messages[1].content or ""


@pytest.mark.parametrize(
    ("said", "passed", "score"),
    [
        (True, True, 5.0),
        ("yes", True, 5.0),
        (5, True, 5.0),
        (False, False, 0.0),
        ("no", False, 0.0),
    ],
)
async def test_binary_scores_five_or_zero(said: Any, passed: bool, score: float) -> None:
    model = ScriptedModel([answer(said, "[00:06] asks for the date of birth")])
    value = await LlmMetricJudge(model).evaluate(metric(), FACTS)
    assert (value.passed, value.score, value.error) == (passed, score, None)
    assert value.explanation == ("[00:06] asks for the date of birth",)
    assert value.to_wire()["extra"]["passed"] is passed
    prompt = user_prompt(model)
    assert "Did the agent ask Sarah for her date of birth?" in prompt  # variables filled
    assert "[00:06] Main Agent: Sure. What's your date of birth?" in prompt
    assert model.calls[0].temperature == 0.0


@pytest.mark.parametrize(
    ("eval_type", "said", "score", "value"),
    [
        ("continuous_qualitative", 3.5, 3.5, None),
        ("continuous_qualitative", "4", 4.0, None),
        ("numeric", 12, 12.0, None),
        ("numeric", "-2.5", -2.5, None),
        ("binary_workflow_adherence", True, 5.0, None),
        ("binary_qualitative", False, 0.0, None),
        ("boolean", "pass", 5.0, None),
        ("rating", 2, 2.0, None),
        ("enum", " Billing ", None, "billing"),
        ("observability_topics", "scheduling", None, "scheduling"),
    ],
)
async def test_each_eval_type_reads_its_value(
    eval_type: str, said: Any, score: float | None, value: str | None
) -> None:
    spec = metric(eval_type=eval_type, enum_values=("scheduling", "billing"))
    result = await LlmMetricJudge(ScriptedModel([answer(said)])).evaluate(spec, FACTS)
    assert (result.score, result.value, result.error) == (score, value, None)
    assert result.eval_type == eval_type  # legacy names are kept on the value


async def test_enum_prompt_lists_the_allowed_values() -> None:
    model = ScriptedModel([answer("billing")])
    spec = metric(eval_type="enum", enum_values=("scheduling", "billing"))
    await LlmMetricJudge(model).evaluate(spec, FACTS)
    assert '"scheduling", "billing"' in user_prompt(model)


async def test_enum_out_of_range_twice_is_an_error_naming_the_allowed_values() -> None:
    model = ScriptedModel([answer("refunds"), answer("complaints")])
    spec = metric(eval_type="enum", enum_values=("scheduling", "billing"))
    value = await LlmMetricJudge(model).evaluate(spec, FACTS)
    assert value.error is not None and value.value is None and value.score is None
    assert "'complaints'" in value.error and "'scheduling', 'billing'" in value.error
    assert "'refunds'" in (model.calls[1].messages[-1].content or "")  # the repair request


async def test_out_of_range_answer_is_repaired_once() -> None:
    model = ScriptedModel([answer(7), answer(4, "fine")])
    value = await LlmMetricJudge(model).evaluate(metric(eval_type="continuous_qualitative"), FACTS)
    assert value.score == 4.0 and value.error is None
    repair = model.calls[1].messages
    assert repair[-2] == ChatMessage("assistant", answer(7))
    assert "between 0 and 5" in (repair[-1].content or "")


async def test_bad_json_then_a_repaired_answer() -> None:
    model = ScriptedModel(["I believe the agent did ask.", "```json\n" + answer(True) + "\n```"])
    value = await LlmMetricJudge(model).evaluate(metric(), FACTS)
    assert value.passed is True and len(model.calls) == 2
    assert "no JSON object" in (model.calls[1].messages[-1].content or "")


async def test_bad_json_twice_is_an_error_value_that_says_what_to_fix() -> None:
    model = ScriptedModel(["yes", '{"explanation": ["x"], "value": "maybe"}'])
    value = await LlmMetricJudge(model).evaluate(metric(), FACTS)
    assert value.error is not None and "twice" in value.error
    assert value.score is None and value.passed is None
    assert any("VOXTEST_JUDGE_MODEL" in line for line in value.explanation)
    assert any("maybe" in line for line in value.explanation)  # what the model said
    assert value.to_wire()["extra"]["error"] == value.error


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('Sure: {"value": false} and also {"value": true}', {"value": False}),
        ('{not json} then {"value": 1}', {"value": 1}),
        ('["a"] {"value": {"nested": true}}', {"value": {"nested": True}}),
        ('{"value": "unterminated', None),
        ("no braces at all", None),
    ],
)
def test_the_first_json_object_is_read(text: str, expected: dict[str, Any] | None) -> None:
    assert first_json_object(text) == expected


async def test_identical_evaluations_ask_once_and_a_new_transcript_asks_again() -> None:
    model = ScriptedModel([answer(True), answer(False)])
    judge = LlmMetricJudge(model)
    first = await judge.evaluate(metric(), FACTS)
    again = await judge.evaluate(metric(), FACTS)
    assert len(model.calls) == 1 and again == first
    shorter = replace(FACTS, transcript=TRANSCRIPT[:2])
    other = await judge.evaluate(metric(), shorter)
    assert len(model.calls) == 2 and other.passed is False


async def test_the_cache_key_includes_the_eval_type_and_model() -> None:
    cache = MemoryJudgeCache()
    model = ScriptedModel([answer(True), answer(3)], name="a")
    await LlmMetricJudge(model, cache).evaluate(metric(), FACTS)
    await LlmMetricJudge(model, cache).evaluate(metric(eval_type="numeric"), FACTS)
    other_model = ScriptedModel([answer(False)], name="b")
    await LlmMetricJudge(other_model, cache).evaluate(metric(), FACTS)
    assert len(model.calls) == 2 and len(other_model.calls) == 1 and len(cache) == 3


async def test_concurrent_identical_evaluations_share_one_call() -> None:
    async def slow(messages: Sequence[ChatMessage], tools: Sequence[ToolSpec]) -> str:
        await asyncio.sleep(0.01)
        return answer(True)

    model = ScriptedModel(slow)
    judge = LlmMetricJudge(model)
    values = await asyncio.gather(*(judge.evaluate(metric(), FACTS) for _ in range(3)))
    assert len(model.calls) == 1 and all(v.passed for v in values)


class DictCache:
    def __init__(self) -> None:
        self.stored: dict[str, dict[str, Any]] = {}

    async def get(self, key: str) -> dict[str, Any] | None:
        return self.stored.get(key)

    async def put(self, key: str, answer: dict[str, Any]) -> None:
        self.stored[key] = answer


async def test_a_backing_cache_keeps_answers_across_judges() -> None:
    backing = DictCache()
    first = ScriptedModel([answer(True)])
    await LlmMetricJudge(first, MemoryJudgeCache(backing=backing)).evaluate(metric(), FACTS)
    second = ScriptedModel([])
    value = await LlmMetricJudge(second, MemoryJudgeCache(backing=backing)).evaluate(
        metric(), FACTS
    )
    assert value.passed is True and second.calls == [] and len(backing.stored) == 1


async def test_errors_are_not_cached() -> None:
    model = ScriptedModel(["nope", "nope", answer(True)])
    judge = LlmMetricJudge(model)
    assert (await judge.evaluate(metric(), FACTS)).error is not None
    assert (await judge.evaluate(metric(), FACTS)).passed is True


async def test_custom_trigger_no_gives_not_applicable_without_asking_the_metric() -> None:
    model = ScriptedModel([answer(False, "The caller never asks to cancel.")])
    spec = metric(evaluation_trigger="custom", evaluation_trigger_prompt="The caller reschedules")
    value = await LlmMetricJudge(model).evaluate(spec, FACTS)
    assert value.not_applicable and value.score is None and value.error is None
    assert value.explanation[0] == "Trigger not met: The caller reschedules"
    assert "The caller never asks to cancel." in value.explanation
    assert len(model.calls) == 1 and "The caller reschedules" in user_prompt(model)


async def test_custom_trigger_yes_goes_on_to_the_metric() -> None:
    model = ScriptedModel([answer(True), answer(False)])
    spec = metric(evaluation_trigger="custom", evaluation_trigger_prompt="The caller cancels")
    value = await LlmMetricJudge(model).evaluate(spec, FACTS)
    assert value.passed is False and not value.not_applicable and len(model.calls) == 2
    assert CRITERIA.replace("{{test_profile.name}}", "Sarah") in user_prompt(model, 1)


async def test_automatic_trigger_skips_an_irrelevant_metric() -> None:
    model = ScriptedModel([answer(False, "No payment is discussed.")])
    spec = metric(evaluation_trigger="automatic", description="Did the agent take the payment?")
    value = await LlmMetricJudge(model).evaluate(spec, FACTS)
    assert value.not_applicable and value.explanation[0] == "Not relevant to this call."
    assert "Did the agent take the payment?" in user_prompt(model)
    assert len(model.calls) == 1


async def test_code_trigger_is_injected() -> None:
    seen: list[str] = []

    async def run_code(spec: MetricSpec, facts: CallFacts) -> tuple[bool, str]:
        seen.append(spec.evaluation_trigger_custom_code)
        return False, "no cancellation"

    spec = metric(evaluation_trigger="custom", trigger_type="custom_code",
                  evaluation_trigger_custom_code="_result = False")  # fmt: skip
    model = ScriptedModel([])
    value = await LlmMetricJudge(model, code_trigger=run_code).evaluate(spec, FACTS)
    assert value.not_applicable and value.explanation == ("Trigger not met: no cancellation",)
    assert seen == ["_result = False"] and model.calls == []
    without = await LlmMetricJudge(model).evaluate(spec, FACTS)
    assert without.error is not None and "sandbox" in without.error


def unconfigured() -> Settings:
    return Settings(llm_base_url="", llm_model="", judge_base_url="", judge_model="",
                    llm_provider="openai", judge_provider="")  # fmt: skip


async def test_a_missing_model_is_an_error_value_naming_the_settings() -> None:
    value = await LlmMetricJudge.from_settings(unconfigured()).evaluate(metric(), FACTS)
    assert value.error == "No judge model is configured."
    assert "VOXTEST_JUDGE_MODEL" in value.explanation[1]
    assert "VOXTEST_LLM_MODEL" in value.explanation[1]


async def test_a_slow_model_times_out_into_an_error_value() -> None:
    async def stuck(messages: Sequence[ChatMessage], tools: Sequence[ToolSpec]) -> str:
        await asyncio.sleep(5)
        return answer(True)

    value = await LlmMetricJudge(ScriptedModel(stuck), timeout_seconds=0.05).evaluate(
        metric(), FACTS
    )
    assert value.error is not None and "did not answer within 0.05 s" in value.error


async def test_a_failing_model_call_is_an_error_value() -> None:
    def limited(messages: Sequence[ChatMessage], tools: Sequence[ToolSpec]) -> str:
        raise ModelError("429 rate limited", retryable=True)

    value = await LlmMetricJudge(ScriptedModel(limited)).evaluate(metric(), FACTS)
    assert value.error is not None and "429 rate limited" in value.error
    assert "temporary" in value.explanation[1]


@pytest.mark.parametrize(
    ("changes", "error"),
    [
        ({"description": "  "}, "no prompt"),
        ({"eval_type": "stars"}, "Unknown eval_type"),
        ({"eval_type": "enum", "enum_values": ()}, "no enum_values"),
        ({"type": "custom_code"}, "custom_code metric is not evaluated"),
        ({"evaluation_trigger": "custom", "evaluation_trigger_prompt": ""}, "no prompt"),
    ],
)
async def test_unusable_definitions_are_error_values(changes: dict[str, Any], error: str) -> None:
    model = ScriptedModel([])
    value = await LlmMetricJudge(model).evaluate(metric(**changes), FACTS)
    assert value.error is not None and error in value.error and model.calls == []


async def test_a_prompt_naming_the_transcript_does_not_get_it_twice() -> None:
    model = ScriptedModel([answer(True)])
    spec = metric(description="Read this call:\n{{transcript}}\nDid the agent greet?")
    await LlmMetricJudge(model).evaluate(spec, FACTS)
    assert user_prompt(model).count("Bright Smile Dental, how can I help?") == 1


class JsonModeModel(ScriptedModel):
    """A model whose `complete` takes `response_format`, like an OpenAI JSON-mode adapter."""

    formats: list[Any]

    async def complete(
        self,
        messages: Sequence[ChatMessage],
        *,
        tools: Sequence[ToolSpec] | None = None,
        temperature: float | None = None,
        max_tokens: int | None = None,
        response_format: Any = None,
    ) -> ChatResult:
        self.formats = [*getattr(self, "formats", []), response_format]
        return await super().complete(
            messages, tools=tools, temperature=temperature, max_tokens=max_tokens
        )


async def test_json_mode_is_requested_when_the_model_supports_it() -> None:
    plain, json_mode = ScriptedModel([answer(True)]), JsonModeModel([answer(True)])
    await LlmMetricJudge(plain).evaluate(metric(), FACTS)
    await LlmMetricJudge(json_mode).evaluate(metric(), FACTS)
    assert json_mode.formats == [{"type": "json_object"}]


async def test_a_call_without_transcript_is_not_judged() -> None:
    model = ScriptedModel([])
    value = await LlmMetricJudge(model).evaluate(metric(), CallFacts(ended_reason="busy"))
    assert value.not_applicable and value.explanation == ("The call has no transcript to judge.",)
    assert model.calls == []


def test_the_call_deadline_follows_the_model_settings() -> None:
    assert deadline(replace_settings(judge_provider="llama_cpp")) is None
    remote = replace_settings(llm_timeout_seconds=60.0, llm_max_retries=3)
    assert deadline(remote) == 300.0  # 4 tries of 60 s and a minute's margin
    quick = replace_settings(judge_timeout_seconds=10.0, judge_max_retries=0)
    assert deadline(quick) == 180.0


def replace_settings(**values: Any) -> Settings:
    return unconfigured().model_copy(update=values)

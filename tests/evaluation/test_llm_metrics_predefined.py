"""The LLM-based predefined metrics: what each asks, how its answer is scored, when it is N/A."""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any

import pytest

from voxtest.evaluation.llm_metrics import LlmMetricJudge
from voxtest.evaluation.model import CallFacts, MetricSpec, MetricValue
from voxtest.llm.fake import ScriptedModel
from voxtest.services.metric_catalogue import by_function

KB = [{"name": "hours.txt", "text": "Open Monday to Friday, 8am to 5pm. Cleanings cost $120."}]
INSTRUCTIONS = "Verify the caller's date of birth before changing any appointment."
AGENT = {
    "id": 3,
    "name": "Receptionist",
    "description": INSTRUCTIONS,
    "knowledge_base": KB,
    "topic_nodes": [{"name": "Booking", "description": "new appointments"}, {"name": "Billing"}],
    "dropoff_nodes": ["Greeting", "Verification", "Scheduling"],
}
TRANSCRIPT = tuple(
    {"role": role, "content": text, "start_time": float(i * 5), "end_time": float(i * 5 + 3)}
    for i, (role, text) in enumerate(
        [
            ("Main Agent", "Bright Smile Dental, how can I help?"),
            ("Testing Agent", "How much is a cleaning, and are you open Saturdays?"),
            ("Main Agent", "A cleaning is $120, and yes, we are open Saturdays."),
            ("Testing Agent", "Great, thanks. Bye."),
            ("Main Agent", "A cleaning is $120. Goodbye!"),
        ]
    )
)
FACTS = CallFacts(transcript=TRANSCRIPT, ended_reason="Main agent-ended-call", agent=AGENT)


def predefined(function_name: str, **changes: Any) -> MetricSpec:
    entry = by_function(function_name)
    assert entry is not None
    spec = MetricSpec(id=40 + entry.id, name=entry.name, type=entry.type,
                      eval_type=entry.eval_type, function_name=function_name)  # fmt: skip
    return replace(spec, **changes)


async def evaluate(
    function_name: str, *replies: dict[str, Any], facts: CallFacts = FACTS, **changes: Any
) -> tuple[MetricValue, ScriptedModel]:
    model = ScriptedModel([json.dumps(reply) for reply in replies])
    value = await LlmMetricJudge(model).evaluate(predefined(function_name, **changes), facts)
    return value, model


def asked(model: ScriptedModel) -> str:
    return "\n".join(m.content or "" for m in model.calls[0].messages)


async def test_hallucination_fails_on_an_unsupported_claim_checked_against_the_kb() -> None:
    claim = {"time": "00:10", "claim": "open Saturdays", "why": "KB says Monday to Friday"}
    value, model = await evaluate(
        "check_hallucination", {"explanation": [], "unsupported_claims": [claim]}
    )
    assert (value.passed, value.score) == (False, 0.0)
    assert value.extra["unsupported_claims"] == [claim]
    assert value.explanation == ("[00:10] open Saturdays - KB says Monday to Friday",)
    assert (value.function_name, value.code) == ("check_hallucination", "017c4c24")
    assert "Open Monday to Friday, 8am to 5pm." in asked(model) and "## hours.txt" in asked(model)


async def test_hallucination_passes_with_no_claims_and_needs_reference_material() -> None:
    value, _ = await evaluate("check_hallucination", {"unsupported_claims": ["none"]})
    assert (value.passed, value.score) == (True, 5.0)
    bare = replace(FACTS, agent={"name": "Receptionist"})
    skipped, model = await evaluate("check_hallucination", facts=bare)
    assert skipped.not_applicable and "knowledge base" in skipped.explanation[0]
    assert model.calls == []


async def test_a_missing_problem_list_is_repaired() -> None:
    value, model = await evaluate("check_relevancy", {"value": True}, {"irrelevant_responses": []})
    assert value.passed is True and len(model.calls) == 2
    assert '"irrelevant_responses"' in (model.calls[1].messages[-1].content or "")


async def test_response_consistency_lists_inconsistencies() -> None:
    issue = {"time": "00:20", "issue": "says open Saturdays, then implies closed"}
    value, _ = await evaluate("check_response_consistency", {"inconsistencies": [issue]})
    assert value.passed is False and value.extra["inconsistencies"] == [issue]


async def test_critical_deviations_become_categories() -> None:
    deviations = [
        {"time": "00:10", "category": "Verification", "deviation": "no DOB asked",
         "priority": "HIGH"},
        {"category": "Closing", "deviation": "no recap", "priority": "urgent"},
    ]  # fmt: skip
    value, model = await evaluate(
        "check_critical_deviations", {"explanation": ["skipped DOB"], "deviations": deviations}
    )
    assert value.passed is False and value.explanation == ("skipped DOB",)
    assert value.extra["categories"] == [
        {"category_id": 1, "category": "Verification", "deviation": "no DOB asked",
         "priority": "high"},
        {"category_id": 2, "category": "Closing", "deviation": "no recap", "priority": "medium"},
    ]  # fmt: skip
    assert INSTRUCTIONS in asked(model)
    clean, _ = await evaluate("check_critical_deviations", {"deviations": []})
    assert clean.passed is True and clean.extra["categories"] == []


async def test_critical_deviations_need_agent_instructions() -> None:
    value, model = await evaluate("check_critical_deviations", facts=CallFacts(TRANSCRIPT))
    assert value.not_applicable and model.calls == []


async def test_repetition_count_and_score_share_one_question() -> None:
    repetition = {"time": "00:20", "repeated": "the price of a cleaning", "why": "not asked"}
    model = ScriptedModel([json.dumps({"repetitions": [repetition]})])
    judge = LlmMetricJudge(model)
    count = await judge.evaluate(predefined("count_unnecessary_repetition"), FACTS)
    score = await judge.evaluate(predefined("get_unnecessary_repetition_score"), FACTS)
    assert len(model.calls) == 1
    assert (count.score, count.eval_type) == (1.0, "numeric")
    assert (score.score, score.eval_type) == (3.33, "continuous_qualitative")  # 5 x (1 - 1/3)
    assert score.extra["agent_turns"] == 3


async def test_verbosity_is_the_mean_of_turn_ratings() -> None:
    turns = [{"turn": 2, "rating": "overloaded", "why": "two answers"},
             {"turn": "3", "rating": "Padded", "why": "repeats price"}]  # fmt: skip
    value, model = await evaluate("get_verbosity", {"turns": turns})
    assert value.score == 3.0  # (5 + 1 + 3) / 3
    assert value.extra["turn_ratings"] == {"concise": 1, "padded": 1, "overloaded": 1}
    assert "3. [00:20] A cleaning is $120. Goodbye!" in asked(model)


async def test_verbosity_rejects_a_turn_that_does_not_exist() -> None:
    bad = {"turns": [{"turn": 9, "rating": "padded"}]}
    value, model = await evaluate("get_verbosity", bad, bad)
    assert value.error is not None and "1-3" in value.error and len(model.calls) == 2


@pytest.mark.parametrize(
    ("function_name", "ended_reason", "asks"),
    [
        ("check_termination_by_main_agent", "Main agent-ended-call", True),
        ("check_termination_by_main_agent", "Testing agent-ended-call", False),
        ("check_termination_by_main_agent", "exceeded-max-duration", True),
        ("check_termination_by_testing_agent", "Testing agent-ended-call", True),
        ("check_termination_by_testing_agent", "assistant-ended-call", False),
    ],
)
async def test_termination_is_judged_only_for_the_side_that_could_have_ended(
    function_name: str, ended_reason: str, asks: bool
) -> None:
    facts = replace(FACTS, ended_reason=ended_reason)
    value, model = await evaluate(function_name, {"value": False}, facts=facts)
    assert len(model.calls) == int(asks)
    if asks:
        assert value.passed is False and f"The call ended because: {ended_reason}" in asked(model)
    else:
        assert value.not_applicable and ended_reason in value.explanation[0]


@pytest.mark.parametrize(
    ("sentiment", "cooperation", "csat"),
    [("positive", "high", 100.0), ("neutral", "medium", 80.0), ("negative", "low", 20.0),
     ("negative", "high", 60.0)],
)  # fmt: skip
async def test_csat_averages_sentiment_and_cooperation(
    sentiment: str, cooperation: str, csat: float
) -> None:
    value, _ = await evaluate("get_csat", {"sentiment": sentiment, "cooperation": cooperation})
    assert value.score == csat and value.eval_type == "numeric"
    assert value.extra == {"sentiment": sentiment, "cooperation": cooperation}


async def test_sentiment_is_an_enum_value() -> None:
    value, _ = await evaluate("get_sentiment", {"value": "Negative"})
    assert (value.value, value.score, value.eval_type) == ("negative", None, "enum")
    assert value.to_wire()["enum"] == "negative"


async def test_topic_picks_one_of_the_agents_topic_nodes() -> None:
    value, model = await evaluate("get_topic_of_call", {"value": "billing"})
    assert value.value == "Billing"
    assert "- Booking: new appointments" in asked(model)


async def test_topic_outside_the_nodes_twice_is_an_error() -> None:
    value, _ = await evaluate("get_topic_of_call", {"value": "Hours"}, {"value": "Prices"})
    assert value.error is not None and "'Booking', 'Billing'" in value.error


async def test_nodes_from_the_metric_configuration_win_and_none_means_not_applicable() -> None:
    config = {"nodes": {"3": [{"name": "Goodbye", "description": "closing"}]}}
    value, model = await evaluate("get_dropoff_node", {"value": "Goodbye"}, configuration=config)
    assert value.value == "Goodbye" and "Verification" not in asked(model)
    plain, _ = await evaluate("get_dropoff_node", {"value": "Scheduling"})
    assert plain.value == "Scheduling"
    bare = replace(FACTS, agent={"id": 3})
    skipped, model = await evaluate("get_topic_of_call", facts=bare)
    assert skipped.not_applicable and "topic_nodes" in skipped.explanation[0]
    assert model.calls == []


async def test_voicemail_and_casual_chat_are_not_applicable_when_absent() -> None:
    no_voicemail, _ = await evaluate("detect_voicemail", {"voicemail": False, "handled": True})
    assert no_voicemail.not_applicable and no_voicemail.passed is None
    missed, _ = await evaluate("detect_voicemail", {"voicemail": True, "handled": False})
    assert missed.passed is False and missed.score == 0.0
    no_chat, _ = await evaluate("get_casual_chat_response_score", {"small_talk": "no", "value": 0})
    assert no_chat.not_applicable
    chat, _ = await evaluate("get_casual_chat_response_score", {"small_talk": True, "value": 4})
    assert chat.score == 4.0


async def test_non_llm_predefined_metrics_are_refused_as_data() -> None:
    value, model = await evaluate("get_latency")
    assert value.error is not None and "not an LLM-judged metric" in value.error
    assert model.calls == []
    assert not LlmMetricJudge.handles(predefined("get_latency"))
    assert LlmMetricJudge.handles(predefined("get_csat"))
    assert LlmMetricJudge.handles(predefined("evaluate_expected_outcome"))
    assert LlmMetricJudge.handles(MetricSpec(id=1, name="x", type="basic"))
    assert not LlmMetricJudge.handles(MetricSpec(id=1, name="x", type="custom_code"))

"""The LLM stage with a scripted model: one call, robust parsing, failures as UNCERTAIN, cache."""

from __future__ import annotations

import json

import pytest

from voxtest.domain.conditions import Verdict
from voxtest.judging.llm_judge import LlmJudge, parse_verdicts
from voxtest.llm.base import ModelError
from voxtest.llm.fake import ScriptedModel

CONDITIONS = ["The agent asks for your date of birth", "The agent says goodbye"]


def answer(*answers: str) -> str:
    entries = [{"id": i, "answer": a, "reason": "r"} for i, a in enumerate(answers, start=1)]
    return json.dumps({"verdicts": entries})


async def test_one_call_decides_several_conditions_with_context() -> None:
    model = ScriptedModel([answer("yes", "no")])
    judged = await LlmJudge(model).judge("When were you born?", CONDITIONS, "Hi, I need a visit.")
    assert [j.verdict for j in judged] == [Verdict.MATCH, Verdict.NO_MATCH]
    assert len(model.calls) == 1
    prompt = model.calls[0].messages[-1].content or ""
    assert all(c in prompt for c in CONDITIONS)
    assert "When were you born?" in prompt and "Hi, I need a visit." in prompt


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("```json\n" + answer("yes", "no") + "\n```", [Verdict.MATCH, Verdict.NO_MATCH]),
        (
            "Sure! Here: " + answer("TRUE", "false") + " hope it helps",
            [Verdict.MATCH, Verdict.NO_MATCH],
        ),
        ('["no", "yes"]', [Verdict.NO_MATCH, Verdict.MATCH]),
        (answer("yes"), [Verdict.MATCH, Verdict.UNCERTAIN]),  # one answer missing
        (answer("maybe", "no"), [Verdict.UNCERTAIN, Verdict.NO_MATCH]),
        ('{"verdicts": [{"id": "two", "answer": "yes"}]}', [Verdict.UNCERTAIN] * 2),
        ("I think the first one matches.", [Verdict.UNCERTAIN] * 2),
        ('{"verdicts": [{"id": 1, "answer": "yes"', [Verdict.UNCERTAIN] * 2),
    ],
)
def test_parsing_is_robust_and_never_guesses(text: str, expected: list[Verdict]) -> None:
    assert [v.verdict for v in parse_verdicts(text, 2)] == expected


async def test_a_failing_model_gives_uncertain_with_a_reason() -> None:
    model = ScriptedModel([], name="down")  # raises ModelError when asked
    judged = await LlmJudge(model).judge("Hello", CONDITIONS)
    assert [j.verdict for j in judged] == [Verdict.UNCERTAIN] * 2
    assert "judge model failed" in judged[0].reason


async def test_any_model_exception_is_contained() -> None:
    def broken(*_: object) -> str:
        raise ModelError("rate limited", retryable=True)

    judged = await LlmJudge(ScriptedModel(broken)).judge("Hello", CONDITIONS[:1])
    assert judged[0].verdict is Verdict.UNCERTAIN and "rate limited" in judged[0].reason


async def test_cache_hit_avoids_a_second_call_and_only_asks_the_rest() -> None:
    model = ScriptedModel([answer("yes"), answer("no")])
    judge = LlmJudge(model)
    first = await judge.judge("When were you born?", CONDITIONS[:1])
    both = await judge.judge("When were you born?", CONDITIONS)
    again = await judge.judge("When were you born?", CONDITIONS)
    assert len(model.calls) == 2
    assert CONDITIONS[0] not in (model.calls[1].messages[-1].content or "")
    assert [j.verdict for j in both] == [Verdict.MATCH, Verdict.NO_MATCH]
    assert [j.cached for j in again] == [True, True] and not first[0].cached


async def test_uncertain_answers_are_not_cached_and_the_cache_is_bounded() -> None:
    model = ScriptedModel([answer("maybe"), answer("yes"), answer("yes"), answer("yes")])
    judge = LlmJudge(model, cache_size=1)
    await judge.judge("m", ["a"])
    await judge.judge("m", ["a"])  # asked again: "maybe" was not cached
    await judge.judge("m", ["b"])  # evicts "a"
    await judge.judge("m", ["a"])
    assert len(model.calls) == 4


def test_cache_key_depends_on_every_part() -> None:
    judge = LlmJudge(ScriptedModel([], name="m1"))
    base = judge.cache_key("c", "msg", None)
    assert base == judge.cache_key("c", "msg", "")
    assert len({base, judge.cache_key("c2", "msg", None), judge.cache_key("c", "msg2", None),
                judge.cache_key("c", "msg", "prev")}) == 4  # fmt: skip
    assert base != LlmJudge(ScriptedModel([], name="m2")).cache_key("c", "msg", None)

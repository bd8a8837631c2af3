"""The judge's prompts shared by every LLM metric: the framing, the call, the answer shape.

Layout of every question (the transcript first, what to judge last, where models attend
best; the explanation before the value, so the model reasons before it decides):

    system  JUDGE_SYSTEM (+ the metric's own rules)
    user    call facts, <transcript>, reference material, the task, the JSON shape
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from voxtest.domain.transcript import clock
from voxtest.evaluation.model import CallFacts
from voxtest.evaluation.prompt_vars import render_transcript

JUDGE_SYSTEM = """You are a strict, fair evaluator of conversations with an AI agent.
The "Main Agent" is the AI agent under test. The "Testing Agent" is the other party: a \
simulated caller in tests, a real customer in production. Transcript lines read \
"[mm:ss] Role: text"; "Function Call" lines are the Main Agent's tool calls and \
"Function Call Result" lines what those tools returned.

Rules:
- Judge only from the transcript and the reference material you are given. Nothing happened \
unless the transcript shows it: an agent saying it will do something has not done it.
- Give evidence: each explanation point names the [mm:ss] time of the line it relies on.
- Keep explanation points short (one sentence each, at most five points).
- Answer with one JSON object only: no prose before or after it, no code fence."""

EXPLANATION_SHAPE = '"explanation": ["<one short point citing a [mm:ss] line>", ...]'


def transcript_text(facts: CallFacts) -> str:
    return render_transcript(facts.transcript) or "(empty: nothing was said)"


def call_header(facts: CallFacts) -> str:
    """The facts about the call every question starts with."""
    lines = [f"- Call ended because: {facts.ended_reason or 'unknown'}"]
    if facts.duration_s is not None:
        lines.append(f"- Duration: {clock(facts.duration_s)} (mm:ss)")
    if not facts.connected:
        lines.append("- The call never connected.")
    return "Call facts:\n" + "\n".join(lines)


def with_transcript(facts: CallFacts, *sections: str) -> str:
    """The user message: call facts, the transcript, then `sections` in order."""
    parts = [call_header(facts), "Transcript:\n" + tagged("transcript", transcript_text(facts))]
    parts.extend(section for section in sections if section)
    return "\n\n".join(parts)


def tagged(tag: str, text: str) -> str:
    return f"<{tag}>\n{text.strip()}\n</{tag}>"


def shape(*fields: str) -> str:
    """A JSON object shape, the explanation always first."""
    return "{" + ", ".join((EXPLANATION_SHAPE, *fields)) + "}"


def answer_section(rules: str, answer_shape: str) -> str:
    return f"{rules.strip()}\nAnswer in exactly this shape:\n{answer_shape}"


def quoted_choices(choices: Sequence[str]) -> str:
    return ", ".join(json.dumps(choice, ensure_ascii=False) for choice in choices)


# -- custom (llm_judge) metrics ------------------------------------------------------------

VALUE_RULES = {
    "binary": (
        '"value" is true when the conversation meets the criteria (the metric passes) and '
        "false when it does not.",
        '"value": true | false',
    ),
    "continuous_qualitative": (
        '"value" is a number from 0 to 5: 5 when the conversation fully meets the criteria, '
        "0 when it does not meet them at all, in between for partly (decimals allowed). If "
        "the criteria describe their own scale, map it onto 0-5.",
        '"value": <number from 0 to 5>',
    ),
    "numeric": (
        '"value" is the number the criteria ask for (a count, an amount, a duration); use 0 '
        "when nothing in the conversation counts.",
        '"value": <number>',
    ),
}


def custom_metric_rules(eval_type: str, enum_values: Sequence[str]) -> tuple[str, str]:
    """(rules, shape) of a custom metric's answer."""
    if eval_type == "enum":
        return (
            f'"value" is exactly one of: {quoted_choices(enum_values)} (the one that fits the '
            "conversation best, spelled exactly as listed).",
            shape(f'"value": <one of {quoted_choices(enum_values)}>'),
        )
    rules, value_shape = VALUE_RULES[eval_type]
    return rules, shape(value_shape)


def custom_metric_user(
    facts: CallFacts, criteria: str, rules: str, answer_shape: str, *, transcript_inline: bool
) -> str:
    """The question of a custom metric; `transcript_inline` when the criteria already hold
    the transcript (the prompt named `{{transcript}}`), so it is not sent twice."""
    task = "Evaluate the conversation against these criteria:\n" + tagged("criteria", criteria)
    answer = answer_section(rules, answer_shape)
    if transcript_inline:
        return "\n\n".join((call_header(facts), task, answer))
    return with_transcript(facts, task, answer)


# -- triggers ----------------------------------------------------------------------------

TRIGGER_SHAPE = shape('"value": true | false')


def trigger_user(facts: CallFacts, condition: str) -> str:
    return with_transcript(
        facts,
        "Decide whether this condition holds for the conversation:\n"
        + tagged("condition", condition),
        answer_section('"value" is true when the condition holds, false when not.', TRIGGER_SHAPE),
    )


def relevance_user(facts: CallFacts, name: str, description: str) -> str:
    metric = f"Name: {name}\nWhat it evaluates: {description or '(no description)'}"
    return with_transcript(
        facts,
        "A metric is about to be evaluated on this conversation:\n" + tagged("metric", metric),
        answer_section(
            "Decide whether the metric is relevant: whether the conversation contains the "
            "situation the metric evaluates, so that its result would mean something. "
            '"value" is false only when the metric clearly does not apply (for example a '
            "metric about refunds on a call that never touches payments); when unsure, true.",
            TRIGGER_SHAPE,
        ),
    )

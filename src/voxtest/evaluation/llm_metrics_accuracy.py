"""Predefined accuracy metrics judged by the model: hallucination, relevancy, response
consistency, instruction following (critical deviations), voicemail detection.

Each `plan_*` returns the `Question` to ask, or a `Skip` saying why the metric cannot apply
to this call. The problem-list metrics ask for the problems themselves, never for a
pass/fail flag: an empty list passes, which keeps "true" from meaning "hallucinated" in one
metric and "fine" in the next.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from voxtest.evaluation.llm_metrics_ask import Question, explanation_lines
from voxtest.evaluation.llm_metrics_prompts import (
    JUDGE_SYSTEM,
    answer_section,
    shape,
    tagged,
    transcript_text,
    with_transcript,
)
from voxtest.evaluation.llm_metrics_values import (
    Reading,
    as_bool,
    issues_reading,
)
from voxtest.evaluation.model import FAIL_SCORE, PASS_SCORE, CallFacts, MetricSpec

MAX_KNOWLEDGE_CHARS = 40_000
MAX_INSTRUCTIONS_CHARS = 16_000


@dataclass(frozen=True)
class Skip:
    """The metric does not apply to this call; `reason` is the explanation shown."""

    reason: str


def question(
    facts: CallFacts, kind: str, rules: str, task: str, answer_shape: str, read: Any
) -> Question[Reading]:
    """A predefined metric's question: the judge framing plus the metric's own `rules`."""
    return Question(
        kind=kind,
        system=f"{JUDGE_SYSTEM}\n\n{rules.strip()}",
        user=with_transcript(facts, task),
        transcript=transcript_text(facts),
        shape=answer_shape,
        read=read,
    )


def agent_instructions(facts: CallFacts) -> str:
    return clipped(str(facts.agent.get("description") or ""), MAX_INSTRUCTIONS_CHARS)


def clipped(text: str, limit: int) -> str:
    text = text.strip()
    return text if len(text) <= limit else text[:limit] + "\n[... cut: too long to include]"


def knowledge_text(facts: CallFacts) -> str:
    """The agent's knowledge base files as `## name` sections."""
    files = facts.agent.get("knowledge_base") or []
    sections = []
    for file in files if isinstance(files, list) else []:
        if isinstance(file, Mapping) and str(file.get("text") or "").strip():
            sections.append(f"## {file.get('name') or 'file'}\n{str(file['text']).strip()}")
        elif isinstance(file, str) and file.strip():
            sections.append(file.strip())
    return clipped("\n\n".join(sections), MAX_KNOWLEDGE_CHARS)


# -- hallucination ----------------------------------------------------------------------

HALLUCINATION_RULES = """You check the Main Agent for hallucinations: factual claims that \
nothing available to it supports.
A factual claim is a statement presented as fact about the business, its services, prices, \
hours, locations, staff, policies or availability, or about the caller's own records.
Supported (not a hallucination): what the knowledge base or the agent's instructions say, \
what a Function Call Result in the transcript returned, what the caller said, and plain \
common knowledge. Not claims: greetings, questions, empathy, the agent saying what it will \
do next, and admitting it does not know.
A claim that goes beyond or contradicts its sources is unsupported, even if it sounds \
plausible. List each unsupported claim once; an empty list means none."""

HALLUCINATION_SHAPE = shape(
    '"unsupported_claims": [{"time": "mm:ss", "claim": "...", "why": "..."}]'
)


def plan_hallucination(facts: CallFacts, spec: MetricSpec) -> Question[Reading] | Skip:
    knowledge, instructions = knowledge_text(facts), agent_instructions(facts)
    if not knowledge and not instructions:
        return Skip(
            "The agent has no knowledge base text and no description to check claims "
            "against: add knowledge base files to the agent."
        )
    reference = tagged("knowledge_base", knowledge or "(no knowledge base files)")
    reference += "\n\n" + tagged("agent_instructions", instructions or "(none)")
    task = "Reference material the Main Agent may rely on:\n" + reference + "\n\n"
    task += answer_section("List the Main Agent's unsupported factual claims.", HALLUCINATION_SHAPE)
    return question(
        facts,
        "check_hallucination",
        HALLUCINATION_RULES,
        task,
        HALLUCINATION_SHAPE,
        lambda answer: issues_reading(answer, "unsupported_claims", ("time", "claim", "why")),
    )


# -- relevancy ---------------------------------------------------------------------------

RELEVANCY_RULES = """You check that every Main Agent response is relevant: it answers or \
acknowledges what the caller just said, or moves the caller's request forward.
Irrelevant: ignoring the caller's question or request, answering a different question, \
changing the subject without reason, or a canned reply that does not fit the moment.
Relevant: asking a needed clarifying or verification question, steering back to the task \
after small talk, and the opening greeting. Judge each response against the caller line \
just before it. An empty list means every response was relevant."""

RELEVANCY_SHAPE = shape(
    '"irrelevant_responses": [{"time": "mm:ss", "response": "...", "why": "..."}]'
)


def plan_relevancy(facts: CallFacts, spec: MetricSpec) -> Question[Reading] | Skip:
    task = answer_section("List the Main Agent's irrelevant responses.", RELEVANCY_SHAPE)
    return question(
        facts,
        "check_relevancy",
        RELEVANCY_RULES,
        task,
        RELEVANCY_SHAPE,
        lambda answer: issues_reading(answer, "irrelevant_responses", ("time", "response", "why")),
    )


# -- response consistency ----------------------------------------------------------------

CONSISTENCY_RULES = """You check the Main Agent's consistency:
1. Details the caller gave (names and their spelling, dates, times, numbers, addresses, \
reasons) must be repeated back exactly; a wrong detail counts even if corrected later.
2. The agent must not contradict itself (e.g. a slot first said to be free, then taken, \
with nothing in between explaining it) nor contradict a Function Call Result.
When the caller changes or corrects their own details, following the new details is \
consistent. An empty list means the agent was consistent."""

CONSISTENCY_SHAPE = shape('"inconsistencies": [{"time": "mm:ss", "issue": "..."}]')


def plan_consistency(facts: CallFacts, spec: MetricSpec) -> Question[Reading] | Skip:
    task = answer_section("List the Main Agent's inconsistencies.", CONSISTENCY_SHAPE)
    return question(
        facts,
        "check_response_consistency",
        CONSISTENCY_RULES,
        task,
        CONSISTENCY_SHAPE,
        lambda answer: issues_reading(answer, "inconsistencies", ("time", "issue")),
    )


# -- instruction following (critical deviations) -----------------------------------------

DEVIATION_RULES = """You check whether the Main Agent followed its instructions (its system \
prompt, given as <agent_instructions>).
List critical deviations only: a required step skipped or done out of order (e.g. acting \
before verifying identity), a rule broken ("never", "always", "must"), wrong information \
given against the instructions, an action taken that the instructions forbid, or a task the \
instructions cover left unhandled. Do not list wording or style differences, nor steps the \
conversation never reached because the caller ended it.
priority: "high" when it could harm the caller or the business (wrong data, privacy, \
safety, a forbidden action), "medium" for a skipped or misordered required step, "low" for \
a minor rule. An empty list means the instructions were followed."""

DEVIATION_SHAPE = shape(
    '"deviations": [{"time": "mm:ss", "category": "<short name of the rule or step>", '
    '"deviation": "<what the agent did instead>", "priority": "high" | "medium" | "low"}]'
)
PRIORITIES = ("high", "medium", "low")


def plan_critical_deviations(facts: CallFacts, spec: MetricSpec) -> Question[Reading] | Skip:
    instructions = agent_instructions(facts)
    if not instructions:
        return Skip("The agent has no description (instructions) to check the call against.")
    task = tagged("agent_instructions", instructions) + "\n\n"
    task += answer_section("List the Main Agent's critical deviations.", DEVIATION_SHAPE)
    return question(
        facts, "check_critical_deviations", DEVIATION_RULES, task, DEVIATION_SHAPE, read_deviations
    )


def read_deviations(answer: Mapping[str, Any]) -> Reading:
    reading = issues_reading(answer, "deviations", ("time", "category", "deviation", "priority"))
    categories = []
    for number, item in enumerate(reading.extra["deviations"], start=1):
        priority = str(item.get("priority") or "").strip().casefold()
        categories.append(
            {
                "category_id": number,
                "category": str(item.get("category") or "Instruction"),
                "deviation": str(item.get("deviation") or ""),
                "priority": priority if priority in PRIORITIES else "medium",
            }
        )
    return Reading(
        score=reading.score,
        passed=reading.passed,
        explanation=reading.explanation,
        extra={"categories": categories},
    )


# -- voicemail detection -----------------------------------------------------------------

VOICEMAIL_RULES = """You check voicemail handling. First decide whether the Testing Agent \
side is a voicemail or answering machine (a recorded greeting, "leave a message after the \
tone", no live replies). If it is, the Main Agent handled it well when it recognised it: \
it left a short, appropriate message or ended the call, instead of talking to the recording \
as if it were a person or waiting in silence."""

VOICEMAIL_SHAPE = shape('"voicemail": true | false', '"handled": true | false')


def plan_voicemail(facts: CallFacts, spec: MetricSpec) -> Question[Reading] | Skip:
    task = answer_section(
        '"voicemail": whether the other side is a voicemail; "handled": whether the Main '
        "Agent recognised and handled it (true when there is no voicemail).",
        VOICEMAIL_SHAPE,
    )
    return question(
        facts, "detect_voicemail", VOICEMAIL_RULES, task, VOICEMAIL_SHAPE, read_voicemail
    )


def read_voicemail(answer: Mapping[str, Any]) -> Reading:
    if not as_bool(answer.get("voicemail"), "voicemail"):
        why = explanation_lines(answer) or ("The other side was a live caller.",)
        return Reading(not_applicable=True, explanation=("No voicemail in this call.", *why))
    handled = as_bool(answer.get("handled"), "handled")
    return Reading(
        score=PASS_SCORE if handled else FAIL_SCORE,
        passed=handled,
        explanation=explanation_lines(answer),
    )

"""The expected outcome: did the call do what the scenario's `expected_outcome_prompt` says?

    result, value = await judge_expected_outcome(judge, facts, spec)
    run["expected_outcome"] = result.to_wire()
    # {"score": 50.0, "explanation": [...],
    #  "outcome_alignments": [{"outcome": ..., "prompt_part": ..., "aligned": true}, ...]}

The prompt (its `{{variables}}` filled) is split into clauses deterministically
(`split_clauses`) and the judge answers for all of them in one call. The score is 100 when
every clause is aligned; Cekura does not document partial alignment, so voxtest scores the
aligned fraction x 100 (two clauses of three: 66.67). The predefined "Expected Outcome"
metric is binary: it passes only when every clause is aligned; `extra.status` is Cekura's
three-way output: "Pass" (all aligned), "Failed" (none) or "Review Required" (some).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from voxtest.evaluation.llm_metrics_accuracy import clipped, question
from voxtest.evaluation.llm_metrics_ask import (
    AnswerProblem,
    AsksJudge,
    JudgeFailed,
    Question,
    explanation_lines,
)
from voxtest.evaluation.llm_metrics_prompts import answer_section, shape, tagged
from voxtest.evaluation.llm_metrics_values import (
    Reading,
    answer_items,
    as_bool,
    failed_value,
    metric_value,
    not_applicable_value,
)
from voxtest.evaluation.model import FAIL_SCORE, PASS_SCORE, CallFacts, MetricSpec, MetricValue
from voxtest.evaluation.prompt_vars import fill_prompt
from voxtest.services.metric_catalogue import by_function

FUNCTION_NAME = "evaluate_expected_outcome"

# -- splitting the prompt into clauses ---------------------------------------------------------

ABBREVIATIONS = frozenset(
    "dr mr mrs ms mx st jr sr prof approx no vs etc e.g i.e a.m p.m u.s".split()
)
_BULLET = re.compile(r"^\s*(?:[-*\u2022]|\(?\d{1,2}[.)])\s+")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"'(\[]?[A-Z0-9])")
_CLAUSE_BREAK = re.compile(
    r"\s*;\s*"  # semicolons
    r"|,\s*(?:and\s+)?then\s+"  # ", then" / ", and then"
    r"|,?\s+and\s+(?=(?:then|also|finally|afterwards)\b"  # "and then ..."
    r"|(?:the\s+)?(?:agent|caller|customer|user|patient|assistant|bot)\b"  # "and the agent"
    r"|(?:it|they|he|she)\s)",  # "and it ..."
    re.IGNORECASE,
)
_LEADING = re.compile(r"^(?:and|then|also|finally|afterwards)\b[\s,]*", re.IGNORECASE)


def split_clauses(prompt: str) -> list[str]:
    """The clauses of an expected-outcome prompt, in order: one per line or bullet, sentence,
    `;`-separated part, and `and`/`then` joining a new action ("and the agent ...", "and
    then ...", ", then ..."). "confirms the date and time" stays one clause."""
    clauses: list[str] = []
    for line in prompt.splitlines():
        line = _BULLET.sub("", line)
        for sentence in _sentences(line):
            clauses.extend(_clean(part) for part in _CLAUSE_BREAK.split(sentence))
    return [clause for clause in clauses if any(ch.isalnum() for ch in clause)]


def _sentences(text: str) -> list[str]:
    """`text` cut after . ! ? followed by a capital or digit, except after an abbreviation."""
    sentences, start = [], 0
    for gap in _SENTENCE_END.finditer(text):
        words = text[start : gap.start()].split()
        last = words[-1].rstrip(".!?").casefold() if words else ""
        if text[gap.start() - 1] == "." and last in ABBREVIATIONS:
            continue
        sentences.append(text[start : gap.start()])
        start = gap.end()
    sentences.append(text[start:])
    return sentences


def _clean(part: str) -> str:
    return _LEADING.sub("", part.strip()).strip().rstrip(".;,!").strip()


# -- the result ----------------------------------------------------------------------------


@dataclass(frozen=True)
class OutcomeAlignment:
    outcome: str  # what the call actually shows for this part
    prompt_part: str  # the clause of the expected outcome
    aligned: bool

    def to_wire(self) -> dict[str, Any]:
        return {"outcome": self.outcome, "prompt_part": self.prompt_part, "aligned": self.aligned}


@dataclass(frozen=True)
class ExpectedOutcome:
    """The run's `expected_outcome`; `score` is None when it was not (or could not be) judged."""

    score: float | None
    explanation: tuple[str, ...] = ()
    outcome_alignments: tuple[OutcomeAlignment, ...] = ()
    error: str | None = None

    @property
    def status(self) -> str | None:
        """Cekura's output: "Pass", "Review Required" or "Failed" (None when not judged)."""
        if self.score is None:
            return None
        return "Pass" if self.score == 100 else "Failed" if self.score == 0 else "Review Required"

    def to_wire(self) -> dict[str, Any]:
        return {
            "score": self.score,
            "explanation": list(self.explanation),
            "outcome_alignments": [a.to_wire() for a in self.outcome_alignments],
        }


def alignment_score(alignments: Sequence[OutcomeAlignment]) -> float | None:
    """100 x the aligned fraction (two decimals); None without clauses."""
    if not alignments:
        return None
    return round(100 * sum(a.aligned for a in alignments) / len(alignments), 2)


# -- judging ---------------------------------------------------------------------------------

RULES = """You check whether a conversation achieved its expected outcome, part by part.
For each numbered part decide whether the transcript shows it happened as expected:
- "outcome": what actually happened for that part, in one sentence citing a [mm:ss] line \
(or that the transcript never shows it);
- "aligned": true only when the transcript shows the part was achieved. Saying it will be \
done is not doing it; a booking is made when a tool result or the agent confirms it.
A part saying what must NOT happen is aligned when it did not happen. Read each part in the \
context of the whole expected outcome (a part may leave its subject implicit)."""

SHAPE = shape('"parts": [{"part": <number>, "outcome": "...", "aligned": true | false}]')
MAX_CONTEXT_CHARS = 4000


async def judge_expected_outcome(
    judge: AsksJudge, facts: CallFacts, spec: MetricSpec | None = None
) -> tuple[ExpectedOutcome, MetricValue]:
    """The run's expected outcome and the "Expected Outcome" metric's value. Never raises.

    Without `spec` the value carries the catalogue's metric (its catalogue id as metric_id)."""
    spec = spec or default_spec()
    prompt = fill_prompt(str(facts.scenario.get("expected_outcome_prompt") or ""), facts)
    clauses = split_clauses(prompt)
    if not clauses:
        why = "The scenario has no expected_outcome_prompt to check the call against."
        return ExpectedOutcome(None, (why,)), not_applicable_value(spec, (why,))
    try:
        reading = await judge.ask(expected_outcome_question(facts, prompt, clauses))
    except JudgeFailed as failure:
        outcome = ExpectedOutcome(None, (failure.error, failure.fix), error=failure.error)
        return outcome, failed_value(spec, failure)
    alignments = tuple(OutcomeAlignment(**item) for item in reading.extra["outcome_alignments"])
    outcome = ExpectedOutcome(alignment_score(alignments), reading.explanation, alignments)
    extra = {
        "status": outcome.status,
        "expected_outcome_score": outcome.score,
        "outcome_alignments": [a.to_wire() for a in alignments],
    }
    return outcome, metric_value(spec, Reading(
        score=PASS_SCORE if reading.passed else FAIL_SCORE,
        passed=reading.passed,
        explanation=reading.explanation,
        extra=extra,
    ))  # fmt: skip


def expected_outcome_question(
    facts: CallFacts, prompt: str, clauses: Sequence[str]
) -> Question[Reading]:
    numbered = "\n".join(f"{n}. {clause}" for n, clause in enumerate(clauses, start=1))
    task = ""
    instructions = fill_prompt(str(facts.scenario.get("instructions") or ""), facts).strip()
    if instructions:
        context = clipped(instructions, MAX_CONTEXT_CHARS)
        task += "What the caller set out to do:\n" + tagged("caller_instructions", context)
        task += "\n\n"
    task += "The expected outcome:\n" + tagged("expected_outcome", prompt) + "\n\n"
    task += "Its parts:\n" + tagged("parts", numbered) + "\n\n"
    task += answer_section("Answer for every part, in order.", SHAPE)

    def read(answer: Mapping[str, Any]) -> Reading:
        return read_alignments(answer, clauses)

    return question(facts, FUNCTION_NAME, RULES, task, SHAPE, read)


def read_alignments(answer: Mapping[str, Any], clauses: Sequence[str]) -> Reading:
    by_part: dict[int, dict[str, Any]] = {}
    for position, item in enumerate(answer_items(answer, "parts", ("part", "outcome", "aligned"))):
        number = item["part"] if item["part"] is not None else position + 1
        if isinstance(number, str) and number.strip().isdecimal():
            number = int(number)
        if isinstance(number, int) and not isinstance(number, bool):
            by_part.setdefault(number, item)
    missing = [n for n in range(1, len(clauses) + 1) if n not in by_part]
    if missing:
        listed = ", ".join(str(n) for n in missing)
        raise AnswerProblem(f'"parts" has no answer for part(s) {listed} of {len(clauses)}')
    alignments = [
        {
            "outcome": str(by_part[n]["outcome"] or "").strip(),
            "prompt_part": clause,
            "aligned": as_bool(by_part[n]["aligned"], "aligned"),
        }
        for n, clause in enumerate(clauses, start=1)
    ]
    met = sum(1 for a in alignments if a["aligned"] is True)
    summary = f"{met} of {len(clauses)} expected outcome part(s) met."
    return Reading(
        passed=met == len(clauses),
        explanation=(*explanation_lines(answer), summary),
        extra={"outcome_alignments": alignments},
    )


def default_spec() -> MetricSpec:
    entry = by_function(FUNCTION_NAME)
    assert entry is not None  # the catalogue's first entry
    return MetricSpec(
        id=entry.id,
        name=entry.name,
        eval_type=entry.eval_type,
        function_name=entry.function_name,
        code=entry.code,
    )

"""Predefined conversation-quality metrics judged by the model: unnecessary repetition
(count and score), verbosity, appropriate termination (by either side), casual chat.

The model finds the turns; the arithmetic is ours: repetition score = 5 x (1 - repetitions /
agent turns), verbosity = the mean of 5 (concise), 3 (padded), 1 (overloaded) per agent turn.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from voxtest.domain.transcript import clock
from voxtest.evaluation.llm_metrics_accuracy import Skip, agent_instructions, clipped, question
from voxtest.evaluation.llm_metrics_ask import AnswerProblem, Question, explanation_lines
from voxtest.evaluation.llm_metrics_prompts import answer_section, shape, tagged
from voxtest.evaluation.llm_metrics_values import (
    Reading,
    answer_items,
    as_bool,
    as_choice,
    binary_reading,
    describe_item,
    scale_reader,
)
from voxtest.evaluation.model import MAIN_AGENT, CallFacts, MetricSpec


def agent_turns(facts: CallFacts) -> list[dict[str, Any]]:
    """The Main Agent's turns that say something."""
    return [t for t in facts.turns(MAIN_AGENT) if str(t.get("content") or "").strip()]


# -- unnecessary repetition --------------------------------------------------------------

REPETITION_RULES = """You count the Main Agent's unnecessary repetitions: turns where it \
repeats something it already said (the same question, information, offer or apology, in \
the same or other words) although the caller neither asked for it nor needed it.
Not unnecessary: repeating because the caller asked, did not hear or misunderstood; reading \
details back once to confirm them; asking again after an unclear or missing answer; a \
closing summary. List each unnecessary repetition once, at the turn that repeats."""

REPETITION_SHAPE = shape('"repetitions": [{"time": "mm:ss", "repeated": "...", "why": "..."}]')


def plan_repetition(facts: CallFacts, spec: MetricSpec) -> Question[Reading] | Skip:
    """Shared by the count and the score: one question (`kind` is the same), read twice."""
    turns = len(agent_turns(facts))
    if turns == 0:
        return Skip("The Main Agent said nothing in this call.")
    task = answer_section("List the Main Agent's unnecessary repetitions.", REPETITION_SHAPE)

    def read(answer: Mapping[str, Any]) -> Reading:
        items = answer_items(answer, "repetitions", ("time", "repeated", "why"))
        count = min(len(items), turns)
        score = round(max(0.0, min(5.0, 5 * (1 - count / turns))), 2)
        explanation = explanation_lines(answer) or tuple(describe_item(i) for i in items)
        explanation += (f"{count} unnecessary repetition(s) in {turns} agent turn(s).",)
        counted = spec.function_name == "count_unnecessary_repetition"
        return Reading(
            score=float(count) if counted else score,
            explanation=explanation,
            extra={"repetitions": items, "count": count, "agent_turns": turns},
        )

    return question(facts, "unnecessary_repetition", REPETITION_RULES, task, REPETITION_SHAPE, read)


# -- verbosity ---------------------------------------------------------------------------

VERBOSITY_RULES = """You rate how concise each Main Agent turn is, for a spoken conversation:
- concise: says what the moment needs, in few words;
- padded: filler, needless preambles, repeated pleasantries or over-long phrasing around \
otherwise useful content;
- overloaded: too much at once for a listener (several questions in one turn, long lists \
read aloud, details nobody asked for).
List only the turns that are padded or overloaded; every other turn counts as concise."""

VERBOSITY_SHAPE = shape(
    '"turns": [{"turn": <agent turn number>, "rating": "padded" | "overloaded", "why": "..."}]'
)
TURN_POINTS = {"concise": 5.0, "padded": 3.0, "overloaded": 1.0}


def plan_verbosity(facts: CallFacts, spec: MetricSpec) -> Question[Reading] | Skip:
    turns = agent_turns(facts)
    if not turns:
        return Skip("The Main Agent said nothing in this call.")
    numbered = "\n".join(
        f"{n}. [{clock(float(t.get('start_time') or 0))}] {t.get('content')}"
        for n, t in enumerate(turns, start=1)
    )
    task = "The Main Agent's turns, numbered:\n" + tagged("agent_turns", numbered) + "\n\n"
    task += answer_section("Rate the turns that are not concise.", VERBOSITY_SHAPE)

    def read(answer: Mapping[str, Any]) -> Reading:
        ratings = dict.fromkeys(range(1, len(turns) + 1), "concise")
        for item in answer_items(answer, "turns", ("turn", "rating", "why")):
            number = item["turn"]
            if isinstance(number, str) and number.strip().isdecimal():
                number = int(number)
            if isinstance(number, bool) or not isinstance(number, int) or number not in ratings:
                raise AnswerProblem(f'"turn" must be an agent turn number 1-{len(turns)}')
            ratings[number] = as_choice(item["rating"], ("padded", "overloaded"), "rating")
        score = round(sum(TURN_POINTS[r] for r in ratings.values()) / len(ratings), 2)
        counts = {r: sum(v == r for v in ratings.values()) for r in TURN_POINTS}
        summary = ", ".join(f"{n} {r}" for r, n in counts.items())
        return Reading(
            score=score,
            explanation=(*explanation_lines(answer), f"Agent turns: {summary}."),
            extra={"turn_ratings": counts},
        )

    return question(facts, "get_verbosity", VERBOSITY_RULES, task, VERBOSITY_SHAPE, read)


# -- appropriate termination -------------------------------------------------------------

MAIN_AGENT_ENDINGS = ("main agent-ended", "assistant-ended", "agent-ended-call", "agent_hangup")
TESTING_AGENT_ENDINGS = (
    "testing agent-ended",
    "customer-ended",
    "external-user-ended",
    "user_hangup",
    "user-ended",
)
TERMINATION_SHAPE = shape('"value": true | false')

MAIN_TERMINATION_RULES = """You check whether the Main Agent ended the call appropriately.
Appropriate: the caller's requests were handled or clearly could not be, and the caller \
said goodbye or declined further help; or there was a legitimate reason to end (a \
voicemail, a wrong number, an abusive caller, a completed transfer, a long silence after \
a check-in). Inappropriate: ending mid-task, while a question of the caller is unanswered, \
right after the caller asked for something, or abruptly without any closing."""

TESTING_TERMINATION_RULES = """You check whether the Testing Agent (the caller side) ended \
the call for a legitimate reason. Legitimate: its goal was met, or clearly could not be met \
after the Main Agent had a fair chance to respond, or the conversation reached a natural \
close (goodbyes), or the Main Agent stopped responding. Not legitimate (a test glitch): \
hanging up mid-sentence or right after the start, before the Main Agent answered its last \
request, or in the middle of an exchange that was still progressing."""


def plan_termination(facts: CallFacts, spec: MetricSpec) -> Question[Reading] | Skip:
    by_main = spec.function_name == "check_termination_by_main_agent"
    reason = (facts.ended_reason or "").strip().casefold()
    other = TESTING_AGENT_ENDINGS if by_main else MAIN_AGENT_ENDINGS
    if any(reason.startswith(prefix) for prefix in other):
        side = "Main Agent" if by_main else "Testing Agent"
        return Skip(f"The {side} did not end this call (ended: {facts.ended_reason}).")
    side = "Main Agent" if by_main else "Testing Agent"
    task = ""
    if by_main and agent_instructions(facts):
        task = tagged("agent_instructions", clipped(agent_instructions(facts), 4000)) + "\n\n"
    task += answer_section(
        f'The call ended because: {facts.ended_reason or "unknown"}. "value" is true when '
        f"the {side} ended the call appropriately (or the transcript shows it did not end "
        "it), false when it ended it inappropriately.",
        TERMINATION_SHAPE,
    )
    rules = MAIN_TERMINATION_RULES if by_main else TESTING_TERMINATION_RULES
    return question(facts, spec.function_name, rules, task, TERMINATION_SHAPE, binary_reading)


# -- casual chat -------------------------------------------------------------------------

CASUAL_RULES = """You rate how the Main Agent handles casual chat (small talk, jokes, \
personal remarks, off-topic questions). 5: it responds naturally and warmly, briefly, then \
steers back to the task. 3: it responds but awkwardly, stiffly or at too much length. 0: it \
ignores the remark, answers nonsensically or loses the task."""

CASUAL_SHAPE = shape('"small_talk": true | false', '"value": <number from 0 to 5>')


def plan_casual_chat(facts: CallFacts, spec: MetricSpec) -> Question[Reading] | Skip:
    task = answer_section(
        '"small_talk": whether the caller made any casual chat; "value": the rating (any '
        "number when there was none).",
        CASUAL_SHAPE,
    )
    rate = scale_reader(0.0, 5.0)

    def read(answer: Mapping[str, Any]) -> Reading:
        if not as_bool(answer.get("small_talk"), "small_talk"):
            why = explanation_lines(answer)
            return Reading(not_applicable=True, explanation=("No casual chat in this call.", *why))
        return rate(answer)

    return question(facts, "get_casual_chat_response_score", CASUAL_RULES, task, CASUAL_SHAPE, read)

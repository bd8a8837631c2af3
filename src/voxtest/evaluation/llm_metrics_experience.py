"""Predefined customer-experience metrics judged by the model: CSAT, sentiment, topic of
call and dropoff node.

CSAT = the mean of the caller's sentiment (positive 5, neutral 5, negative 1) and the
agent's cooperation (high 5, medium 3, low 1), scaled to 0-100. Topic and dropoff pick one of
the agent's configured nodes: the metric's `configuration.nodes[<agent id>]` when set, else
the agent's `topic_nodes` / `dropoff_nodes` (names, or `{name, description}` objects).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from voxtest.evaluation.llm_metrics_accuracy import Skip, question
from voxtest.evaluation.llm_metrics_ask import Question, explanation_lines
from voxtest.evaluation.llm_metrics_prompts import answer_section, quoted_choices, shape, tagged
from voxtest.evaluation.llm_metrics_values import Reading, as_choice, enum_reader
from voxtest.evaluation.model import CallFacts, MetricSpec

SENTIMENTS = ("positive", "neutral", "negative")
SENTIMENT_POINTS = {"positive": 5, "neutral": 5, "negative": 1}
COOPERATION_POINTS = {"high": 5, "medium": 3, "low": 1}

SENTIMENT_GUIDE = """The caller's sentiment: "positive" when the caller sounds pleased, \
relieved or thankful; "negative" when the caller is frustrated, annoyed, angry or gives up \
unhappy; "neutral" otherwise (matter-of-fact). Weigh how the caller feels by the end of the \
call more than at the start: a caller who starts angry and ends thankful is positive."""

# -- CSAT ------------------------------------------------------------------------------------

CSAT_RULES = f"""You estimate the caller's satisfaction with the call from two judgements.
{SENTIMENT_GUIDE}
The Main Agent's cooperation with the caller's goal: "high" when it helped fully and \
smoothly; "medium" when it helped only partly, or with friction (needless questions, \
mistakes it fixed, long detours); "low" when it blocked, ignored or refused the caller \
without a good reason."""

CSAT_SHAPE = shape(
    '"sentiment": "positive" | "neutral" | "negative"', '"cooperation": "high" | "medium" | "low"'
)


def plan_csat(facts: CallFacts, spec: MetricSpec) -> Question[Reading] | Skip:
    task = answer_section("Judge the caller's sentiment and the agent's cooperation.", CSAT_SHAPE)
    return question(facts, "get_csat", CSAT_RULES, task, CSAT_SHAPE, read_csat)


def read_csat(answer: Mapping[str, Any]) -> Reading:
    sentiment = as_choice(answer.get("sentiment"), SENTIMENTS, "sentiment")
    cooperation = as_choice(answer.get("cooperation"), tuple(COOPERATION_POINTS), "cooperation")
    points = (SENTIMENT_POINTS[sentiment] + COOPERATION_POINTS[cooperation]) / 2
    score = round(points / 5 * 100, 1)
    return Reading(
        score=score,
        explanation=(
            *explanation_lines(answer),
            f"Sentiment {sentiment}, cooperation {cooperation}: CSAT {score:g}/100.",
        ),
        extra={"sentiment": sentiment, "cooperation": cooperation},
    )


# -- sentiment -------------------------------------------------------------------------------

SENTIMENT_RULES = "You classify the caller's overall sentiment over the call.\n" + SENTIMENT_GUIDE


def plan_sentiment(facts: CallFacts, spec: MetricSpec) -> Question[Reading] | Skip:
    choices = spec.enum_values or SENTIMENTS
    answer_shape = shape(f'"value": <one of {quoted_choices(choices)}>')
    task = answer_section(f'"value" is one of {quoted_choices(choices)}.', answer_shape)
    return question(
        facts, "get_sentiment", SENTIMENT_RULES, task, answer_shape, enum_reader(choices)
    )


# -- topic of call and dropoff node -----------------------------------------------------------

TOPIC_RULES = """You classify the conversation into the one topic (from the agent's \
configured list) that best describes what the caller called about. When several apply, \
pick the caller's main request."""

DROPOFF_RULES = """You find where the conversation dropped off: the one stage (from the \
agent's configured list) that the conversation had reached when it ended, i.e. the last \
stage it entered. If it ended after completing every stage, pick the final stage."""


def plan_topic(facts: CallFacts, spec: MetricSpec) -> Question[Reading] | Skip:
    return _plan_node(facts, spec, "topic_nodes", TOPIC_RULES, "topic")


def plan_dropoff(facts: CallFacts, spec: MetricSpec) -> Question[Reading] | Skip:
    return _plan_node(facts, spec, "dropoff_nodes", DROPOFF_RULES, "stage")


def node_choices(facts: CallFacts, spec: MetricSpec, agent_key: str) -> list[tuple[str, str]]:
    """(name, description) of the nodes to choose from."""
    configured = spec.configuration.get("nodes")
    raw: Any = None
    if isinstance(configured, Mapping) and facts.agent.get("id") is not None:
        raw = configured.get(str(facts.agent["id"]))
    if not raw:
        raw = facts.agent.get(agent_key)
    nodes: list[tuple[str, str]] = []
    for node in raw if isinstance(raw, list) else []:
        if isinstance(node, str) and node.strip():
            nodes.append((node.strip(), ""))
        elif isinstance(node, Mapping) and str(node.get("name") or "").strip():
            nodes.append((str(node["name"]).strip(), str(node.get("description") or "").strip()))
    return list(dict.fromkeys(nodes))


def _plan_node(
    facts: CallFacts, spec: MetricSpec, agent_key: str, rules: str, noun: str
) -> Question[Reading] | Skip:
    nodes = node_choices(facts, spec, agent_key)
    if not nodes:
        return Skip(
            f"The agent has no {agent_key}: set them on the agent (or the metric's "
            "configuration nodes) to classify calls."
        )
    names = [name for name, _ in nodes]
    listed = "\n".join(f"- {name}" + (f": {about}" if about else "") for name, about in nodes)
    answer_shape = shape(f'"value": <one {noun} name, exactly as listed>')
    task = tagged(f"{noun}s", listed) + "\n\n"
    task += answer_section(f'"value" is exactly one of {quoted_choices(names)}.', answer_shape)
    return question(facts, spec.function_name, rules, task, answer_shape, enum_reader(names))

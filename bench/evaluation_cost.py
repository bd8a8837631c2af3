"""What the deterministic metrics and the rubric cost per run, on a realistic 30-turn call.

python -m bench.evaluation_cost

The call: 15 caller and 15 agent messages with measured latencies, three tool calls with
their results (one an error), as a text run records them. Each figure is the best of five
repeats of the mean over `rounds` evaluations. Aims: every deterministic metric together
under 5 ms per run, the rubric under 1 ms per run.
"""

from __future__ import annotations

import random
import timeit
from typing import Any

from rich.console import Console
from rich.table import Table

from voxtest.evaluation.deterministic import EVALUATORS, evaluate, evaluate_all
from voxtest.evaluation.model import (
    FUNCTION_CALL,
    FUNCTION_CALL_RESULT,
    MAIN_AGENT,
    TESTING_AGENT,
    CallFacts,
    MetricSpec,
    MetricValue,
)
from voxtest.evaluation.rubric_eval import evaluate_rubric, performance_metrics
from voxtest.services.metric_catalogue import BY_FUNCTION

AIM_DETERMINISTIC_MS = 5.0
AIM_RUBRIC_MS = 1.0
REPEATS = 5
RESULT_RUNS = 100  # runs per result for the result-level aggregation


def sample_call(seed: int = 7) -> CallFacts:
    """15 exchanges (30 messages); three of the agent's replies call a tool first."""
    rnd = random.Random(seed)
    turns: list[dict[str, Any]] = []
    clock = 0.0

    def add(role: str, content: str, **data: Any) -> None:
        turns.append(
            {"role": role, "content": content, "start_time": round(clock, 3),
             "end_time": round(clock, 3), "data": data}
        )  # fmt: skip

    for exchange in range(15):
        clock += rnd.uniform(2.0, 6.0)  # the caller reads and types
        add(TESTING_AGENT, f"Caller message {exchange} asking about an appointment slot.")
        latency_s = rnd.uniform(0.6, 2.4)
        if exchange in (4, 8, 12):
            call_id = f"call_{exchange}"
            clock += latency_s / 2
            add(FUNCTION_CALL, "", id=call_id, name="check_availability",
                arguments={"date": "2026-12-01"})  # fmt: skip
            result: Any = (
                {"error": "calendar unavailable"} if exchange == 8 else {"slots": ["9:00"]}
            )
            add(FUNCTION_CALL_RESULT, "", id=call_id, result=result)
            clock += latency_s / 2
        else:
            clock += latency_s
        add(MAIN_AGENT, f"Agent reply {exchange} with the details you asked for.",
            latency_ms=round(latency_s * 1000, 1))  # fmt: skip
    return CallFacts(
        transcript=tuple(turns),
        duration_s=round(clock + 1.0, 3),
        ended_reason="Testing agent-ended-call",
        scenario={"expected_tool_calls": ["check_availability", "book_appointment"]},
    )


def deterministic_specs() -> list[MetricSpec]:
    return [
        MetricSpec(
            id=entry.id,
            name=entry.name,
            type=entry.type,
            eval_type=entry.eval_type,
            function_name=entry.function_name,
            code=entry.code,
            configuration=dict(entry.configuration),
        )  # fmt: skip
        for entry in (BY_FUNCTION[name] for name in EVALUATORS)
    ]


def judged_values() -> list[MetricValue]:
    """Values an LLM judge would add: Expected Outcome, Sentiment, Verbosity."""
    return [
        MetricValue(1, "Expected Outcome", "binary", score=5.0, passed=True,
                    explanation=("The appointment was booked.",)),
        MetricValue(25, "Sentiment", "enum", value="neutral"),
        MetricValue(17, "Verbosity", "continuous_qualitative", score=4.2),
    ]  # fmt: skip


def sample_rubric() -> dict[str, Any]:
    """The catalogue's default rules plus binary rules on the deterministic metrics."""
    rules = [
        (1, {"field": "score", "op": "eq", "value": True}),
        (5, {"field": "score", "op": "eq", "value": True}),
        (8, {"field": "score", "op": "gte", "value": 4}),
        (14, {"field": "score", "op": "lte", "value": 2000}),
        (17, {"field": "score", "op": "gte", "value": 4}),
        (18, {"field": "score", "op": "eq", "value": 5}),
        (19, {"field": "score", "op": "eq", "value": True}),
        (25, {"field": "enum", "op": "in", "value": ["positive", "neutral"]}),
    ]
    return {
        "evaluation_logic": "and",
        "rules": [
            {"metric_id": mid, "conditions": {"operator": "and", "conditions": [cond]}}
            for mid, cond in rules
        ],
    }


def per_call_ms(action: Any, rounds: int) -> float:
    return min(timeit.repeat(action, number=rounds, repeat=REPEATS)) / rounds * 1000


def run(rounds: int = 2000) -> dict[str, float]:
    """Measure, print the table, and return the figures in ms per run."""
    facts, specs = sample_call(), deterministic_specs()
    values = evaluate_all(specs, facts) + judged_values()
    config = sample_rubric()
    result_runs = [values] * RESULT_RUNS
    figures = {
        spec.name: per_call_ms(lambda spec=spec: evaluate(spec, facts), rounds) for spec in specs
    }
    figures["all deterministic metrics"] = per_call_ms(lambda: evaluate_all(specs, facts), rounds)
    figures["rubric (8 rules)"] = per_call_ms(lambda: evaluate_rubric(config, values), rounds)
    per_result = per_call_ms(lambda: performance_metrics(config, result_runs), max(1, rounds // 50))
    figures[f"performance_metrics, per run of a {RESULT_RUNS}-run result"] = (
        per_result / RESULT_RUNS
    )
    aims = {"all deterministic metrics": AIM_DETERMINISTIC_MS, "rubric (8 rules)": AIM_RUBRIC_MS}
    table = Table(
        title=f"evaluation cost on a {len(facts.transcript)}-row call (30 messages), ms per run"
    )
    table.add_column("step")
    table.add_column("ms", justify="right")
    table.add_column("aim", justify="right")
    for step, ms in figures.items():
        aim = aims.get(step)
        verdict = "" if aim is None else f"< {aim:g} {'ok' if ms < aim else 'MISSED'}"
        table.add_row(step, f"{ms:.4f}", verdict)
    Console().print(table)
    return figures


if __name__ == "__main__":
    run()

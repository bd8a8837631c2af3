"""How often the LLM-judged metrics agree with human labels, per judge model.

    python -m bench.metric_quality [--limit N]

bench/data/metric_labels.jsonl holds 64 labelled calls to a dental clinic's receptionist
agent (`CLINIC_AGENT` below): good calls, each kind of failure, and near misses that look
like a failure but are not (a price paraphrased from the knowledge base, a repetition the
caller asked for, a caller correcting their own date of birth). Each record labels the
metrics it was written for: binary metrics with true (passes) / false / "n/a", enums with the
expected value, the repetition count with a number (compared in buckets 0, 1, 2+).

Per metric: labels, accuracy, Cohen's kappa (agreement beyond chance), and how many answers
were errors. Models: the configured judge (VOXTEST_JUDGE_* falling back to VOXTEST_LLM_*)
and the offline default (the bundled llama.cpp model, with the local-llm extra installed);
a model that is not available is skipped with the reason.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import time
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

from voxtest.errors import ConfigError
from voxtest.evaluation.llm_metrics import LlmMetricJudge
from voxtest.evaluation.model import (
    FUNCTION_CALL,
    FUNCTION_CALL_RESULT,
    MAIN_AGENT,
    TESTING_AGENT,
    CallFacts,
    MetricSpec,
    MetricValue,
)
from voxtest.llm.base import ChatModel
from voxtest.llm.llama_cpp import LlamaCppConfig, LlamaCppModel
from voxtest.llm.registry import judge_model
from voxtest.services.metric_catalogue import by_function
from voxtest.settings import Settings

DATA = Path(__file__).parent / "data" / "metric_labels.jsonl"
ROLES = {"C": TESTING_AGENT, "A": MAIN_AGENT, "F": FUNCTION_CALL, "R": FUNCTION_CALL_RESULT}
SECONDS_PER_WORD, TURN_GAP = 0.35, 0.6
CONCURRENCY = 4

CLINIC_AGENT: dict[str, Any] = {
    "id": 1,
    "name": "Bright Smile Dental receptionist",
    "language": "en",
    "inbound": True,
    "description": (
        "You are the receptionist of Bright Smile Dental. Help callers book, reschedule or "
        "cancel appointments and answer questions about the clinic from the knowledge base.\n"
        "- Before changing or cancelling an existing appointment, verify the caller's full "
        "name and date of birth (verify_patient). New bookings need only the full name.\n"
        "- Offer only free slots returned by find_slots.\n"
        "- Read back the date and time and get the caller's yes before booking or moving an "
        "appointment, then give the confirmation code from the tool result.\n"
        "- Never give medical advice; offer an appointment instead.\n"
        "- If the caller asks for a person, transfer them to the front desk.\n"
        "- Keep answers short. End the call only after the caller says goodbye or is done."
    ),
    "knowledge_base": [
        {
            "name": "clinic.md",
            "text": (
                "Opening hours: Monday to Friday 8am-6pm; Saturday 9am-1pm; closed Sunday.\n"
                "Address: 42 Harbor Street, Suite 3, Portland. Free parking behind the "
                "building.\nDentists: Dr. Priya Shah and Dr. Tom Becker.\n"
                "Prices: cleaning (hygiene visit) $120; new-patient exam with X-rays $180; "
                "teeth whitening $350; fillings from $150.\n"
                "Insurance: we accept Delta Dental, Cigna and Aetna. We do not accept MetLife.\n"
                "Cancellation policy: cancel at least 24 hours ahead; late cancellations cost $50."
            ),
        }
    ],
    "topic_nodes": [
        {"name": "Booking", "description": "a new appointment"},
        {"name": "Rescheduling", "description": "moving an existing appointment"},
        {"name": "Cancellation", "description": "cancelling an existing appointment"},
        {"name": "Billing and insurance", "description": "prices, payments, insurance"},
        {"name": "Clinic information", "description": "hours, address, staff, services"},
        {"name": "Other", "description": "anything else"},
    ],
}


@dataclass(frozen=True)
class Labelled:
    id: str
    kind: str  # good | failure | near_miss
    facts: CallFacts
    labels: Mapping[str, Any]


@dataclass(frozen=True)
class Agreement:
    metric: str
    labels: int
    accuracy: float
    kappa: float
    errors: int


def load_labelled(path: Path = DATA) -> list[Labelled]:
    rows = [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
    return [Labelled(r["id"], r["kind"], call_facts(r), r["labels"]) for r in rows]


def call_facts(record: Mapping[str, Any]) -> CallFacts:
    """The record's compact turns (`["C", text]`, `["F", {name, arguments}]`, ...) as a timed
    Cekura transcript; speech takes SECONDS_PER_WORD a word."""
    transcript, clock = [], 0.0
    for code, body in record["turns"]:
        spoken = isinstance(body, str)
        seconds = max(1.0, SECONDS_PER_WORD * len(body.split())) if spoken else 0.2
        transcript.append(
            {
                "role": ROLES[code],
                "content": body if spoken else "",
                "start_time": round(clock, 2),
                "end_time": round(clock + seconds, 2),
                "data": {} if spoken else body,
            }
        )
        clock += seconds + TURN_GAP
    return CallFacts(
        transcript=tuple(transcript),
        duration_s=round(clock, 2),
        ended_reason=record.get("ended_reason"),
        agent={**CLINIC_AGENT, **record.get("agent", {})},
        scenario=record.get("scenario", {}),
    )


def metric_spec(function_name: str) -> MetricSpec:
    entry = by_function(function_name)
    if entry is None:
        raise ValueError(f"{function_name!r} is not in the predefined-metric catalogue")
    return MetricSpec(id=entry.id, name=entry.name, eval_type=entry.eval_type,
                      function_name=function_name, code=entry.code)  # fmt: skip


def as_label(raw: Any) -> str:
    """A label or a prediction as a category: "true"/"false"/"n/a", an enum value, or a
    count bucket ("0", "1", "2+")."""
    if isinstance(raw, bool):
        return str(raw).lower()
    if isinstance(raw, int | float):
        return "2+" if raw >= 2 else str(int(raw))
    return str(raw)


def predicted(value: MetricValue) -> str:
    if value.error is not None:
        return "error"
    if value.not_applicable:
        return "n/a"
    if value.passed is not None:
        return as_label(value.passed)
    if value.value is not None:
        return value.value
    return as_label(value.score if value.score is not None else "error")


def cohens_kappa(expected: Sequence[str], got: Sequence[str]) -> float:
    """Agreement beyond chance: 1 perfect, 0 chance level; nan when chance is already 1."""
    total = len(expected)
    if total == 0:
        return float("nan")
    observed = sum(e == g for e, g in zip(expected, got, strict=True)) / total
    left, right = Counter(expected), Counter(got)
    chance = sum(left[c] * right[c] for c in left) / total**2
    return float("nan") if chance == 1 else (observed - chance) / (1 - chance)


def agreement(metric: str, pairs: Sequence[tuple[str, str]]) -> Agreement:
    expected, got = [e for e, _ in pairs], [g for _, g in pairs]
    right = sum(e == g for e, g in pairs)
    return Agreement(metric, len(pairs), right / len(pairs), cohens_kappa(expected, got),
                     got.count("error"))  # fmt: skip


async def judge_all(
    judge: LlmMetricJudge,
    records: Iterable[Labelled],
    *,
    concurrency: int = CONCURRENCY,
    progress: Callable[[int, int], None] | None = None,
) -> tuple[dict[str, list[tuple[str, str]]], list[tuple[str, str, str, str]], float]:
    """(pairs of (label, prediction) per metric, disagreements, seconds per evaluation);
    `progress(done, total)` after each evaluation."""
    limit = asyncio.Semaphore(concurrency)
    jobs = [(r, name, label) for r in records for name, label in r.labels.items()]
    done = 0

    async def one(record: Labelled, name: str) -> MetricValue:
        nonlocal done
        async with limit:
            value = await judge.evaluate(metric_spec(name), record.facts)
        done += 1
        if progress is not None:
            progress(done, len(jobs))
        return value

    start = time.perf_counter()
    values = await asyncio.gather(*(one(r, name) for r, name, _ in jobs))
    seconds = (time.perf_counter() - start) / max(1, len(jobs))
    pairs: dict[str, list[tuple[str, str]]] = {}
    misses = []
    for (record, name, label), value in zip(jobs, values, strict=True):
        pair = (as_label(label), predicted(value))
        pairs.setdefault(name, []).append(pair)
        if pair[0] != pair[1]:
            misses.append((record.id, name, *pair))
    return pairs, misses, seconds


def models(settings: Settings) -> tuple[list[tuple[str, ChatModel]], list[str]]:
    """The models to score (label, model) and why others were skipped."""
    found: list[tuple[str, ChatModel]] = []
    skipped = []
    try:
        found.append(("configured judge", judge_model(settings)))
    except ConfigError as exc:
        skipped.append(f"configured judge: {exc}")
    try:
        local = LlamaCppModel(LlamaCppConfig.from_settings(settings))
    except ConfigError as exc:
        skipped.append(f"offline default (llama.cpp): {exc}")
    else:
        if all(model.name != local.name for _, model in found):
            found.append(("offline default", local))
    return found, skipped


def run(
    settings: Settings | None = None, *, limit: int | None = None
) -> dict[str, list[Agreement]]:
    """Score every available model on the labelled set (the first `limit` records)."""
    console = Console(width=130)
    records = load_labelled()[:limit]
    available, skipped = models(settings or Settings())
    for reason in skipped:
        console.print(f"metric quality: skipped {reason}", style="yellow", markup=False)
    if not available:
        console.print("metric quality: no judge model available; nothing to score.")
    results = {}
    for label, model in available:
        pairs, misses, seconds = asyncio.run(_judge_and_close(model, records, console))
        rows = [agreement(metric, pairs[metric]) for metric in sorted(pairs)]
        results[f"{label} ({model.name})"] = rows
        _print(console, f"{label} ({model.name})", rows, seconds)
        for record_id, metric, expected, got in misses[:20]:
            console.print(f"  miss {record_id} {metric}: expected {expected}, got {got}",
                          markup=False)  # fmt: skip
    return results


async def _judge_and_close(
    model: ChatModel, records: Sequence[Labelled], console: Console
) -> tuple[dict[str, list[tuple[str, str]]], list[tuple[str, str, str, str]], float]:
    def progress(done: int, total: int) -> None:
        if done % 10 == 0 or done == total:
            console.print(f"  {model.name}: {done}/{total} evaluations", markup=False)

    local = isinstance(model, LlamaCppModel)  # one call at a time, however long it takes
    judge = LlmMetricJudge(model, timeout_seconds=None if local else 300.0)
    try:
        return await judge_all(
            judge, records, concurrency=1 if local else CONCURRENCY, progress=progress
        )
    finally:
        await model.aclose()


def _print(console: Console, title: str, rows: Sequence[Agreement], seconds: float) -> None:
    table = Table(title=f"Metric agreement with labels: {title}, {seconds:.2f} s/evaluation")
    for column in ("metric", "labels", "accuracy", "kappa", "errors"):
        table.add_column(column)
    for row in rows:
        table.add_row(row.metric, str(row.labels), f"{row.accuracy:.2f}", f"{row.kappa:.2f}",
                      str(row.errors))  # fmt: skip
    total = sum(r.labels for r in rows)
    micro = sum(r.accuracy * r.labels for r in rows) / total if total else float("nan")
    kappas = [r.kappa for r in rows if r.kappa == r.kappa]  # nan is not equal to itself
    macro = sum(kappas) / len(kappas) if kappas else float("nan")
    table.add_row("all", str(total), f"{micro:.2f}", f"{macro:.2f} (mean)",
                  str(sum(r.errors for r in rows)))  # fmt: skip
    console.print(table)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(prog="python -m bench.metric_quality")
    parser.add_argument("--limit", type=int, help="score only the first N labelled calls")
    run(limit=parser.parse_args().limit)

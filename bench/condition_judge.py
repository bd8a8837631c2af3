"""How well each stage of the condition judge decides, and how fast.

python -m bench --only judge

Two sets from bench/data/conditions.jsonl: "hard" (the labelled pairs: paraphrases, same
topic different act, negated requests, statements vs questions) and "cross" (each positive
message against every condition of another topic, all no_match: what most conditions look
like during a call). Per stage: accuracy and precision of what it decided, recall (what it
matched out of all positives), abstention rate, end-to-end accuracy (uncertain counted as
no match, as the engine does) and time per pair. The cascade runs without an LLM.
"""

from __future__ import annotations

import asyncio
import json
import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from rich.console import Console
from rich.table import Table

from voxtest.domain.conditions import Verdict
from voxtest.judging.cascade import CascadeJudge
from voxtest.judging.embeddings import EmbeddingStage, Thresholds, WordLlamaEmbedder
from voxtest.judging.lexical import judge_lexically

DATA = Path(__file__).parent / "data" / "conditions.jsonl"


@dataclass(frozen=True)
class Pair:
    condition: str
    message: str
    expected: bool
    topic: str


@dataclass(frozen=True)
class Score:
    pairs: int
    accuracy: float  # of decided pairs
    precision: float
    recall: float
    abstained: float
    end_to_end: float
    ms_per_pair: float


def load_pairs(path: Path = DATA) -> list[Pair]:
    rows = [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
    return [Pair(r["condition"], r["message"], r["expected"] == "match", r["topic"]) for r in rows]


def cross_pairs(pairs: list[Pair]) -> list[Pair]:
    """Every positive message against each condition of a different topic (no match)."""
    conditions = {p.condition: p.topic for p in pairs}
    return [
        Pair(condition, p.message, False, topic)
        for p in pairs
        if p.expected
        for condition, topic in conditions.items()
        if topic != p.topic
    ]


def score(pairs: list[Pair], verdicts: list[Verdict], seconds: float) -> Score:
    decided = [(p, v) for p, v in zip(pairs, verdicts, strict=True) if v is not Verdict.UNCERTAIN]
    right = sum((v is Verdict.MATCH) == p.expected for p, v in decided)
    matched = [p for p, v in decided if v is Verdict.MATCH]
    positives = sum(p.expected for p in pairs)
    end_to_end = sum(
        (v is Verdict.MATCH) == p.expected for p, v in zip(pairs, verdicts, strict=True)
    )
    return Score(
        pairs=len(pairs),
        accuracy=right / len(decided) if decided else float("nan"),
        precision=sum(p.expected for p in matched) / len(matched) if matched else float("nan"),
        recall=sum(p.expected for p in matched) / positives if positives else float("nan"),
        abstained=1 - len(decided) / len(pairs),
        end_to_end=end_to_end / len(pairs),
        ms_per_pair=seconds / len(pairs) * 1000,
    )


def timed(pairs: list[Pair], decide: Callable[[Pair], Verdict]) -> tuple[list[Verdict], float]:
    start = time.perf_counter()
    verdicts = [decide(p) for p in pairs]
    return verdicts, time.perf_counter() - start


async def run_cascade(judge: CascadeJudge, pairs: list[Pair]) -> tuple[list[Verdict], float]:
    start = time.perf_counter()
    verdicts = [(await judge(p.message, [p.condition]))[0] for p in pairs]
    return verdicts, time.perf_counter() - start


def auc(scores: list[float], labels: list[bool]) -> float:
    positives = [s for s, y in zip(scores, labels, strict=True) if y]
    negatives = [s for s, y in zip(scores, labels, strict=True) if not y]
    wins = sum((p > n) + 0.5 * (p == n) for p in positives for n in negatives)
    return wins / (len(positives) * len(negatives))


def embedding_report(stage: EmbeddingStage, hard: list[Pair], cross: list[Pair]) -> list[str]:
    """AUC and the score ranges behind the thresholds, on the pairs lexical leaves open."""
    lines = []
    for name, pairs in (("hard", hard), ("cross", cross)):
        scores = [stage.scores_now(p.message, [p.condition])[0] for p in pairs]
        labels = [p.expected for p in pairs]
        if any(labels):
            lines.append(f"{name}: AUC {auc(scores, labels):.3f}")
        residual = [
            (s, p.expected)
            for s, p in zip(scores, pairs, strict=True)
            if judge_lexically(p.message, p.condition).verdict is Verdict.UNCERTAIN
        ]
        negatives = sorted(s for s, y in residual if not y)
        positives = sorted(s for s, y in residual if y)
        if negatives:
            lines.append(f"{name} residual negatives: max {negatives[-1]:.3f}")
            below = sum(s < stage.thresholds.no_match_below for s in negatives)
            lines.append(
                f"{name} residual negatives under no_match_below: {below}/{len(negatives)}"
            )
        if positives:
            lines.append(f"{name} residual positives: min {positives[0]:.3f}")
    return lines


def run() -> None:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")  # the model is in the wheel: never download
    hard = load_pairs()
    sets = {"hard": hard, "cross": cross_pairs(hard)}
    start = time.perf_counter()
    embedder = WordLlamaEmbedder()
    WordLlamaEmbedder.model()
    load_s = time.perf_counter() - start
    stage = EmbeddingStage(embedder, Thresholds())
    results: dict[tuple[str, str], Score] = {}
    for name, pairs in sets.items():
        verdicts, seconds = timed(pairs, lambda p: judge_lexically(p.message, p.condition).verdict)
        results[("lexical", name)] = score(pairs, verdicts, seconds)
        verdicts, seconds = timed(
            pairs, lambda p: stage.thresholds.verdict(stage.scores_now(p.message, [p.condition])[0])
        )
        results[("embedding", name)] = score(pairs, verdicts, seconds)
        verdicts, seconds = asyncio.run(run_cascade(CascadeJudge(embedder), pairs))
        results[("cascade (no LLM)", name)] = score(pairs, verdicts, seconds)
    _print(results, sets, load_s, stage)


def _print(
    results: dict[tuple[str, str], Score],
    sets: dict[str, list[Pair]],
    load_s: float,
    stage: EmbeddingStage,
) -> None:
    console = Console(width=130)
    t = stage.thresholds
    table = Table(
        title=f"Condition judge (wordllama load {load_s:.2f} s; thresholds "
        f"match >= {t.match_at}, no_match < {t.no_match_below})"
    )
    for column in ("stage", "set", "pairs", "accuracy", "precision", "recall", "abstained",
                   "end-to-end", "ms/pair"):  # fmt: skip
        table.add_column(column)
    for (stage_name, set_name), s in results.items():
        table.add_row(
            stage_name, set_name, str(s.pairs), f"{s.accuracy:.2f}", f"{s.precision:.2f}",
            f"{s.recall:.2f}", f"{s.abstained:.2f}", f"{s.end_to_end:.2f}",
            f"{s.ms_per_pair:.3f}",
        )  # fmt: skip
    console.print(table)
    for line in embedding_report(stage, sets["hard"], sets["cross"]):
        console.print(line)


if __name__ == "__main__":
    run()

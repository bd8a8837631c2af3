"""The embedding stage: cosine similarity between a condition and the agent's message.

`Embedder` is the seam (`WordLlamaEmbedder` is the bundled offline one, from the `semantic`
extra; tests pass a fake). `EmbeddingStage` scores every condition against the message in
one batch, in a worker thread (the first call also loads the model there), and turns each
score into a verdict with two thresholds: MATCH at `match_at` or above, NO_MATCH below
`no_match_below`, UNCERTAIN in between.

Default thresholds, chosen with `python -m bench --only judge` on bench/data/conditions.jsonl
(73 hard pairs, 38 positive; plus 883 "cross" pairs: positive messages against conditions of
other topics), scoring wordllama 0.4.0.post1 on the pairs the lexical stage leaves open:

- `match_at=0.75`: hard negatives (same topic, negated, statement vs question) reach 0.71,
  above most positives (AUC 0.43 on the hard set: worse than chance). No open pair of either
  set scores 0.72 or more, so embeddings practically never confirm a match: that is the LLM's.
- `no_match_below=-0.05`: the lowest open positive scores -0.04; below -0.05 are 2 of 32
  hard negatives and 10% of the cross pairs, all correctly. 0.0 would decide 27% of the cross
  pairs but drop 1 of 31 open positives; 0.05 decides 55% and drops 3.
"""

from __future__ import annotations

import asyncio
import math
import re
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from voxtest.domain.conditions import Verdict
from voxtest.errors import ConfigError

INSTALL_HINT = "install the extra: pip install 'voxtest[semantic]'"
_SUBJECT = re.compile(r"^\s*the (?:agent|assistant|bot)\s+", re.IGNORECASE)


class Embedder(Protocol):
    """Turns texts into vectors (any length, same for all texts). Sync and CPU-bound: callers
    run it in a thread. `name` identifies the model (logs, cache keys)."""

    @property
    def name(self) -> str: ...

    def embed(self, texts: Sequence[str]) -> Sequence[Sequence[float]]: ...


class SemanticExtraMissing(ConfigError):
    """The `semantic` extra (wordllama) is not installed."""


@dataclass(frozen=True)
class Thresholds:
    match_at: float = 0.75
    no_match_below: float = -0.05

    def __post_init__(self) -> None:
        if self.no_match_below > self.match_at:
            raise ValueError("no_match_below must not exceed match_at")

    def verdict(self, score: float) -> Verdict:
        if score >= self.match_at:
            return Verdict.MATCH
        return Verdict.NO_MATCH if score < self.no_match_below else Verdict.UNCERTAIN


class WordLlamaEmbedder:
    """wordllama's bundled 256-dim model (16 MB, in the wheel). Loaded on first use, once per
    process (shared by every instance); never downloads."""

    _model: Any = None
    _lock = threading.Lock()

    @property
    def name(self) -> str:
        return "wordllama-l2_supercat-256"

    def embed(self, texts: Sequence[str]) -> Sequence[Sequence[float]]:
        vectors = self.model().embed(list(texts), norm=True)
        return [[float(x) for x in row] for row in vectors]

    @classmethod
    def model(cls) -> Any:
        with cls._lock:
            if cls._model is None:
                cls._model = _load_wordllama()
            return cls._model


def _load_wordllama() -> Any:
    try:
        import wordllama
    except ImportError as exc:
        raise SemanticExtraMissing(f"The embedding judge needs wordllama: {INSTALL_HINT}.") from exc
    # The 0.4.0.post1 wheel ships tokenizers/ where load() looks for tokenizer/: pointing
    # cache_dir at the package makes weights and tokenizer resolve locally, with no download.
    package = Path(wordllama.__file__).parent
    return wordllama.WordLlama.load(cache_dir=package, disable_download=True)


def condition_text(condition: str) -> str:
    """What is embedded for a condition: without "The agent" (it says nothing about the act)."""
    return _SUBJECT.sub("", condition).strip() or condition


def cosine(a: Sequence[float], b: Sequence[float]) -> float:
    norms = math.sqrt(sum(x * x for x in a)) * math.sqrt(sum(y * y for y in b))
    return sum(x * y for x, y in zip(a, b, strict=True)) / norms if norms else 0.0


@dataclass(frozen=True)
class EmbeddingStage:
    embedder: Embedder
    thresholds: Thresholds = Thresholds()

    async def scores(self, message: str, conditions: Sequence[str]) -> list[float]:
        """Similarity of each condition to `message`, computed off the event loop."""
        if not conditions:
            return []
        return await asyncio.to_thread(self.scores_now, message, conditions)

    def scores_now(self, message: str, conditions: Sequence[str]) -> list[float]:
        """The same, blocking (benchmarks, threads)."""
        vectors = self.embedder.embed([message, *(condition_text(c) for c in conditions)])
        return [cosine(vectors[0], v) for v in vectors[1:]]

    async def verdicts(
        self, message: str, conditions: Sequence[str]
    ) -> list[tuple[Verdict, float]]:
        scores = await self.scores(message, conditions)
        return [(self.thresholds.verdict(s), s) for s in scores]

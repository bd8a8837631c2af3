"""The embedding stage: thresholds on a fake embedder, and the real bundled wordllama."""

from __future__ import annotations

import sys
import threading
from collections.abc import Sequence

import pytest

from voxtest.domain.conditions import Verdict
from voxtest.judging.embeddings import (
    EmbeddingStage,
    SemanticExtraMissing,
    Thresholds,
    WordLlamaEmbedder,
    condition_text,
    cosine,
)


class VectorTable:
    """A fake embedder: each known text has a fixed vector; records the threads it ran on."""

    name = "table"

    def __init__(self, vectors: dict[str, list[float]]) -> None:
        self.vectors = vectors
        self.threads: list[int] = []

    def embed(self, texts: Sequence[str]) -> Sequence[Sequence[float]]:
        self.threads.append(threading.get_ident())
        return [self.vectors[t] for t in texts]


def test_thresholds_split_into_three_bands() -> None:
    bands = Thresholds(match_at=0.6, no_match_below=0.2)
    assert [bands.verdict(s) for s in (0.6, 0.59, 0.2, 0.19)] == [
        Verdict.MATCH,
        Verdict.UNCERTAIN,
        Verdict.UNCERTAIN,
        Verdict.NO_MATCH,
    ]
    with pytest.raises(ValueError, match="must not exceed"):
        Thresholds(match_at=0.1, no_match_below=0.5)


async def test_stage_scores_each_condition_off_the_event_loop() -> None:
    table = VectorTable(
        {
            "hi": [1.0, 0.0],
            "says hello": [1.0, 0.0],  # "The agent" is stripped before embedding
            "asks for money": [0.0, 1.0],
            "apologizes": [0.6, 0.8],
        }
    )
    stage = EmbeddingStage(table, Thresholds(match_at=0.9, no_match_below=0.1))
    conditions = ["The agent says hello", "asks for money", "apologizes"]
    judged = await stage.verdicts("hi", conditions)
    assert [v for v, _ in judged] == [Verdict.MATCH, Verdict.NO_MATCH, Verdict.UNCERTAIN]
    assert [s for _, s in judged] == pytest.approx([1.0, 0.0, 0.6])
    assert table.threads and threading.get_ident() not in table.threads
    assert await stage.verdicts("hi", []) == []


def test_cosine_and_condition_text() -> None:
    assert cosine([1.0, 0.0], [0.0, 0.0]) == 0.0
    assert cosine([3.0, 4.0], [6.0, 8.0]) == pytest.approx(1.0)
    assert condition_text("The agent asks for X") == "asks for X"


def test_wordllama_loads_offline_and_ranks_a_positive_above_a_negative(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    stage = EmbeddingStage(WordLlamaEmbedder())
    positive, negative = stage.scores_now(
        "I am so sorry you had to wait on hold for so long.",
        ["The agent apologizes for the long wait", "The agent asks for the shipping address"],
    )
    assert positive > negative + 0.3
    assert WordLlamaEmbedder.model() is WordLlamaEmbedder.model()  # loaded once


def test_a_missing_extra_is_an_explicit_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(WordLlamaEmbedder, "_model", None)
    monkeypatch.setitem(sys.modules, "wordllama", None)  # import fails as if not installed
    with pytest.raises(SemanticExtraMissing, match=r"voxtest\[semantic\]"):
        WordLlamaEmbedder().embed(["hello"])

"""`CascadeJudge`: lexical rules, then embeddings, then an LLM, each only for what is left.

    judge = CascadeJudge(WordLlamaEmbedder(), judge_model(settings))
    verdicts = await judge(message, conditions)          # the runner's async Judge shape
    decisions = await judge.decide(message, conditions, previous=caller_line)

1. lexical (`judging.lexical`): `contains` forms, verbatim text, obvious matches and
   negated requests; abstains otherwise.
2. embeddings (optional): similarity with two thresholds. Skipped for negated conditions,
   and a MATCH is not taken from a message holding a negation (embeddings cannot see "not").
3. LLM (optional): one call for every condition still UNCERTAIN.

What no stage decides stays UNCERTAIN (the engine treats it as no match and reports it).
Each `Decision` records the stage that decided it; `history` keeps the latest ones.
"""

from __future__ import annotations

from collections import Counter, deque
from collections.abc import Sequence
from dataclasses import dataclass, replace
from enum import StrEnum

from voxtest.domain.conditions import Verdict
from voxtest.judging.embeddings import Embedder, EmbeddingStage, Thresholds
from voxtest.judging.lexical import is_negated, judge_lexically, shape_of
from voxtest.judging.llm_judge import LlmJudge
from voxtest.judging.normalise import clauses
from voxtest.llm.base import ChatModel


class Stage(StrEnum):
    LEXICAL = "lexical"
    EMBEDDING = "embedding"
    LLM = "llm"
    KEYWORD = "keyword"  # the runs' fallback for what the cascade left open (`run_judge`)
    NONE = "none"  # no stage was sure


@dataclass(frozen=True)
class Decision:
    condition: str
    verdict: Verdict
    stage: Stage
    reason: str
    score: float | None = None  # the embedding similarity, when one was computed
    cached: bool = False  # the LLM verdict came from the cache


class DecidingJudge:
    """The runner's judge shapes (a plain async judge and a `TurnJudge`) over `decide`."""

    async def decide(
        self, message: str, conditions: Sequence[str], previous: str | None = None
    ) -> tuple[Decision, ...]:
        raise NotImplementedError

    async def __call__(self, message: str, conditions: Sequence[str]) -> tuple[Verdict, ...]:
        return tuple(d.verdict for d in await self.decide(message, conditions))

    async def judge_turn(
        self, message: str, conditions: Sequence[str], *, previous: str | None
    ) -> tuple[Verdict, ...]:
        """With the caller's line before the message."""
        return tuple(d.verdict for d in await self.decide(message, conditions, previous))


class CascadeJudge(DecidingJudge):
    """An async condition judge (`runner.outcome.Judge`) built from the three stages."""

    def __init__(
        self,
        embedder: Embedder | None = None,
        model: ChatModel | None = None,
        *,
        thresholds: Thresholds | None = None,
        history_size: int = 1000,
    ) -> None:
        self.embeddings = EmbeddingStage(embedder, thresholds or Thresholds()) if embedder else None
        self.llm = LlmJudge(model) if model is not None else None
        self.history: deque[Decision] = deque(maxlen=history_size)

    async def decide(
        self, message: str, conditions: Sequence[str], previous: str | None = None
    ) -> tuple[Decision, ...]:
        """One decision per condition, in order; `previous` is the caller's line before."""
        decisions = [lexical_decision(message, c) for c in conditions]
        if self.embeddings is not None:
            decisions = await self._embed(self.embeddings, message, decisions)
        if self.llm is not None:
            decisions = await self._ask(self.llm, message, decisions, previous)
        self.history.extend(decisions)
        return tuple(decisions)

    def stage_counts(self) -> Counter[tuple[Stage, Verdict]]:
        """How many recent verdicts each stage gave, for metrics."""
        return Counter((d.stage, d.verdict) for d in self.history)

    async def _embed(
        self, stage: EmbeddingStage, message: str, decisions: list[Decision]
    ) -> list[Decision]:
        open_ = [i for i, d in enumerate(decisions) if _embeddable(d)]
        conditions = [decisions[i].condition for i in open_]
        negated_message = _has_negation(message)
        for i, (verdict, score) in zip(
            open_, await stage.verdicts(message, conditions), strict=True
        ):
            decisions[i] = replace(decisions[i], score=score)
            if verdict is Verdict.MATCH and negated_message:
                continue
            if verdict is not Verdict.UNCERTAIN:
                reason = f"similarity {score:.2f}"
                decisions[i] = replace(
                    decisions[i], verdict=verdict, stage=Stage.EMBEDDING, reason=reason
                )
        return decisions

    async def _ask(
        self, llm: LlmJudge, message: str, decisions: list[Decision], previous: str | None
    ) -> list[Decision]:
        open_ = [i for i, d in enumerate(decisions) if d.verdict is Verdict.UNCERTAIN]
        if not open_:
            return decisions
        answers = await llm.judge(message, [decisions[i].condition for i in open_], previous)
        for i, answer in zip(open_, answers, strict=True):
            stage = Stage.NONE if answer.verdict is Verdict.UNCERTAIN else Stage.LLM
            decisions[i] = replace(
                decisions[i],
                verdict=answer.verdict,
                stage=stage,
                reason=answer.reason,
                cached=answer.cached,
            )
        return decisions


def lexical_decision(message: str, condition: str) -> Decision:
    found = judge_lexically(message, condition)
    stage = Stage.NONE if found.verdict is Verdict.UNCERTAIN else Stage.LEXICAL
    return Decision(condition, found.verdict, stage, found.reason)


def _embeddable(decision: Decision) -> bool:
    return decision.verdict is Verdict.UNCERTAIN and not shape_of(decision.condition).negated


def _has_negation(message: str) -> bool:
    return any(is_negated(c) for c in clauses(message))

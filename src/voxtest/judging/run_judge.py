"""The condition judge of runs (`for_runs`): the cascade, then the keyword judge for what the
cascade leaves open.

    judge = await for_runs(settings)          # one per run
    try:
        outcome = await run_conversation(channel, script, judge, ...)
    finally:
        await judge.aclose()                   # closes the judge's model
    details["judge"] = judge.report()

Combination rule, condition by condition:

1. The cascade decides (`judging.cascade`): lexical rules; embeddings when the `semantic`
   extra (wordllama) is installed; the LLM judge for what is still open when a judge model
   is configured (VOXTEST_JUDGE_*, or VOXTEST_LLM_*). A MATCH or NO_MATCH from any of its
   stages is final: a keyword match never overrides it.
2. A condition the cascade leaves UNCERTAIN (no LLM configured, or the LLM failed or gave no
   clear answer) takes the verdict of `KeywordJudge`, the baseline runs used before, so what
   the cascade cannot decide is decided as it was before.
3. What neither decides stays UNCERTAIN: the engine treats it as no match, and `report()`
   lists it.
"""

from __future__ import annotations

import asyncio
import functools
import logging
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from voxtest.domain.conditions import ConditionJudge, KeywordJudge, Verdict
from voxtest.errors import ConfigError
from voxtest.judging.cascade import CascadeJudge, DecidingJudge, Decision, Stage
from voxtest.judging.embeddings import Embedder, SemanticExtraMissing, WordLlamaEmbedder
from voxtest.llm.base import ChatModel, ModelNotConfigured
from voxtest.llm.registry import judge_model
from voxtest.settings import Settings

log = logging.getLogger(__name__)
UNDECIDED_LISTED = 10  # at most this many undecided conditions in `report()`


class RunJudge(DecidingJudge):
    """A `runner.outcome.TurnJudge` for one run; keeps what decided each condition."""

    def __init__(
        self,
        embedder: Embedder | None,
        model: ChatModel | None,
        *,
        fallback: ConditionJudge | None = None,
    ) -> None:
        self.cascade = CascadeJudge(embedder, model)
        self.model = model
        self.fallback: ConditionJudge = fallback or KeywordJudge()
        self.decided_by: Counter[Stage] = Counter()
        self.undecided: list[str] = []  # distinct conditions no stage decided, first seen first

    @property
    def stages(self) -> tuple[Stage, ...]:
        """The stages this judge runs, in order."""
        optional = ((self.cascade.embeddings, Stage.EMBEDDING), (self.cascade.llm, Stage.LLM))
        return (Stage.LEXICAL, *(s for part, s in optional if part is not None), Stage.KEYWORD)

    async def decide(
        self, message: str, conditions: Sequence[str], previous: str | None = None
    ) -> tuple[Decision, ...]:
        """One decision per condition, in order; `previous` is the caller's line before."""
        decided = await self.cascade.decide(message, conditions, previous)
        open_ = [d.condition for d in decided if d.verdict is Verdict.UNCERTAIN]
        fallback = iter(self.fallback(message, open_) if open_ else ())
        final = tuple(
            _fallen_back(d, next(fallback)) if d.verdict is Verdict.UNCERTAIN else d
            for d in decided
        )
        self._note(final)
        return final

    def report(self) -> dict[str, Any]:
        """For the run's details: the stages on, verdicts per stage, undecided conditions."""
        return {
            "stages": [s.value for s in self.stages],
            "decided_by": {s.value: n for s, n in self.decided_by.items() if s is not Stage.NONE},
            "undecided": self.undecided[:UNDECIDED_LISTED],
        }

    async def aclose(self) -> None:
        """Close the judge's model (safe to call twice)."""
        if self.model is not None:
            await self.model.aclose()

    def _note(self, decisions: Sequence[Decision]) -> None:
        for decision in decisions:
            self.decided_by[decision.stage] += 1
            if decision.stage is Stage.NONE and decision.condition not in self.undecided:
                self.undecided.append(decision.condition)


def _fallen_back(decision: Decision, verdict: Verdict) -> Decision:
    if verdict is Verdict.UNCERTAIN:
        return decision
    reason = f"keyword judge (cascade: {decision.reason})"
    return replace(decision, verdict=verdict, stage=Stage.KEYWORD, reason=reason)


async def for_runs(settings: Settings) -> RunJudge:
    """A fresh `RunJudge`: embeddings when wordllama loads (once per process, in a thread),
    the LLM stage when a judge model is configured. Close it with `aclose()`."""
    embedder = await asyncio.to_thread(bundled_embedder)
    return RunJudge(embedder, configured_judge_model(settings))


@functools.cache
def bundled_embedder() -> Embedder | None:
    """wordllama's embedder with its model loaded, once per process; None when the `semantic`
    extra is missing or its model does not load. Blocking (about a second the first time)."""
    embedder = WordLlamaEmbedder()
    try:
        embedder.model()
    except SemanticExtraMissing:
        return None
    except Exception:  # a broken install must not stop runs: they judge without embeddings
        log.warning("wordllama did not load; judging without embeddings", exc_info=True)
        return None
    return embedder


def configured_judge_model(settings: Settings) -> ChatModel | None:
    """The judge's model, or None when none is configured (or its settings are unusable)."""
    try:
        return judge_model(settings)
    except ModelNotConfigured:
        return None
    except ConfigError as exc:
        log.warning("No LLM judge for conditions: %s", exc)
        return None

"""Semantic condition judging: lexical rules, offline embeddings, then an LLM (see `cascade`);
runs use `for_runs` (the cascade with the keyword judge as fallback, see `run_judge`)."""

from voxtest.judging.cascade import CascadeJudge, Decision, Stage
from voxtest.judging.embeddings import Embedder, SemanticExtraMissing, Thresholds, WordLlamaEmbedder
from voxtest.judging.llm_judge import LlmJudge, LlmVerdict
from voxtest.judging.run_judge import RunJudge, for_runs

__all__ = [
    "CascadeJudge",
    "Decision",
    "Embedder",
    "LlmJudge",
    "LlmVerdict",
    "RunJudge",
    "SemanticExtraMissing",
    "Stage",
    "Thresholds",
    "WordLlamaEmbedder",
    "for_runs",
]

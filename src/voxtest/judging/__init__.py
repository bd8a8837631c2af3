"""Semantic condition judging: lexical rules, offline embeddings, then an LLM (see `cascade`)."""

from voxtest.judging.cascade import CascadeJudge, Decision, Stage
from voxtest.judging.embeddings import Embedder, SemanticExtraMissing, Thresholds, WordLlamaEmbedder
from voxtest.judging.llm_judge import LlmJudge, LlmVerdict

__all__ = [
    "CascadeJudge",
    "Decision",
    "Embedder",
    "LlmJudge",
    "LlmVerdict",
    "SemanticExtraMissing",
    "Stage",
    "Thresholds",
    "WordLlamaEmbedder",
]

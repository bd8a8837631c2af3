"""The LLM stage: one model call decides several conditions against the agent's message.

The prompt numbers the conditions and asks for JSON, `{"verdicts": [{"id": 1, "answer":
"yes" | "no", "reason": "..."}]}`. Parsing tolerates code fences, prose around the object,
a bare list, and yes/no spelled as true/false or match/no_match. Whatever the model leaves
out or garbles becomes UNCERTAIN with a reason; a failed call (`ModelError` or any other
error) makes every asked condition UNCERTAIN: the call goes on. Retries are the model
adapter's job. Decided verdicts are cached in memory (LRU) by a hash of the condition, the
message, the previous caller line, the model name and `PROMPT_VERSION`.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from voxtest.domain.conditions import Verdict
from voxtest.llm.base import ChatMessage, ChatModel

PROMPT_VERSION = "condition-judge-v1"
SYSTEM_PROMPT = """You check a phone or chat agent's behaviour for a test harness.
You get the agent's latest message, the caller's line before it (for context) and numbered
conditions, each describing something the agent might do in that message.
For each condition answer "yes" only if the agent's latest message itself does what the
condition describes (asking is not stating, offering is not doing, saying something is not
needed is not asking for it, talking about a topic is not the act), otherwise "no".
Answer with JSON only, no prose:
{"verdicts": [{"id": 1, "answer": "yes", "reason": "<a few words>"}, ...]}
with one entry per condition id."""
_ANSWERS = {
    "yes": Verdict.MATCH,
    "true": Verdict.MATCH,
    "match": Verdict.MATCH,
    "no": Verdict.NO_MATCH,
    "false": Verdict.NO_MATCH,
    "no_match": Verdict.NO_MATCH,
}
_FENCE = re.compile(r"```(?:json)?", re.IGNORECASE)


@dataclass(frozen=True)
class LlmVerdict:
    verdict: Verdict
    reason: str
    cached: bool = False


class LlmJudge:
    """Asks `model` about conditions in one call per message; caches decided verdicts."""

    def __init__(self, model: ChatModel, *, cache_size: int = 2048) -> None:
        self.model = model
        self.cache_size = cache_size
        self._cache: OrderedDict[str, LlmVerdict] = OrderedDict()

    async def judge(
        self, message: str, conditions: Sequence[str], previous: str | None = None
    ) -> list[LlmVerdict]:
        """One verdict per condition, in order; at most one model call."""
        keys = [self.cache_key(c, message, previous) for c in conditions]
        results: list[LlmVerdict | None] = [self._cached(k) for k in keys]
        asked = [i for i, r in enumerate(results) if r is None]
        if asked:
            fresh = await self._ask(message, [conditions[i] for i in asked], previous)
            for i, verdict in zip(asked, fresh, strict=True):
                results[i] = verdict
                if verdict.verdict is not Verdict.UNCERTAIN:
                    self._store(keys[i], verdict)
        return [r for r in results if r is not None]

    def cache_key(self, condition: str, message: str, previous: str | None) -> str:
        parts = [PROMPT_VERSION, self.model.name, condition, message, previous or ""]
        return hashlib.sha256(json.dumps(parts).encode()).hexdigest()

    async def _ask(
        self, message: str, conditions: Sequence[str], previous: str | None
    ) -> list[LlmVerdict]:
        try:
            result = await self.model.complete(
                prompt(message, conditions, previous), temperature=0.0
            )
        except Exception as exc:  # a failing judge leaves the conditions undecided
            reason = f"judge model failed: {exc}"
            return [LlmVerdict(Verdict.UNCERTAIN, reason) for _ in conditions]
        return parse_verdicts(result.content or "", len(conditions))

    def _cached(self, key: str) -> LlmVerdict | None:
        hit = self._cache.get(key)
        if hit is None:
            return None
        self._cache.move_to_end(key)
        return LlmVerdict(hit.verdict, hit.reason, cached=True)

    def _store(self, key: str, verdict: LlmVerdict) -> None:
        self._cache[key] = verdict
        self._cache.move_to_end(key)
        while len(self._cache) > self.cache_size:
            self._cache.popitem(last=False)


def prompt(message: str, conditions: Sequence[str], previous: str | None) -> list[ChatMessage]:
    numbered = "\n".join(f"{i}. {c}" for i, c in enumerate(conditions, start=1))
    user = (
        f"Caller's previous line: {json.dumps(previous or '(none)')}\n"
        f"Agent's latest message: {json.dumps(message)}\n\n"
        f"Conditions:\n{numbered}"
    )
    return [ChatMessage("system", SYSTEM_PROMPT), ChatMessage("user", user)]


def parse_verdicts(text: str, count: int) -> list[LlmVerdict]:
    """`count` verdicts from the model's answer; what is missing or unreadable is UNCERTAIN."""
    entries = _entries(text)
    if entries is None:
        return [LlmVerdict(Verdict.UNCERTAIN, "unreadable judge answer")] * count
    by_id: dict[int, LlmVerdict] = {}
    for position, entry in enumerate(entries, start=1):
        ident, verdict = _entry(entry, position)
        if ident is not None and 1 <= ident <= count:
            by_id.setdefault(ident, verdict)
    missing = LlmVerdict(Verdict.UNCERTAIN, "no answer for this condition")
    return [by_id.get(i, missing) for i in range(1, count + 1)]


def _entries(text: str) -> list[Any] | None:
    """The list of verdict entries in `text`, or None when there is no JSON to read."""
    cleaned = _FENCE.sub("", text)
    for opener, closer in (("{", "}"), ("[", "]")):
        start, end = cleaned.find(opener), cleaned.rfind(closer)
        if start == -1 or end <= start:
            continue
        try:
            data = json.loads(cleaned[start : end + 1])
        except ValueError:
            continue
        if isinstance(data, dict):
            data = data.get("verdicts", data.get("results"))
        if isinstance(data, list):
            return data
    return None


def _entry(entry: Any, position: int) -> tuple[int | None, LlmVerdict]:
    """(condition id, verdict) of one entry; a bare "yes"/"no" takes its list position."""
    if isinstance(entry, str | bool):
        return position, _verdict(entry, "")
    if not isinstance(entry, dict):
        return None, LlmVerdict(Verdict.UNCERTAIN, "unreadable entry")
    ident = entry.get("id", position)
    try:
        ident = int(ident)
    except (TypeError, ValueError):
        return None, LlmVerdict(Verdict.UNCERTAIN, "entry without a usable id")
    reason = str(entry.get("reason") or "")
    return ident, _verdict(entry.get("answer", entry.get("verdict")), reason)


def _verdict(answer: Any, reason: str) -> LlmVerdict:
    key = str(answer).strip().casefold() if answer is not None else ""
    verdict = _ANSWERS.get(key)
    if verdict is None:
        return LlmVerdict(Verdict.UNCERTAIN, f"unclear answer {answer!r}")
    return LlmVerdict(verdict, reason or f"judge answered {key}")

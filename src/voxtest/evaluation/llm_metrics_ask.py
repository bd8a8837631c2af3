"""Asking the judge model one question and getting usable JSON back, cached.

    asker = JudgeAsker(model, MemoryJudgeCache())
    reading = await asker.ask(question)   # question.read(answer) on the first usable answer

One model call per question, temperature 0. The answer is the first JSON object in the reply
(code fences and prose around it are ignored); JSON mode is requested from models whose
`complete()` takes `response_format`. When the reply has no JSON object or `question.read`
rejects it (`AnswerProblem`), the model is told what was wrong and asked once more. Usable
answers are cached (raw JSON, read again on a hit) under a sha256 of the prompt, the
transcript, the model name and the question's kind. Every failure is a `JudgeFailed` saying
what happened and what to fix; the caller turns it into data.
"""

from __future__ import annotations

import asyncio
import hashlib
import inspect
import json
import re
from collections import OrderedDict
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Generic, Protocol, TypeVar

from voxtest.errors import ConfigError
from voxtest.llm.base import ChatMessage, ChatModel, ModelError, ModelNotConfigured

ASK_VERSION = "metric-judge-v1"  # part of every cache key: change it when prompts change
SETTINGS_HINT = (
    "the judge's model is VOXTEST_JUDGE_MODEL at VOXTEST_JUDGE_BASE_URL (falling back to "
    "VOXTEST_LLM_MODEL at VOXTEST_LLM_BASE_URL), or the local one with "
    "VOXTEST_JUDGE_PROVIDER=llama_cpp"
)
T = TypeVar("T")
_FENCE = re.compile(r"```(?:json)?", re.IGNORECASE)


class AnswerProblem(ValueError):
    """The model's JSON cannot be used; the message tells the model what to fix."""


class JudgeFailed(Exception):
    """No usable answer: `error` is the short reason, `fix` says what to do about it."""

    def __init__(self, error: str, fix: str) -> None:
        super().__init__(error)
        self.error = error
        self.fix = fix


@dataclass(frozen=True)
class Question(Generic[T]):
    """What to ask and how to read the answer.

    `kind` (an eval type or a predefined function name) and `transcript` are part of the
    cache key with the prompt; `shape` is the JSON the answer must have, repeated in the
    repair request; `read` turns the answer into a `T` or raises `AnswerProblem`."""

    kind: str
    system: str
    user: str
    transcript: str
    shape: str
    read: Callable[[dict[str, Any]], T]

    def messages(self) -> list[ChatMessage]:
        return [ChatMessage("system", self.system), ChatMessage("user", self.user)]

    def cache_key(self, model_name: str) -> str:
        prompt = self.system + "\n\n" + self.user
        parts = [ASK_VERSION, prompt, self.transcript, model_name, self.kind]
        return hashlib.sha256(json.dumps(parts).encode()).hexdigest()


class AsksJudge(Protocol):
    """Anything that asks the judge a question (`JudgeAsker`, `LlmMetricJudge`)."""

    async def ask(self, question: Question[T]) -> T: ...


class JudgeCache(Protocol):
    """Where usable answers are kept; a store can persist them (`get` None on a miss)."""

    async def get(self, key: str) -> dict[str, Any] | None: ...

    async def put(self, key: str, answer: dict[str, Any]) -> None: ...


class MemoryJudgeCache:
    """An in-memory LRU of answers, optionally in front of a persistent `backing` cache
    (read through, written through; a failing backing cache is ignored)."""

    def __init__(self, size: int = 4096, backing: JudgeCache | None = None) -> None:
        self.size = size
        self.backing = backing
        self._answers: OrderedDict[str, dict[str, Any]] = OrderedDict()

    async def get(self, key: str) -> dict[str, Any] | None:
        answer = self._answers.get(key)
        if answer is not None:
            self._answers.move_to_end(key)
            return answer
        if self.backing is None:
            return None
        try:
            answer = await self.backing.get(key)
        except Exception:  # a cache is an optimisation: a broken one only costs a call
            return None
        if answer is not None:
            self._remember(key, answer)
        return answer

    async def put(self, key: str, answer: dict[str, Any]) -> None:
        self._remember(key, answer)
        if self.backing is not None:
            try:
                await self.backing.put(key, answer)
            except Exception:
                pass

    def __len__(self) -> int:
        return len(self._answers)

    def _remember(self, key: str, answer: dict[str, Any]) -> None:
        self._answers[key] = answer
        self._answers.move_to_end(key)
        while len(self._answers) > self.size:
            self._answers.popitem(last=False)


class JudgeAsker:
    """Asks `model` questions: JSON answers, one repair retry, cached, failures as JudgeFailed."""

    def __init__(
        self,
        model: ChatModel,
        cache: JudgeCache | None = None,
        *,
        timeout_seconds: float | None = 180.0,
        max_tokens: int = 1200,
    ) -> None:
        self.model = model
        self.cache: JudgeCache = cache if cache is not None else MemoryJudgeCache()
        self.timeout_seconds = timeout_seconds
        self.max_tokens = max_tokens
        self._locks: dict[str, _KeyLock] = {}

    async def ask(self, question: Question[T]) -> T:
        key = question.cache_key(self.model.name)
        lock = self._locks.setdefault(key, _KeyLock())
        lock.users += 1
        try:
            async with lock.lock:  # the same question asked concurrently costs one call
                return await self._ask(question, key)
        finally:
            lock.users -= 1
            if lock.users == 0:
                self._locks.pop(key, None)

    async def _ask(self, question: Question[T], key: str) -> T:
        cached = await self.cache.get(key)
        if cached is not None:
            try:
                return question.read(cached)
            except AnswerProblem:
                pass  # unreadable now (the reader changed): ask again
        messages = question.messages()
        reply = await self._complete(messages)
        try:
            answer, reading = _read(reply, question)
        except AnswerProblem as problem:
            retry = [*messages, ChatMessage("assistant", reply), _repair(problem, question)]
            second = await self._complete(retry)
            try:
                answer, reading = _read(second, question)
            except AnswerProblem as again:
                raise JudgeFailed(
                    f"The judge model gave no usable answer twice: {again}",
                    f"Model {self.model.name!r} last answered {_quote(second)}. Try a stronger "
                    f"judge model: {SETTINGS_HINT}.",
                ) from again
        await self.cache.put(key, answer)
        return reading

    async def _complete(self, messages: list[ChatMessage]) -> str:
        options: dict[str, Any] = {"temperature": 0.0, "max_tokens": self.max_tokens}
        if accepts_response_format(self.model):
            options["response_format"] = {"type": "json_object"}
        complete: Any = self.model.complete  # response_format is beyond the protocol
        try:
            async with asyncio.timeout(self.timeout_seconds):
                result = await complete(messages, **options)
        except ModelNotConfigured as exc:
            raise JudgeFailed("No judge model is configured.", str(exc)) from exc
        except ConfigError as exc:
            raise JudgeFailed("The judge model is misconfigured.", str(exc)) from exc
        except TimeoutError as exc:
            raise JudgeFailed(
                f"The judge model did not answer within {self.timeout_seconds or 0:g} s.",
                f"Evaluate again, or use a faster or closer judge model: {SETTINGS_HINT}.",
            ) from exc
        except ModelError as exc:
            fix = (
                "The failure may be temporary: evaluate again later."
                if exc.retryable
                else f"Check the judge model settings: {SETTINGS_HINT}."
            )
            raise JudgeFailed(f"The judge model call failed: {exc.message}", fix) from exc
        except Exception as exc:  # any other adapter failure is data too
            raise JudgeFailed(
                f"The judge model call failed: {type(exc).__name__}: {exc}",
                f"Check the judge model settings: {SETTINGS_HINT}.",
            ) from exc
        return result.content or ""


@dataclass
class _KeyLock:
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    users: int = 0


def accepts_response_format(model: ChatModel) -> bool:
    """Whether `model.complete` takes a `response_format` (OpenAI-style JSON mode)."""
    try:
        parameters = inspect.signature(model.complete).parameters
    except (TypeError, ValueError):
        return False
    return "response_format" in parameters


def first_json_object(text: str) -> dict[str, Any] | None:
    """The first JSON object in `text` (fences and surrounding prose ignored), or None."""
    cleaned = _FENCE.sub("", text)
    decoder = json.JSONDecoder()
    start = cleaned.find("{")
    while start != -1:
        try:
            value, _ = decoder.raw_decode(cleaned, start)
        except ValueError:
            start = cleaned.find("{", start + 1)
            continue
        if isinstance(value, dict):
            return value
        start = cleaned.find("{", start + 1)
    return None


def explanation_lines(answer: Mapping[str, Any]) -> tuple[str, ...]:
    """The answer's `explanation` as lines: a list of strings or one string."""
    raw = answer.get("explanation")
    if isinstance(raw, str):
        return (raw.strip(),) if raw.strip() else ()
    if isinstance(raw, list):
        return tuple(str(line).strip() for line in raw if str(line).strip())
    return ()


def _read(reply: str, question: Question[T]) -> tuple[dict[str, Any], T]:
    answer = first_json_object(reply)
    if answer is None:
        raise AnswerProblem("the reply holds no JSON object")
    return answer, question.read(answer)


def _repair(problem: AnswerProblem, question: Question[Any]) -> ChatMessage:
    return ChatMessage(
        "user",
        f"Your answer could not be used: {problem}. Answer again with only one JSON object, "
        f"no prose and no code fence, in exactly this shape:\n{question.shape}",
    )


def _quote(text: str, limit: int = 200) -> str:
    flat = " ".join(text.split())
    return json.dumps(flat[:limit] + ("..." if len(flat) > limit else ""))

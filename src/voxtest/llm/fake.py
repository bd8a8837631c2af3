"""`ScriptedModel`: a `ChatModel` that answers from a script, for tests and offline demos.

    model = ScriptedModel(["Hi, I'd like to cancel.", end_call("goal met")])
    model = ScriptedModel(lambda messages, tools: f"You said: {messages[-1].content}")

Each call is recorded in `model.calls`. A list that runs out raises `ModelError`.
"""

from __future__ import annotations

import inspect
from collections.abc import Awaitable, Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from voxtest.llm.base import ChatMessage, ChatResult, ModelError, ToolCallRequest, ToolSpec, Usage

Reply = ChatResult | str
ReplyFunction = Callable[[Sequence[ChatMessage], Sequence[ToolSpec]], Reply | Awaitable[Reply]]


@dataclass(frozen=True)
class ScriptedCall:
    messages: tuple[ChatMessage, ...]
    tools: tuple[ToolSpec, ...]
    temperature: float | None
    max_tokens: int | None


def reply(text: str | None, *tool_calls: ToolCallRequest) -> ChatResult:
    """A result with `text` and optional tool calls, as a provider would return it."""
    finish = "tool_calls" if tool_calls else "stop"
    return ChatResult(content=text, tool_calls=tool_calls, finish_reason=finish)


def tool_call(name: str, call_id: str = "call_0", **arguments: Any) -> ToolCallRequest:
    return ToolCallRequest(id=call_id, name=name, arguments=arguments)


class ScriptedModel:
    """Replies from a list (in order) or from a function of the messages and tools."""

    def __init__(self, script: Iterable[Reply] | ReplyFunction, *, name: str = "scripted") -> None:
        self._name = name
        self._function: ReplyFunction | None = script if callable(script) else None
        self._replies: list[Reply] = [] if callable(script) else list(script)
        self.calls: list[ScriptedCall] = []
        self.usage_total = Usage()

    @property
    def name(self) -> str:
        return self._name

    async def complete(
        self,
        messages: Sequence[ChatMessage],
        *,
        tools: Sequence[ToolSpec] | None = None,
        temperature: float | None = None,
        max_tokens: int | None = None,
    ) -> ChatResult:
        self.calls.append(
            ScriptedCall(tuple(messages), tuple(tools or ()), temperature, max_tokens)
        )
        result = _as_result(await self._next(messages, tools or ()))
        self.usage_total += result.usage
        return result

    async def aclose(self) -> None:
        """Nothing to free."""

    @property
    def remaining(self) -> int:
        """Replies left in a list script (0 for a function script)."""
        return len(self._replies)

    async def _next(self, messages: Sequence[ChatMessage], tools: Sequence[ToolSpec]) -> Reply:
        if self._function is not None:
            produced = self._function(messages, tools)
            return await produced if inspect.isawaitable(produced) else produced
        if not self._replies:
            raise ModelError(
                f"ScriptedModel {self._name!r} ran out of replies "
                f"after {len(self.calls) - 1} calls.",
                retryable=False,
            )
        return self._replies.pop(0)


def _as_result(produced: Reply) -> ChatResult:
    return reply(produced) if isinstance(produced, str) else produced

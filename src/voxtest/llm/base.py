"""The chat model seam: messages in, a reply (text and/or tool calls) out.

Everything that asks a language model something (the simulated caller, later the judge) goes
through `ChatModel`. Implementations: `OpenAICompatibleModel` (any `/chat/completions`
endpoint), `ScriptedModel` (the fake, shipped for tests and offline demos); an in-process
llama.cpp model fits the same protocol.

    VoxtestError
     ├── ConfigError
     │    └── ModelNotConfigured   no model settings; the message names them
     └── ModelError                a call failed; `retryable` says whether trying later may help
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal, Protocol, runtime_checkable

from voxtest.errors import ConfigError, VoxtestError

Role = Literal["system", "user", "assistant", "tool"]


@dataclass(frozen=True)
class ToolCallRequest:
    """The model asks to call tool `name` with `arguments` (already parsed from JSON)."""

    id: str
    name: str
    arguments: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class ChatMessage:
    role: Role
    content: str | None
    tool_calls: tuple[ToolCallRequest, ...] = ()
    tool_call_id: str | None = None  # set on role "tool": the call this message answers


@dataclass(frozen=True)
class ToolSpec:
    """A function the model may call; `parameters` is a JSON Schema object."""

    name: str
    description: str
    parameters: Mapping[str, Any] = field(
        default_factory=lambda: {"type": "object", "properties": {}}
    )


@dataclass(frozen=True)
class Usage:
    prompt_tokens: int = 0
    completion_tokens: int = 0

    @property
    def total_tokens(self) -> int:
        return self.prompt_tokens + self.completion_tokens

    def __add__(self, other: Usage) -> Usage:
        return Usage(
            self.prompt_tokens + other.prompt_tokens,
            self.completion_tokens + other.completion_tokens,
        )


@dataclass(frozen=True)
class ChatResult:
    content: str | None
    tool_calls: tuple[ToolCallRequest, ...] = ()
    finish_reason: str | None = None
    usage: Usage = field(default_factory=Usage)

    def tool_call(self, name: str) -> ToolCallRequest | None:
        """The first call of tool `name`, if the model made one."""
        return next((call for call in self.tool_calls if call.name == name), None)


@runtime_checkable
class ChatModel(Protocol):
    """A chat model. `name` is the model id (for logs and cache keys); `aclose()` frees what
    the model holds (connections, a loaded model) and is safe to call twice."""

    @property
    def name(self) -> str: ...

    async def complete(
        self,
        messages: Sequence[ChatMessage],
        *,
        tools: Sequence[ToolSpec] | None = None,
        temperature: float | None = None,
        max_tokens: int | None = None,
    ) -> ChatResult: ...

    async def aclose(self) -> None: ...


class ModelError(VoxtestError):
    """A model call failed. `retryable`: the same call may succeed later (rate limit, outage)."""

    def __init__(self, message: str, *, retryable: bool, status_code: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.retryable = retryable
        self.status_code = status_code


class ModelNotConfigured(ConfigError):
    """No model is configured for a role; the message names the settings to set."""

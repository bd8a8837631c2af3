"""`ChatModel` over any OpenAI-compatible `POST {base_url}/chat/completions` endpoint.

Works with OpenAI, Ollama (`http://127.0.0.1:11434/v1`), vLLM, LM Studio, llama.cpp server,
and Azure OpenAI: give the deployment URL as the base URL, `api-version` as a query (in the
base URL or `extra_query`) and `api_key_header="api-key"`.

Retried (with backoff, honouring Retry-After): 408, 429, 5xx, timeouts, connection failures.
Not retried: other 4xx, and answers that do not parse. Error messages quote the provider's
message and never the API key.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Mapping, Sequence
from typing import Any

import httpx

from voxtest.errors import ConfigError
from voxtest.llm.base import ChatMessage, ChatResult, ModelError, ToolCallRequest, ToolSpec, Usage
from voxtest.llm.retry import RetryLater, RetryPolicy, Sleep, parse_retry_after, with_retries
from voxtest.urls import url_problem

RETRYABLE_STATUSES = frozenset({408, 429})
MAX_QUOTED_CHARS = 500


class OpenAICompatibleModel:
    """A chat model behind an OpenAI-style HTTP API. Close it with `aclose()` (or `async with`)."""

    def __init__(
        self,
        base_url: str,
        api_key: str | None,
        model: str,
        *,
        timeout: float = 60.0,
        max_retries: int = 3,
        api_key_header: str = "Authorization",
        extra_query: Mapping[str, str] | None = None,
        retry_delay: float = 0.5,
        max_retry_delay: float = 30.0,
        client: httpx.AsyncClient | None = None,
        sleep: Sleep = asyncio.sleep,
    ) -> None:
        problem = url_problem(base_url)
        if problem:
            raise ConfigError(f"Model base URL {base_url!r}: {problem}")
        if not model:
            raise ConfigError("A model name is required.")
        self.model = model
        self.url = completions_url(base_url, extra_query or {})
        self.timeout = timeout
        self.policy = RetryPolicy(max_retries, retry_delay, max_retry_delay)
        self.usage_total = Usage()
        self._api_key = api_key or ""
        self._headers = auth_headers(api_key_header, self._api_key)
        self._client = client
        self._owns_client = client is None
        self._sleep = sleep

    @property
    def name(self) -> str:
        return self.model

    async def complete(
        self,
        messages: Sequence[ChatMessage],
        *,
        tools: Sequence[ToolSpec] | None = None,
        temperature: float | None = None,
        max_tokens: int | None = None,
    ) -> ChatResult:
        body = request_body(self.model, messages, tools, temperature, max_tokens)
        what = f"model {self.model!r} at {self._where}"
        result = await with_retries(
            lambda: self._attempt(body), self.policy, sleep=self._sleep, what=what
        )
        self.usage_total += result.usage
        return result

    async def aclose(self) -> None:
        if self._client is not None and self._owns_client:
            await self._client.aclose()
        self._client = None

    async def __aenter__(self) -> OpenAICompatibleModel:
        return self

    async def __aexit__(self, *_: object) -> None:
        await self.aclose()

    @property
    def _where(self) -> str:
        return str(self.url.copy_with(query=None))

    async def _attempt(self, body: dict[str, Any]) -> ChatResult:
        if self._client is None:
            self._client = httpx.AsyncClient()
        try:
            response = await self._client.post(
                self.url, json=body, headers=self._headers, timeout=self.timeout
            )
        except httpx.TimeoutException:
            raise ModelError(f"{self._where} timed out after {self.timeout:g}s.", retryable=True)
        except httpx.TransportError as error:
            reason = self._redact(str(error) or type(error).__name__)
            raise ModelError(f"Could not reach {self._where}: {reason}", retryable=True)
        if response.status_code >= 400:
            raise self._http_error(response)
        return parse_response(_json_or_error(response, self._where), self._where)

    def _http_error(self, response: httpx.Response) -> ModelError:
        status = response.status_code
        quoted = self._redact(provider_message(response))
        message = f"{self._where} answered {status}: {quoted}{_hint(status)}"
        if status in RETRYABLE_STATUSES or status >= 500:
            after = parse_retry_after(response.headers.get("retry-after"))
            return RetryLater(message, after=after, status_code=status)
        return ModelError(message, retryable=False, status_code=status)

    def _redact(self, text: str) -> str:
        return text.replace(self._api_key, "[redacted]") if self._api_key else text


def completions_url(base_url: str, extra_query: Mapping[str, str]) -> httpx.URL:
    """`{base_url}/chat/completions`, keeping the base URL's query and adding `extra_query`."""
    base = httpx.URL(base_url)
    url = base.copy_with(path=base.path.rstrip("/") + "/chat/completions")
    return url.copy_merge_params(dict(extra_query)) if extra_query else url


def auth_headers(header: str, api_key: str) -> dict[str, str]:
    """`Authorization: Bearer <key>` or `<header>: <key>` (Azure's `api-key`); none if no key."""
    if not api_key:
        return {}
    if header.lower() == "authorization":
        return {"Authorization": f"Bearer {api_key}"}
    return {header: api_key}


def request_body(
    model: str,
    messages: Sequence[ChatMessage],
    tools: Sequence[ToolSpec] | None,
    temperature: float | None,
    max_tokens: int | None,
) -> dict[str, Any]:
    body: dict[str, Any] = {"model": model, "messages": [wire_message(m) for m in messages]}
    if tools:
        body["tools"] = [wire_tool(tool) for tool in tools]
        body["tool_choice"] = "auto"
    if temperature is not None:
        body["temperature"] = temperature
    if max_tokens is not None:
        body["max_tokens"] = max_tokens
    return body


def wire_message(message: ChatMessage) -> dict[str, Any]:
    wire: dict[str, Any] = {"role": message.role, "content": message.content}
    if message.tool_calls:
        wire["tool_calls"] = [
            {
                "id": call.id,
                "type": "function",
                "function": {"name": call.name, "arguments": json.dumps(dict(call.arguments))},
            }
            for call in message.tool_calls
        ]
    if message.tool_call_id is not None:
        wire["tool_call_id"] = message.tool_call_id
    return wire


def wire_tool(tool: ToolSpec) -> dict[str, Any]:
    return {
        "type": "function",
        "function": {
            "name": tool.name,
            "description": tool.description,
            "parameters": dict(tool.parameters),
        },
    }


def parse_response(data: Any, where: str) -> ChatResult:
    """A `ChatResult` from a chat-completions answer; `ModelError` when it has no usable choice."""
    choices = data.get("choices") if isinstance(data, dict) else None
    if not choices or not isinstance(choices[0], dict):
        raise ModelError(f"{where} answered without choices.", retryable=False)
    choice = choices[0]
    message = choice.get("message") or {}
    return ChatResult(
        content=_content(message.get("content")),
        tool_calls=tuple(
            _tool_call(raw, index, where)
            for index, raw in enumerate(message.get("tool_calls") or ())
        ),
        finish_reason=choice.get("finish_reason"),
        usage=_usage(data.get("usage")),
    )


def provider_message(response: httpx.Response) -> str:
    """The provider's own error text: `error.message`, `error`, `detail`, or the raw body."""
    try:
        data = response.json()
    except ValueError:
        return _clip(response.text) or response.reason_phrase
    if isinstance(data, dict):
        error = data.get("error", data.get("detail"))
        if isinstance(error, dict) and error.get("message"):
            return _clip(str(error["message"]))
        if isinstance(error, str) and error:
            return _clip(error)
    return _clip(response.text)


def _tool_call(raw: Any, index: int, where: str) -> ToolCallRequest:
    function = raw.get("function") if isinstance(raw, dict) else None
    if not isinstance(function, dict) or not function.get("name"):
        raise ModelError(f"{where} answered a tool call without a function name.", retryable=False)
    name = str(function["name"])
    return ToolCallRequest(
        id=str(raw.get("id") or f"call_{index}"),
        name=name,
        arguments=_arguments(function.get("arguments"), name, where),
    )


def _arguments(raw: Any, name: str, where: str) -> dict[str, Any]:
    """Tool arguments: a JSON object string per the wire format (some servers send the object)."""
    if raw is None or raw == "":
        return {}
    if isinstance(raw, dict):
        return raw
    try:
        parsed = json.loads(raw)
    except (TypeError, ValueError):
        parsed = None
    if not isinstance(parsed, dict):
        quoted = _clip(str(raw))
        raise ModelError(
            f"{where} called tool {name!r} with arguments that are not a JSON object: {quoted}",
            retryable=False,
        )
    return parsed


def _content(raw: Any) -> str | None:
    if raw is None or isinstance(raw, str):
        return raw
    if isinstance(raw, list):  # content parts: [{"type": "text", "text": ...}]
        return "".join(str(p.get("text", "")) for p in raw if isinstance(p, dict))
    return str(raw)


def _usage(raw: Any) -> Usage:
    if not isinstance(raw, dict):
        return Usage()
    return Usage(
        prompt_tokens=int(raw.get("prompt_tokens") or 0),
        completion_tokens=int(raw.get("completion_tokens") or 0),
    )


def _json_or_error(response: httpx.Response, where: str) -> Any:
    try:
        return response.json()
    except ValueError:
        quoted = _clip(response.text)
        raise ModelError(
            f"{where} answered {response.status_code} with non-JSON: {quoted}", retryable=False
        )


def _hint(status: int) -> str:
    if status in (401, 403):
        return " (check the API key and the header it is sent in)"
    if status == 404:
        return " (check the base URL and the model name)"
    return ""


def _clip(text: str) -> str:
    text = text.strip()
    return text if len(text) <= MAX_QUOTED_CHARS else text[:MAX_QUOTED_CHARS] + "…"

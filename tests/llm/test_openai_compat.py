"""OpenAICompatibleModel against a real HTTP server on loopback speaking the OpenAI format."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Callable

import pytest

from tests.llm.conftest import RecordedSleep
from tests.llm.fake_openai import FakeOpenAI, Scripted, completion, error, wire_tool_call
from voxtest.errors import ConfigError
from voxtest.llm import ChatMessage, ModelError, OpenAICompatibleModel, ToolCallRequest, ToolSpec
from voxtest.llm.base import Usage
from voxtest.testing import free_port

KEY = "sk-test-0123456789abcdef"
HELLO = [ChatMessage("system", "Be brief."), ChatMessage("user", "Hi")]
LOOKUP = ToolSpec(
    "lookup",
    "Find an order.",
    {"type": "object", "properties": {"order_id": {"type": "string"}}, "required": ["order_id"]},
)
MakeModel = Callable[..., OpenAICompatibleModel]


@pytest.fixture
async def make_model(fake_openai: FakeOpenAI, sleep: RecordedSleep) -> AsyncIterator[MakeModel]:
    made: list[OpenAICompatibleModel] = []

    def make(**options: object) -> OpenAICompatibleModel:
        settings: dict[str, object] = {"max_retries": 2, "sleep": sleep, **options}
        base_url = str(settings.pop("base_url", fake_openai.base_url))
        api_key = settings.pop("api_key", KEY)
        model = OpenAICompatibleModel(base_url, api_key, "gpt-test", **settings)  # type: ignore[arg-type]
        made.append(model)
        return model

    yield make
    for model in made:
        await model.aclose()


async def test_a_reply_is_parsed_and_the_request_follows_the_wire_format(
    fake_openai: FakeOpenAI, make_model: MakeModel
) -> None:
    fake_openai.add(completion("Hi there!", usage={"prompt_tokens": 20, "completion_tokens": 4}))
    model = make_model()

    result = await model.complete(HELLO, temperature=0.2, max_tokens=50)

    assert (result.content, result.tool_calls, result.finish_reason) == ("Hi there!", (), "stop")
    assert result.usage == Usage(20, 4) and result.usage.total_tokens == 24
    assert model.usage_total == Usage(20, 4)
    [request] = fake_openai.received
    assert request.path == "/v1/chat/completions"
    assert request.headers["authorization"] == f"Bearer {KEY}"
    assert request.body == {
        "model": "gpt-test",
        "messages": [
            {"role": "system", "content": "Be brief."},
            {"role": "user", "content": "Hi"},
        ],
        "temperature": 0.2,
        "max_tokens": 50,
    }
    assert model.name == "gpt-test"


async def test_tools_are_sent_and_tool_calls_come_back_with_parsed_arguments(
    fake_openai: FakeOpenAI, make_model: MakeModel
) -> None:
    call = wire_tool_call("lookup", '{"order_id": "A-17"}')
    fake_openai.add(completion(None, tool_calls=[call], finish_reason="tool_calls"), completion())
    model = make_model()

    result = await model.complete(HELLO, tools=[LOOKUP])
    followup = [
        *HELLO,
        ChatMessage("assistant", None, tool_calls=result.tool_calls),
        ChatMessage("tool", '{"status": "shipped"}', tool_call_id="call_abc"),
    ]
    await model.complete(followup)

    assert result.content is None and result.finish_reason == "tool_calls"
    assert result.tool_calls == (ToolCallRequest("call_abc", "lookup", {"order_id": "A-17"}),)
    first, second = fake_openai.received
    assert first.body["tools"] == [
        {
            "type": "function",
            "function": {
                "name": "lookup",
                "description": "Find an order.",
                "parameters": dict(LOOKUP.parameters),
            },
        }
    ]
    assert first.body["tool_choice"] == "auto"
    assert second.body["messages"][2:] == [
        {
            "role": "assistant",
            "content": None,
            "tool_calls": [
                {
                    "id": "call_abc",
                    "type": "function",
                    "function": {"name": "lookup", "arguments": '{"order_id": "A-17"}'},
                }
            ],
        },
        {"role": "tool", "content": '{"status": "shipped"}', "tool_call_id": "call_abc"},
    ]
    assert "tools" not in second.body


async def test_429_waits_as_retry_after_says_then_succeeds(
    fake_openai: FakeOpenAI, make_model: MakeModel, sleep: RecordedSleep
) -> None:
    fake_openai.add(error(429, "Rate limit reached", {"Retry-After": "3"}), completion("ok"))

    result = await make_model().complete(HELLO)

    assert result.content == "ok"
    assert len(fake_openai.received) == 2
    assert sleep.delays == [3.0]


async def test_retry_after_is_capped(
    fake_openai: FakeOpenAI, make_model: MakeModel, sleep: RecordedSleep
) -> None:
    fake_openai.add(error(429, "slow down", {"Retry-After": "3600"}), completion("ok"))

    await make_model(max_retry_delay=5.0).complete(HELLO)

    assert sleep.delays == [5.0]


async def test_5xx_is_retried_with_exponential_backoff_then_fails(
    fake_openai: FakeOpenAI, make_model: MakeModel, sleep: RecordedSleep
) -> None:
    fake_openai.add(*[error(500, "The server had an error")] * 4)

    with pytest.raises(ModelError) as caught:
        await make_model(max_retries=3, retry_delay=0.5).complete(HELLO)

    assert len(fake_openai.received) == 4
    assert sleep.delays == [0.5, 1.0, 2.0]
    assert caught.value.retryable and caught.value.status_code == 500
    assert "answered 500: The server had an error" in str(caught.value)
    assert "gave up after 4 attempts" in str(caught.value)


async def test_non_json_error_bodies_are_quoted_and_retried(
    fake_openai: FakeOpenAI, make_model: MakeModel
) -> None:
    fake_openai.add(Scripted(502, "<html>Bad Gateway</html>"), completion("ok"))

    assert (await make_model().complete(HELLO)).content == "ok"
    assert len(fake_openai.received) == 2


async def test_401_is_not_retried_and_never_shows_the_key(
    fake_openai: FakeOpenAI, make_model: MakeModel, caplog: pytest.LogCaptureFixture
) -> None:
    fake_openai.add(error(401, f"Incorrect API key provided: {KEY}."))

    with caplog.at_level(logging.DEBUG), pytest.raises(ModelError) as caught:
        await make_model().complete(HELLO)

    assert len(fake_openai.received) == 1
    assert not caught.value.retryable and caught.value.status_code == 401
    message = str(caught.value)
    assert "answered 401: Incorrect API key provided: [redacted]." in message
    assert "check the API key" in message
    assert KEY not in message and KEY not in caplog.text


async def test_the_key_stays_out_of_retry_logs(
    fake_openai: FakeOpenAI, make_model: MakeModel, caplog: pytest.LogCaptureFixture
) -> None:
    fake_openai.add(error(503, f"overloaded ({KEY})"), completion("ok"))

    with caplog.at_level(logging.DEBUG):
        await make_model().complete(HELLO)

    assert "retry 1" in caplog.text and "overloaded" in caplog.text
    assert KEY not in caplog.text


@pytest.mark.parametrize("arguments", ['{"order_id": ', '["A-17"]', "not json"])
async def test_malformed_tool_arguments_are_a_model_error(
    fake_openai: FakeOpenAI, make_model: MakeModel, arguments: str
) -> None:
    fake_openai.add(completion(None, tool_calls=[wire_tool_call("lookup", arguments)]))

    with pytest.raises(ModelError) as caught:
        await make_model().complete(HELLO, tools=[LOOKUP])

    assert not caught.value.retryable
    assert "'lookup'" in str(caught.value) and "not a JSON object" in str(caught.value)
    assert len(fake_openai.received) == 1


async def test_a_slow_server_times_out_and_is_retried(
    fake_openai: FakeOpenAI, make_model: MakeModel, sleep: RecordedSleep
) -> None:
    fake_openai.add(Scripted(delay=5.0), Scripted(delay=5.0))

    with pytest.raises(ModelError) as caught:
        await make_model(timeout=0.2, max_retries=1).complete(HELLO)

    assert caught.value.retryable
    assert "timed out after 0.2s" in str(caught.value)
    assert len(fake_openai.received) == 2 and len(sleep.delays) == 1


async def test_an_unreachable_endpoint_is_a_retryable_error(make_model: MakeModel) -> None:
    model = make_model(base_url=f"http://127.0.0.1:{free_port()}/v1", max_retries=0)

    with pytest.raises(ModelError) as caught:
        await model.complete(HELLO)

    assert caught.value.retryable and "Could not reach" in str(caught.value)


async def test_azure_style_deployment_url_query_and_api_key_header(
    fake_openai: FakeOpenAI, make_model: MakeModel
) -> None:
    fake_openai.add(completion("ok"))
    deployment = fake_openai.base_url.removesuffix("/v1") + "/openai/deployments/gpt4o/"
    model = make_model(
        base_url=deployment + "?api-version=2024-10-21",
        api_key_header="api-key",
        extra_query={"trace": "1"},
    )

    await model.complete(HELLO)

    [request] = fake_openai.received
    assert request.path == "/openai/deployments/gpt4o/chat/completions"
    assert request.query == {"api-version": ["2024-10-21"], "trace": ["1"]}
    assert request.headers["api-key"] == KEY
    assert "authorization" not in request.headers


async def test_no_key_sends_no_auth_header(fake_openai: FakeOpenAI, make_model: MakeModel) -> None:
    fake_openai.add(completion("ok"))

    await make_model(api_key=None).complete(HELLO)

    assert "authorization" not in fake_openai.received[0].headers


@pytest.mark.parametrize(
    "answer", [Scripted(200, "not json"), Scripted(200, {"choices": []}), Scripted(200, {})]
)
async def test_an_unusable_success_answer_is_not_retried(
    fake_openai: FakeOpenAI, make_model: MakeModel, answer: Scripted
) -> None:
    fake_openai.add(answer)

    with pytest.raises(ModelError) as caught:
        await make_model().complete(HELLO)

    assert not caught.value.retryable and len(fake_openai.received) == 1


async def test_usage_adds_up_over_calls(fake_openai: FakeOpenAI, make_model: MakeModel) -> None:
    fake_openai.add(completion("a"), completion("b"))
    model = make_model()

    await model.complete(HELLO)
    await model.complete(HELLO)

    assert model.usage_total == Usage(24, 6)


@pytest.mark.parametrize(
    "base_url", ["", "ftp://example.com/v1", "http://user:pw@example.com/v1", "not a url"]
)
def test_a_bad_base_url_is_a_config_error(base_url: str) -> None:
    with pytest.raises(ConfigError):
        OpenAICompatibleModel(base_url, KEY, "gpt-test")

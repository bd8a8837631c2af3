"""Which model plays which role, from settings; missing settings are named."""

from __future__ import annotations

import pytest
from pydantic import SecretStr

from voxtest.errors import ConfigError
from voxtest.llm import ModelNotConfigured, OpenAICompatibleModel
from voxtest.llm.registry import caller_endpoint, caller_model, judge_endpoint, judge_model
from voxtest.settings import Settings

OPENAI = "https://api.openai.com/v1"


def settings(**values: object) -> Settings:
    blank: dict[str, object] = {"llm_base_url": "", "llm_model": "", "llm_api_key": None}
    return Settings(**{**blank, **values})  # type: ignore[arg-type]


def test_without_settings_the_caller_model_names_what_to_set() -> None:
    with pytest.raises(ModelNotConfigured) as caught:
        caller_model(settings())

    message = str(caught.value)
    for name in ("VOXTEST_LLM_BASE_URL", "VOXTEST_LLM_MODEL", "VOXTEST_LLM_API_KEY"):
        assert name in message
    assert isinstance(caught.value, ConfigError)


def test_a_missing_model_alone_is_named() -> None:
    with pytest.raises(ModelNotConfigured, match=r"\(VOXTEST_LLM_MODEL not set\)"):
        caller_endpoint(settings(llm_base_url=OPENAI))


def test_without_settings_the_judge_model_names_both_ways_to_configure_it() -> None:
    with pytest.raises(ModelNotConfigured) as caught:
        judge_model(settings())

    for name in ("VOXTEST_JUDGE_BASE_URL", "VOXTEST_JUDGE_MODEL", "VOXTEST_LLM_BASE_URL"):
        assert name in str(caught.value)


async def test_settings_from_the_environment_build_the_caller_model(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("VOXTEST_LLM_BASE_URL", "http://127.0.0.1:11434/v1")
    monkeypatch.setenv("VOXTEST_LLM_MODEL", "qwen2.5:1.5b")
    monkeypatch.setenv("VOXTEST_LLM_TIMEOUT_SECONDS", "12.5")
    monkeypatch.setenv("VOXTEST_LLM_MAX_RETRIES", "0")

    model = caller_model(Settings())

    assert isinstance(model, OpenAICompatibleModel)
    assert model.name == "qwen2.5:1.5b"
    assert str(model.url) == "http://127.0.0.1:11434/v1/chat/completions"
    assert (model.timeout, model.policy.max_retries) == (12.5, 0)
    await model.aclose()


def test_the_judge_falls_back_to_the_caller_endpoint_and_key() -> None:
    endpoint = judge_endpoint(
        settings(llm_base_url=OPENAI, llm_model="gpt-4o-mini", llm_api_key="sk-caller")
    )

    assert (endpoint.base_url, endpoint.model, endpoint.api_key) == (
        OPENAI,
        "gpt-4o-mini",
        "sk-caller",
    )


def test_judge_overrides_win_and_the_caller_key_is_not_sent_to_another_endpoint() -> None:
    values = settings(
        llm_base_url=OPENAI,
        llm_model="gpt-4o-mini",
        llm_api_key="sk-caller",
        judge_base_url="http://127.0.0.1:8080/v1",
        judge_model="local-judge",
        judge_timeout_seconds=5,
        judge_max_retries=0,
    )

    endpoint = judge_endpoint(values)

    assert (endpoint.base_url, endpoint.model) == ("http://127.0.0.1:8080/v1", "local-judge")
    assert endpoint.api_key is None
    assert (endpoint.timeout_seconds, endpoint.max_retries) == (5, 0)
    assert endpoint.base_url_setting == "VOXTEST_JUDGE_BASE_URL"
    assert judge_endpoint(
        values.model_copy(update={"judge_api_key": SecretStr("sk-j")})
    ).api_key == ("sk-j")


def test_the_endpoint_repr_hides_the_key() -> None:
    endpoint = caller_endpoint(settings(llm_base_url=OPENAI, llm_model="m", llm_api_key="sk-x"))

    assert "sk-x" not in repr(endpoint)


def test_a_bad_base_url_names_the_setting() -> None:
    with pytest.raises(ConfigError, match="VOXTEST_LLM_BASE_URL 'localhost:11434'"):
        caller_model(settings(llm_base_url="localhost:11434", llm_model="m"))

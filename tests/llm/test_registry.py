"""Which model plays which role, from settings; missing settings are named."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import SecretStr

from tests.llm.fake_llama import FakeLlama
from voxtest.errors import ConfigError
from voxtest.llm import LlamaCppModel, ModelNotConfigured, OpenAICompatibleModel
from voxtest.llm.llama_cpp import LlamaCppConfig
from voxtest.llm.llama_turns import CALLER_TRANSCRIPT
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


def test_the_llama_cpp_provider_builds_the_local_model_for_both_roles(
    fake_llama_cpp: type[FakeLlama], tmp_path: Path
) -> None:
    gguf = tmp_path / "local.gguf"
    gguf.write_bytes(b"GGUF")
    values = settings(
        llm_provider="llama_cpp",
        llama_cpp_model_path=str(gguf),
        llama_cpp_threads=3,
        llama_cpp_context_tokens=2048,
    )

    caller, judge = caller_model(values), judge_model(values)

    assert isinstance(caller, LlamaCppModel) and isinstance(judge, LlamaCppModel)
    assert caller.config == judge.config  # one shared model
    assert (caller.transcript, judge.transcript) == (CALLER_TRANSCRIPT, None)
    assert (caller.config.model_path, caller.config.threads) == (gguf, 3)
    assert caller.config.context_tokens == 2048


def test_the_judge_provider_overrides_the_callers(
    fake_llama_cpp: type[FakeLlama], tmp_path: Path
) -> None:
    gguf = tmp_path / "local.gguf"
    gguf.write_bytes(b"GGUF")
    local = {"llama_cpp_model_path": str(gguf)}
    local_caller = settings(
        llm_provider="llama_cpp", judge_provider="openai", judge_base_url=OPENAI, judge_model="j"
    )
    local_judge = settings(llm_base_url=OPENAI, llm_model="m", judge_provider="llama_cpp", **local)

    assert isinstance(judge_model(local_caller), OpenAICompatibleModel)
    assert isinstance(judge_model(local_judge), LlamaCppModel)
    assert isinstance(caller_model(local_judge), OpenAICompatibleModel)


def test_without_llama_cpp_the_error_names_the_provider_setting_and_the_extra(
    without_llama_cpp: None,
) -> None:
    with pytest.raises(ConfigError) as caller:
        caller_model(settings(llm_provider="llama_cpp"))
    with pytest.raises(ConfigError) as judge:
        judge_model(settings(judge_provider="llama_cpp"))

    assert str(caller.value).startswith("VOXTEST_LLM_PROVIDER=llama_cpp: llama-cpp-python")
    assert str(judge.value).startswith("VOXTEST_JUDGE_PROVIDER=llama_cpp: llama-cpp-python")
    assert "voxtest[local-llm]" in str(caller.value)


def test_the_providers_come_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VOXTEST_LLM_PROVIDER", "llama_cpp")
    monkeypatch.setenv("VOXTEST_LLAMA_CPP_MODEL_PATH", "~/models/x.gguf")

    values = Settings()

    assert (values.llm_provider, values.judge_provider) == ("llama_cpp", "")
    assert LlamaCppConfig.from_settings(values).model_path == Path.home() / "models" / "x.gguf"
    monkeypatch.setenv("VOXTEST_LLM_PROVIDER", "ollama")
    with pytest.raises(ValueError, match="llm_provider"):
        Settings()

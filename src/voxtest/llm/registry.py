"""Which model plays which role, from settings.

    caller_model(settings)  the simulated caller's model (VOXTEST_LLM_*)
    judge_model(settings)   the judge's model (VOXTEST_JUDGE_*, falling back to VOXTEST_LLM_*)

The provider (VOXTEST_LLM_PROVIDER, VOXTEST_JUDGE_PROVIDER falling back to it) picks the
engine: `openai` resolves a `ModelEndpoint` (plain data) and hands it to `build_model`;
`llama_cpp` builds a `LlamaCppModel` from the VOXTEST_LLAMA_CPP_* settings. A per-project model
choice can later resolve its own endpoint and call `build_model` the same way.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pydantic import SecretStr

from voxtest.errors import ConfigError
from voxtest.llm.base import ChatModel, ModelNotConfigured
from voxtest.llm.llama_cpp import LlamaCppConfig, LlamaCppModel
from voxtest.llm.llama_turns import CALLER_TRANSCRIPT, Transcript
from voxtest.llm.openai_compat import OpenAICompatibleModel
from voxtest.settings import Settings
from voxtest.urls import url_problem

CALLER_HELP = (
    "set VOXTEST_LLM_BASE_URL and VOXTEST_LLM_MODEL "
    "(and VOXTEST_LLM_API_KEY if the endpoint needs one)"
)
JUDGE_HELP = (
    "set VOXTEST_JUDGE_BASE_URL and VOXTEST_JUDGE_MODEL (and VOXTEST_JUDGE_API_KEY if the "
    "endpoint needs one), or " + CALLER_HELP + " to share the caller's model"
)


@dataclass(frozen=True)
class ModelEndpoint:
    """Where a role's model lives; `base_url_setting` names the setting the URL came from."""

    base_url: str
    model: str
    api_key: str | None = field(default=None, repr=False)
    api_key_header: str = "Authorization"
    timeout_seconds: float = 60.0
    max_retries: int = 3
    base_url_setting: str = "VOXTEST_LLM_BASE_URL"


def caller_endpoint(settings: Settings) -> ModelEndpoint:
    missing = _missing(
        {"VOXTEST_LLM_BASE_URL": settings.llm_base_url, "VOXTEST_LLM_MODEL": settings.llm_model}
    )
    if missing:
        raise ModelNotConfigured(
            f"No model for the simulated caller ({', '.join(missing)} not set): {CALLER_HELP}."
        )
    return ModelEndpoint(
        base_url=settings.llm_base_url.strip(),
        model=settings.llm_model.strip(),
        api_key=_secret(settings.llm_api_key),
        api_key_header=settings.llm_api_key_header,
        timeout_seconds=settings.llm_timeout_seconds,
        max_retries=settings.llm_max_retries,
    )


def judge_endpoint(settings: Settings) -> ModelEndpoint:
    base_url = (settings.judge_base_url or settings.llm_base_url).strip()
    model = (settings.judge_model or settings.llm_model).strip()
    if not base_url or not model:
        missing = [name for name, value in (("base URL", base_url), ("model", model)) if not value]
        raise ModelNotConfigured(
            f"No model for the judge (no {' or '.join(missing)}): {JUDGE_HELP}."
        )
    return ModelEndpoint(
        base_url=base_url,
        model=model,
        api_key=_judge_key(settings, base_url),
        api_key_header=settings.judge_api_key_header or settings.llm_api_key_header,
        timeout_seconds=settings.judge_timeout_seconds or settings.llm_timeout_seconds,
        max_retries=_first_set(settings.judge_max_retries, settings.llm_max_retries),
        base_url_setting=(
            "VOXTEST_JUDGE_BASE_URL" if settings.judge_base_url else "VOXTEST_LLM_BASE_URL"
        ),
    )


def build_model(endpoint: ModelEndpoint) -> ChatModel:
    """The `ChatModel` for an endpoint; `ConfigError` naming the setting when the URL is bad."""
    problem = url_problem(endpoint.base_url)
    if problem:
        raise ConfigError(f"{endpoint.base_url_setting} {endpoint.base_url!r}: {problem}")
    return OpenAICompatibleModel(
        endpoint.base_url,
        endpoint.api_key,
        endpoint.model,
        timeout=endpoint.timeout_seconds,
        max_retries=endpoint.max_retries,
        api_key_header=endpoint.api_key_header,
    )


def caller_model(settings: Settings, model: str | None = None) -> ChatModel:
    """The simulated caller's model; `model` (an agent's `llm_model`) replaces the model name
    on the configured endpoint (the local model has only its own)."""
    if settings.llm_provider == "llama_cpp":
        return local_model(settings, "VOXTEST_LLM_PROVIDER", transcript=CALLER_TRANSCRIPT)
    if model:
        settings = settings.model_copy(update={"llm_model": model})
    return build_model(caller_endpoint(settings))


def judge_model(settings: Settings) -> ChatModel:
    provider = settings.judge_provider or settings.llm_provider
    if provider == "llama_cpp":
        chosen_by = "VOXTEST_JUDGE_PROVIDER" if settings.judge_provider else "VOXTEST_LLM_PROVIDER"
        return local_model(settings, chosen_by)
    return build_model(judge_endpoint(settings))


def local_model(
    settings: Settings, chosen_by: str, *, transcript: Transcript | None = None
) -> LlamaCppModel:
    """The in-process model (the caller's continues a transcript, the judge's chats); a
    `ConfigError` names the setting that chose it."""
    try:
        return LlamaCppModel(LlamaCppConfig.from_settings(settings), transcript=transcript)
    except ConfigError as exc:
        raise ConfigError(f"{chosen_by}=llama_cpp: {exc}") from exc


def _judge_key(settings: Settings, base_url: str) -> str | None:
    """The judge's key, or the caller's while both use the same endpoint (never sent elsewhere)."""
    if settings.judge_api_key is not None:
        return _secret(settings.judge_api_key)
    if base_url == settings.llm_base_url.strip():
        return _secret(settings.llm_api_key)
    return None


def _missing(values: dict[str, str]) -> list[str]:
    return [name for name, value in values.items() if not value.strip()]


def _secret(value: SecretStr | None) -> str | None:
    return value.get_secret_value() or None if value is not None else None


def _first_set(value: int | None, fallback: int) -> int:
    return fallback if value is None else value

"""Fixtures for the model adapters: the loopback OpenAI-compatible server, a recorded sleep,
a fake or absent `llama_cpp` module."""

from __future__ import annotations

import sys
from collections.abc import Iterator

import pytest

from tests.llm.fake_llama import FakeLlama, fake_module
from tests.llm.fake_openai import FakeOpenAI
from voxtest.llm.llama_cpp import unload_models


@pytest.fixture
def fake_openai() -> Iterator[FakeOpenAI]:
    with FakeOpenAI().running() as server:
        yield server


class RecordedSleep:
    """Stands in for asyncio.sleep: records the backoff delays instead of waiting."""

    def __init__(self) -> None:
        self.delays: list[float] = []

    async def __call__(self, seconds: float) -> None:
        self.delays.append(seconds)


@pytest.fixture
def sleep() -> RecordedSleep:
    return RecordedSleep()


@pytest.fixture
def fake_llama_cpp(monkeypatch: pytest.MonkeyPatch) -> Iterator[type[FakeLlama]]:
    monkeypatch.setitem(sys.modules, "llama_cpp", fake_module())
    yield FakeLlama
    unload_models()


@pytest.fixture
def without_llama_cpp(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "llama_cpp", None)  # import fails, find_spec says None

"""A stand-in for the `llama_cpp` module, so the adapter is tested without llama.cpp."""

from __future__ import annotations

import threading
import time
import types
from collections.abc import Mapping
from typing import Any

import numpy


class FakeGrammar:
    def __init__(self, source: str) -> None:
        self.source = source

    @classmethod
    def from_string(cls, grammar: str, verbose: bool = True) -> FakeGrammar:
        return cls(grammar)

    @classmethod
    def from_json_schema(cls, json_schema: str, verbose: bool = True) -> FakeGrammar:
        return cls(f"schema {json_schema}")


class FakeLlama:
    """Stands in for `llama_cpp.Llama`: replies from `replies` ("Hello." when empty), answers
    grammar-bound questions from `decisions` ("no" when empty) and arguments from `arguments`.
    Its vocabulary is three tokens: "Agent" (0), " Agent" (1) and everything else (2); logits
    processors see `next_agent` as the probability of a line starting with "Agent"."""

    instances: list[FakeLlama] = []
    replies: list[str] = []
    decisions: list[str] = []
    arguments: list[str] = []
    next_agent = 0.9
    fail_with: Exception | None = None

    def __init__(self, **options: Any) -> None:
        self.options = options
        self.requests: list[dict[str, Any]] = []
        self.threads: set[int] = set()
        self.busy = 0
        self.most_busy = 0
        self.closed = False
        FakeLlama.instances.append(self)

    def create_chat_completion(self, **request: Any) -> Mapping[str, Any]:
        text = self._answer(request)
        return {
            "choices": [
                {"message": {"role": "assistant", "content": text}, "finish_reason": "stop"}
            ],
            "usage": {"prompt_tokens": 40, "completion_tokens": 7},
        }

    def create_completion(self, **request: Any) -> Mapping[str, Any]:
        text = self._answer(request)
        for processor in request.get("logits_processor") or ():
            share = FakeLlama.next_agent
            processor([], numpy.log(numpy.array([share * 0.75, share * 0.25, 1 - share])))
        return {
            "choices": [{"text": text, "finish_reason": "stop"}],
            "usage": {"prompt_tokens": 40, "completion_tokens": 7},
        }

    def tokenize(self, text: bytes, add_bos: bool = True) -> list[int]:
        return [{b"Agent": 0, b" Agent": 1}.get(text, 2)]

    def close(self) -> None:
        self.closed = True

    def _answer(self, request: dict[str, Any]) -> str:
        self.busy += 1
        self.most_busy = max(self.most_busy, self.busy)
        self.threads.add(threading.get_ident())
        time.sleep(0.02)  # long enough for overlapping calls to show
        self.busy -= 1
        self.requests.append(request)
        if FakeLlama.fail_with is not None:
            raise FakeLlama.fail_with
        grammar = request.get("grammar")
        if request.get("logits_processor"):
            return " Agent"
        if grammar is None:
            return FakeLlama.replies.pop(0) if FakeLlama.replies else "Hello."
        if grammar.source.startswith("root ::= "):  # yes/no, or a choice of tool names
            return FakeLlama.decisions.pop(0) if FakeLlama.decisions else "no"
        return FakeLlama.arguments.pop(0) if FakeLlama.arguments else "{}"


def fake_module() -> types.ModuleType:
    import importlib.machinery

    module = types.ModuleType("llama_cpp")
    module.__spec__ = importlib.machinery.ModuleSpec("llama_cpp", None)
    module.Llama = FakeLlama  # type: ignore[attr-defined]
    module.LlamaGrammar = FakeGrammar  # type: ignore[attr-defined]
    module.llama_grammar = types.SimpleNamespace(JSON_GBNF="any json")  # type: ignore[attr-defined]
    module.LogitsProcessorList = list  # type: ignore[attr-defined]
    FakeLlama.instances, FakeLlama.fail_with, FakeLlama.next_agent = [], None, 0.9
    FakeLlama.replies, FakeLlama.decisions, FakeLlama.arguments = [], [], []
    return module

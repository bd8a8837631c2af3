"""A stand-in for the `llama_cpp` module, so the adapter is tested without llama.cpp."""

from __future__ import annotations

import threading
import time
from collections.abc import Mapping
from typing import Any


class FakeLlama:
    """Stands in for `llama_cpp.Llama`: answers from `FakeLlama.answers`, records calls."""

    instances: list[FakeLlama] = []
    answers: list[str] = []
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
        self.busy += 1
        self.most_busy = max(self.most_busy, self.busy)
        self.threads.add(threading.get_ident())
        time.sleep(0.02)  # long enough for overlapping calls to show
        self.busy -= 1
        self.requests.append(request)
        if FakeLlama.fail_with is not None:
            raise FakeLlama.fail_with
        text = FakeLlama.answers.pop(0) if FakeLlama.answers else "Hello."
        return {
            "choices": [
                {"message": {"role": "assistant", "content": text}, "finish_reason": "stop"}
            ],
            "usage": {"prompt_tokens": 40, "completion_tokens": 7},
        }

    def close(self) -> None:
        self.closed = True

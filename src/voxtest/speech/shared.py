"""One loaded model per process and key, used from its own worker thread.

    slot = model_slot(("piper", str(path)), lambda: load(path))
    audio = await slot.run(lambda voice: voice.synthesize(text))

The model is loaded on first use, on the slot's thread (never on the event loop). Every call
on one slot queues on that single thread: the engines here are not re-entrant, on a 2-core
machine parallel inference only competes for the same cores, and waiting never ties up the
event loop or its default executor. `unload_models()` frees them (tests, benchmarks).
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable, Hashable
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Generic, TypeVar, cast

M = TypeVar("M")
R = TypeVar("R")

_lock = threading.Lock()
_slots: dict[Hashable, ModelSlot[Any]] = {}


class ModelSlot(Generic[M]):
    """A lazily loaded model and the one thread that uses it."""

    def __init__(self, name: str, loader: Callable[[], M]) -> None:
        self._loader = loader
        self._model: M | None = None
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix=f"voxtest-{name}")

    @property
    def loaded(self) -> bool:
        return self._model is not None

    def _call(self, work: Callable[[M], R]) -> R:
        if self._model is None:
            self._model = self._loader()
        return work(self._model)

    async def run(self, work: Callable[[M], R]) -> R:
        """`work(model)` on the slot's thread (loading the model first if needed)."""
        return await asyncio.get_running_loop().run_in_executor(self._executor, self._call, work)

    def run_sync(self, work: Callable[[M], R]) -> R:
        """The same from synchronous code (benchmarks, scripts)."""
        return self._executor.submit(self._call, work).result()

    def close(self) -> None:
        self._executor.shutdown(wait=True)
        self._model = None


def model_slot(key: Hashable, loader: Callable[[], M], name: str = "speech") -> ModelSlot[M]:
    """The process's slot for `key`, created (not yet loaded) on first request."""
    with _lock:
        slot = _slots.get(key)
        if slot is None:
            slot = _slots[key] = ModelSlot(name, loader)
        return cast(ModelSlot[M], slot)


def unload_models() -> None:
    """Free every loaded speech model of this process."""
    with _lock:
        slots = list(_slots.values())
        _slots.clear()
    for slot in slots:
        slot.close()

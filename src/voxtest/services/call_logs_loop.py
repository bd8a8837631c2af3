"""The loop shape shared by call-log evaluations and call-log jobs: claim what is free in the
database (up to a capacity), run each claimed item as a task, stamp what is held every
`VOXTEST_RUN_HEARTBEAT_SECONDS`, sleep until woken or `VOXTEST_CALL_LOG_POLL_SECONDS`, and
give unfinished claims back on a clean stop."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import uuid
from datetime import timedelta
from typing import Generic, TypeVar

from voxtest.context import Services

log = logging.getLogger(__name__)
Key = TypeVar("Key", int, str)


class ClaimLoop(Generic[Key]):
    """Subclasses say how to claim, stamp, release and handle one item."""

    prefix = "loop"

    def __init__(self, services: Services, capacity: int) -> None:
        self.services = services
        self.worker = f"{self.prefix}-{uuid.uuid4().hex[:12]}"
        self.capacity = capacity
        self.held: set[Key] = set()
        self.tasks: set[asyncio.Task[None]] = set()
        self._wake = asyncio.Event()
        self._loop: asyncio.Task[None] | None = None

    async def claim(self, limit: int, stale_after: timedelta) -> list[Key]:
        raise NotImplementedError

    async def heartbeat(self, held: set[Key]) -> None:
        raise NotImplementedError

    async def release(self) -> None:
        raise NotImplementedError

    async def handle(self, key: Key) -> None:
        raise NotImplementedError

    async def tidy(self) -> None:
        """Housekeeping on each pass of the loop (none by default)."""

    def start(self) -> None:
        self._loop = asyncio.create_task(self._run())

    def wake(self) -> None:
        self._wake.set()

    async def stop(self) -> None:
        running = [t for t in (self._loop, *self.tasks) if t is not None]
        for task in running:
            task.cancel()
        await asyncio.gather(*running, return_exceptions=True)
        with contextlib.suppress(Exception):  # the database may be gone already
            await self.release()

    async def _run(self) -> None:
        settings = self.services.settings
        last_beat = asyncio.get_running_loop().time()
        while True:
            try:
                free = self.capacity - len(self.held)
                if free > 0:
                    stale = timedelta(seconds=settings.run_stale_after_seconds)
                    for key in await self.claim(free, stale):
                        self._spawn(key)
                now = asyncio.get_running_loop().time()
                if self.held and now - last_beat >= settings.run_heartbeat_seconds:
                    await self.heartbeat(self.held)
                    last_beat = now
                await self.tidy()
            except asyncio.CancelledError:
                raise
            except Exception:
                log.exception("%s loop failed; trying again", self.prefix)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), settings.call_log_poll_seconds)
            self._wake.clear()

    def _spawn(self, key: Key) -> None:
        self.held.add(key)
        task = asyncio.create_task(self._one(key))
        self.tasks.add(task)
        task.add_done_callback(self.tasks.discard)

    async def _one(self, key: Key) -> None:
        try:
            await self.handle(key)
        finally:
            self.held.discard(key)
            self.wake()  # a slot is free

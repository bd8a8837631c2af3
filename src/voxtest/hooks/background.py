"""The hooks' loops of one process (deliverer and scheduler), started with the app and with
`voxtest worker`, stopped with them."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable

from voxtest.context import Services
from voxtest.hooks.deliverer import Deliverer
from voxtest.hooks.scheduler import Scheduler


class HookLoops:
    def __init__(self, services: Services, *, wake_runs: Callable[[], None], name: str) -> None:
        self.deliverer = Deliverer(services, name=name, on_pre_trigger_settled=wake_runs)

        def results_created() -> None:
            wake_runs()

        self.scheduler = Scheduler(
            services, on_results=results_created, on_notices=self.deliverer.wake
        )
        self._tasks: list[asyncio.Task[None]] = []

    def wake(self) -> None:
        """Events were written: send them now rather than at the next poll."""
        self.deliverer.wake()

    async def start(self) -> None:
        self._tasks = [
            asyncio.create_task(self.deliverer.run_forever(), name="hooks-deliverer"),
            asyncio.create_task(self.scheduler.run_forever(), name="hooks-scheduler"),
        ]

    async def stop(self) -> None:
        for task in self._tasks:
            task.cancel()
        for task in self._tasks:
            with contextlib.suppress(asyncio.CancelledError):
                await task
        self._tasks = []

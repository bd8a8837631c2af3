"""What the API process asks of whatever executes runs: the embedded `Executor`, or the
`jobs.serving.QueuedRuns` dispatcher when worker processes execute them."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol

from voxtest.context import Services


class RunsDriver(Protocol):
    def wake(self) -> None:
        """New runs were written."""

    def cancel(self, run_ids: Iterable[int]) -> None:
        """End these runs at once if this process holds them."""

    async def stop(self) -> None: ...


async def start_runs(services: Services) -> RunsDriver:
    if services.settings.jobs == "procrastinate":
        from voxtest.jobs.serving import QueuedRuns

        return await QueuedRuns.start(services)
    from voxtest.runs.executor import Executor

    executor = Executor(services)
    await executor.start()
    return executor

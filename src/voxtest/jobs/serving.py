"""`voxtest serve` with `VOXTEST_JOBS=procrastinate`: the API process dispatches runs to the
worker processes and executes none itself."""

from __future__ import annotations

from collections.abc import Iterable

import procrastinate

from voxtest.context import Services
from voxtest.jobs.dispatch import Dispatcher
from voxtest.jobs.queue import build_app, ensure_schema


class QueuedRuns:
    def __init__(self, app: procrastinate.App, dispatcher: Dispatcher) -> None:
        self.app, self.dispatcher = app, dispatcher

    @classmethod
    async def start(cls, services: Services) -> QueuedRuns:
        app = build_app(services.settings)
        await app.open_async()
        try:
            await ensure_schema(app, services.db.engine)
            dispatcher = Dispatcher(services, app)
            await dispatcher.start()
        except BaseException:
            await app.close_async()
            raise
        return cls(app, dispatcher)

    def wake(self) -> None:
        self.dispatcher.wake()

    def cancel(self, run_ids: Iterable[int]) -> None:
        self.dispatcher.cancel(run_ids)

    async def stop(self) -> None:
        await self.dispatcher.stop()
        await self.app.close_async()

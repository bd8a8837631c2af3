"""`voxtest worker`: one process that executes runs delivered by procrastinate.

It holds runs with a `RunHost` (heartbeats, cancellation sweeps), dispatches like every other
process (a finished run frees a slot), and lets procrastinate fetch at most `concurrency`
jobs at once. SIGINT/SIGTERM stop fetching; conversations still going after
`shutdown_timeout` seconds are cut, and their runs are failed by the next heartbeat sweep.
"""

from __future__ import annotations

import asyncio
import contextlib

from voxtest.context import Services
from voxtest.hooks.background import HookLoops
from voxtest.jobs.dispatch import Dispatcher
from voxtest.jobs.queue import QUEUE, TASK, build_app, ensure_schema
from voxtest.runs import store
from voxtest.runs.host import RunHost
from voxtest.settings import Settings


async def run_worker(settings: Settings, *, concurrency: int, shutdown_timeout: float) -> None:
    services = await Services.start(settings)
    app = build_app(settings)
    host = RunHost(services, name="worker")
    try:
        async with app.open_async():
            await ensure_schema(app, services.db.engine)
            dispatcher = Dispatcher(services, app)

            @app.task(name=TASK, queue=QUEUE)
            async def execute_run(run_id: int) -> None:
                if not await store.start_reserved(services.db, run_id, host.worker):
                    return  # cancelled, deleted or started by a duplicate job
                try:
                    await host.play(run_id)
                finally:
                    dispatcher.wake()

            await store.fail_abandoned(services.db, host.stale_after)
            hooks = HookLoops(services, wake_runs=dispatcher.wake, name="worker")
            await hooks.start()
            chores = [
                asyncio.create_task(host.heartbeats()),
                asyncio.create_task(host.cancel_sweeps()),
                asyncio.create_task(dispatcher.run_forever()),
            ]
            try:
                await app.run_worker_async(
                    queues=[QUEUE],
                    name=host.worker,
                    concurrency=concurrency,
                    shutdown_graceful_timeout=shutdown_timeout,
                    update_heartbeat_interval=settings.run_heartbeat_seconds,
                    stalled_worker_timeout=settings.run_stale_after_seconds,
                    delete_jobs="successful",
                )
            finally:
                await hooks.stop()
                for chore in chores:
                    chore.cancel()
                for chore in chores:
                    with contextlib.suppress(asyncio.CancelledError):
                        await chore
    finally:
        await services.close()

"""`Scheduler`: every process's loop that fires due cron jobs (`services.cron_fire`) and,
less often, the no-calls alerts and daily reports (`services.alerts`). Each firing is
claimed in the database, so any number of processes may run this loop."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable

from voxtest.context import Services
from voxtest.services import alerts, cron_fire

log = logging.getLogger(__name__)


class Scheduler:
    def __init__(
        self,
        services: Services,
        *,
        on_results: Callable[[], None] | None = None,
        on_notices: Callable[[], None] | None = None,
        alerts_every_s: float = 30.0,
    ) -> None:
        self.services = services
        self.on_results, self.on_notices = on_results, on_notices
        self.alerts_every_s = alerts_every_s

    async def run_forever(self) -> None:
        poll = self.services.settings.hooks_poll_seconds
        next_alerts = 0.0
        while True:
            try:
                if await cron_fire.fire_due(self.services.db) and self.on_results:
                    self.on_results()
                if time.monotonic() >= next_alerts:
                    next_alerts = time.monotonic() + self.alerts_every_s
                    if await alerts.run_alerts(self.services.db) and self.on_notices:
                        self.on_notices()
            except Exception:  # the database may blip; try again at the next poll
                log.exception("scheduling failed")
            await asyncio.sleep(poll)

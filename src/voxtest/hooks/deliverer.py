"""`Deliverer`: every process's sender of the outbox (`services.outbox`).

It leases due rows (so two processes never send one row at once), sends each as its own task
(a slow receiver holds up only its own deliveries), records the attempt, and wakes the run
driver when a `result.pre_trigger` is settled so its held runs start without waiting for a
poll. `VOXTEST_WEBHOOK_*` set the timeout and the back-off.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import uuid
from collections.abc import Callable

import httpx

from voxtest import __version__
from voxtest.context import Services
from voxtest.hooks.send import Attempt, Email, post_json, send_email
from voxtest.services import outbox
from voxtest.services.notices import EMAIL, SLACK
from voxtest.services.webhook_targets import IDEMPOTENCY_HEADER, SECRET_HEADER, secret_of

log = logging.getLogger(__name__)


class Deliverer:
    def __init__(
        self,
        services: Services,
        *,
        name: str = "voxtest",
        max_parallel: int = 32,
        on_pre_trigger_settled: Callable[[], None] | None = None,
    ) -> None:
        self.services = services
        self.worker = f"{name}-hooks-{uuid.uuid4().hex[:12]}"
        self.max_parallel = max_parallel
        self.on_pre_trigger_settled = on_pre_trigger_settled
        self.in_flight: set[int] = set()
        self._wake = asyncio.Event()

    def wake(self) -> None:
        self._wake.set()

    async def run_forever(self) -> None:
        poll = self.services.settings.hooks_poll_seconds
        async with (
            httpx.AsyncClient(trust_env=False, follow_redirects=False) as client,
            asyncio.TaskGroup() as group,
        ):
            while True:
                try:
                    free = self.max_parallel - len(self.in_flight)
                    if free > 0:
                        for item in await outbox.claim_due(
                            self.services.db, self.worker, limit=free
                        ):
                            self.in_flight.add(item.id)
                            group.create_task(self._deliver(client, item))
                except Exception:  # the database may blip; try again at the next poll
                    log.exception("claiming deliveries failed")
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._wake.wait(), poll)
                self._wake.clear()

    async def _claim(self) -> list[outbox.Outgoing]:
        free = self.max_parallel - len(self.in_flight)
        if free <= 0:
            return []
        return await outbox.claim_due(self.services.db, self.worker, limit=free)

    async def _deliver(self, client: httpx.AsyncClient, item: outbox.Outgoing) -> None:
        try:
            attempt = await self.attempt(client, item)
            status = await outbox.record(
                self.services.db,
                self.services.settings,
                item,
                self.worker,
                attempt.status_code,
                attempt.error,
            )
            if item.event_type == outbox.PRE_TRIGGER and status != outbox.PENDING:
                if self.on_pre_trigger_settled is not None:
                    self.on_pre_trigger_settled()
        except Exception:  # its lease expires and another pass sends it again
            log.exception("delivery %s could not be recorded", item.id)
        finally:
            self.in_flight.discard(item.id)
            self.wake()

    async def attempt(self, client: httpx.AsyncClient, item: outbox.Outgoing) -> Attempt:
        """One attempt at `item` over its channel."""
        settings = self.services.settings
        if item.channel == EMAIL:
            to = tuple(a.strip() for a in item.target.split(",") if a.strip())
            subject = str(item.payload.get("subject") or "")
            return await send_email(settings, Email(to, subject, str(item.payload.get("text"))))
        headers = {"User-Agent": f"voxtest/{__version__}", IDEMPOTENCY_HEADER: item.idempotency_key}
        if item.channel == SLACK:
            if not settings.slack_webhook_url:
                return Attempt(None, "No Slack webhook is configured (VOXTEST_SLACK_WEBHOOK_URL).")
            return await post_json(
                client,
                settings.slack_webhook_url,
                item.payload,
                headers,
                timeout_s=settings.webhook_timeout_seconds,
                allow_private=True,  # the instance's own setting, not a user's URL
            )
        async with self.services.db.session() as session:
            secret = await secret_of(
                session, self.services.box, item.secret_from, item.project_id, item.agent_id
            )
        if secret:
            headers[SECRET_HEADER] = secret
        return await post_json(
            client,
            item.target,
            item.payload,
            headers,
            timeout_s=outbox.timeout(settings, item.event_type),
            allow_private=settings.allow_private_urls,
        )

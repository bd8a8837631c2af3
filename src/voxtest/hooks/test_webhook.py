"""`POST /user/v1/projects/{id}/test-webhook/`: a sample `result.completed` sent to the
project's webhook URL at once (one attempt, recorded in the delivery log)."""

from __future__ import annotations

import uuid
from typing import Any

import httpx

from voxtest import __version__
from voxtest.api.auth import Principal
from voxtest.context import Services
from voxtest.errors import ValidationFailed
from voxtest.hooks.send import post_json
from voxtest.services import outbox
from voxtest.services.common import iso
from voxtest.services.projects import get_project_row, serialize
from voxtest.services.webhook_events import RESULT_COMPLETED
from voxtest.services.webhook_targets import (
    IDEMPOTENCY_HEADER,
    SECRET_HEADER,
    secret_of,
    target_for,
)
from voxtest.storage.tables import Delivery
from voxtest.storage.tables.base import utcnow


def sample_result(agent_id: int | None) -> dict[str, Any]:
    now = iso(utcnow())
    return {
        "id": 0,
        "name": "voxtest test webhook",
        "agent": agent_id,
        "status": "completed",
        "met_expected_outcome_count": 1,
        "total_expected_outcome_count": 1,
        "success_rate": 100.0,
        "run_as_text": True,
        "is_cronjob": False,
        "runs": {
            "0": {
                "id": 0,
                "scenario": {
                    "id": 0,
                    "name": "Sample scenario",
                    "personality_name": None,
                    "expected_outcome_prompt": "The agent greets the caller.",
                },
                "expected_outcome": {"score": 100, "explanation": []},
                "success": True,
                "evaluation": {"metrics": []},
                "transcript_object": [
                    {"role": "Main Agent", "time": "00:00", "content": "Hello!"},
                ],
                "voice_recording": None,
                "timestamp": now,
                "executed_at": now,
                "error_message": None,
            }
        },
        "created_at": now,
    }


async def send_test_webhook(
    services: Services, principal: Principal, project_id: int
) -> dict[str, Any]:
    async with services.db.session() as session:
        project = await get_project_row(session, principal, project_id)
        target = target_for(services.box, project, None)
        if target is None:
            raise ValidationFailed({"webhook_url": ["Set the project's webhook_url first."]})
        secret = await secret_of(session, services.box, target.secret_from, project.id, None)
        payload = {"event_type": RESULT_COMPLETED, "data": sample_result(None)}
        key = f"test_webhook:{uuid.uuid4().hex[:16]}"
        headers = {"User-Agent": f"voxtest/{__version__}", IDEMPOTENCY_HEADER: key}
        if secret:
            headers[SECRET_HEADER] = secret
    async with httpx.AsyncClient(trust_env=False, follow_redirects=False) as client:
        attempt = await post_json(
            client,
            target.url,
            payload,
            headers,
            timeout_s=services.settings.webhook_timeout_seconds,
            allow_private=services.settings.allow_private_urls,
        )
    now = utcnow()
    async with services.db.session() as session:
        session.add(
            Delivery(
                organization_id=project.organization_id,
                project_id=project.id,
                event_type=RESULT_COMPLETED,
                channel="webhook",
                target=target.url,
                secret_from=target.secret_from,
                payload=payload,
                idempotency_key=key,
                status=outbox.DELIVERED if attempt.ok else outbox.FAILED,
                attempts=1,
                next_attempt_at=now,
                response_code=attempt.status_code,
                last_error=None if attempt.ok else attempt.error,
                last_attempt_at=now,
                delivered_at=now if attempt.ok else None,
            )
        )
    if not attempt.ok:  # recorded above, in the delivery log
        raise ValidationFailed({"webhook_url": [f"The test webhook failed: {attempt.error}"]})
    async with services.db.session() as session:
        project = await get_project_row(session, principal, project_id)
        return await serialize(session, services, project)

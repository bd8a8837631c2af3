"""Where a project's (or agent's) webhook goes and whose secret it carries.

An agent's `webhook_url` overrides its project's; `X-CEKURA-SECRET` carries the agent's
`webhook_secret` when it has one, else the project's. Secrets are unsealed only to send.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from voxtest.security.secretbox import SecretBox
from voxtest.storage.tables import Agent, Project

SECRET_HEADER = "X-CEKURA-SECRET"
IDEMPOTENCY_HEADER = "X-CEKURA-IDEMPOTENCY-KEY"


@dataclass(frozen=True)
class Target:
    url: str
    secret_from: str  # "agent", "project" or "" (no secret configured)


def target_for(box: SecretBox, project: Project, agent: Agent | None) -> Target | None:
    """The webhook URL an event about `agent` (or the project) goes to, or None."""
    project_secret = bool(box.open(project.secrets).get("webhook_secret"))
    agent_url = str((agent.attrs or {}).get("webhook_url") or "") if agent else ""
    if agent is not None and agent_url:
        if box.open(agent.secrets).get("webhook_secret"):
            return Target(agent_url, "agent")
        return Target(agent_url, "project" if project_secret else "")
    project_url = str((project.attrs or {}).get("webhook_url") or "")
    if not project_url:
        return None
    return Target(project_url, "project" if project_secret else "")


async def secret_of(
    session: AsyncSession, box: SecretBox, secret_from: str, project_id: int, agent_id: int | None
) -> str | None:
    """The secret to send for a delivery, read now (a rotated secret applies to retries)."""
    owner: Agent | Project | None = None
    if secret_from == "agent" and agent_id is not None:
        owner = await session.get(Agent, agent_id)
    elif secret_from == "project":
        owner = await session.get(Project, project_id)
    if owner is None:
        return None
    value = box.open(owner.secrets).get("webhook_secret")
    return str(value) if value else None

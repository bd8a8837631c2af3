"""Objects the API tests need, made through the public API like a user would."""

from __future__ import annotations

from typing import Any

from tests.conftest import Api


def _created(r: Any) -> dict[str, Any]:
    assert r.status_code in (200, 201), r.text
    body: dict[str, Any] = r.json()
    return body


def new_agent(api: Api, project_id: int, name: str = "Front desk", **fields: Any) -> int:
    """An agent; `assistant_id` (a v1 field) makes it through the v1 endpoint."""
    if "assistant_id" in fields:
        v1 = {"agent_name": name, "description": "Books appointments.", "inbound": True}
        v1 = {**v1, "project": project_id, **fields}
        return int(_created(api.post("/test_framework/v1/aiagents/", v1))["id"])
    body = {"name": name, "description": "Books appointments.", "project": project_id, **fields}
    body.setdefault("inbound", True)
    return int(_created(api.post("/test_framework/v2/aiagents/", body))["id"])


def new_metric(
    api: Api, project_id: int, name: str = "Politeness", **fields: Any
) -> dict[str, Any]:
    body = {
        "project": project_id,
        "name": name,
        "type": "llm_judge",
        "eval_type": "binary",
        "description": "Was the agent polite?",
        **fields,
    }
    return _created(api.post("/test_framework/v2/metrics/", body))


def personality_id(api: Api) -> int:
    return int(api.get("/test_framework/v1/personalities/").json()[0]["id"])


def new_scenario(
    api: Api, base: str = "/test_framework/v1/scenarios/", **fields: Any
) -> dict[str, Any]:
    """A scenario; a field given as None is left out of the request."""
    body = {
        "name": "Cancel appointment",
        "personality": personality_id(api),
        "project": api.default_project_id(),
        "instructions": "Call to cancel your appointment for tomorrow.",
        **fields,
    }
    return _created(api.post(base, {k: v for k, v in body.items() if v is not None}))

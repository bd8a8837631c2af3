"""Every filter of `GET runs/` over the API: five runs made by run requests, their outcome
fields then set in the database so each filter has something to tell apart."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import pytest
from sqlalchemy import update

from tests.api.factories import new_agent, new_scenario
from tests.api.run_support import RUN_TEXT, wait_for_result
from tests.conftest import Api
from voxtest.storage.db import Database
from voxtest.storage.tables import Run

RUNS = ("/test_framework/v1/runs/", "/test_framework/v1/runs-external/", "/test_framework/v2/runs/")
ENDED = "Testing agent-ended-call"
# status, success, duration (s), ended reason, created (2025-MM-01) of runs 1..5
OUTCOMES = [
    ("completed", True, 30.0, ENDED, 1),
    ("completed", False, 90.0, "Main agent-ended-call", 2),
    ("failed", False, 5.0, "Testing agent-did-not-connect", 3),
    ("timeout", False, 600.0, "Main agent-silence-timed-out", 4),
    ("completed", True, 45.0, ENDED, 5),
]


@dataclass(frozen=True)
class Made:
    """Runs 1..5 (`ids`): 1-4 from result `first` (agent `a`: scenarios `s1` then `s2`, two
    personalities each), 5 from result `second` (agent `b`, scenario `s3`)."""

    ids: list[int]
    first: int
    second: int
    a: int
    b: int
    s1: int
    s2: int
    s3: int
    p1: int
    p2: int

    def runs(self, *numbers: int) -> set[int]:
        return {self.ids[n - 1] for n in numbers}


def make_runs(api: Api) -> Made:
    project = api.default_project_id()
    a = new_agent(api, project, "Agent A", assistant_id="asst-a")
    b = new_agent(api, project, "Agent B")
    p1, p2 = [p["id"] for p in api.get("/test_framework/v1/personalities/").json()[:2]]
    s1 = new_scenario(api, agent=a, name="Cancel appointment", tags=["alpha"])["id"]
    s2 = new_scenario(api, agent=a, name="Reschedule visit", tags=["beta"])["id"]
    s3 = new_scenario(api, agent=b, name="Book checkup", tags=["beta"])["id"]
    first = run(api, {"agent_id": a, "scenarios": [s1, s2], "personality_ids": [p1, p2]})
    second = run(api, {"agent_id": b, "scenarios": [s3]})
    ids = sorted(first["ids"]) + second["ids"]
    asyncio.run(set_outcomes(api, ids))
    return Made(ids, first["id"], second["id"], a, b, s1, s2, s3, p1, p2)


def run(api: Api, body: dict[str, Any]) -> dict[str, Any]:
    """A run request whose runs fail at once (the agents have no websocket), then settle."""
    r = api.post(RUN_TEXT, body)
    assert r.status_code == 201, r.text
    made = r.json()
    wait_for_result(api, made["id"])
    return {"id": made["id"], "ids": [run["id"] for run in made["runs"]]}


async def set_outcomes(api: Api, ids: list[int]) -> None:
    db = Database(api.server.settings)
    try:
        async with db.session() as session:
            for run_id, (status, success, seconds, ended, month) in zip(ids, OUTCOMES, strict=True):
                created = datetime(2025, month, 1, tzinfo=UTC)
                values = {"status": status, "success": success, "duration_s": seconds}
                values.update(ended_reason=ended, created_at=created)
                await session.execute(update(Run).where(Run.id == run_id).values(**values))
    finally:
        await db.dispose()


def listed(api: Api, **params: Any) -> set[int]:
    found = []
    for base in RUNS:
        r = api.get(base, params={**params, "page_size": 100})
        assert r.status_code == 200, r.text
        found.append({run["id"] for run in r.json()["results"]})
    assert found[0] == found[1] == found[2]
    return found[0]


def test_identity_filters(api: Api) -> None:
    m = make_runs(api)
    assert len(m.runs(1, 2, 3, 4, 5)) == 5 and listed(api) == m.runs(1, 2, 3, 4, 5)
    assert listed(api, id=m.ids[1]) == m.runs(2)
    assert listed(api, id__in=f"{m.ids[0]},{m.ids[4]}") == m.runs(1, 5)
    digit = str(m.ids[2])[-1]
    assert listed(api, id__contains=digit) == {i for i in m.ids if digit in str(i)}
    for key in ("result_id", "result__id"):
        assert listed(api, **{key: m.second}) == m.runs(5)
    assert listed(api, result__agent_id=m.a) == m.runs(1, 2, 3, 4)
    assert listed(api, result__agent_id__in=f"{m.b},0") == m.runs(5)
    assert listed(api, agent_id=m.b) == m.runs(5)
    assert listed(api, assistant_id="asst-a") == m.runs(1, 2, 3, 4)
    assert listed(api, assistant_id="asst-unknown") == set()
    assert listed(api, project_id=api.default_project_id()) == m.runs(1, 2, 3, 4, 5)
    assert listed(api, project_id=0) == set()
    assert listed(api, result__run_as_text="true") == m.runs(1, 2, 3, 4, 5)
    assert listed(api, result__run_as_text="false") == set()


def test_scenario_personality_and_search_filters(api: Api) -> None:
    m = make_runs(api)
    s1_runs, s2_runs = m.runs(1, 2), m.runs(3, 4)  # fan-out: scenario, then personality
    assert listed(api, scenario__id=m.s1) == s1_runs
    assert listed(api, scenario__id__in=f"{m.s2},{m.s3}") == s2_runs | m.runs(5)
    assert listed(api, scenarios=str(m.s2)) == s2_runs
    assert listed(api, tags="beta") == s2_runs | m.runs(5)
    assert listed(api, tags="alpha,gamma") == s1_runs
    assert listed(api, personality__id=m.p2) == m.runs(2, 4)
    assert listed(api, personality__id__in=str(m.p1)) == m.runs(1, 3, 5)
    assert listed(api, personalities=f"{m.p1},{m.p2}") == m.runs(1, 2, 3, 4, 5)
    assert listed(api, search="resched") == s2_runs
    assert listed(api, search=str(m.ids[4])) == m.runs(5)


def test_outcome_time_and_duration_filters(api: Api) -> None:
    m = make_runs(api)
    assert listed(api, status="completed") == m.runs(1, 2, 5)
    assert listed(api, status__in="failed,timeout") == m.runs(3, 4)
    assert listed(api, success="true") == m.runs(1, 5)
    assert listed(api, success="false") == m.runs(2, 3, 4)
    assert listed(api, timestamp__gte="2025-03-01T00:00:00Z") == m.runs(3, 4, 5)
    assert listed(api, timestamp__lte="2025-02-01T00:00:00") == m.runs(1, 2)  # naive = UTC
    assert listed(api, created_at_from="2025-02-15T00:00:00+00:00") == m.runs(3, 4, 5)
    assert listed(api, created_at_to="2025-03-01T01:00:00+02:00") == m.runs(1, 2)
    assert listed(api, created_at_range="2025-02-01T00:00:00Z,2025-04-01T00:00:00Z") == m.runs(
        2, 3, 4
    )
    assert listed(api, created_at_range=",2025-01-15") == m.runs(1)
    assert listed(api, duration__gte=45) == m.runs(2, 4, 5)
    assert listed(api, duration__lte=30) == m.runs(1, 3)
    assert listed(api, duration_range="10,100") == m.runs(1, 2, 5)
    assert listed(api, duration_range="100,") == m.runs(4)
    assert listed(api, call_ended_reason=ENDED) == m.runs(1, 5)
    assert listed(api, call_ended_reason__icontains="MAIN AGENT") == m.runs(2, 4)
    assert listed(api, call_ended_reason__in=f"{ENDED},Main agent-ended-call") == m.runs(1, 2, 5)
    for key in ("call_id", "call_id__icontains", "provider_call_id", "provider_call_id__icontains"):
        assert listed(api, **{key: "abc"}) == set()  # runs have no call ids


@pytest.mark.parametrize(
    ("params", "field", "message"),
    [
        ({"status": "done"}, "status", "is not a valid choice"),
        ({"success": "maybe"}, "success", "Must be a valid boolean."),
        ({"timestamp__gte": "yesterday"}, "timestamp__gte", "Datetime has wrong format"),
        ({"duration__gte": "long"}, "duration__gte", "A valid number is required."),
        ({"id": "x"}, "id", "A valid integer is required."),
        ({"id__in": "[1,2]"}, "id__in", "comma-separated"),
        ({"personalities": "a,b"}, "personalities", "comma-separated"),
        ({"created_at_range": "2025-01-01"}, "created_at_range", "separated by a comma"),
        ({"created_at_range": "then,now"}, "created_at_range", "Datetime has wrong format"),
        ({"duration_range": "a,b"}, "duration_range", "numbers of seconds"),
    ],
)
def test_unreadable_filters_are_400_with_the_field(
    api: Api, params: dict[str, str], field: str, message: str
) -> None:
    r = api.get("/test_framework/v2/runs/", params=params)
    assert r.status_code == 400, r.text
    (error,) = r.json()[field]
    assert message in error

"""Fan-out of a run request (research notes §3.1) and its database-free rules."""

from __future__ import annotations

from voxtest.domain.fanout import (
    PlannedRun,
    ScenarioChoice,
    plan_runs,
    request_problems,
    unknown_ids,
)

A = ScenarioChoice(1, personality_id=10, test_profile_id=20)
B = ScenarioChoice(2)


def test_without_overrides_each_run_takes_its_scenarios_defaults() -> None:
    assert plan_runs([A, B], 2) == [
        PlannedRun(1, 10, 20),
        PlannedRun(1, 10, 20),
        PlannedRun(2, None, None),
        PlannedRun(2, None, None),
    ]


def test_runs_multiply_by_frequency_personalities_and_profiles() -> None:
    runs = plan_runs([A, B], 3, personality_ids=[5, 6], test_profile_ids=[7, 8, 9])
    assert len(runs) == 2 * 3 * 2 * 3
    assert {(r.personality_id, r.test_profile_id) for r in runs} == {
        (p, t) for p in (5, 6) for t in (7, 8, 9)
    }
    assert [r.scenario_id for r in runs] == [1] * 18 + [2] * 18


def test_empty_overrides_are_no_overrides() -> None:
    assert plan_runs([A], 1, personality_ids=[], test_profile_ids=[]) == [PlannedRun(1, 10, 20)]


def test_request_rules() -> None:
    assert request_problems({"agent_id": 1, "scenarios": [1], "frequency": 100}) == {}
    assert request_problems({"assistant_id": "a", "tags": ["x"]}) == {}
    assert set(request_problems({})) == {"agent_id", "scenarios"}
    assert "tags" in request_problems({"agent_id": 1, "scenarios": [1], "tags": ["x"]})
    assert "project_id" in request_problems({"agent_id": 1, "folder_path": "A.B"})
    assert "frequency" in request_problems({"agent_id": 1, "scenarios": [1], "frequency": 101})


def test_unknown_ids_keep_the_request_order() -> None:
    assert unknown_ids([3, 1, 4], {1}) == [3, 4]
    assert unknown_ids(None, set()) == []

"""LLM-judged evaluation end to end: the server's judge model is a real HTTP server on
loopback speaking the OpenAI chat-completions format (a rule-based fake: no vendor is reachable
from here). A run's LLM metrics, its expected outcome and the rubric come back through it."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

import pytest

from tests.api.run_support import (
    RUN_TEXT,
    chat_agent,
    clinic_agent,
    reschedule_scenario,
    sarah_profile,
    wait_for_result,
)
from tests.conftest import Api, LiveServer, own_server
from tests.llm.fake_openai import FakeOpenAI, Received, Scripted, completion

JUDGE_KEY = "sk-judge-secret-123"


class RuleJudge(FakeOpenAI):
    """Answers each judge question from its text, as a careful judge would on these calls."""

    def take(self, received: Received) -> Scripted:
        with self._lock:
            self.received.append(received)
        user = "\n".join(
            str(m.get("content") or "") for m in received.body["messages"] if m["role"] == "user"
        )
        if '"parts"' in user:
            parts = re.findall(r"^(\d+)\. ", user.split("<parts>")[-1], flags=re.MULTILINE)
            answer: dict[str, Any] = {
                "explanation": ["[00:05] the agent moved the cleaning"],
                "parts": [
                    {"part": int(p), "outcome": "done as asked", "aligned": True} for p in parts
                ],
            }
        elif '"booking", "reschedule", "cancel"' in user:  # the enum metric's choices
            answer = {"explanation": ["[00:01] the caller asks to move a cleaning"],
                      "value": "reschedule"}  # fmt: skip
        else:
            confirmed = "Sarah Johnson" in user and "moved to" in user
            answer = {"explanation": ["[00:09] the agent read back the new time"],
                      "value": confirmed}  # fmt: skip
        return completion(json.dumps(answer))


@pytest.fixture(scope="module")
def judge() -> Iterator[RuleJudge]:
    fake = RuleJudge()
    with fake.running():
        yield fake


@pytest.fixture(scope="module", params=["sqlite", "postgres"])
def server(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, judge: RuleJudge
) -> Iterator[LiveServer]:
    """This module's own server: its judge model is the rule-based fake."""
    with own_server(
        request,
        tmp_path_factory,
        judge_base_url=judge.base_url,
        judge_model="fake-judge",
        judge_api_key=JUDGE_KEY,
    ) as live:
        yield live


def _metric(api: Api, agent: int, **fields: Any) -> int:
    r = api.post("/test_framework/v2/metrics/", {"agent": agent, "type": "llm_judge", **fields})
    assert r.status_code == 201, r.text
    return int(r.json()["id"])


def test_llm_metrics_expected_outcome_and_rubric_through_a_judge_server(
    api: Api, judge: RuleJudge
) -> None:
    with clinic_agent() as server:
        agent = chat_agent(api, server.url)
        confirms = _metric(
            api,
            agent,
            name="Confirms the move",
            eval_type="binary",
            description="The agent confirms the moved appointment to {{test_profile.name}}.",
        )
        kind = _metric(
            api,
            agent,
            name="Request kind",
            eval_type="enum",
            enum_values=["booking", "reschedule", "cancel"],
            description="Which kind of request did the caller make?",
        )
        scenario = reschedule_scenario(
            api,
            agent,
            sarah_profile(api, agent),
            metrics=[confirms, kind],
            expected_outcome_prompt=(
                "The agent verifies the date of birth. The agent moves the cleaning to 14:30."
            ),
        )
        rule = {"field": "score", "op": "eq", "value": True}
        rubric = {"metric_id": confirms, "conditions": {"operator": "and", "conditions": [rule]}}
        r = api.patch(
            f"/user/v1/projects/{api.default_project_id()}/",
            {"rubric_config": {"evaluation_logic": "and", "rules": [rubric]}},
        )
        assert r.status_code == 200, r.text
        asked_before = len(judge.received)
        r = api.post(RUN_TEXT, {"agent_id": agent, "scenarios": [scenario]})
        assert r.status_code in (200, 201), r.text
        result = wait_for_result(api, int(r.json()["id"]), timeout_s=90)
    (run,) = result["runs"].values()
    values = {m["name"]: m for m in run["evaluation"]["metrics"]}
    assert values["Confirms the move"]["score"] == 5
    assert values["Confirms the move"]["extra"]["passed"] is True
    assert values["Confirms the move"]["explanation"][0].startswith("[00:09]")
    assert values["Request kind"]["value"] == "reschedule"
    outcome = run["expected_outcome"]
    assert outcome["score"] == 100.0
    assert [a["prompt_part"] for a in outcome["outcome_alignments"]] == [
        "The agent verifies the date of birth",
        "The agent moves the cleaning to 14:30",
    ]
    assert run["success"] is True and run["rubric"][0]["passed"] is True
    assert result["met_expected_outcome_count"] == 1
    assert result["total_expected_outcome_count"] == 1
    asked = judge.received[asked_before:]  # the run's condition judge may have asked too
    asked = [q for q in asked if q.body["messages"][0]["content"].startswith("You are a strict")]
    assert len(asked) == 3  # two metrics and the expected outcome, each asked once
    assert {q.headers.get("authorization") for q in asked} == {f"Bearer {JUDGE_KEY}"}
    assert all(q.body["model"] == "fake-judge" for q in asked)
    assert JUDGE_KEY not in json.dumps(run)

"""Votes on a run's metric values (`runs/{id}/mark_metric_vote/`): a vote marks the run
reviewed and its `evaluation_status` follows the rubric with the voted values; `success` keeps
the judged verdict; a withdrawn vote un-reviews the run; votes outlive evaluating again."""

from __future__ import annotations

from typing import Any

from tests.api.evaluation_support import (
    PASSES,
    code_metric,
    evaluated,
    played,
    rubric,
    run_when,
    scenario_with,
    values,
)
from tests.api.run_support import chat_agent, clinic_agent
from tests.conftest import Api

SCORE_3 = '_result = 3\n_explanation = "middling"'


def _run(api: Api, run_id: int) -> dict[str, Any]:
    r = api.get(f"/test_framework/v1/runs/{run_id}/")
    assert r.status_code == 200, r.text
    body: dict[str, Any] = r.json()
    return body


def test_a_vote_flips_the_review_status(api: Api) -> None:
    with clinic_agent() as server:
        agent = chat_agent(api, server.url)
        gate = code_metric(api, agent, "Gate", PASSES)
        rating = code_metric(api, agent, "Rating", SCORE_3, eval_type="continuous_qualitative")
        rubric(api, [(gate, {"field": "score", "op": "eq", "value": True})])
        result = played(api, agent, scenario_with(api, agent, [gate, rating]))
    (run,) = result["runs"].values()
    assert run["evaluation_status"] == "success" and run["is_reviewed"] is False
    url = f"/test_framework/v2/runs/{run['id']}/mark_metric_vote/"

    down = {"metric_id": gate, "thumbs_up": False, "expected_value": None, "feedback": "Wrong."}
    r = api.post(url, down)
    assert r.status_code == 200, r.text
    assert r.json() == {"success": True}
    voted = _run(api, run["id"])
    assert voted["is_reviewed"] is True
    assert voted["evaluation_status"] == "reviewed_failure"
    assert voted["success"] is True  # the judged verdict stays
    gate_value = values(voted)["Gate"]
    assert gate_value["extra"]["passed"] is True
    assert gate_value["extra"]["vote"] == {
        "thumbs_up": False,
        "expected_value": False,
        "feedback": "Wrong.",
    }
    assert "vote" not in values(voted)["Rating"]["extra"]

    r = api.post(url, {**down, "thumbs_up": None})
    assert r.status_code == 200, r.text
    withdrawn = _run(api, run["id"])
    assert withdrawn["is_reviewed"] is False and withdrawn["evaluation_status"] == "success"
    assert "vote" not in values(withdrawn)["Gate"]["extra"]

    r = api.post(
        url.replace("v2/runs", "v1/runs-external"),
        {"metric_id": rating, "thumbs_up": False, "expected_value": 4.5},
    )
    assert r.status_code == 200, r.text
    rated = _run(api, run["id"])
    assert rated["evaluation_status"] == "reviewed_success"
    assert values(rated)["Rating"]["extra"]["vote"]["expected_value"] == 4.5


def test_votes_outlive_evaluating_again(api: Api) -> None:
    with clinic_agent() as server:
        agent = chat_agent(api, server.url)
        gate = code_metric(api, agent, "Gate", PASSES)
        rubric(api, [(gate, {"field": "score", "op": "eq", "value": True})])
        result = played(api, agent, scenario_with(api, agent, [gate]))
    (run,) = result["runs"].values()
    vote = {"metric_id": gate, "thumbs_up": False, "expected_value": False}
    r = api.post(f"/test_framework/v1/runs/{run['id']}/mark_metric_vote/", vote)
    assert r.status_code == 200, r.text

    r = api.post(
        f"/test_framework/v2/results/{result['id']}/evaluate_metrics/",
        {"run_ids": [run["id"]], "metric_ids": [gate]},
    )
    assert r.status_code == 200, r.text
    again = run_when(api, run["id"], evaluated)

    assert again["is_reviewed"] is True and again["evaluation_status"] == "reviewed_failure"
    assert values(again)["Gate"]["extra"]["vote"]["expected_value"] is False


def test_bad_votes_are_refused(api: Api) -> None:
    with clinic_agent() as server:
        agent = chat_agent(api, server.url)
        gate = code_metric(api, agent, "Gate", PASSES)
        rating = code_metric(api, agent, "Rating", SCORE_3, eval_type="continuous_qualitative")
        unattached = code_metric(api, agent, "Not on the scenario", PASSES)
        result = played(api, agent, scenario_with(api, agent, [gate, rating]))
    (run,) = result["runs"].values()
    url = f"/test_framework/v2/runs/{run['id']}/mark_metric_vote/"

    def refused(body: dict[str, Any]) -> Any:
        r = api.post(url, body)
        assert r.status_code == 400, r.text
        return r.json()

    assert refused({"feedback": "x"}) == {
        "metric_id": ["This field is required."],
        "thumbs_up": ["This field is required."],
        "expected_value": ["This field is required."],
    }
    base = {"thumbs_up": False, "expected_value": None}
    assert refused({**base, "metric_id": 987654}) == {
        "metric_id": ['Invalid pk "987654" - object does not exist.']
    }
    assert "no value on this run" in refused({**base, "metric_id": unattached})["metric_id"][0]
    assert refused({"metric_id": gate, "thumbs_up": False, "expected_value": "maybe"}) == {
        "expected_value": ["A binary metric's expected value is true or false (or 5 / 0)."]
    }
    assert (
        "score from 0 to 5"
        in (
            refused({"metric_id": rating, "thumbs_up": False, "expected_value": 7})[
                "expected_value"
            ][0]
        )
    )
    assert (
        "agrees with the judged value"
        in (
            refused({"metric_id": gate, "thumbs_up": True, "expected_value": False})[
                "expected_value"
            ][0]
        )
    )
    assert api.post(url.replace(str(run["id"]), "987654"), base).status_code == 404
    assert _run(api, run["id"])["is_reviewed"] is False

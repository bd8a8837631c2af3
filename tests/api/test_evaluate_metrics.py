"""Metrics evaluated again on finished runs: `results/{id}/evaluate_metrics/` answers at once
with the result (its runs `evaluating`), the chosen metrics get new values in the background
and the run's other values stay; `results/bulk_evaluate_metrics/` does it for every finished
run of several results."""

from __future__ import annotations

from tests.api.evaluation_support import (
    FAILS,
    PASSES,
    code_metric,
    evaluated,
    played,
    rubric,
    run_when,
    scenario_with,
    set_code,
    values,
)
from tests.api.run_support import chat_agent, clinic_agent, wait_for_result
from tests.conftest import Api

SAYS_CLEANING = '_result = "cleaning" in data["transcript"].lower()\n_explanation = "mentions it"'


def test_only_the_chosen_metrics_are_evaluated_again(api: Api) -> None:
    with clinic_agent() as server:
        agent = chat_agent(api, server.url)
        chosen = code_metric(api, agent, "Chosen", PASSES)
        other = code_metric(api, agent, "Other", PASSES)
        rubric(api, [(chosen, {"field": "score", "op": "eq", "value": True})])
        result = played(api, agent, scenario_with(api, agent, [chosen, other]))
    (run,) = result["runs"].values()
    assert run["success"] is True
    assert values(run)["Chosen"]["extra"]["passed"] is True
    set_code(api, chosen, FAILS)
    set_code(api, other, FAILS)
    unattached = code_metric(api, agent, "Added later", SAYS_CLEANING)

    r = api.post(
        f"/test_framework/v1/results/{result['id']}/evaluate_metrics/",
        {"run_ids": [str(run["id"])], "metric_ids": [chosen, str(unattached)]},
    )

    assert r.status_code == 200, r.text
    answer = r.json()
    assert answer["id"] == result["id"] and answer["status"] == "running"
    assert [(x["id"], x["status"]) for x in answer["runs"]] == [(run["id"], "evaluating")]
    again = run_when(api, run["id"], evaluated)
    assert again["status"] == "completed"
    now = values(again)
    assert now["Chosen"]["extra"]["passed"] is False
    assert now["Chosen"]["explanation"] == ["always fails"]
    assert now["Other"]["extra"]["passed"] is True  # not asked for: kept as it was
    assert now["Added later"]["extra"]["passed"] is True  # not on the scenario, still evaluated
    assert again["rubric"][0]["passed"] is False and again["success"] is False
    assert again["evaluation_status"] == "failure"
    detail = wait_for_result(api, result["id"])
    assert detail["status"] == "completed" and detail["success_rate"] == 0.0


def test_runs_and_metrics_outside_the_result_are_refused(api: Api) -> None:
    with clinic_agent() as server:
        agent = chat_agent(api, server.url)
        other_agent = chat_agent(api, server.url)
        metric = code_metric(api, agent, "Mine", PASSES)
        elsewhere = code_metric(api, other_agent, "Theirs", PASSES)
        scenario = scenario_with(api, agent, [metric])
        first = played(api, agent, scenario)
        second = played(api, agent, scenario)
    (run,) = first["runs"].values()
    (foreign_run,) = second["runs"].values()
    url = f"/test_framework/v2/results/{first['id']}/evaluate_metrics/"

    r = api.post(url, {"run_ids": [run["id"], foreign_run["id"]], "metric_ids": [metric]})
    assert r.status_code == 400, r.text
    assert r.json() == {"run_ids": [f"Runs not in this result: [{foreign_run['id']}]."]}

    r = api.post(url, {"run_ids": [run["id"]], "metric_ids": [elsewhere, 987654]})
    assert r.status_code == 400, r.text
    assert r.json() == {"metric_ids": ['Invalid pk "987654" - object does not exist.']}
    r = api.post(url, {"run_ids": [run["id"]], "metric_ids": [elsewhere]})
    assert r.status_code == 400, r.text
    assert f"Metric {elsewhere} (Theirs)" in r.json()["metric_ids"][0]

    r = api.post(url, {"run_ids": [], "metric_ids": ["x1"]})
    assert r.status_code == 400, r.text
    assert r.json() == {
        "run_ids": ["This list may not be empty."],
        "metric_ids": ['"x1" is not a valid id.'],
    }
    r = api.post(url, {})
    assert r.status_code == 400, r.text
    assert r.json() == {
        "run_ids": ["This field is required."],
        "metric_ids": ["This field is required."],
    }
    assert api.post(url.replace(str(first["id"]), "987654"), {}).status_code == 404
    assert (
        api.other().post(url, {"run_ids": [run["id"]], "metric_ids": [metric]}).status_code == 404
    )
    unchanged = api.get(f"/test_framework/v2/runs/{run['id']}/").json()
    assert unchanged["status"] == "completed" and unchanged["evaluation"] == run["evaluation"]


def test_bulk_evaluates_every_finished_run_of_the_results(api: Api) -> None:
    with clinic_agent() as server:
        agent = chat_agent(api, server.url)
        metric = code_metric(api, agent, "Flips", PASSES)
        result = played(api, agent, scenario_with(api, agent, [metric]), frequency=2)
    set_code(api, metric, FAILS)
    url = "/test_framework/v1/results-external/bulk_evaluate_metrics/"

    r = api.post(url, {"result_ids": [result["id"]], "metric_ids": [metric]})

    assert r.status_code == 200, r.text
    assert r.content == b""
    for run_id in result["runs"]:
        run = run_when(api, int(run_id), evaluated)
        assert values(run)["Flips"]["extra"]["passed"] is False, run_id

    r = api.post(url, {"result_ids": list(range(1, 102)), "metric_ids": [metric]})
    assert r.status_code == 400, r.text
    assert r.json() == {"result_ids": ["Send at most 100 result ids at a time."]}
    r = api.post(url, {"result_ids": [result["id"], 987654], "metric_ids": []})
    assert r.status_code == 400, r.text
    assert r.json() == {
        "result_ids": ['Invalid pk "987654" - object does not exist.'],
        "metric_ids": ["This list may not be empty."],
    }

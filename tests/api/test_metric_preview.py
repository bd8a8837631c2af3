"""An unsaved metric tried on past runs: `metrics/preview/` answers a progress id at once and
`metrics/preview-progress/` gives each run's value when done; nothing is saved."""

from __future__ import annotations

import time
from typing import Any

from tests.api.evaluation_support import PASSES, code_metric, played, scenario_with, values
from tests.api.run_support import chat_agent, clinic_agent
from tests.conftest import Api

# Reads the run's id and another metric's stored value: differs per run, proves `data` is real.
PER_RUN = """
_result = data["run_id"] * 10 + (1 if data["Stored"] else 0)
_explanation = f"run {data['run_id']}"
"""


def _progress(api: Api, progress_id: str, timeout_s: float = 60.0) -> dict[str, Any]:
    deadline = time.monotonic() + timeout_s
    while True:
        r = api.get(
            "/test_framework/v2/metrics/preview-progress/", params={"progress_id": progress_id}
        )
        assert r.status_code == 200, r.text
        body: dict[str, Any] = r.json()
        if body["status"] != "in_progress":
            return body
        assert time.monotonic() < deadline, body
        time.sleep(0.2)


def test_a_preview_gives_each_runs_value_without_saving(api: Api) -> None:
    with clinic_agent() as server:
        agent = chat_agent(api, server.url)
        stored = code_metric(api, agent, "Stored", PASSES)
        result = played(api, agent, scenario_with(api, agent, [stored]), frequency=2)
    run_ids = sorted(int(i) for i in result["runs"])
    metrics_before = api.get("/test_framework/v2/metrics/", params={"agent_id": agent}).json()
    metric_data = {
        "name": "Per run",
        "type": "custom_code",
        "eval_type": "numeric",
        "custom_code": PER_RUN,
    }

    r = api.post(
        "/test_framework/v1/metrics/preview/",
        {"agent_id": agent, "run_ids": run_ids[::-1], "metric_data": metric_data},
    )

    assert r.status_code == 200, r.text
    started = r.json()
    assert started["status"] == "in_progress" and started["total"] == 2
    done = _progress(api, started["progress_id"])
    assert done["status"] == "completed" and done["done"] == 2 and done["error"] is None
    assert [(x["run_id"], x["score"]) for x in done["results"]] == [
        (i, i * 10 + 1) for i in run_ids[::-1]
    ]
    assert done["results"][0]["name"] == "Per run"
    assert done["results"][0]["explanation"] == [f"run {run_ids[1]}"]
    metrics_after = api.get("/test_framework/v2/metrics/", params={"agent_id": agent}).json()
    assert metrics_after == metrics_before
    for run_id in run_ids:
        run = api.get(f"/test_framework/v2/runs/{run_id}/").json()
        assert set(values(run)) == {"Stored"}
    other = api.other().get(
        "/test_framework/v1/metrics-external/preview-progress/",
        params={"progress_id": started["progress_id"]},
    )
    assert other.status_code == 404


def test_bad_previews_are_refused(api: Api) -> None:
    with clinic_agent() as server:
        agent = chat_agent(api, server.url)
        result = played(api, agent, scenario_with(api, agent, []))
    (run_id,) = (int(i) for i in result["runs"])
    url = "/test_framework/v2/metrics/preview/"
    good = {"name": "Ok", "type": "custom_code", "eval_type": "binary", "custom_code": PASSES}

    def refused(body: dict[str, Any]) -> Any:
        r = api.post(url, body)
        assert r.status_code == 400, r.text
        return r.json()

    assert refused({"run_ids": [run_id]}) == {"metric_data": ["This field is required."]}
    assert refused({"run_ids": [run_id], "metric_data": {"type": "custom_code"}}) == {
        "metric_data": {
            "name": ["This field is required."],
            "eval_type": ["This field is required."],
            "custom_code": ["This field is required when type is custom_code."],
        }
    }
    broken = {**good, "custom_code": "_result = ("}
    assert (
        "Python syntax error"
        in (refused({"run_ids": [run_id], "metric_data": broken})["metric_data"]["custom_code"][0])
    )
    assert (
        "Call logs do not exist"
        in (refused({"call_log_ids": [1], "metric_data": good})["call_log_ids"][0])
    )
    assert refused({"metric_data": good}) == {
        "run_ids": ["Give run_ids: the runs (up to 10) to try the metric on."]
    }
    assert refused({"run_ids": list(range(1, 12)), "metric_data": good}) == {
        "run_ids": ["Ensure this field has no more than 10 elements."]
    }
    assert refused({"run_ids": [run_id, 987654], "metric_data": good}) == {
        "run_ids": ['Invalid pk "987654" - object does not exist.']
    }
    assert refused({"run_ids": [run_id], "agent_id": agent + 1000, "metric_data": good}) == {
        "run_ids": [f"Runs [{run_id}] do not belong to agent_id {agent + 1000}."]
    }
    progress = "/test_framework/v2/metrics/preview-progress/"
    assert api.get(progress).json() == {"progress_id": ["This field is required."]}
    assert api.get(progress, params={"progress_id": "nope"}).status_code == 404

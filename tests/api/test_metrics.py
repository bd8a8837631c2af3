"""Metrics: create, read, update and delete through v2, v1 and v1-external."""

from __future__ import annotations

from tests.api.metrics_support import metric
from tests.conftest import Api

V1, V1X, V2 = (
    "/test_framework/v1/metrics",
    "/test_framework/v1/metrics-external",
    ("/test_framework/v2/metrics"),
)


def test_reference_examples_create_through_every_alias(api: Api) -> None:
    pid = api.default_project_id()
    judge = {
        "project": pid,
        "name": "Was the caller greeted by name",
        "description": "Score TRUE if the agent addressed the caller by name.",
        "type": "llm_judge",
        "eval_type": "binary",
        "simulation_enabled": True,
        "observability_enabled": True,
    }
    for base in (V1, V1X, V2):
        r = api.post(f"{base}/", judge)
        assert r.status_code == 201, r.text
        body = r.json()
        assert body["name"] == judge["name"] and body["project"] == pid
        assert body["eval_type"] == "binary" and body["type"] == "llm_judge"
        assert body["observability_enabled"] is True
    code = {
        "project": pid,
        "name": "Agent asked for order ID before refund",
        "type": "custom_code",
        "eval_type": "binary",
        "custom_code": "def score(transcript, context):\n    return 'order id' in transcript\n",
    }
    r = api.post(f"{V1}/", code)
    assert r.status_code == 201, r.text
    assert r.json()["custom_code"] == code["custom_code"]
    # the list hides custom_code (write-only there), the detail shows it
    listed = {m["id"]: m for m in api.get(f"{V2}/", params={"project_id": pid}).json()}
    assert "custom_code" not in listed[r.json()["id"]]
    assert api.get(f"{V2}/{r.json()['id']}/").json()["custom_code"] == code["custom_code"]


def test_read_back_by_id_and_slug_in_both_shapes(api: Api) -> None:
    pid = api.default_project_id()
    made = metric(api, pid, name="Customer Satisfaction")
    assert made["slug"] == f"customer_satisfaction_{made['id']}"
    v1 = api.get(f"{V1}/{made['id']}").json()
    v2 = api.get(f"{V2}/{made['slug']}/").json()
    assert v1["id"] == v2["id"] == made["id"]
    assert v2["evaluation_trigger"] == "always" and v2["trigger_type"] == "llm_judge"
    assert v2["reviews"] == [] and v2["agents"] == []
    assert api.get(f"{V2}/no_such_slug/").status_code == 404
    assert api.get(f"{V2}/999999/").status_code == 404


def test_legacy_eval_types_are_stored_as_binary(api: Api) -> None:
    pid = api.default_project_id()
    for legacy in ("binary_workflow_adherence", "binary_qualitative"):
        body = metric(api, pid, eval_type=legacy)
        assert body["eval_type"] == "binary"
    r = api.post(f"{V2}/", {"project": pid, "name": "x", "description": "d", "eval_type": "rating"})
    assert r.status_code == 400
    assert r.json() == {"eval_type": ['"rating" is not a valid choice.']}


def test_create_reports_every_problem_at_once(api: Api) -> None:
    pid = api.default_project_id()
    r = api.post(
        f"{V2}/",
        {
            "project": pid,
            "type": "custom_code",
            "eval_type": "enum",
            "enum_values": ["a", "a"],
            "custom_code": "def f(:\n  pass",
            "evaluation_trigger": "custom",
            "trigger_type": "custom_code",
        },
    )
    assert r.status_code == 400
    errors = r.json()
    assert errors["name"] == ["This field is required."]
    assert "unique" in errors["enum_values"][0]
    assert "line 1" in errors["custom_code"][0]
    assert errors["evaluation_trigger_custom_code"]


def test_type_rules(api: Api) -> None:
    pid = api.default_project_id()
    r = api.post(f"{V2}/", {"project": pid, "name": "No criteria", "type": "llm_judge"})
    assert r.status_code == 400 and "description" in r.json()
    r = api.post(f"{V2}/", {"project": pid, "name": "Judge by prompt", "prompt": "Was it ok?"})
    assert r.status_code == 201, r.text
    r = api.post(f"{V2}/", {"project": pid, "name": "Code", "type": "custom_code"})
    assert r.json() == {"custom_code": ["This field is required when type is custom_code."]}
    r = api.post(f"{V1}/", {"project": pid, "name": "Old", "type": "basic", "description": "d"})
    assert r.status_code == 400 and "deprecated" in r.json()["type"][0]


def test_enum_and_trigger_rules(api: Api) -> None:
    pid = api.default_project_id()
    r = api.post(f"{V2}/", {"project": pid, "name": "E", "description": "d", "eval_type": "enum"})
    assert r.json() == {"enum_values": ["An enum metric needs a non-empty list of enum_values."]}
    r = api.post(f"{V2}/", {"project": pid, "name": "B", "description": "d", "enum_values": ["x"]})
    assert r.status_code == 400 and "enum_values" in r.json()
    r = api.post(
        f"{V2}/",
        {"project": pid, "name": "T", "description": "d", "evaluation_trigger": "custom"},
    )
    assert r.json() == {
        "evaluation_trigger_prompt": [
            "Required when evaluation_trigger is custom and trigger_type is llm_judge."
        ]
    }
    ok = metric(
        api,
        pid,
        evaluation_trigger="custom",
        trigger_type="custom_code",
        evaluation_trigger_custom_code="_result = True\n_explanation = 'ok'\n",
    )
    assert ok["trigger_type"] == "custom_code"
    r = api.post(f"{V2}/", {"project": pid, "name": "P", "description": "d", "llm_provider": "x"})
    assert r.status_code == 400 and "llm_provider" in r.json()
    assert metric(api, pid, llm_provider="gemini")["id"] > 0


def test_patch_changes_only_what_is_sent(api: Api) -> None:
    pid = api.default_project_id()
    made = metric(api, pid, eval_type="enum", enum_values=["resolved", "dropped"])
    r = api.patch(f"{V2}/{made['id']}/", {"description": "Classify the outcome."})
    assert r.status_code == 200, r.text
    after = r.json()
    assert after["description"] == "Classify the outcome."
    assert after["enum_values"] == ["resolved", "dropped"]
    # switching away from enum drops the stored values; switching back needs new ones
    assert api.patch(f"{V1}/{made['id']}/", {"eval_type": "binary"}).json()["enum_values"] == []
    r = api.patch(f"{V1}/{made['id']}/", {"eval_type": "enum"})
    assert r.status_code == 400 and "enum_values" in r.json()


def test_put_requires_name_and_project_is_fixed(api: Api) -> None:
    pid = api.default_project_id()
    made = metric(api, pid)
    r = api.put(f"{V2}/{made['id']}/", {"description": "x"})
    assert r.json() == {"name": ["This field is required."]}
    r = api.put(f"{V1X}/{made['id']}/", {"name": "Renamed", "description": "x"})
    assert r.status_code == 200 and r.json()["name"] == "Renamed"
    other = api.post("/user/v1/projects/", {"name": "Other"}).json()["id"]
    r = api.patch(f"{V1}/{made['id']}/", {"project": other})
    assert r.json() == {"project": ["A metric's project cannot be changed."]}


def test_slug_must_be_snake_case_and_unique(api: Api) -> None:
    pid = api.default_project_id()
    metric(api, pid, slug="greeting_check")
    r = api.post(
        f"{V2}/", {"project": pid, "name": "x", "description": "d", "slug": "greeting_check"}
    )
    assert r.json() == {"slug": ["metric with this slug already exists."]}
    r = api.post(f"{V2}/", {"project": pid, "name": "x", "description": "d", "slug": "Bad Slug"})
    assert r.status_code == 400 and "snake_case" in r.json()["slug"][0]
    assert api.get(f"{V1}/", params={"slug": "greeting_check"}).json()[0]["slug"] == (
        "greeting_check"
    )


def test_delete_answers_204_then_404(api: Api) -> None:
    made = metric(api, api.default_project_id())
    r = api.delete(f"{V1X}/{made['id']}/")
    assert r.status_code == 204 and r.content == b""
    assert api.get(f"{V2}/{made['id']}/").status_code == 404
    assert api.delete(f"{V2}/{made['id']}/").status_code == 404


def test_bulk_create_is_all_or_nothing(api: Api) -> None:
    pid = api.default_project_id()
    items = [
        {"project": pid, "name": "One", "description": "first", "eval_type": "binary"},
        {"project": pid, "name": "Two", "description": "second", "eval_type": "numeric"},
    ]
    r = api.post(f"{V2}/bulk_create/", items)
    assert r.status_code == 201, r.text
    assert [m["name"] for m in r.json()] == ["One", "Two"]
    before = len(api.get(f"{V1}/", params={"project_id": pid}).json())
    r = api.post(f"{V1}/bulk_create/", [items[0], {"project": pid, "eval_type": "enum"}])
    assert r.status_code == 400
    assert r.json() == {
        "1": {
            "name": ["This field is required."],
            "description": [
                "An llm_judge metric needs its evaluation criteria in description (or prompt)."
            ],
            "enum_values": ["An enum metric needs a non-empty list of enum_values."],
        }
    }
    assert len(api.get(f"{V1}/", params={"project_id": pid}).json()) == before


def test_unknown_configuration_is_kept_for_custom_metrics_but_must_be_an_object(
    api: Api,
) -> None:
    pid = api.default_project_id()
    made = metric(api, pid, configuration={"threshold": 3})
    assert made["configuration"] == {"threshold": 3}
    r = api.patch(f"{V2}/{made['id']}/", {"configuration": {"window": 5}})
    assert r.json()["configuration"] == {"window": 5}
    r = api.patch(f"{V2}/{made['id']}/", {"configuration": [1, 2]})
    assert r.json() == {"configuration": ["configuration must be an object."]}

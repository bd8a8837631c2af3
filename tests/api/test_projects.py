"""Projects: the seeds create-project and update-project, field by field."""

from __future__ import annotations

from tests.conftest import Api

SEED_CREATE = {
    "name": "Support line",
    "outbound_timeout": 300,
    "max_call_duration": 300,
    "min_call_duration": 30,
    "sample_rate": 0.5,
    "max_messages_chat_runs_limit": 100,
    "webhook_url": "https://yourdomain.com/webhook",
    "webhook_secret": "your-webhook-secret",
    "evaluate_relevant_metrics_enabled": True,
    "end_call_enabled": True,
    "notify_no_calls": True,
    "no_calls_notify_time_period": {
        "time_zone": "America/New_York",
        "time_periods": [
            {"start_time": "09:00", "end_time": "17:00", "time_frame": 30},
            {"start_time": "18:00", "end_time": "23:59", "time_frame": 60},
        ],
        "exception_numbers": ["+15551234567", "+14155552671"],
        "agents": [],
    },
    "frequent_calls_threshold": -1,
    "frequent_calls_time_period": -1,
    "frequent_calls_cooldown": -1,
    "timezone": "America/New_York",
    "vapi_api_key": "vapi_api_key_123",
    "livekit_api_key": "livekit_api_key_123",
    "is_deleted": False,
}


def test_create_project_as_the_seed_says(api: Api) -> None:
    r = api.post("/user/v1/projects/", SEED_CREATE)
    assert r.status_code == 201, r.text
    body = r.json()
    for key, value in SEED_CREATE.items():
        if key in ("webhook_secret", "vapi_api_key", "livekit_api_key"):
            assert key not in body  # write-only
        else:
            assert body[key] == value, key
    assert body["webhook_secret_configured"] is True
    assert body["vapi_api_key_configured"] is True
    assert body["retell_api_key_configured"] is False
    assert body["organization"]["id"] > 0
    # and it reads back the same through the other alias, without the trailing slash
    again = api.get(f"/user/v1/projects-external/{body['id']}").json()
    assert again == body


def test_create_requires_name_and_reports_every_field(api: Api) -> None:
    r = api.post(
        "/user/v1/projects/",
        {
            "sample_rate": 3,
            "webhook_url": "ftp://example.com/x",
            "timezone": "Mars/Olympus",
            "max_call_duration": "long",
        },
    )
    assert r.status_code == 400
    errors = r.json()
    assert errors["name"] == ["This field is required."]
    assert errors["max_call_duration"] == ["A valid integer is required."]


def test_field_rules_are_enforced(api: Api) -> None:
    pid = api.default_project_id()
    r = api.patch(
        f"/user/v1/projects/{pid}/",
        {"sample_rate": 1.5, "webhook_url": "ftp://x.example", "timezone": "Mars/Olympus"},
    )
    assert r.status_code == 400
    assert set(r.json()) == {"sample_rate", "webhook_url", "timezone"}


def test_no_calls_window_is_validated(api: Api) -> None:
    pid = api.default_project_id()
    bad = {
        "time_zone": "Nowhere/City",
        "time_periods": [{"start_time": "9:00", "end_time": "17:00", "time_frame": 0}],
        "exception_numbers": ["5551234567"],
        "agents": [999999],
    }
    r = api.patch(f"/user/v1/projects/{pid}/", {"no_calls_notify_time_period": bad})
    assert r.status_code == 400
    messages = " ".join(r.json()["no_calls_notify_time_period"])
    for fragment in ("Nowhere/City", "start_time", "time_frame", "5551234567", "999999"):
        assert fragment in messages


def test_patch_changes_only_what_is_sent_and_null_is_refused(api: Api) -> None:
    pid = api.default_project_id()
    before = api.get(f"/user/v1/projects/{pid}/").json()
    r = api.patch(f"/user/v1/projects/{pid}/", {"max_call_duration": 120})
    assert r.status_code == 200
    after = r.json()
    assert after["max_call_duration"] == 120
    assert {k: v for k, v in after.items() if k not in ("max_call_duration", "updated_at")} == {
        k: v for k, v in before.items() if k not in ("max_call_duration", "updated_at")
    }
    r = api.patch(f"/user/v1/projects/{pid}/", {"name": None})
    assert r.status_code == 400
    assert r.json() == {"name": ["This field may not be null."]}


def test_put_requires_name(api: Api) -> None:
    pid = api.default_project_id()
    assert api.put(f"/user/v1/projects/{pid}/", {"sample_rate": 0.2}).status_code == 400
    r = api.put(f"/user/v1/projects/{pid}/", {"name": "Renamed", "sample_rate": 0.2})
    assert r.status_code == 200
    assert r.json()["name"] == "Renamed"


def test_secrets_are_write_only_and_can_be_cleared(api: Api) -> None:
    pid = api.default_project_id()
    body = api.patch(f"/user/v1/projects/{pid}/", {"retell_api_key": "rk_1"}).json()
    assert body["retell_api_key_configured"] is True
    assert "rk_1" not in api.get(f"/user/v1/projects/{pid}/").text
    body = api.patch(f"/user/v1/projects/{pid}/", {"retell_api_key": ""}).json()
    assert body["retell_api_key_configured"] is False


def test_other_organizations_cannot_see_or_touch_a_project(api: Api) -> None:
    pid = api.default_project_id()
    stranger = api.other()
    assert stranger.get(f"/user/v1/projects/{pid}/").status_code == 404
    assert stranger.patch(f"/user/v1/projects/{pid}/", {"name": "x"}).status_code == 404
    assert stranger.delete(f"/user/v1/projects/{pid}/").status_code == 404
    assert pid not in [p["id"] for p in stranger.get("/user/v1/projects/").json()]


def test_project_scoped_key_sees_only_its_project(api: Api) -> None:
    first = api.default_project_id()
    second = api.post("/user/v1/projects/", {"name": "Second"}).json()["id"]
    scoped = api.other(project_id=second)
    assert [p["id"] for p in scoped.get("/user/v1/projects/").json()] == [second]
    assert scoped.get(f"/user/v1/projects/{first}/").status_code == 404
    assert scoped.post("/user/v1/projects/", {"name": "Nope"}).status_code == 403


def test_delete_project_but_never_the_last(api: Api) -> None:
    only = api.default_project_id()
    r = api.delete(f"/user/v1/projects/{only}/")
    assert r.status_code == 400
    extra = api.post("/user/v1/projects/", {"name": "Temp"}).json()["id"]
    assert api.delete(f"/user/v1/projects/{extra}").status_code == 200
    assert api.get(f"/user/v1/projects/{extra}/").status_code == 404


def test_auth_is_required(api: Api) -> None:
    import httpx

    r = httpx.get(f"{api.server.url}/user/v1/projects/")
    assert r.status_code == 401
    assert r.json() == {"detail": "Authentication credentials were not provided."}
    r = httpx.get(f"{api.server.url}/user/v1/projects/", headers={"X-CEKURA-API-KEY": "vxt_wrong"})
    assert r.status_code == 401


def test_organizations_v1_and_v2(api: Api) -> None:
    orgs = api.get("/user/organizations/").json()
    assert len(orgs) == 1
    page = api.get("/user/v2/organizations/", params={"page_size": 1}).json()
    assert page["count"] == 1 and page["next"] is None and page["results"] == orgs
    assert api.get("/user/v2/organizations/", params={"page": 2}).status_code == 404


def test_bad_json_is_a_400(api: Api) -> None:
    r = api.client.post(
        "/user/v1/projects/", content=b"{not json", headers={"content-type": "application/json"}
    )
    assert r.status_code == 400

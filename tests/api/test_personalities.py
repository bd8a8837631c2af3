"""Personalities: the built-in set, the organization's own, forks, and project enablement."""

from __future__ import annotations

from tests.conftest import Api

P = "/test_framework/v1/personalities/"


def test_builtin_set_covers_the_kinds_users_need(api: Api) -> None:
    everyone = api.get(P).json()
    names = {p["name"] for p in everyone}
    for name in (
        "Normal Male",
        "Interrupter",
        "Slow Speaker",
        "Normal Male - Bg Noise",
        "Spanglish",
    ):
        assert name in names
    languages = {p["language"] for p in everyone}
    assert {"en", "es", "fr", "de", "hi"} <= languages
    first = api.get(f"{P}{everyone[0]['id']}/").json()
    assert first == everyone[0]
    spanish = api.get(P, params={"language": "es"}).json()
    assert spanish and all(p["language"] == "es" for p in spanish)


def test_new_projects_enable_the_builtins(api: Api) -> None:
    pid = api.default_project_id()
    listed = api.get(P, params={"project_id": pid}).json()
    enabled = api.get(f"/user/v1/projects/{pid}/personalities/").json()
    assert listed and {p["id"] for p in enabled} == {p["id"] for p in listed}


def test_builtins_are_read_only_and_forkable(api: Api) -> None:
    pid = api.default_project_id()
    normal = next(p for p in api.get(P).json() if p["name"] == "Normal Male")
    r = api.patch(f"{P}{normal['id']}/", {"prompt": "changed"})
    assert r.status_code == 403
    fork = api.post(f"{P}{normal['id']}/fork/", {"project_id": pid, "prompt": "Be terse."})
    assert fork.status_code == 200, fork.text
    forked = fork.json()
    assert forked["id"] != normal["id"] and forked["prompt"] == "Be terse."
    assert forked["voice_model"] == normal["voice_model"]
    r = api.patch(
        f"{P}{forked['id']}", {"speed": 1.1, "message_plan": {"idle_timeout_seconds": 15}}
    )
    assert r.status_code == 200, r.text
    assert r.json()["speed"] == "1.1"
    assert r.json()["message_plan"] == {"idle_timeout_seconds": 15}
    # the fork is enabled on the project and invisible to other organizations
    assert forked["id"] in [
        p["id"] for p in api.get(f"/user/v1/projects/{pid}/personalities/").json()
    ]
    stranger = api.other()
    assert stranger.get(f"{P}{forked['id']}/").status_code == 404
    assert forked["id"] not in [p["id"] for p in stranger.get(P).json()]


def test_create_validates(api: Api) -> None:
    pid = api.default_project_id()
    r = api.post(
        P,
        {"project": pid, "name": "X", "speed": "fast", "message_plan": {"idle_timeout_seconds": 0}},
    )
    assert r.status_code == 400
    body = r.json()
    assert set(body) >= {"voice_model", "background_noise", "speed", "message_plan"}
    ok = api.post(
        P,
        {
            "project": pid,
            "name": "Night owl",
            "voice_model": "sonic-3.5",
            "provider": "cartesia",
            "background_noise": "off",
            "prompt": "You call late at night.",
            "language": "en",
        },
    )
    assert ok.status_code == 201, ok.text
    created = api.get(f"{P}{ok.json()['id']}/").json()
    assert created["name"] == "Night owl" and created["provider"] == "cartesia"
    assert api.other().get(f"{P}{created['id']}/").status_code == 404


def test_enable_and_disable_on_a_project(api: Api) -> None:
    pid = api.default_project_id()
    base = f"/user/v1/projects/{pid}/"
    r = api.post(base + "disable_personalities/", {"personalities": "all", "language": "es"})
    assert r.status_code == 200
    enabled = {p["language"] for p in api.get(base + "personalities/").json()}
    assert "es" not in enabled and "en" in enabled
    spanish = [p["id"] for p in api.get(P, params={"language": "es"}).json()]
    r = api.post(base + "enable_personalities", {"personalities": spanish[:1]})
    assert spanish[0] in r.json()["enabled_personalities"]
    r = api.post(base + "enable_personalities/", {"personalities": [987654321]})
    assert r.status_code == 400
    assert r.json() == {"personalities": ["Invalid personalities provided."]}
    assert api.post(base + "enable_personalities/", {}).json() == {
        "personalities": ["This field is required."]
    }

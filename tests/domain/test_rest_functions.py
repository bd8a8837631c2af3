"""REST functions as pure data: JSON paths, requests rendered from templates, outputs mapped
from responses, and the save-time rules on chaining, outputs, bodies and addresses."""

from __future__ import annotations

import ipaddress
from typing import Any

import pytest

from voxtest.domain.addresses import is_public_address
from voxtest.domain.rest_functions import (
    MISSING,
    JsonPathError,
    extract,
    functions_of,
    map_outputs,
    namespace,
    parse_json_path,
    render_request,
)
from voxtest.domain.scenario_rules import check_conditional_actions, flatten

OPENING = {"id": 0, "condition": "FIRST_MESSAGE", "action": "Hi", "type": "standard"}


def function(name: str, **config: Any) -> dict[str, Any]:
    return {
        "name": name,
        "type": "rest_api",
        "config": {"url": "https://api.example.com/x", **config},
    }


def script(functions: list[dict[str, Any]], action: str = "Fine.") -> dict[str, Any]:
    said = {"id": 1, "condition": "anything", "action": action, "type": "standard"}
    return {
        "role": "A caller",
        "conditions": [{**OPENING, "fixed_message": True}, {**said, "fixed_message": True}],
        "functions": functions,
    }


@pytest.mark.parametrize(
    ("path", "steps"),
    [
        ("$", ()),
        ("$.a.b", ("a", "b")),
        ("$.a[0].b", ("a", 0, "b")),
        ("$['key with space'][\"q\"]", ("key with space", "q")),
        ("$.items[-1]", ("items", -1)),
        ("  $.data.id ", ("data", "id")),
    ],
)
def test_json_paths_parse(path: str, steps: tuple[Any, ...]) -> None:
    assert parse_json_path(path) == steps


@pytest.mark.parametrize("path", ["a.b", "$.a[*]", "$..a", "$.a[?(@.x)]", "$.a.", ""])
def test_unsupported_json_paths_are_refused(path: str) -> None:
    with pytest.raises(JsonPathError):
        parse_json_path(path)


def test_extract_walks_objects_and_lists_and_reports_missing() -> None:
    doc = {"a": [{"b": 1}, {"b": None}], "s": "text"}
    assert extract(doc, ("a", 0, "b")) == 1
    assert extract(doc, ("a", -1, "b")) is None  # present, null
    assert extract(doc, ()) == doc
    for missing in (("a", 2), ("a", "b"), ("s", 0), ("x",), ("a", 0, "c")):
        assert extract(doc, missing) is MISSING


def test_functions_of_reads_definitions_with_defaults() -> None:
    raw = function(
        "lookup",
        method="POST",
        body={"id": "{{test_profile.id}}"},
        response_mapping={"plan": "$.plan", "eta": {"path": "$.eta", "default": "soon"}},
    )
    (fn,) = functions_of({"functions": [raw, {"name": "broken"}]})
    assert (fn.name, fn.auto_run, fn.method, fn.timeout_s) == ("lookup", True, "POST", 10.0)
    assert fn.defaults() == {"plan": None, "eta": "soon"}
    assert functions_of({"functions": "nope"}) == () and functions_of(None) == ()
    (manual,) = functions_of({"functions": [{**function("m"), "auto_run": False}]})
    assert manual.auto_run is False and manual.method == "GET"


def test_requests_substitute_profile_and_earlier_outputs() -> None:
    raw = function(
        "book",
        method="POST",
        url="https://api.example.com/patients/{{test_profile.id}}/book",
        headers={"Authorization": "Bearer {{function.login.token}}"},
        query_params={"day": "{{test_profile.day}}"},
        body={"age": "{{test_profile.age}}", "note": "for {{test_profile.name}}", "n": [1]},
    )
    (fn,) = functions_of({"functions": [raw]})
    variables = {
        "test_profile": {"id": "P 7", "day": "Tue", "age": 34, "name": "Sarah"},
        **namespace({"login": {"token": "t0k"}}),
    }
    request = render_request(fn, variables)
    assert request.url == "https://api.example.com/patients/P 7/book"
    assert request.headers == {"Authorization": "Bearer t0k"}
    assert request.params == {"day": "Tue"}
    assert request.json == {"age": 34, "note": "for Sarah", "n": [1]}  # 34 stays a number
    assert request.content is None


def test_text_bodies_and_get_requests() -> None:
    (post,) = functions_of({"functions": [function("p", method="POST", body="id={{x.y}}")]})
    assert render_request(post, {"x": {"y": 5}}).content == "id=5"
    (get,) = functions_of({"functions": [function("g", body={"ignored": True})]})
    request = render_request(get, {})
    assert request.json is None and request.content is None


def test_outputs_take_their_defaults_when_the_path_finds_nothing() -> None:
    mapping = {"plan": "$.patient.plan", "visit": {"path": "$.visits[0]", "default": "none"}}
    (fn,) = functions_of({"functions": [function("f", response_mapping=mapping)]})
    assert map_outputs(fn, {"patient": {"plan": "gold"}, "visits": ["May"]}) == (
        {"plan": "gold", "visit": "May"},
        [],
    )
    assert map_outputs(fn, {"visits": []}) == ({"plan": None, "visit": "none"}, ["plan", "visit"])


def test_chaining_uses_only_earlier_functions() -> None:
    login = function("login", response_mapping={"token": "$.token"})
    uses_login = function("me", headers={"Authorization": "Bearer {{function.login.token}}"})
    assert check_conditional_actions(script([login, uses_login])) == []
    problems = flatten(check_conditional_actions(script([uses_login, login])))
    assert problems == [
        "functions[0].config: Uses function(s) login: a function can only use the outputs "
        "of functions listed before it."
    ]
    wrong_output = function("me", url="https://api.example.com/{{function.login.tokn}}")
    (problem,) = flatten(check_conditional_actions(script([login, wrong_output])))
    assert "no output 'tokn'" in problem and "token" in problem


def test_messages_must_name_a_mapped_output() -> None:
    login = function("login", response_mapping={"token": "$.token"})
    assert check_conditional_actions(script([login], "It is {{function.login.token}}")) == []
    (problem,) = flatten(check_conditional_actions(script([login], "{{function.login.nope}}")))
    assert problem.startswith("conditions[1].action: Function 'login' has no output 'nope'")


def test_bodies_mappings_and_output_names_are_checked() -> None:
    bad = [
        function("a", body={"x": 1}),  # GET with a body
        function("b", method="POST", body=5),
        function("c", response_mapping={"ok": "$.a[*]", "bad-name": "$.x", "d": {"default": 1}}),
    ]
    problems = flatten(check_conditional_actions(script(bad)))
    assert problems == [
        "functions[0].config.body: A GET request sends no body; use POST, or remove the body.",
        "functions[1].config.body: Must be a JSON object, a JSON array or a string.",
        "functions[2].config.response_mapping.ok: Cannot read '[*]'; use .key, ['key'] or [0] "
        "steps (no wildcards or filters).",
        "functions[2].config.response_mapping.bad-name: Output names: letters, digits and "
        "underscores; 1-64.",
        'functions[2].config.response_mapping.d: Must be a JSON path ("$.a.b") or {path, default}.',
    ]
    assert check_conditional_actions(script([function("e", method="GET", body={})])) == []


@pytest.mark.parametrize(
    ("address", "public"),
    [
        ("93.184.216.34", True),
        ("2606:2800:220:1:248:1893:25c8:1946", True),
        ("127.0.0.1", False),
        ("10.1.2.3", False),
        ("172.16.0.1", False),
        ("192.168.0.1", False),
        ("169.254.169.254", False),  # cloud metadata
        ("100.64.0.1", False),  # shared address space
        ("0.0.0.0", False),
        ("224.0.0.1", False),
        ("::1", False),
        ("fe80::1", False),
        ("fc00::1", False),
        ("::ffff:127.0.0.1", False),
        ("::ffff:93.184.216.34", True),
    ],
)
def test_public_addresses(address: str, public: bool) -> None:
    assert is_public_address(ipaddress.ip_address(address)) is public

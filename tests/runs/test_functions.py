"""REST functions called over HTTP against a real server on loopback: outputs mapped, defaults
on failure (HTTP error, timeout, non-JSON, refused address), chaining, and auto_run false."""

from __future__ import annotations

import json
from typing import Any

from tests.runs.http_support import JsonServer, json_server
from voxtest.domain.rest_functions import RestFunction, functions_of
from voxtest.runs.functions import run_functions

PROFILE = {"test_profile": {"phone": "+14155550100", "user": "sarah"}}


def defs(*raw: dict[str, Any]) -> tuple[RestFunction, ...]:
    found = functions_of({"functions": list(raw)})
    assert len(found) == len(raw)
    return found


def fn(name: str, url: str, **config: Any) -> dict[str, Any]:
    return {"name": name, "type": "rest_api", "config": {"url": url, **config}}


def patient(server: JsonServer, **config: Any) -> dict[str, Any]:
    mapping = {
        "name": "$.patient.name",
        "day": "$.visits[0].day",
        "allergy": {"path": "$.patient.allergy", "default": "none"},
    }
    return fn(
        "patient",
        f"{server.url}/patients",
        query_params={"phone": "{{test_profile.phone}}"},
        headers={"X-Caller": "{{test_profile.user}}"},
        response_mapping=mapping,
        **config,
    )


async def test_a_function_maps_its_response_to_outputs() -> None:
    with json_server() as server:
        results = await run_functions(defs(patient(server)), PROFILE, allow_private=True)
    assert results.outputs == {
        "patient": {"name": "Sarah Johnson", "day": "Tuesday", "allergy": "none"}
    }
    (call,) = results.details()
    assert call["status"] == "ok" and call["http_status"] == 200
    assert call["defaulted"] == ["allergy"] and "error" not in call
    (seen,) = server.seen
    assert seen.query == {"phone": ["+14155550100"]} and seen.headers["X-Caller"] == "sarah"
    assert seen.headers["Host"] == server.url.removeprefix("http://")


async def test_failures_fall_back_to_the_defaults_with_a_reason() -> None:
    mapping = {"out": {"path": "$.x", "default": "fallback"}, "bare": "$.y"}
    with json_server() as server:
        functions = defs(
            fn("broken", f"{server.url}/broken", response_mapping=mapping),
            fn("text", f"{server.url}/text", response_mapping=mapping),
            fn("slow", f"{server.url}/slow", timeout_seconds=1, response_mapping=mapping),
        )
        results = await run_functions(functions, PROFILE, allow_private=True)
    assert results.outputs == {name: {"out": "fallback", "bare": None} for name in results.outputs}
    broken, text, slow = results.details()
    assert broken["status"] == "failed" and broken["http_status"] == 500
    assert broken["error"] == f"GET {server.url}/broken answered HTTP 500."
    assert text["error"] == f"The answer of {server.url}/text is not JSON."
    assert slow["error"] == f"{server.url}/slow gave no answer within 1 s."
    assert slow["duration_ms"] < 2500
    assert all(call["defaulted"] == ["out", "bare"] for call in (broken, text, slow))


async def test_functions_chain_in_order() -> None:
    with json_server() as server:
        functions = defs(
            fn(
                "login",
                f"{server.url}/login",
                method="POST",
                body={"user": "{{test_profile.user}}"},
                response_mapping={"token": "$.token"},
            ),
            fn(
                "visits",
                f"{server.url}/visits/{{{{function.login.token}}}}",
                headers={"Authorization": "Bearer {{function.login.token}}"},
                response_mapping={"day": "$.next.day", "token": "$.next.token"},
            ),
        )
        results = await run_functions(functions, PROFILE, allow_private=True)
    assert results.outputs == {
        "login": {"token": "tok-sarah"},
        "visits": {"day": "Friday", "token": "tok-sarah"},
    }
    login, visits = server.seen
    assert json.loads(login.body) == {"user": "sarah"} and login.method == "POST"
    assert visits.path == "/visits/tok-sarah"
    assert visits.headers["Authorization"] == "Bearer tok-sarah"


async def test_private_addresses_are_refused_unless_allowed() -> None:
    with json_server() as server:
        results = await run_functions(defs(patient(server)), PROFILE)
    assert server.seen == []  # never dialled
    (call,) = results.details()
    assert call["status"] == "failed" and call["outputs"]["allergy"] == "none"
    assert call["error"] == (
        "'127.0.0.1' resolves to 127.0.0.1, a loopback, private or link-local address; "
        "voxtest calls only public hosts unless VOXTEST_ALLOW_PRIVATE_URLS=true."
    )


async def test_urls_that_become_invalid_after_substitution_fail_cleanly() -> None:
    variables = {"test_profile": {"host": "", "scheme": "ftp"}}
    functions = defs(
        fn("nohost", "https://{{test_profile.host}}/x", response_mapping={"a": "$.a"}),
        fn("ftp", "{{test_profile.scheme}}://example.com/x"),
        fn("nowhere", "https://name-that-does-not-resolve.invalid/x"),
    )
    results = await run_functions(functions, variables, allow_private=True)
    nohost, ftp, nowhere = results.details()
    assert nohost["error"] == "Cannot call 'https:///x': Enter a valid URL."
    assert nohost["outputs"] == {"a": None}
    assert ftp["error"].endswith("URL scheme must be one of: http, https.")
    assert nowhere["error"].startswith("Cannot resolve 'name-that-does-not-resolve.invalid'")


async def test_functions_that_do_not_auto_run_are_not_called() -> None:
    with json_server() as server:
        manual = {**patient(server), "auto_run": False}
        results = await run_functions(defs(manual), PROFILE, allow_private=True)
    assert server.seen == []
    (call,) = results.details()
    assert call["status"] == "not_run" and "<function> tag" in call["error"]
    assert results.outputs == {"patient": {"name": None, "day": None, "allergy": "none"}}


async def test_requests_that_cannot_be_sent_fail_cleanly() -> None:
    with json_server() as server:
        functions = defs(
            fn("accent", f"{server.url}/patients", headers={"X-Name": "{{test_profile.name}}"}),
            fn("newline", f"{server.url}/patients", headers={"X-Name": "a\r\nX-Evil: 1"}),
            fn("ipv6", "https://[::1/x"),
        )
        variables = {"test_profile": {"name": "Zoë"}}
        results = await run_functions(functions, variables, allow_private=True)
    assert server.seen == []
    accent, newline, ipv6 = results.details()
    assert accent["status"] == newline["status"] == "failed"
    assert accent["error"].startswith(f"GET {server.url}/patients failed: ")
    assert newline["error"].startswith(f"GET {server.url}/patients failed: ")
    assert ipv6["error"] == "Cannot call 'https://[::1/x': Invalid IPv6 URL"

"""`{{namespace.path}}` substitution: dot and bracket paths, missing keys, staged namespaces."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from voxtest.domain.templating import path_steps, substitute

PROFILE: dict[str, Any] = {
    "test_profile": {
        "name": "Sarah",
        "address": {"city": "Lyon"},
        "key with space": "spaced",
        "X-Customer-Id": "c-9",
        "phones": ["111", "222"],
        "age": 42,
        "vip": True,
        "nothing": None,
        "prefs": {"lang": "fr", "tags": ["a"]},
    },
    "function": {"lookup": {"out": "slot at 3pm"}},
}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hi, I'm {{test_profile.name}}.", "Hi, I'm Sarah."),
        ("{{ test_profile.name }}", "Sarah"),
        ("{{test_profile.address.city}}", "Lyon"),
        ("{{test_profile['key with space']}}", "spaced"),
        ('{{test_profile["key with space"]}}', "spaced"),
        ("{{test_profile['address']['city']}}", "Lyon"),
        ("{{test_profile.X-Customer-Id}}", "c-9"),
        ("{{test_profile.phones[1]}}", "222"),
        ("{{test_profile.phones.0}}", "111"),
        ("{{test_profile.age}}", "42"),
        ("{{test_profile.vip}}", "true"),
        ("{{test_profile.nothing}}", ""),
        ("{{test_profile.prefs}}", '{"lang":"fr","tags":["a"]}'),
        ("{{function.lookup.out}}", "slot at 3pm"),
    ],
)
def test_substitutes_dot_and_bracket_paths(text: str, expected: str) -> None:
    assert substitute(text, PROFILE) == expected


@pytest.mark.parametrize(
    "text",
    [
        "{{test_profile.missing}}",
        "{{test_profile.address.zip}}",
        "{{test_profile.phones[5]}}",
        "{{test_profile.name.first}}",
        "{{test_profile['nope']}}",
    ],
)
def test_missing_keys_in_a_known_namespace_give_empty_text(text: str) -> None:
    assert substitute(f"<{text}>", PROFILE) == "<>"


def test_unknown_namespaces_are_left_for_a_later_stage() -> None:
    text = "{{function.lookup.out}} for {{test_profile.name}}"
    first = substitute(text, {"test_profile": {"name": "Sam"}})
    assert first == "{{function.lookup.out}} for Sam"
    assert substitute(first, {"function": {"lookup": {"out": "ok"}}}) == "ok for Sam"


def test_names_are_case_sensitive_and_bad_syntax_is_untouched() -> None:
    assert substitute("{{test_profile.Name}}", PROFILE) == ""
    assert substitute("{{Test_profile.name}}", PROFILE) == "{{Test_profile.name}}"
    assert substitute("{{ not valid! }} {test_profile.name}", PROFILE) == (
        "{{ not valid! }} {test_profile.name}"
    )


def test_path_steps_reads_each_form() -> None:
    assert path_steps(".a['b c'][0].d[\"e\"]") == ["a", "b c", 0, "d", "e"]


def test_substituted_values_are_not_substituted_again() -> None:
    variables = {"test_profile": {"a": "{{test_profile.b}}", "b": "B"}}
    assert substitute("{{test_profile.a}}", variables) == "{{test_profile.b}}"


@given(st.text(alphabet=st.characters(blacklist_characters="{}")))
def test_text_without_braces_is_unchanged(text: str) -> None:
    assert substitute(text, PROFILE) == text

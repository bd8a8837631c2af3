"""Condition kinds, the `contains` grammar (AND before OR) and the baseline keyword judge."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from voxtest.domain.conditions import (
    FollowupOf,
    KeywordJudge,
    Lexical,
    Natural,
    Opening,
    Verdict,
    content_words,
    parse_condition,
    parse_lexical,
)


@pytest.mark.parametrize(
    ("value", "kind"),
    [
        ("FIRST_MESSAGE", Opening()),
        (3, FollowupOf(3)),
        ('contains "price"', Lexical((("price",),))),
        ("The agent asks for your name", Natural("The agent asks for your name")),
        ("3", Natural("3")),
    ],
)
def test_classifies_each_kind(value: str | int, kind: object) -> None:
    assert parse_condition(value) == kind


def test_digit_strings_are_ids_on_followups_only() -> None:
    assert parse_condition(" 4 ", followup=True) == FollowupOf(4)
    assert parse_condition("4") == Natural("4")


@pytest.mark.parametrize(
    ("text", "groups"),
    [
        ('contains "a"', (("a",),)),
        ('contains "a" OR contains "b"', (("a",), ("b",))),
        ('contains "a" AND contains "b"', (("a", "b"),)),
        ('contains "a" OR contains "b" AND contains "c"', (("a",), ("b", "c"))),
        ('contains "a" AND contains "b" OR contains "c"', (("a", "b"), ("c",))),
        ('  CONTAINS "a"  or Contains"b"  ', (("a",), ("b",))),
        ('contains "this OR that AND more"', (("this OR that AND more",),)),
        ("contains \"say 'hi'\"", (("say 'hi'",),)),
    ],
)
def test_parses_lexical_forms_with_and_binding_tighter(
    text: str, groups: tuple[tuple[str, ...], ...]
) -> None:
    assert parse_lexical(text) == Lexical(groups)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "contains price",
        'contains "a',
        'contains "a" OR',
        'OR contains "a"',
        'contains "a" contains "b"',
        'contains "a" AND AND contains "b"',
        'contains "a" and the agent is polite',
        'The agent says contains "a"',
    ],
)
def test_anything_not_entirely_lexical_is_natural(text: str) -> None:
    assert parse_lexical(text) is None
    assert isinstance(parse_condition(text), Natural)


@pytest.mark.parametrize(
    ("message", "matches"),
    [
        ("We have a REFUND policy", True),
        ("It costs ten euros", False),
        ("The price is in the catalogue", False),
        ("Our price includes a discount", True),
        ("discount", False),
    ],
)
def test_lexical_matching_is_case_insensitive_substring(message: str, matches: bool) -> None:
    condition = parse_lexical('contains "refund" OR contains "price" AND contains "discount"')
    assert condition is not None
    assert condition.matches(message) is matches


@given(st.text(min_size=1), st.text(), st.text())
def test_a_needle_inside_any_message_matches(needle: str, before: str, after: str) -> None:
    assert Lexical(((needle,),)).matches(before + needle + after)


@given(st.lists(st.text(alphabet="abcxyz ", min_size=1), min_size=1, max_size=4), st.text())
def test_or_of_terms_is_any_substring(needles: list[str], message: str) -> None:
    text = " OR ".join(f'contains "{n}"' for n in needles)
    condition = parse_lexical(text)
    assert condition is not None
    assert condition.matches(message) == any(n.casefold() in message.casefold() for n in needles)


def test_keyword_judge_matches_shared_content_words() -> None:
    judge = KeywordJudge()
    verdicts = judge(
        "Could you tell me your date of birth, please?",
        [
            "The agent asks for your date of birth",
            "The agent confirms the cancellation",
            'contains "birth"',
            'contains "passport"',
            "date of birth",
        ],
    )
    assert verdicts == (
        Verdict.MATCH,
        Verdict.NO_MATCH,
        Verdict.MATCH,
        Verdict.NO_MATCH,
        Verdict.MATCH,
    )


def test_keyword_judge_is_uncertain_on_partial_overlap_and_empty_conditions() -> None:
    judge = KeywordJudge()
    assert judge.verdict("Your appointment is on Monday", "The agent cancels the appointment") is (
        Verdict.UNCERTAIN
    )
    assert judge.verdict("Your booking was cancelled", "The agent confirms the cancellation") is (
        Verdict.UNCERTAIN
    )
    assert judge.verdict("anything", "The agent asks you") is Verdict.UNCERTAIN


def test_content_words_drop_filler_and_stem() -> None:
    assert content_words("The agent asks for your dates of birth") == {"dat", "birth"}
    assert content_words("cancelled") == content_words("cancellation") == {"cancel"}

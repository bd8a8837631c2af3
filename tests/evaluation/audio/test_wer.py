"""Word error rate: normalisation examples and edit-distance properties."""

from __future__ import annotations

from functools import cache

import pytest
from hypothesis import given
from hypothesis import strategies as st

from voxtest.evaluation.audio.wer import align, normalise, number_words, word_error_rate


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Hello, World!", ["hello", "world"]),
        ("I don't know.", ["i", "dont", "know"]),
        ("Book 2 rooms", ["book", "two", "rooms"]),
        ("$1,250", ["one", "thousand", "two", "hundred", "fifty"]),
        ("3.5 stars", ["three", "point", "five", "stars"]),
        ("the 21st or 12th", ["the", "twenty", "first", "or", "twelfth"]),
        ("at 10:30 & 50%", ["at", "ten", "thirty", "and", "fifty", "percent"]),
        ("ＦＵＬＬ width", ["full", "width"]),
        ("well-known e-mail, check-up", ["wellknown", "email", "checkup"]),
        ("twenty-one", ["twenty", "one"]),
        ("June 15, 1985.", ["june", "fifteenth", "nineteen", "eighty", "five"]),
        (
            "in 1900, 1905, 2005 and 2024",
            [
                "in",
                "nineteen",
                "hundred",
                "nineteen",
                "oh",
                "five",
                "two",
                "thousand",
                "five",
                "and",
                "twenty",
                "twenty",
                "four",
            ],
        ),
        ("15 may", ["fifteen", "may"]),
    ],
)
def test_normalise(text: str, words: list[str]) -> None:
    assert normalise(text) == words


def test_a_whisper_style_transcript_of_a_spoken_date_has_no_errors() -> None:
    said = "June fifteenth, nineteen eighty five. Hi, I need to move my check-up."
    heard = "June 15, 1985. Hi, I need to move my checkup."
    assert word_error_rate(said, heard) == 0.0


def test_number_words() -> None:
    assert number_words(0) == ["zero"]
    assert number_words(115) == ["one", "hundred", "fifteen"]
    assert number_words(2_000_019) == ["two", "million", "nineteen"]


def test_writing_differences_are_no_errors_but_words_are() -> None:
    assert word_error_rate("I'd like 2 cleanings.", "id like two cleanings") == 0.0
    alignment = align("a b c d".split(), "a x c d e".split())
    assert (alignment.substitutions, alignment.deletions, alignment.insertions) == (1, 0, 1)
    assert alignment.wer == 0.5
    assert align([], []).wer == 0.0 and align([], ["x"]).wer == 1.0


@cache
def distance(a: tuple[str, ...], b: tuple[str, ...]) -> int:
    if not a or not b:
        return len(a) + len(b)
    return min(
        distance(a[1:], b[1:]) + (a[0] != b[0]),
        distance(a[1:], b) + 1,
        distance(a, b[1:]) + 1,
    )


words = st.lists(st.sampled_from(["a", "b", "c", "d"]), max_size=8)


@given(words, words)
def test_the_alignment_is_a_minimum_edit_with_consistent_counts(a: list[str], b: list[str]) -> None:
    alignment = align(a, b)
    assert alignment.errors == distance(tuple(a), tuple(b))
    matches = len(a) - alignment.substitutions - alignment.deletions
    assert matches == len(b) - alignment.substitutions - alignment.insertions >= 0
    assert align(b, a).errors == alignment.errors


@given(words, words, words)
def test_the_edit_distance_is_a_metric(a: list[str], b: list[str], c: list[str]) -> None:
    assert align(a, a).errors == 0
    assert align(a, c).errors <= align(a, b).errors + align(b, c).errors

"""What the receptionist understands: intents, names, dates of birth and slot choices."""

from __future__ import annotations

from datetime import date

import pytest

from voxtest.examples import clinic_language as lang
from voxtest.examples.clinic_language import Intent


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("Hi, I need to move my cleaning.", Intent.RESCHEDULE),
        ("Can I reschedule?", Intent.RESCHEDULE),
        ("I'd like to book a first check-up", Intent.BOOK),
        ("Please cancel my appointment", Intent.CANCEL),
        ("Can I speak to a human?", Intent.HUMAN),
        ("I want to cancel, no, get me a real person", Intent.HUMAN),
        ("That's all, goodbye", Intent.GOODBYE),
        ("Hello there", Intent.GREETING),
        ("Purple elephants", Intent.UNKNOWN),
        ("This is hilarious", Intent.UNKNOWN),  # "hi" only as a whole word
    ],
)
def test_intent_keywords(text: str, intent: Intent) -> None:
    assert lang.intent_of(text) is intent


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("It's Sarah Johnson.", "Sarah Johnson"),
        ("yes, it's sarah johnson", "Sarah Johnson"),
        ("My name is Tom Baker", "Tom Baker"),
        ("Maria Garcia", "Maria Garcia"),
        ("I'd rather not say", None),
        ("", None),
    ],
)
def test_full_name(text: str, name: str | None) -> None:
    assert lang.full_name(text) == name


@pytest.mark.parametrize(
    ("text", "born"),
    [
        ("January first, nineteen ninety.", date(1990, 1, 1)),
        ("1990-01-01", date(1990, 1, 1)),
        ("It's 06/15/1985", date(1985, 6, 15)),
        ("June 15th, 1985", date(1985, 6, 15)),
        ("the 22nd of March 1978", date(1978, 3, 22)),
        ("March twenty second, nineteen seventy eight", date(1978, 3, 22)),
        ("May third, two thousand and three", date(2003, 5, 3)),
        ("February 30th, 1990", None),
        ("I'd rather not say", None),
        ("January 1990", None),
    ],
)
def test_date_of_birth(text: str, born: date | None) -> None:
    assert lang.date_of_birth(text) == born


@pytest.mark.parametrize(
    ("text", "slot"),
    [
        ("Yes, half past two works.", "14:30"),
        ("14:30 please", "14:30"),
        ("2:30", "14:30"),
        ("9 am", "09:00"),
        ("nine o'clock", "09:00"),
        ("the morning one", "09:00"),
        ("afternoon", "14:30"),
        ("the later one", "14:30"),
        ("quarter past ten", None),
        ("yes", None),
    ],
)
def test_chosen_time_among_offered(text: str, slot: str | None) -> None:
    assert lang.chosen_time(text, ["09:00", "14:30"]) == slot


def test_affirmation_and_negation() -> None:
    assert lang.is_affirmation("Yes, that works")
    assert not lang.is_affirmation("No, that doesn't work")
    assert lang.is_negation("nope")


def test_asking_about_the_receptionist_or_someone_is_not_a_transfer() -> None:
    from voxtest.examples.clinic_language import Intent, intent_of

    assert intent_of("Are you a receptionist?") is not Intent.HUMAN
    assert intent_of("I need someone to look at my tooth") is not Intent.HUMAN
    assert intent_of("Can I talk to someone else, a real person?") is Intent.HUMAN

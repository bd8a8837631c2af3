"""What the clinic receptionist understands: keyword intents, names, dates and times.

Deliberately simple and deterministic: keyword matching on lower-cased words, no model.
"""

from __future__ import annotations

import re
from datetime import date
from enum import Enum


class Intent(Enum):
    BOOK = "book"
    RESCHEDULE = "reschedule"
    CANCEL = "cancel"
    HUMAN = "human"
    GOODBYE = "goodbye"
    GREETING = "greeting"
    UNKNOWN = "unknown"


# Checked in this order: the first intent with a matching phrase wins.
INTENT_PHRASES: tuple[tuple[Intent, tuple[str, ...]], ...] = (
    (
        Intent.HUMAN,
        (
            "human",
            "real person",
            "a person",
            "representative",
            "operator",
            "someone else",
            "staff",
            "front desk",
        ),
    ),
    (Intent.CANCEL, ("cancel", "call off", "cancellation")),
    (
        Intent.RESCHEDULE,
        (
            "reschedule",
            "move",
            "change",
            "postpone",
            "push back",
            "bring forward",
            "different time",
            "another time",
            "different day",
            "another day",
        ),
    ),
    (
        Intent.BOOK,
        (
            "book",
            "appointment",
            "schedule",
            "check-up",
            "checkup",
            "check up",
            "cleaning",
            "first visit",
            "see the dentist",
            "see a dentist",
        ),
    ),
    (
        Intent.GOODBYE,
        (
            "bye",
            "goodbye",
            "that's all",
            "that is all",
            "nothing else",
            "no thanks",
            "no thank you",
            "hang up",
            "have a good",
        ),
    ),
    (Intent.GREETING, ("hello", "hi", "hey", "good morning", "good afternoon", "good evening")),
)

AFFIRMATIONS = (
    "yes",
    "yeah",
    "yep",
    "sure",
    "ok",
    "okay",
    "correct",
    "right",
    "please do",
    "sounds good",
    "works",
    "perfect",
    "great",
    "go ahead",
    "fine",
    "that's it",
)
NEGATIONS = ("no", "nope", "not", "don't", "doesn't", "wrong", "rather not")

MONTHS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
_UNITS = (
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
)
_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_ORDINALS = (
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
    "twentieth",
)
_NAME_LEADS = (
    "my name is",
    "my name's",
    "name is",
    "the name is",
    "this is",
    "it's",
    "it is",
    "i'm",
    "i am",
    "sure",
    "yes",
    "hi",
    "hello",
    "of course",
    "ok",
    "okay",
)


def words(text: str) -> list[str]:
    """Lower-cased words, apostrophes and hyphens kept, punctuation dropped."""
    return re.findall(r"[a-z0-9][a-z0-9'\-:]*", text.lower())


def has_phrase(text: str, phrases: tuple[str, ...]) -> bool:
    """Whether any phrase occurs as whole words in `text`."""
    padded = " " + " ".join(words(text)) + " "
    return any(f" {phrase} " in padded for phrase in phrases)


def intent_of(text: str) -> Intent:
    for intent, phrases in INTENT_PHRASES:
        if has_phrase(text, phrases):
            return intent
    return Intent.UNKNOWN


def is_affirmation(text: str) -> bool:
    return has_phrase(text, AFFIRMATIONS) and not has_phrase(text, NEGATIONS)


def is_negation(text: str) -> bool:
    return has_phrase(text, NEGATIONS)


def full_name(text: str) -> str | None:
    """A person's name in an answer like "It's Sarah Johnson." (title-cased), if any."""
    cleaned = " ".join(re.findall(r"[A-Za-z][A-Za-z'\-]*", text))
    lowered = cleaned.lower()
    stripped = True
    while stripped:  # "Yes, it's Sarah Johnson" loses both leads
        lead = next((ld for ld in _NAME_LEADS if lowered.startswith(ld + " ")), None)
        stripped = lead is not None
        if lead is not None:
            cleaned, lowered = cleaned[len(lead) + 1 :], lowered[len(lead) + 1 :]
    name_words = cleaned.split()
    if not 1 <= len(name_words) <= 4 or has_phrase(cleaned, NEGATIONS):
        return None
    return " ".join(w[:1].upper() + w[1:].lower() for w in name_words)


def date_of_birth(text: str) -> date | None:
    """A full date in ISO, US numeric (m/d/y) or spoken form ("January first, nineteen ninety")."""
    for parse in (_iso_date, _numeric_date, _spoken_date):
        found = parse(text)
        if found is not None:
            return found
    return None


def _iso_date(text: str) -> date | None:
    match = re.search(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b", text)
    return _date(*map(int, match.groups())) if match else None


def _numeric_date(text: str) -> date | None:
    match = re.search(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b", text)
    if not match:
        return None
    month, day, year = map(int, match.groups())
    return _date(year, month, day)


def _spoken_date(text: str) -> date | None:
    tokens = [w.strip("'") for w in words(text.replace(",", " "))]
    month_at = next((i for i, w in enumerate(tokens) if w in MONTHS), None)
    if month_at is None:
        return None
    month = MONTHS.index(tokens[month_at]) + 1
    after, before = tokens[month_at + 1 :], tokens[:month_at]
    day, used = _leading_day(after)
    if day is None:
        day = _day_number(before[-2:]) or _day_number(before[-1:])
    year = _year_number(after[used:])
    if day is None or year is None:
        return None
    return _date(year, month, day)


def _leading_day(tokens: list[str]) -> tuple[int | None, int]:
    """The day at the start of `tokens` and how many tokens it took."""
    for size in (2, 1):
        day = _day_number(tokens[:size]) if len(tokens) >= size else None
        if day is not None:
            return day, size
    return None, 0


def _day_number(tokens: list[str]) -> int | None:
    """1-31 from "1", "1st", "first", "twenty first", "the 3rd"."""
    tokens = [t for t in tokens if t not in ("the", "of")]
    if not tokens:
        return None
    if len(tokens) == 2 and tokens[0] in ("twenty", "thirty"):
        rest = _day_number(tokens[1:])
        return _TENS[tokens[0]] + rest if rest and rest < 10 else None
    token = tokens[-1]
    digits = re.fullmatch(r"(\d{1,2})(st|nd|rd|th)?", token)
    if digits:
        number = int(digits.group(1))
    elif token in _ORDINALS:
        number = _ORDINALS.index(token) + 1
    elif token in ("thirtieth",):
        number = 30
    else:
        return None
    return number if 1 <= number <= 31 else None


def _year_number(tokens: list[str]) -> int | None:
    """A year from "1990", "nineteen ninety", "nineteen eighty five", "two thousand and three"."""
    tokens = [t for t in tokens if t != "and"]
    if tokens and re.fullmatch(r"\d{4}", tokens[0]):
        return int(tokens[0])
    if tokens[:2] == ["two", "thousand"]:
        return 2000 + (_small_number(tokens[2:4]) or 0)
    if tokens and tokens[0] in _UNITS[10:]:
        century = _UNITS.index(tokens[0])
        rest = _small_number(tokens[1:3])
        return century * 100 + rest if rest is not None else None
    return None


def _small_number(tokens: list[str]) -> int | None:
    """0-99 from one or two number words ("ninety", "eighty five", "oh five")."""
    if not tokens:
        return None
    first = tokens[0]
    if first in _TENS:
        unit = tokens[1] if len(tokens) > 1 and tokens[1] in _UNITS[1:10] else None
        return _TENS[first] + (_UNITS.index(unit) if unit else 0)
    if first in ("oh", "o") and len(tokens) > 1 and tokens[1] in _UNITS[1:10]:
        return _UNITS.index(tokens[1])
    return _UNITS.index(first) if first in _UNITS else None


def _date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def chosen_time(text: str, offered: list[str]) -> str | None:
    """Which offered "HH:MM" slot the caller picks ("14:30", "2:30", "half past two", "9 am")."""
    lowered = text.lower()
    clock = re.search(r"\b(\d{1,2})[:.](\d{2})\b", lowered)
    if clock:
        return _match_clock(int(clock.group(1)), int(clock.group(2)), offered)
    spoken = re.search(r"\b(half past|quarter past|quarter to)\s+([a-z]+)\b", lowered)
    if spoken and spoken.group(2) in _UNITS[1:13]:
        hour = _UNITS.index(spoken.group(2))
        minute = {"half past": 30, "quarter past": 15, "quarter to": -15}[spoken.group(1)]
        return _match_clock(hour + (minute < 0) * -1, minute % 60, offered)
    hour_only = re.search(
        r"\b(\d{1,2}|" + "|".join(_UNITS[1:13]) + r")\s*(am|pm|o'clock)\b", lowered
    )
    if hour_only:
        token = hour_only.group(1)
        hour = int(token) if token.isdigit() else _UNITS.index(token)
        return _match_clock(
            hour + (12 if hour_only.group(2) == "pm" and hour < 12 else 0), 0, offered
        )
    return _by_part_of_day(lowered, offered)


def _match_clock(hour: int, minute: int, offered: list[str]) -> str | None:
    """The offered slot at hour:minute, reading a 1-7 o'clock hour as afternoon if needed."""
    candidates = [f"{hour:02d}:{minute:02d}", f"{(hour + 12) % 24:02d}:{minute:02d}"]
    return next((slot for slot in candidates if slot in offered), None)


def _by_part_of_day(lowered: str, offered: list[str]) -> str | None:
    if "morning" in lowered:
        return next((s for s in offered if s < "12:00"), None)
    if "afternoon" in lowered or "evening" in lowered:
        return next((s for s in offered if s >= "12:00"), None)
    if any(p in lowered for p in ("first one", "earlier", "earliest")):
        return offered[0] if offered else None
    if any(p in lowered for p in ("last one", "later", "second one")):
        return offered[-1] if offered else None
    return None


def part_of_day_preference(text: str) -> str | None:
    """ "morning" or "afternoon" when the caller states a preference."""
    lowered = text.lower()
    if "morning" in lowered:
        return "morning"
    if "afternoon" in lowered or "evening" in lowered:
        return "afternoon"
    return None

"""Which `mock_data` entry answers a mock tool call. Pure: no I/O, no clock.

An entry `{input, output}` answers a call when its input equals the call's arguments
(exact match). Otherwise the best entry is chosen after normalising values (case and
whitespace, number formats "3" / "3.0" / "three", dates "March 3 1985" / "1985-03-03" /
"03/03/1985", times "2pm" / "14:00", phone-like digit strings) and leaving out the tool's
`freetext_params`: an entry is a candidate when every parameter it names is given with an
equal value; the candidate naming most parameters wins, then the one leaving fewest of the
call's parameters unnamed, then the first. No candidate: a `NoMatch` whose message says
what differed, for the agent to read as the tool's error.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

MONTHS = {
    name: index
    for index, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
UNITS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen"
).split()
TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
NUMBER_WORDS = {w: i for i, w in enumerate(UNITS)} | {w: 20 + 10 * i for i, w in enumerate(TENS)}

NUMBER = re.compile(r"^[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$|^[+-]?\.\d+$")
ISO_DATE = re.compile(
    r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})"
    r"(?:[t ](\d{1,2}:\d{2}(?::\d{2})?(?:\.\d+)?\s*(?:[ap]m)?))?z?$"
)
NUMERIC_DATE = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$")
WORD_DATE = re.compile(
    r"^(?:(\d{1,2})(?:st|nd|rd|th)?\s+)?([a-z]+)\.?\s*(\d{1,2})?(?:st|nd|rd|th)?,?\s+(\d{4})$"
)
TIME = re.compile(r"^(\d{1,2})(?::(\d{2}))?(?::(\d{2}))?(?:\.\d+)?\s*(am|pm|a\.m\.|p\.m\.)?$")
PHONE = re.compile(r"^\+?[\d\s().-]{7,}$")


@dataclass(frozen=True)
class Match:
    """The entry that answers the call."""

    index: int
    output: Any
    exact: bool
    ignored: tuple[str, ...] = ()  # freetext parameters left out of the comparison


@dataclass(frozen=True)
class NoMatch:
    """No entry answers the call; `message` is the tool error the agent receives."""

    message: str
    closest: int | None = None
    differences: tuple[str, ...] = field(default_factory=tuple)


def match(
    tool: str,
    entries: Sequence[Mapping[str, Any]],
    arguments: Mapping[str, Any],
    freetext_params: Iterable[str] = (),
) -> Match | NoMatch:
    """The entry of `entries` (each `{input, output}`) answering `arguments`."""
    inputs: list[Mapping[str, Any]] = [_input_of(e) for e in entries]
    for index, given in enumerate(inputs):
        if _same_json(given, arguments):
            return Match(index, entries[index].get("output"), exact=True)
    free = {_key(p) for p in freetext_params}
    call = {_key(k): normalise(v) for k, v in arguments.items() if _key(k) not in free}
    best: tuple[tuple[int, int, int], int] | None = None
    closest: tuple[int, int, list[str]] | None = None  # (matched, -index, differences)
    for index, given in enumerate(inputs):
        wanted = {_key(k): normalise(v) for k, v in given.items() if _key(k) not in free}
        differences = [
            _difference(k, given, v, call) for k, v in wanted.items() if call.get(k, _MISSING) != v
        ]
        matched = len(wanted) - len(differences)
        if not differences:
            rank = (matched, -(len(call) - matched), -index)
            if best is None or rank > best[0]:
                best = (rank, index)
        elif closest is None or (matched, -index) > closest[:2]:
            closest = (matched, -index, differences)
    if best is not None:
        index = best[1]
        ignored = tuple(sorted(k for k in arguments if _key(k) in free))
        return Match(index, entries[index].get("output"), exact=False, ignored=ignored)
    return _no_match(tool, entries, arguments, closest)


def _input_of(entry: Mapping[str, Any]) -> Mapping[str, Any]:
    given = entry.get("input")
    return given if isinstance(given, Mapping) else {}


def _no_match(
    tool: str,
    entries: Sequence[Mapping[str, Any]],
    arguments: Mapping[str, Any],
    closest: tuple[int, int, list[str]] | None,
) -> NoMatch:
    if not entries:
        return NoMatch(f"Error: the mock tool {tool} has no mock data to answer this call.")
    given = ", ".join(f"{k}={_show(v)}" for k, v in arguments.items()) or "no arguments"
    message = f"Error: no mock data of tool {tool} matches {given}."
    if closest is None:
        return NoMatch(message)
    differences = tuple(closest[2])
    return NoMatch(f"{message} Closest entry: {'; '.join(differences)}.", -closest[1], differences)


_MISSING = object()


def _difference(key: str, given: Mapping[str, Any], wanted: Any, call: Mapping[str, Any]) -> str:
    original = next((v for k, v in given.items() if _key(k) == key), wanted)
    if key not in call:
        return f"expects {key}={_show(original)}, which the call does not give"
    return f"expects {key}={_show(original)}"


def _show(value: Any) -> str:
    text = repr(value) if isinstance(value, str) else str(value)
    return text if len(text) <= 80 else text[:79] + "…"


def _key(name: Any) -> str:
    return str(name).strip().casefold()


def _same_json(a: Any, b: Any) -> bool:
    """JSON equality: `1 == True` is not equal, `1 == 1.0` is."""
    if isinstance(a, bool) or isinstance(b, bool):
        return type(a) is type(b) and a == b
    if isinstance(a, Mapping) and isinstance(b, Mapping):
        return a.keys() == b.keys() and all(_same_json(a[k], b[k]) for k in a)
    if isinstance(a, list | tuple) and isinstance(b, list | tuple):
        return len(a) == len(b) and all(_same_json(x, y) for x, y in zip(a, b, strict=True))
    return type(a) is type(b) and a == b or _both_numbers(a, b) and a == b


def _both_numbers(a: Any, b: Any) -> bool:
    return isinstance(a, int | float) and isinstance(b, int | float)


# -- normalising -----------------------------------------------------------------------------


def normalise(value: Any) -> Any:
    """A comparable form of a JSON value: equal for values that mean the same."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return _number(Decimal(str(value)))
    if isinstance(value, Mapping):
        return tuple(sorted((_key(k), normalise(v)) for k, v in value.items()))
    if isinstance(value, list | tuple):
        return tuple(normalise(v) for v in value)
    if value is None:
        return None
    return normalise_text(str(value))


def normalise_text(text: str) -> str:
    """Case, whitespace, numbers, dates, times and phone numbers in one canonical form."""
    clean = " ".join(text.split()).casefold()
    for reader in (_read_number, _read_date, _read_time, _read_phone):
        read = reader(clean)
        if read is not None:
            return read
    return clean


def _number(value: Decimal) -> str:
    if value == value.to_integral_value():
        return f"#{int(value)}"
    return f"#{value.normalize()}"


def _read_number(text: str) -> str | None:
    if NUMBER.match(text):
        try:
            return _number(Decimal(text.replace(",", "")))
        except InvalidOperation:  # pragma: no cover - the pattern admits only decimals
            return None
    words = text.replace("-", " ").split()
    if not words or len(words) > 2 or any(w not in NUMBER_WORDS for w in words):
        return None
    if len(words) == 2 and not (words[0] in TENS and 0 < NUMBER_WORDS[words[1]] < 10):
        return None
    return f"#{sum(NUMBER_WORDS[w] for w in words)}"


def _read_date(text: str) -> str | None:
    found = ISO_DATE.match(text)
    if found:
        year, month, day, time = found.groups()
        date = _date(int(year), int(month), int(day))
        if date and time:
            clock = _read_time(time)
            return f"{date}t{clock}" if clock else None
        return date
    found = NUMERIC_DATE.match(text)
    if found:
        first, second, year = (int(g) for g in found.groups())
        month, day = (second, first) if first > 12 else (first, second)  # US order unless not
        return _date(year, month, day)
    found = WORD_DATE.match(text.replace(",", ", ").replace("  ", " "))
    if found:
        day_before, month_name, day_after, year = found.groups()
        month = MONTHS.get(month_name)
        day = day_before or day_after
        if month is None or day is None or (day_before and day_after):
            return None
        return _date(int(year), month, int(day))
    return None


def _date(year: int, month: int, day: int) -> str | None:
    days = (31, 29 if _leap(year) else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
    if not (1 <= month <= 12 and 1 <= day <= days[month - 1]):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def _leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def _read_time(text: str) -> str | None:
    found = TIME.match(text)
    if not found:
        return None
    hour_text, minute_text, second_text, half = found.groups()
    if minute_text is None and half is None:
        return None  # a bare number is a number
    hour, minute = int(hour_text), int(minute_text or 0)
    if half:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if half.startswith("p") else 0)
    if hour > 23 or minute > 59 or int(second_text or 0) > 59:
        return None
    seconds = f":{second_text}" if second_text and second_text != "00" else ""
    return f"{hour:02d}:{minute:02d}{seconds}"


def _read_phone(text: str) -> str | None:
    if not PHONE.match(text) or not re.search(r"[\s().-]", text):
        return None
    digits = re.sub(r"\D", "", text)  # "415-555-1234" is the number 4155551234
    return _number(Decimal(digits)) if 7 <= len(digits) <= 15 else None

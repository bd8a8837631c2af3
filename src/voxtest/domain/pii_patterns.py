"""What each PII kind looks like in a transcript: patterns, cue phrases and small lexicons.

Each detector maps text to `(start, end)` spans. `voxtest.domain.pii` runs them in priority
order and replaces the spans. Structured identifiers are checked beyond the pattern (Luhn for
card numbers, octet ranges for IPv4, SSN area rules, 7-15 digits for phone numbers); identifiers
without a structure of their own (account, passport, licence, health numbers) are found after
the words that introduce them. Pure: no I/O.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

Span = tuple[int, int]
Detector = Callable[[str], Iterator[Span]]
IGNORE_CASE = re.IGNORECASE

# -- helpers ------------------------------------------------------------------------------


def _all(pattern: re.Pattern[str], group: int = 0) -> Detector:
    def find(text: str) -> Iterator[Span]:
        for m in pattern.finditer(text):
            if m.group(group):
                yield m.span(group)

    return find


def _checked(pattern: re.Pattern[str], ok: Callable[[str], bool], group: int = 0) -> Detector:
    def find(text: str) -> Iterator[Span]:
        for m in pattern.finditer(text):
            if m.group(group) and ok(m.group(group)):
                yield m.span(group)

    return find


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text)


def _cued(cue: str, value: str = r"[A-Za-z0-9][A-Za-z0-9-]*(?:[ -]\d[\dA-Za-z-]*)*") -> Detector:
    """The value after a cue phrase ("passport number is X12345"); the value needs a digit."""
    pattern = re.compile(
        rf"\b(?:{cue})(?:\s*(?:number|num|no\.?|#|id|code|is|was|it's|its|of|:|-))*\s*({value})",
        IGNORE_CASE,
    )
    return _checked(pattern, lambda v: any(ch.isdigit() for ch in v), group=1)


def luhn_valid(number: str) -> bool:
    """The Luhn checksum of a card number (digits only)."""
    total = 0
    for i, ch in enumerate(reversed(number)):
        d = int(ch)
        if i % 2:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


# -- structured identifiers ---------------------------------------------------------------

EMAIL = _all(
    re.compile(
        r"\b[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}\b"
        r"|\b[A-Za-z0-9._-]+ at [A-Za-z0-9-]+ dot (?:com|net|org|edu|gov|io|co|ai|us|uk)\b",
        IGNORE_CASE,
    )
)

_CARD = re.compile(r"(?<![\d-])\d(?:[ -]?\d){12,18}(?![\d-])")
CREDIT_CARD = _checked(_CARD, lambda s: 13 <= len(_digits(s)) <= 19 and luhn_valid(_digits(s)))

_SSN = re.compile(r"(?<![\d-])(?!000|666|9\d\d)\d{3}([- ])(?!00)\d{2}\1(?!0000)\d{4}(?![\d-])")
SSN = _all(_SSN)
SSN_CUED = _cued(r"social security|ssn|social", r"\d{3}[- ]?\d{2}[- ]?\d{4}")

_PHONE = re.compile(
    r"(?<![\w+])(?:\+\d{1,3}[\s.-]?)?(?:\(\d{1,4}\)[\s.-]?)?\d{2,4}(?:[\s.-]?\d{2,4}){1,4}(?![\w])"
)
_ISO_DATE = re.compile(r"\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}")
PHONE = _checked(
    _PHONE,
    lambda s: (
        7 <= len(_digits(s)) <= 15
        and not _ISO_DATE.fullmatch(s)
        and (s.startswith(("+", "(")) or bool(re.search(r"[\s.-]", s)) or len(_digits(s)) >= 10)
    ),
)
_DIGIT_WORDS = r"(?:zero|oh|one|two|three|four|five|six|seven|eight|nine)"
SPOKEN_DIGITS = _all(re.compile(rf"\b{_DIGIT_WORDS}(?:[\s,-]+{_DIGIT_WORDS}){{6,}}\b", IGNORE_CASE))

_IPV4 = re.compile(r"(?<![\d.])(?:\d{1,3}\.){3}\d{1,3}(?!\.?\d)")
IP_ADDRESS = [
    _checked(_IPV4, lambda s: all(int(p) <= 255 for p in s.split("."))),
    _all(re.compile(r"\b(?:[0-9a-f]{1,4}:){2,7}[0-9a-f]{1,4}\b", IGNORE_CASE)),
]

URL = _all(
    re.compile(
        r"\bhttps?://[^\s<>\"]+[^\s<>\".,;:!?)]"
        r"|\bwww\.[^\s<>\"]+[^\s<>\".,;:!?)]"
        r"|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|org|net|io|ai|co|gov|edu|us|uk)(?:/[^\s<>\"]*)?\b",
        IGNORE_CASE,
    )
)

IBAN = _all(re.compile(r"\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?\b"))
BANK_CUED = _cued(r"bank account|routing|iban|sort code|checking account|savings account")
ACCOUNT_CUED = _cued(r"account|acct|customer|member|order|reference|confirmation")
PASSPORT = _cued(r"passport")
DRIVER_LICENSE = _cued(r"driver'?s? licen[cs]e|driving licen[cs]e|licen[cs]e|dl")
HEALTHCARE = _cued(
    r"medicare|medicaid|health card|health insurance|insurance|nhs|mrn|medical record"
    r"|patient|policy|health plan"
)
VIN = _checked(
    re.compile(r"\b[A-HJ-NPR-Z0-9]{17}\b"),
    lambda s: any(c.isdigit() for c in s) and any(c.isalpha() for c in s),
)
PLATE = _cued(r"licen[cs]e plate|plate|registration", r"[A-Za-z0-9]{2,4}[ -]?[A-Za-z0-9]{2,4}")

NUMERICAL = _checked(
    re.compile(r"(?<![\w])\d(?:[ -]?\d){3,}(?![\w])"), lambda s: len(_digits(s)) >= 4
)

# -- dates, times, money, age -------------------------------------------------------------

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DAY = r"(?:[0-2]?\d|3[01])(?:st|nd|rd|th)?"
DATE_PATTERN = (
    rf"\b(?:\d{{4}}-\d{{1,2}}-\d{{1,2}}"
    rf"|\d{{1,2}}[/.-]\d{{1,2}}[/.-]\d{{2,4}}"
    rf"|{_MONTH}\s+{_DAY}(?:,?\s+\d{{4}})?"
    rf"|(?:the\s+)?{_DAY}\s+(?:of\s+)?{_MONTH}(?:,?\s+\d{{4}})?"
    rf"|{_MONTH}\s+\d{{4}})\b"
)
DATE = _all(re.compile(DATE_PATTERN, IGNORE_CASE))
DOB = _all(
    re.compile(
        rf"(?:born(?: on| in)?|date of birth(?: is)?|birth ?date(?: is)?|birthday(?: is)?"
        rf"|d\.?o\.?b\.?:?(?: is)?)\s*:?\s*({DATE_PATTERN}|\d{{4}})",
        IGNORE_CASE,
    ),
    group=1,
)
TIME = _all(
    re.compile(
        r"\b(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d)?(?:\s?(?:am|pm|a\.m\.|p\.m\.))?"
        r"|\b(?:1[0-2]|0?[1-9])(?:\s?(?:am|pm)\b|\s?(?:a\.m\.|p\.m\.))"
        r"|\b(?:noon|midnight)\b",
        IGNORE_CASE,
    )
)
MONEY = _all(
    re.compile(
        r"[$€£¥]\s?\d[\d,]*(?:\.\d+)?(?:\s?(?:k|m|bn|thousand|million|billion)\b)?"
        r"|\b\d[\d,]*(?:\.\d+)?\s?(?:thousand |million |billion )?"
        r"(?:dollars?|usd|euros?|eur|pounds?(?! of)|gbp|cents?|bucks|rupees?|yen)\b",
        IGNORE_CASE,
    )
)
AGE = _all(
    re.compile(
        r"\b\d{1,3}[- ]years?[- ]old\b|\b\d{1,3} years of age\b|\b(?:age|aged)\s*:?\s*\d{1,3}\b",
        IGNORE_CASE,
    )
)

# -- words --------------------------------------------------------------------------------


def _lexicon(words: str, flags: int = IGNORE_CASE) -> Detector:
    alternatives = "|".join(sorted((w.strip() for w in words.split(",")), key=len, reverse=True))
    return _all(re.compile(rf"\b(?:{alternatives})\b", flags))


ORIGIN = _lexicon(
    "american, african american, mexican, canadian, british, english, scottish, irish, welsh,"
    " french, german, italian, spanish, portuguese, dutch, polish, russian, ukrainian, greek,"
    " turkish, chinese, japanese, korean, vietnamese, filipino, thai, indian, pakistani,"
    " bangladeshi, nigerian, ghanaian, kenyan, ethiopian, egyptian, moroccan, brazilian,"
    " argentinian, colombian, peruvian, venezuelan, cuban, puerto rican, dominican, jamaican,"
    " haitian, australian, hispanic, latino, latina, latinx, asian, african, caucasian,"
    " arab, persian, iranian, iraqi, syrian, lebanese, israeli, jewish, muslim, christian,"
    " hindu, buddhist, sikh, native american, indigenous"
)
GENDER = _lexicon(
    "male, female, transgender, trans woman, trans man, non-binary, nonbinary, genderqueer,"
    " genderfluid, cisgender, gay, lesbian, bisexual, queer, heterosexual, homosexual,"
    " asexual, pansexual, intersex"
)
PHYSICAL = [
    _all(
        re.compile(
            r"\b\d\s?(?:foot|feet|ft|')\s?\d{0,2}\s?(?:inches|inch|in|\")?"
            r"|\b\d{2,3}\s?(?:cm|centimeters|kg|kilos|kilograms|lbs|pounds(?= of)?)\b"
            r"|\b(?:blue|brown|green|hazel|gr[ae]y|black) eyes\b"
            r"|\b(?:blonde?|brown|black|red|gr[ae]y|white|curly|bald(?:ing)?) hair\b"
            r"|\b(?:tattoos?|birthmark|scar|wheelchair)\b",
            IGNORE_CASE,
        )
    )
]
OCCUPATION = [
    _lexicon(
        "teacher, nurse, engineer, software engineer, developer, programmer, lawyer, attorney,"
        " accountant, electrician, plumber, carpenter, mechanic, pilot, firefighter,"
        " police officer, cop, soldier, farmer, chef, cook, waiter, waitress, cashier,"
        " pharmacist, dentist, surgeon, physician, paramedic, architect, designer, journalist,"
        " writer, artist, musician, student, professor, scientist, consultant, manager,"
        " salesman, saleswoman, realtor, real estate agent, truck driver, driver, banker,"
        " secretary, receptionist, janitor, contractor, veterinarian, therapist"
    ),
    _all(re.compile(r"\bwork(?:s|ing)? as (?:a|an) ([a-z]+(?: [a-z]+)?)", IGNORE_CASE), group=1),
]
_TITLED = r"(?:[Dd]r|[Dd]octor|[Nn]urse|[Pp]rof)\.?\s+(?!Dr\b)[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?"
MEDICAL_PROFESSIONAL = _all(
    re.compile(
        r"\b[Mm]y (?:doctor|physician|therapist|dentist|surgeon|nurse|psychiatrist|gp)"
        rf"(?:,?\s+(?:is\s+)?(?:{_TITLED}|[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?))?"
        rf"|\b{_TITLED}",
    )
)
EVENT = _all(
    re.compile(
        r"\b(?:[A-Z][a-z]+ ){1,3}(?:Festival|Conference|Summit|Expo|Marathon|Gala|Fair|Games"
        r"|Cup|Bowl|Concert|Wedding|Reunion)\b"
        r"|\b(?:my|our|his|her|their) (?:wedding|funeral|graduation|baby shower|bar mitzvah"
        r"|bat mitzvah|birthday party|anniversary|surgery|trial)\b",
    )
)
FILENAME = _all(
    re.compile(
        r"\b[\w-]+\.(?:pdf|docx?|xlsx?|csv|txt|jpe?g|png|gif|heic|mp3|wav|m4a|mp4|mov|zip"
        r"|pptx?|json|xml)\b",
        IGNORE_CASE,
    )
)
USERNAME = [
    _all(
        re.compile(
            r"\b(?:user ?name|user id|login|handle|screen name)(?:\s+(?:is|was|:))*\s*:?\s*"
            r"(@?[A-Za-z0-9_.-]{3,})",
            IGNORE_CASE,
        ),
        group=1,
    ),
    _all(re.compile(r"(?<![\w@.])@[A-Za-z0-9_]{2,}\b")),
]
PASSWORD = _all(
    re.compile(
        r"\b(?:password|passcode|passphrase|pass word|pin(?: code| number)?)"
        r"(?:\s+(?:is|was|:))*\s*:?\s*(\S+)",
        IGNORE_CASE,
    ),
    group=1,
)

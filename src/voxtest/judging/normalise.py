"""Text normalisation shared by the lexical stage: pure functions, no I/O.

`clauses(text)` splits a message into clauses (at sentence punctuation and "but"), each a
`Clause` of normalised tokens: casefolded, contractions expanded ("don't" -> "do not"),
number and ordinal words as digits ("fifth" -> "5"), common call-centre synonyms folded
("DOB", "birthday" -> "date of birth"; "e-mail" -> "email"), and crude stems.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from voxtest.domain.conditions import stem

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'"})
_CONTRACTIONS = (
    (re.compile(r"\bwon't\b"), "will not"),
    (re.compile(r"\bcan't\b"), "can not"),
    (re.compile(r"\bcannot\b"), "can not"),
    (re.compile(r"\bshan't\b"), "shall not"),
    (re.compile(r"n't\b"), " not"),
    (re.compile(r"'re\b"), " are"),
    (re.compile(r"'ll\b"), " will"),
    (re.compile(r"'ve\b"), " have"),
    (re.compile(r"'m\b"), " am"),
    (re.compile(r"'d\b"), " would"),
    (re.compile(r"'s\b"), ""),  # possessive or "is": neither carries content
)
# Whole-phrase synonyms, applied (in order) to the casefolded, contraction-free text.
_SYNONYMS = (
    (re.compile(r"\bd\.?o\.?b\b\.?"), "date of birth"),
    (re.compile(r"\b(?:birthday|birthdate|birth date)\b"), "date of birth"),
    (re.compile(r"\bwhen (?:were you|you were) born\b"), "date of birth"),
    (re.compile(r"\be-?\s?mail(?: address)?\b"), "email"),
    (re.compile(r"\b(?:tele)?phone number\b|\b(?:mobile|cell|contact) number\b"), "phone number"),
    (re.compile(r"\bnumber (?:to reach you|we can reach you)\b"), "phone number"),
    (re.compile(r"\b(?:zip|post) ?code\b"), "postal code"),
    (re.compile(r"\bappt\b\.?"), "appointment"),
    (re.compile(r"\b(?:dr|doc)\b\.?"), "doctor"),
    (re.compile(r"\b(?:goodbye|good bye|bye)\b"), "goodbye"),
    (re.compile(r"\b(?:medicare|medicaid|health plan)\b"), "insurance"),
    (re.compile(r"\bcall ?back\b"), "call back"),
)
_NUMBER_WORDS = {
    word: str(value)
    for value, word in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen "
        "fourteen fifteen sixteen seventeen eighteen nineteen twenty".split()
    )
}
_NUMBER_WORDS |= {"thirty": "30", "forty": "40", "fifty": "50", "hundred": "100"}
_ORDINALS = {
    word: str(value)
    for value, word in enumerate(
        "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
        "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth "
        "twentieth".split(),
        start=1,
    )
}
_ORDINALS |= {"thirtieth": "30"}
_MONTHS = {
    "jan": "january",
    "feb": "february",
    "mar": "march",
    "apr": "april",
    "jun": "june",
    "jul": "july",
    "aug": "august",
    "sep": "september",
    "sept": "september",
    "oct": "october",
    "nov": "november",
    "dec": "december",
}
_ORDINAL_DIGITS = re.compile(r"^(\d+)(?:st|nd|rd|th)$")
_CLAUSE_BREAK = re.compile(r"(?<=[.?!;:])\s+|\s*[;:]\s*|,?\s+\bbut\b\s+|\s+-+\s+")
_TOKEN = re.compile(r"[^\W_]+|\?")


@dataclass(frozen=True)
class Clause:
    tokens: tuple[str, ...]  # normalised words, "?" kept as a token
    question: bool  # ends with (or holds) a question mark

    @property
    def words(self) -> tuple[str, ...]:
        return tuple(t for t in self.tokens if t != "?")


def clauses(text: str) -> tuple[Clause, ...]:
    """`text` split into normalised clauses (empty ones dropped)."""
    parts = _CLAUSE_BREAK.split(prepare(text))
    found = (Clause(tuple(tokens(part)), "?" in part) for part in parts)
    return tuple(c for c in found if c.words)


def prepare(text: str) -> str:
    """Casefolded text with contractions expanded and synonyms folded (punctuation kept)."""
    text = text.casefold().translate(_APOSTROPHES)
    for pattern, replacement in (*_CONTRACTIONS, *_SYNONYMS):
        text = pattern.sub(replacement, text)
    return text


def tokens(prepared: str) -> list[str]:
    """Words of prepared text: numbers as digits, month abbreviations spelled out, stemmed."""
    return [normal_word(w) for w in _TOKEN.findall(prepared)]


def normal_word(word: str) -> str:
    if word in _NUMBER_WORDS:
        return _NUMBER_WORDS[word]
    if word in _ORDINALS:
        return _ORDINALS[word]
    ordinal = _ORDINAL_DIGITS.match(word)
    if ordinal:
        return ordinal.group(1)
    return stem(_MONTHS.get(word, word))

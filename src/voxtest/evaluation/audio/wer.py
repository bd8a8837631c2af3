"""Word error rate: text normalisation and a word-level edit distance with its error counts.

    normalise("Book 2 rooms, please!")  -> ["book", "two", "rooms", "please"]
    align(ref_words, hyp_words)         -> Alignment(substitutions, deletions, insertions, ...)

Normalisation makes the comparison about words, not writing: Unicode NFKC, case folded,
apostrophes dropped ("don't" = "dont"), hyphens join words ("check-up" = "checkup") but
split number words ("twenty-one" = "twenty one"), other punctuation a space, numbers spelled
out as said ("2" = "two", "1,250" = "one thousand two hundred fifty", "3.5" = "three point
five", "21st" = "twenty first", years "1985" = "nineteen eighty five", a day after a month
"June 15" = "june fifteenth"), "&" = "and", "%" = "percent". Pure.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

ONES = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen"
).split()
TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()
SCALES = ((10**9, "billion"), (10**6, "million"), (1000, "thousand"), (100, "hundred"))
ORDINALS = {
    "one": "first", "two": "second", "three": "third", "five": "fifth", "eight": "eighth",
    "nine": "ninth", "twelve": "twelfth",
}  # fmt: skip
MONTHS = frozenset(
    "january february march april may june july august september october november december".split()
)
NUMBER_WORDS = frozenset(ONES) | frozenset(TENS[2:]) | {"hundred", "thousand"}
NUMBER = re.compile(r"^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(st|nd|rd|th)?$")
SYMBOLS = {"&": " and ", "%": " percent ", "+": " plus ", "@": " at "}


def normalise(text: str) -> list[str]:
    """The words of `text`, normalised for comparison."""
    text = unicodedata.normalize("NFKC", text).casefold()
    text = text.replace("'", "").replace("\u2019", "")
    for symbol, word in SYMBOLS.items():
        text = text.replace(symbol, word)
    text = re.sub(r"(\d):(\d)", r"\1 \2", text)  # 10:30 -> 10 30
    text = re.sub(r"[a-z]+(?:-[a-z]+)+", _hyphenated, text)
    tokens = re.sub(r"[^\w.,]+|_", " ", text).split()
    words: list[str] = []
    for token in tokens:
        token = token.strip(".,")
        match = NUMBER.match(token)
        if match:
            words += _spoken(match, after_month=bool(words) and words[-1] in MONTHS)
        elif token:
            words += [w for w in re.split(r"[.,]+", token) if w]
    return words


def _hyphenated(match: re.Match[str]) -> str:
    parts = match.group(0).split("-")
    return " ".join(parts) if all(p in NUMBER_WORDS for p in parts) else "".join(parts)


def number_words(n: int) -> list[str]:
    """`n` (≥ 0) in English words, American style (no "and")."""
    if n < 20:
        return [ONES[n]]
    if n < 100:
        return [TENS[n // 10]] + ([ONES[n % 10]] if n % 10 else [])
    for scale, name in SCALES:
        if n >= scale:
            rest = n % scale
            return number_words(n // scale) + [name] + (number_words(rest) if rest else [])
    raise AssertionError("unreachable")


def year_words(n: int) -> list[str]:
    """A year as said: 1985 "nineteen eighty five", 1900 "nineteen hundred", 2010 "twenty ten"
    (2000-2009 as numbers: "two thousand five")."""
    century, rest = divmod(n, 100)
    tail = ["hundred"] if rest == 0 else (["oh", ONES[rest]] if rest < 10 else number_words(rest))
    return number_words(century) + tail


def _spoken(match: re.Match[str], *, after_month: bool = False) -> list[str]:
    whole, decimals, suffix = match.groups()
    value = int(whole.replace(",", ""))
    is_year = "," not in whole and not decimals and not suffix and len(whole) == 4
    if is_year and (1100 <= value < 2000 or 2010 <= value < 2100):
        return year_words(value)
    words = number_words(value)
    if decimals:
        words += ["point"] + [ONES[int(d)] for d in decimals]
    elif suffix or (after_month and 1 <= value <= 31):
        last = words[-1]
        regular = last[:-1] + "ieth" if last.endswith("y") else last + "th"
        words[-1] = ORDINALS.get(last) or regular
    return words


@dataclass(frozen=True)
class Alignment:
    reference_words: int
    hypothesis_words: int
    substitutions: int
    deletions: int
    insertions: int

    @property
    def errors(self) -> int:
        return self.substitutions + self.deletions + self.insertions

    @property
    def wer(self) -> float:
        """Errors per reference word; 1.0 when the reference is empty and anything was heard."""
        if self.reference_words == 0:
            return 0.0 if self.hypothesis_words == 0 else 1.0
        return self.errors / self.reference_words

    def __add__(self, other: Alignment) -> Alignment:
        return Alignment(
            self.reference_words + other.reference_words,
            self.hypothesis_words + other.hypothesis_words,
            self.substitutions + other.substitutions,
            self.deletions + other.deletions,
            self.insertions + other.insertions,
        )


NOTHING = Alignment(0, 0, 0, 0, 0)


def align(reference: Sequence[str], hypothesis: Sequence[str]) -> Alignment:
    """A minimum-edit alignment (Levenshtein over words) and its error counts.

    Each cell keeps (cost, substitutions, deletions, insertions) of its best path; ties
    prefer match/substitution, then deletion, then insertion. O(len(ref) × len(hyp)) time,
    O(len(hyp)) memory."""
    previous = [(j, 0, 0, j) for j in range(len(hypothesis) + 1)]
    for i, ref_word in enumerate(reference, start=1):
        current = [(i, 0, i, 0)]
        for j, hyp_word in enumerate(hypothesis, start=1):
            diag, up, left = previous[j - 1], previous[j], current[j - 1]
            miss = 0 if ref_word == hyp_word else 1
            options = (
                (diag[0] + miss, diag[1] + miss, diag[2], diag[3]),
                (up[0] + 1, up[1], up[2] + 1, up[3]),
                (left[0] + 1, left[1], left[2], left[3] + 1),
            )
            current.append(min(options, key=lambda option: option[0]))
        previous = current
    _, subs, dels, ins = previous[-1]
    return Alignment(len(reference), len(hypothesis), subs, dels, ins)


def word_error_rate(reference: str, hypothesis: str) -> float:
    return align(normalise(reference), normalise(hypothesis)).wer

"""What a conditional-actions `condition` is, and whether the main agent's message meets it.

A condition is one of four kinds (`parse_condition`):

- `Opening`: `"FIRST_MESSAGE"`, the caller's opening line (id 0 only).
- `FollowupOf(parent)`: an integer id (or, on a follow-up, a digit string).
- `Lexical`: `contains "x"` forms joined by AND / OR, matched here.
- `Natural`: any other text, a third-person description of the agent's behaviour, which
  only a `ConditionJudge` can decide.

Lexical grammar (keywords in any case, quotes are straight double quotes with no escapes):

    expr := group (OR group)*       group := term (AND term)*       term := contains "text"

AND binds tighter than OR, so `contains "a" OR contains "b" AND contains "c"` means
a OR (b AND c). Text inside quotes is literal, keywords included: `contains "this OR that"`
is one term. A term matches when its text is a case-insensitive (casefolded) substring of the
message. A string that does not parse completely is not lexical: it is judged as `Natural`.

Pure: no I/O; the semantic judge is passed in by the caller.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol

from voxtest.domain.scenario_rules import FIRST_MESSAGE, as_condition_id

_TOKEN = re.compile(r'\s*(?:contains\s*"([^"]*)"|(AND|OR)\b)\s*', re.IGNORECASE)
_WORD = re.compile(r"[^\W_]+")


class Verdict(StrEnum):
    MATCH = "match"
    NO_MATCH = "no_match"
    UNCERTAIN = "uncertain"


@dataclass(frozen=True)
class Opening:
    pass


@dataclass(frozen=True)
class FollowupOf:
    parent: int


@dataclass(frozen=True)
class Lexical:
    """An OR of AND-groups of substrings (AND binds tighter than OR)."""

    any_of: tuple[tuple[str, ...], ...]

    def matches(self, message: str) -> bool:
        text = message.casefold()
        return any(all(part.casefold() in text for part in group) for group in self.any_of)


@dataclass(frozen=True)
class Natural:
    text: str


ParsedCondition = Opening | FollowupOf | Lexical | Natural


class ConditionJudge(Protocol):
    """Decides natural-language conditions against the main agent's latest message.

    Returns one verdict per condition, in the order given. Sync: a runner that needs an
    async model call can judge first and pass a judge that reads the verdicts back.
    """

    def __call__(self, message: str, conditions: Sequence[str]) -> Sequence[Verdict]: ...


def parse_condition(value: str | int, *, followup: bool = False) -> ParsedCondition:
    """The kind of `value`. A digit string is an id only on an action_followup item
    (`followup=True`), as `scenario_rules` accepts; elsewhere it is plain text."""
    if isinstance(value, str) and value.strip() == FIRST_MESSAGE:
        return Opening()
    parent = as_condition_id(value)
    if parent is not None and (followup or not isinstance(value, str)):
        return FollowupOf(parent)
    text = str(value)
    return parse_lexical(text) or Natural(text.strip())


def parse_lexical(text: str) -> Lexical | None:
    """The `contains` expression in `text`, or None when `text` is not entirely one."""
    groups: list[tuple[str, ...]] = []
    group: list[str] = []
    expect_term, position = True, 0
    while position < len(text):
        token = _TOKEN.match(text, position)
        if token is None or token.end() == position:
            return None
        needle, keyword = token.group(1), token.group(2)
        if expect_term != (needle is not None):
            return None
        if needle is not None:
            group.append(needle)
        elif keyword.upper() == "OR":
            groups.append(tuple(group))
            group = []
        expect_term, position = not expect_term, token.end()
    if expect_term:
        return None
    return Lexical((*groups, tuple(group)))


# -- baseline judge --------------------------------------------------------------------------

_FILLER = frozenset(
    """a an the and or but of to for from in on at by with about as is are was were be been
    being do does did has have had it its this that these those there their they them he she
    his her him i me my we our us you your yours if whether any some what which who how when
    where why agent assistant bot caller customer user person they're you're it's
    asks ask asking says say tells tell mentions mention requests request wants want
    states state responds respond replies reply question questions""".split()
)


@dataclass(frozen=True)
class KeywordJudge:
    """A BASELINE judge for tests and offline runs, not a semantic matcher.

    Per condition: `contains` forms are matched exactly; a condition whose whole text is in
    the message matches; otherwise the share of the condition's content words (filler and
    reporting verbs such as "the agent asks" dropped, crude suffix stemming) that the message
    also holds gives MATCH at `match_at` or more, UNCERTAIN at `uncertain_at` or more, and
    NO_MATCH below. Paraphrases with no words in common are missed: that is the job of the
    semantic judge.
    """

    match_at: float = 0.6
    uncertain_at: float = 0.3

    def __call__(self, message: str, conditions: Sequence[str]) -> tuple[Verdict, ...]:
        return tuple(self.verdict(message, condition) for condition in conditions)

    def verdict(self, message: str, condition: str) -> Verdict:
        lexical = parse_lexical(condition)
        if lexical is not None:
            return Verdict.MATCH if lexical.matches(message) else Verdict.NO_MATCH
        if condition.strip() and condition.strip().casefold() in message.casefold():
            return Verdict.MATCH
        wanted = content_words(condition)
        if not wanted:
            return Verdict.UNCERTAIN
        share = len(wanted & content_words(message)) / len(wanted)
        if share >= self.match_at:
            return Verdict.MATCH
        return Verdict.UNCERTAIN if share >= self.uncertain_at else Verdict.NO_MATCH


def content_words(text: str) -> frozenset[str]:
    """Stems of the words in `text` that are not filler."""
    words = (w for w in _WORD.findall(text.casefold()) if w not in _FILLER)
    return frozenset(stem(w) for w in words)


def stem(word: str) -> str:
    """A crude stem: `cancellation`, `cancelled` and `cancels` give `cancel`; `dates`, `dat`."""
    for suffix in ("ations", "ation", "ings", "ing", "ed", "s", "ly"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            break
    if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "aeiou":
        word = word[:-1]
    return word[:-1] if len(word) > 3 and word.endswith("e") else word

"""The lexical stage: decides a condition only when the words make it obvious, else abstains.

A condition such as "The agent asks for your date of birth" is read as an act (request,
offer, statement; `act_of`) and content words ("date", "birth"). Against the agent's message:

- `contains "x"` forms, or a condition quoted verbatim in the message: decided exactly.
- MATCH when one clause holds every content word close together (at least two of them), is
  not negated, and shows the act: a question or request frame for a request ("Could you
  confirm your DOB?"), an offer frame for an offer, not a question for a statement.
- NO_MATCH when every clause holding the content negates the act itself ("I don't need your
  date of birth"): the one confident "no" words can give.
- UNCERTAIN otherwise (paraphrases, negated conditions, unknown verbs): later stages decide.

Pure: no I/O, no model.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from voxtest.domain.conditions import Verdict, parse_lexical
from voxtest.judging.normalise import Clause, clauses, prepare, tokens


class Act(StrEnum):
    REQUEST = "request"
    OFFER = "offer"
    STATEMENT = "statement"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class LexicalVerdict:
    verdict: Verdict
    reason: str


@dataclass(frozen=True)
class ConditionShape:
    act: Act
    content: tuple[str, ...]  # normalised content words, in order, no duplicates
    negated: bool  # "The agent does not ask ..."


_SUBJECT = r"(?:the |a |an )?(?:agent|assistant|bot|ai|representative|rep|receptionist|voice agent)"
_CONDITION = re.compile(
    rf"^\s*(?:{_SUBJECT}\s+)?(?P<neg>(?:does|do|did) not |never )?(?P<verb>\w+)"
)
_VERBS = {
    Act.REQUEST: "ask asks request requests inquire inquires enquire enquires query queries "
    "prompt prompts collect collects",
    Act.OFFER: "offer offers suggest suggests propose proposes",
    Act.STATEMENT: "say says state states mention mentions tell tells inform informs explain "
    "explains confirm confirms apologize apologizes apologise apologises greet greets thank "
    "thanks remind reminds warn warns announce announces introduce introduces read reads",
}
_ACT_OF_VERB = {verb: act for act, verbs in _VERBS.items() for verb in verbs.split()}
_FILLER_TEXT = """a an the and or of to for from in on at by with about as is are be been do does
    if whether any some that this these those it its their there them they he she his her him
    i me my we our us you your yours caller patient customer user member person someone
    they him her them themselves himself herself please can could would will may might"""
_FILLER = frozenset(tokens(prepare(_FILLER_TEXT)))
_NEGATIONS = frozenset(tokens("not no never without neither nor none"))
# After a negation, these make the act itself negated: "no need", "won't ask", "don't have to".
_NEGATED_ACT = frozenset(tokens("need needed require required ask asking necessary must"))


def _frames(*phrases: str) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(tokens(prepare(p))) for p in phrases)


_REQUEST_FRAMES = _frames(
    "could you", "can you", "would you", "will you", "may i", "can i", "could i", "please",
    "i need", "i will need", "we need", "i would need", "tell me", "give me", "let me have",
    "provide", "confirm", "spell", "what is", "what was", "which", "go ahead with",
)  # fmt: skip
_OFFER_FRAMES = _frames(
    "would you like", "do you want", "shall i", "should i", "i can", "i could", "we can",
    "let me", "happy to", "if you like", "if you want", "want me to", "like me to",
)  # fmt: skip
_HAVE_TO = tuple(tokens("have to"))
_MIN_CONTENT = 2  # one shared word ("email", "name") is too weak to call a match


def judge_lexically(message: str, condition: str) -> LexicalVerdict:
    """The lexical verdict for one condition (see the module doc)."""
    exact = exact_verdict(message, condition)
    if exact is not None:
        return exact
    shape = shape_of(condition)
    if shape.negated:
        return LexicalVerdict(Verdict.UNCERTAIN, "negated condition")
    if len(shape.content) < _MIN_CONTENT:
        return LexicalVerdict(Verdict.UNCERTAIN, "too few content words")
    hits = [c for c in clauses(message) if holds_content(c.words, shape.content)]
    if not hits:
        return LexicalVerdict(Verdict.UNCERTAIN, "content words not found together")
    plain = [c for c in hits if not is_negated(c)]
    if not plain:
        if all(negates_act(c) for c in hits):
            return LexicalVerdict(Verdict.NO_MATCH, "the message negates the act")
        return LexicalVerdict(Verdict.UNCERTAIN, "content words only in negated clauses")
    if any(shows_act(c, shape.act) for c in plain):
        return LexicalVerdict(Verdict.MATCH, f"content words and a {shape.act} form")
    return LexicalVerdict(Verdict.UNCERTAIN, f"content words without a {shape.act} form")


def exact_verdict(message: str, condition: str) -> LexicalVerdict | None:
    """A `contains` expression, or the whole condition quoted in the message; else None."""
    expression = parse_lexical(condition)
    if expression is not None:
        verdict = Verdict.MATCH if expression.matches(message) else Verdict.NO_MATCH
        return LexicalVerdict(verdict, "contains expression")
    wanted = " ".join(tokens(prepare(condition)))
    if wanted and f" {wanted} " in f" {' '.join(tokens(prepare(message)))} ":
        return LexicalVerdict(Verdict.MATCH, "condition text found verbatim")
    return None


def shape_of(condition: str) -> ConditionShape:
    """The act, content words and polarity of a third-person condition."""
    prepared = prepare(condition)
    head = _CONDITION.match(prepared)
    if head is None:
        return ConditionShape(Act.UNKNOWN, _content(tokens(prepared)), False)
    act = _ACT_OF_VERB.get(head.group("verb"), Act.UNKNOWN)
    rest = prepared[head.end() :] if act is not Act.UNKNOWN else prepared[head.start("verb") :]
    return ConditionShape(act, _content(tokens(rest)), head.group("neg") is not None)


def _content(words: Sequence[str]) -> tuple[str, ...]:
    kept = (w for w in words if w not in _FILLER and w != "?")
    return tuple(dict.fromkeys(kept))


def holds_content(words: Sequence[str], content: Sequence[str]) -> bool:
    """True when every content word occurs in `words` within a short span."""
    positions = [[i for i, x in enumerate(words) if x == w] for w in content]
    if not all(positions):
        return False
    span_limit = 2 * len(content) + 3
    for anchor in positions[0]:
        chosen = [_nearest(found, anchor) for found in positions]
        if max(chosen) - min(chosen) < span_limit:
            return True
    return False


def _nearest(found: Sequence[int], anchor: int) -> int:
    return min(found, key=lambda p: abs(p - anchor))


def is_negated(clause: Clause) -> bool:
    return any(w in _NEGATIONS for w in clause.words)


def negates_act(clause: Clause) -> bool:
    """A negation followed closely by need/ask/require/"have to": the act itself is denied
    ("we don't have your DOB" is not: it may well go on to ask for it)."""
    words = clause.words
    return any(w in _NEGATIONS and _denies_act(words[i + 1 : i + 5]) for i, w in enumerate(words))


def _denies_act(after: Sequence[str]) -> bool:
    have_to = any(tuple(after[i : i + 2]) == _HAVE_TO for i in range(len(after) - 1))
    return have_to or any(w in _NEGATED_ACT for w in after[:3])


def shows_act(clause: Clause, act: Act) -> bool:
    if act is Act.REQUEST:
        return clause.question or _has_frame(clause.words, _REQUEST_FRAMES)
    if act is Act.OFFER:
        return _has_frame(clause.words, _OFFER_FRAMES)
    if act is Act.STATEMENT:
        return not clause.question
    return False


def _has_frame(words: Sequence[str], frames: Sequence[tuple[str, ...]]) -> bool:
    return any(
        tuple(words[i : i + len(frame)]) == frame
        for frame in frames
        for i in range(len(words) - len(frame) + 1)
    )

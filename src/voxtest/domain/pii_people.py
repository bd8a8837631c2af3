"""Names of people and places in a transcript, for PII redaction.

Names are found after the phrases that introduce them ("my name is", "this is", "speaking
with", titles such as "Mrs."), among a list of common first names, and, once found anywhere
in a transcript, wherever they occur again (`known_names`). Places are street addresses, ZIP
codes, places after "live in"/"located at"-style phrases, and a small gazetteer of US states,
countries and large cities. Pure: no I/O.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from voxtest.domain.pii_patterns import Span

_NOT_NAMES = frozenset(
    "a an the and or but so i im i'm calling here just not sure sorry fine good great okay"
    " ok yes no well very really actually looking trying hoping wondering going having"
    " interested glad happy ready able unable calling the from with your you we they he she"
    " it this that there what who how why when where which can could would will shall may"
    " might must should do does did am is are was were be been being have has had hi hello"
    " hey thanks thank please speaking returning following on at in to for about of by back"
    " up out over into onto off down after before again also still calling gonna wanna"
    " available here there now today tomorrow yesterday".split()
)
_WORD = r"[A-Za-z][a-z'-]+"
_CAP = r"[A-Z][a-z'-]+"
_CUE = re.compile(
    r"\b(?:my name is|my name's|name is|name's|this is|i am|i'm|it's|call me|speaking with"
    r"|talking to|talk to|speak to|speak with|ask for|my (?:wife|husband|son|daughter|mother"
    r"|father|mom|dad|brother|sister|partner|friend|boss|colleague)(?: is|,)?"
    r"|first name is|last name is|surname is|spelled)\s+"
    rf"({_WORD}(?:\s+{_WORD})?)",
    re.IGNORECASE,
)
_TITLE = re.compile(rf"\b(?:Mr|Mrs|Ms|Miss|Mx|Sir|Madam|Mister)\.?\s+({_CAP}(?:\s+{_CAP})?)")
_FIRST_NAMES = frozenset(
    "james john robert michael william david richard joseph thomas charles christopher daniel"
    " matthew anthony donald steven paul andrew joshua kenneth kevin brian george timothy"
    " ronald jason edward jeffrey ryan jacob gary nicholas eric jonathan stephen larry justin"
    " scott brandon benjamin samuel gregory alexander patrick jack dennis jerry tyler aaron"
    " jose adam nathan henry zachary douglas peter kyle noah ethan jeremy walter christian"
    " keith roger terry austin sean gerald carl harold dylan arthur lawrence jordan jesse"
    " bryan billy bruce gabriel joe logan alan juan albert willie elijah wayne randy vincent"
    " mary patricia jennifer linda elizabeth barbara susan jessica sarah karen lisa nancy"
    " betty sandra margaret ashley kimberly emily donna michelle carol amanda melissa deborah"
    " stephanie dorothy rebecca sharon laura cynthia amy kathleen angela shirley brenda emma"
    " anna pamela nicole samantha katherine christine helen debra rachel carolyn janet maria"
    " catherine heather diane olivia julie joyce victoria ruth virginia lauren kelly"
    " christina joan evelyn judith andrea hannah megan cheryl jacqueline martha madison"
    " teresa gloria sara janice kathryn abigail sophia frances jean alice judy isabella"
    " julia beverly denise marilyn amber danielle brittany diana natalie sophie charlotte"
    " priya raj mohammed muhammad ahmed ali fatima wei li chen mei yuki hiroshi carlos luis"
    " miguel sofia lucia ana".split()
)
_NAME_WORD = re.compile(r"\b[A-Za-z][a-z'-]+\b")


def _name_words(candidate: str) -> list[str]:
    words = []
    for word in candidate.split():
        if word.lower() in _NOT_NAMES:
            break
        words.append(word)
    return words


def names_in(text: str) -> set[str]:
    """Names introduced in `text` (each word of a full name separately, lower-cased)."""
    found: set[str] = set()
    for pattern in (_CUE, _TITLE):
        for m in pattern.finditer(text):
            words = _name_words(m.group(1))
            if pattern is _CUE and words and not (words[0][0].isupper() or m.group(0).islower()):
                continue  # "I'm good", "this is about": only names that look like names
            found.update(w.lower() for w in words)
    return found


def known_names(texts: Iterable[str]) -> frozenset[str]:
    """Every name introduced anywhere in a transcript."""
    out: set[str] = set()
    for text in texts:
        out |= names_in(text)
    return frozenset(out)


def person_spans(text: str, known: frozenset[str] = frozenset()) -> Iterator[Span]:
    """Introduced names, known names and common first names (capitalised) in `text`."""
    names = known | names_in(text)
    for m in _NAME_WORD.finditer(text):
        word = m.group(0)
        lower = word.lower()
        if lower in names or (word[0].isupper() and lower in _FIRST_NAMES):
            yield m.span()


_SUFFIX = (
    r"(?:street|st|avenue|ave|road|rd|boulevard|blvd|lane|ln|drive|dr|court|ct|way|place|pl"
    r"|terrace|circle|cir|parkway|pkwy|highway|hwy|square|sq|trail|route)"
)
_ADDRESS = re.compile(
    rf"\b\d{{1,6}}\s+(?:[NSEW]\.?\s+)?(?:[A-Za-z0-9'-]+\s+){{1,4}}{_SUFFIX}\b\.?"
    r"(?:,?\s+(?:apt|apartment|suite|ste|unit|#)\.?\s*[A-Za-z0-9-]+)?"
    rf"(?:,\s*{_CAP}(?:\s+{_CAP})*)?(?:,?\s+[A-Z]{{2}})?(?:\s+\d{{5}}(?:-\d{{4}})?)?",
    re.IGNORECASE,
)
_PO_BOX = re.compile(r"\b(?:p\.?\s?o\.?\s?box|post office box)\s+\d+\b", re.IGNORECASE)
_ZIP = re.compile(
    r"\b(?:zip(?: code)?|postal code|postcode)(?:\s+(?:is|:))*\s*:?\s*"
    r"(\d{5}(?:-\d{4})?|[A-Z]\d[A-Z] ?\d[A-Z]\d|[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2})",
    re.IGNORECASE,
)
_PLACE_CUE = re.compile(
    r"\b(?:live|living|lives|located|based|reside|residing|moved|move|staying|from|near)"
    r"\s+(?:in\s+|at\s+|to\s+|on\s+)?"
    rf"({_CAP}(?:\s+{_CAP}){{0,2}}(?:,\s*{_CAP}(?:\s+{_CAP})?)?)"
)
_GAZETTEER = re.compile(
    r"\b(?:Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida"
    r"|Georgia|Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland"
    r"|Massachusetts|Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada"
    r"|New Hampshire|New Jersey|New Mexico|New York|North Carolina|North Dakota|Ohio|Oklahoma"
    r"|Oregon|Pennsylvania|Rhode Island|South Carolina|South Dakota|Tennessee|Texas|Utah"
    r"|Vermont|Virginia|Washington|West Virginia|Wisconsin|Wyoming|Los Angeles|San Francisco"
    r"|San Diego|San Jose|Chicago|Houston|Phoenix|Philadelphia|San Antonio|Dallas|Austin"
    r"|Seattle|Denver|Boston|Miami|Atlanta|Detroit|Portland|Las Vegas|Nashville|Brooklyn"
    r"|Manhattan|London|Paris|Berlin|Madrid|Rome|Toronto|Vancouver|Montreal|Sydney"
    r"|Melbourne|Mumbai|Delhi|Bangalore|Tokyo|Beijing|Shanghai|Singapore|Dubai|Mexico City"
    r"|Canada|Mexico|United States|USA|United Kingdom|England|Scotland|Ireland|France"
    r"|Germany|Spain|Italy|India|China|Japan|Australia|Brazil)\b"
)
_NOT_PLACES = frozenset(
    "I Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April"
    " May June July August September October November December Main Agent Testing".split()
)


def location_spans(text: str) -> Iterator[Span]:
    """Street addresses, PO boxes, ZIP codes and named places."""
    for pattern in (_ADDRESS, _PO_BOX, _GAZETTEER):
        for m in pattern.finditer(text):
            yield m.span()
    yield from (m.span(1) for m in _ZIP.finditer(text))
    for m in _PLACE_CUE.finditer(text):
        if m.group(1).split()[0].rstrip(",") not in _NOT_PLACES:
            yield m.span(1)

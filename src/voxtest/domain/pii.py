"""PII redaction of transcripts before they are stored (`redact_fields` of the reference).

    redact_transcript(turns, ["person_name", "phone_number"])
    # "Hi, I'm Dana, call me on 415-555-0132" -> "Hi, I'm <PERSON>, call me on <PHONE_NUMBER>"

Every kind of the reference's `redact_fields` enum has a detector (`voxtest.domain.pii_patterns`
and `pii_people`); the kinds asked for run in a fixed priority order (the most specific
first: an e-mail before a URL, a card number before a phone number, a date of birth before a
date) and a span already replaced is not matched again. Names introduced anywhere in a
transcript are replaced in every turn. Tool calls' arguments and results are redacted too.
Pure: no I/O.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from voxtest.domain import pii_patterns as p
from voxtest.domain.pii_people import known_names, location_spans, person_spans

KINDS: tuple[str, ...] = (
    "person_name", "age", "phone_number", "email_address", "date", "time", "location",
    "origin", "gender_sexuality", "physical_attribute", "occupation", "username", "password",
    "ip_address", "url", "filename", "event", "vehicle_id", "dob", "healthcare_number",
    "medical_professional", "credit_card", "account_number", "bank_account", "money", "ssn",
    "passport_number", "driver_license", "numerical_pii",
)  # fmt: skip
TOKENS: dict[str, str] = {
    **{kind: f"<{kind.upper()}>" for kind in KINDS},
    "person_name": "<PERSON>",
    "dob": "<DATE_OF_BIRTH>",
}
# Most specific first: a span taken by an earlier kind is not matched by a later one.
PRIORITY: tuple[str, ...] = (
    "email_address", "url", "ip_address", "credit_card", "ssn", "bank_account",
    "healthcare_number", "passport_number", "driver_license", "vehicle_id", "account_number",
    "password", "username", "filename", "dob", "date", "time", "money", "age", "phone_number",
    "medical_professional", "person_name", "location", "origin", "gender_sexuality",
    "physical_attribute", "occupation", "event", "numerical_pii",
)  # fmt: skip
_DETECTORS: dict[str, list[p.Detector]] = {
    "email_address": [p.EMAIL],
    "url": [p.URL],
    "ip_address": p.IP_ADDRESS,
    "credit_card": [p.CREDIT_CARD],
    "ssn": [p.SSN_CUED, p.SSN],
    "bank_account": [p.IBAN, p.BANK_CUED],
    "healthcare_number": [p.HEALTHCARE],
    "passport_number": [p.PASSPORT],
    "driver_license": [p.DRIVER_LICENSE],
    "vehicle_id": [p.VIN, p.PLATE],
    "account_number": [p.ACCOUNT_CUED],
    "password": [p.PASSWORD],
    "username": p.USERNAME,
    "filename": [p.FILENAME],
    "dob": [p.DOB],
    "date": [p.DATE],
    "time": [p.TIME],
    "money": [p.MONEY],
    "age": [p.AGE],
    "phone_number": [p.PHONE, p.SPOKEN_DIGITS],
    "medical_professional": [p.MEDICAL_PROFESSIONAL],
    "location": [location_spans],
    "origin": [p.ORIGIN],
    "gender_sexuality": [p.GENDER],
    "physical_attribute": p.PHYSICAL,
    "occupation": p.OCCUPATION,
    "event": [p.EVENT],
    "numerical_pii": [p.NUMERICAL, p.SPOKEN_DIGITS],
}
assert set(PRIORITY) == set(KINDS) == set(_DETECTORS) | {"person_name"}


def unknown_kinds(kinds: Iterable[str]) -> list[str]:
    return [k for k in kinds if k not in TOKENS]


def redact_text(text: str, kinds: Iterable[str], names: frozenset[str] = frozenset()) -> str:
    """`text` with every span of the asked `kinds` replaced by its token. `names`: names
    already known from elsewhere in the same transcript."""
    wanted = set(kinds)
    if not text or not wanted:
        return text
    taken: list[tuple[int, int, str]] = []
    for kind in PRIORITY:
        if kind not in wanted:
            continue
        for start, end in _spans(kind, text, names):
            if start < end and not any(s < end and start < e for s, e, _ in taken):
                taken.append((start, end, TOKENS[kind]))
    out = text
    for start, end, token in sorted(taken, reverse=True):
        out = out[:start] + token + out[end:]
    return out


def _spans(kind: str, text: str, names: frozenset[str]) -> list[tuple[int, int]]:
    if kind == "person_name":
        return list(person_spans(text, names))
    found = [span for detect in _DETECTORS[kind] for span in detect(text)]
    return sorted(found, key=lambda s: (s[0], -(s[1] - s[0])))


def redact_transcript(
    turns: Sequence[Mapping[str, Any]], kinds: Iterable[str]
) -> list[dict[str, Any]]:
    """Canonical turns with their text and tool data redacted (times and roles untouched)."""
    wanted = list(dict.fromkeys(kinds))
    if not wanted:
        return [dict(t) for t in turns]
    names = (
        known_names(str(t.get("content") or "") for t in turns)
        if "person_name" in wanted
        else frozenset()
    )
    return [
        {
            **turn,
            "content": redact_text(str(turn.get("content") or ""), wanted, names),
            "data": _redact_value(turn.get("data") or {}, wanted, names),
        }
        for turn in turns
    ]


def _redact_value(value: Any, kinds: list[str], names: frozenset[str]) -> Any:
    """Strings inside tool data (arguments, results), redacted; keys and ids kept."""
    if isinstance(value, str):
        return redact_text(value, kinds, names)
    if isinstance(value, Mapping):
        return {
            k: v if k in ("id", "name") else _redact_value(v, kinds, names)
            for k, v in value.items()
        }
    if isinstance(value, list):
        return [_redact_value(v, kinds, names) for v in value]
    return value

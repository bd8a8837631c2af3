"""PII redaction: every kind of the reference's enum, checks beyond patterns, priorities."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from voxtest.domain.pii import KINDS, TOKENS, redact_text, redact_transcript
from voxtest.domain.pii_patterns import luhn_valid


def r(text: str, *kinds: str) -> str:
    return redact_text(text, kinds)


def test_every_kind_of_the_reference_has_a_token() -> None:
    assert len(KINDS) == 29
    assert TOKENS["person_name"] == "<PERSON>"
    assert TOKENS["location"] == "<LOCATION>"
    assert TOKENS["dob"] == "<DATE_OF_BIRTH>"


@pytest.mark.parametrize(
    "number",
    ["4111 1111 1111 1111", "4111-1111-1111-1111", "5500005555555559", "378282246310005"],
)
def test_card_numbers_passing_luhn_are_redacted(number: str) -> None:
    assert r(f"my card is {number} thanks", "credit_card") == "my card is <CREDIT_CARD> thanks"


def test_card_like_numbers_failing_luhn_are_not_cards() -> None:
    assert not luhn_valid("4111111111111112")
    assert r("card 4111 1111 1111 1112", "credit_card") == "card 4111 1111 1111 1112"
    assert r("card 4111 1111 1111 1112", "credit_card", "numerical_pii") == "card <NUMERICAL_PII>"


@given(st.lists(st.integers(0, 9), min_size=12, max_size=18))
def test_a_luhn_check_digit_makes_any_number_a_card(digits: list[int]) -> None:
    body = "".join(map(str, digits))
    check = next(d for d in "0123456789" if luhn_valid(body + d))
    assert r(f"pay with {body}{check} now", "credit_card") == "pay with <CREDIT_CARD> now"


@pytest.mark.parametrize(
    "phone",
    [
        "415-555-0132",
        "(415) 555-0132",
        "415.555.0132",
        "+1 415 555 0132",
        "+14155550132",
        "4155550132",
        "+44 20 7946 0958",
        "555-0132",
    ],
)
def test_phone_formats(phone: str) -> None:
    assert r(f"call me at {phone} please", "phone_number") == "call me at <PHONE_NUMBER> please"


def test_spoken_digits_are_a_phone_number() -> None:
    said = "it's four one five five five five zero one three two"
    assert r(said, "phone_number") == "it's <PHONE_NUMBER>"


def test_dates_times_and_short_numbers_are_not_phone_numbers() -> None:
    text = "on 2024-05-01 at 10:30 I need 3 tickets for 120 people"
    assert r(text, "phone_number") == text


def test_ssn_with_area_rules_and_after_its_words() -> None:
    assert r("SSN 123-45-6789.", "ssn") == "SSN <SSN>."
    assert r("my social security number is 123456789", "ssn") == (
        "my social security number is <SSN>"
    )
    assert r("ref 000-12-3456", "ssn") == "ref 000-12-3456"  # area 000 is never issued


def test_emails_written_and_spoken() -> None:
    assert r("mail dana.w+x@example.co.uk!", "email_address") == "mail <EMAIL_ADDRESS>!"
    assert r("it is dana at gmail dot com", "email_address") == "it is <EMAIL_ADDRESS>"


def test_an_email_is_not_also_a_url() -> None:
    assert r("dana@example.com", "url", "email_address") == "<EMAIL_ADDRESS>"
    assert r("see https://example.com/a?b=1.", "url") == "see <URL>."


def test_names_after_introductions_and_everywhere_after() -> None:
    turns = [
        {"role": "Main Agent", "content": "Who am I speaking with?", "data": {}},
        {"role": "Testing Agent", "content": "This is Dana Whitfield.", "data": {}},
        {"role": "Main Agent", "content": "Thanks Dana. Is Whitfield with one t?", "data": {}},
    ]
    out = redact_transcript(turns, ["person_name"])
    assert [t["content"] for t in out] == [
        "Who am I speaking with?",
        "This is <PERSON> <PERSON>.",
        "Thanks <PERSON>. Is <PERSON> with one t?",
    ]


def test_lower_case_speech_to_text_names() -> None:
    assert r("my name is john and i need help", "person_name") == (
        "my name is <PERSON> and i need help"
    )


def test_phrases_that_introduce_no_name() -> None:
    text = "I'm calling about my order. This is urgent. I'm sorry."
    assert r(text, "person_name") == text


def test_titles_and_common_first_names() -> None:
    assert r("Mrs. Alvarez will call", "person_name") == "Mrs. <PERSON> will call"
    assert r("Thanks, Jennifer!", "person_name") == "Thanks, <PERSON>!"


def test_addresses_places_and_zip_codes() -> None:
    assert r("I live at 42 Maple Street, Apt 4B, Springfield, IL 62704.", "location") == (
        "I live at <LOCATION>."
    )
    assert r("I moved to Boulder last year", "location") == "I moved to <LOCATION> last year"
    assert r("flying to Chicago", "location") == "flying to <LOCATION>"
    assert r("my zip code is 94110", "location") == "my zip code is <LOCATION>"


def test_date_of_birth_before_plain_dates() -> None:
    text = "I was born on March 3rd, 1985 and booked 2024-05-01"
    assert r(text, "dob") == "I was born on <DATE_OF_BIRTH> and booked 2024-05-01"
    assert r(text, "dob", "date") == "I was born on <DATE_OF_BIRTH> and booked <DATE>"
    assert r("DOB: 03/04/1985", "dob") == "DOB: <DATE_OF_BIRTH>"


def test_times_money_and_age() -> None:
    assert r("at 6 PM or 10:30am", "time") == "at <TIME> or <TIME>"
    assert r("it was $45.50 or 20 dollars", "money") == "it was <MONEY> or <MONEY>"
    assert r("she is 34 years old", "age") == "she is <AGE>"


def test_identifiers_after_their_words() -> None:
    assert r("my passport number is X1234567", "passport_number") == (
        "my passport number is <PASSPORT_NUMBER>"
    )
    assert r("driver's license D1234-5678", "driver_license") == "driver's license <DRIVER_LICENSE>"
    assert r("medicare number 1EG4-TE5-MK73", "healthcare_number") == (
        "medicare number <HEALTHCARE_NUMBER>"
    )
    assert r("account number 00123456", "account_number") == "account number <ACCOUNT_NUMBER>"
    assert r("IBAN GB82 WEST 1234 5698 7654 32", "bank_account") == "IBAN <BANK_ACCOUNT>"
    assert r("password is hunter2!", "password") == "password is <PASSWORD>"
    assert r("username is jdoe99", "username") == "username is <USERNAME>"
    assert r("VIN 1HGCM82633A004352", "vehicle_id") == "VIN <VEHICLE_ID>"


def test_words_with_no_digits_after_number_words_are_kept() -> None:
    assert r("what is your account status", "account_number") == "what is your account status"


def test_network_files_and_descriptive_kinds() -> None:
    assert r("from 192.168.1.20.", "ip_address") == "from <IP_ADDRESS>."
    assert r("not 999.1.1.1", "ip_address") == "not 999.1.1.1"
    assert r("sent scan.pdf", "filename") == "sent <FILENAME>"
    assert r("I'm Mexican", "origin") == "I'm <ORIGIN>"
    assert r("I am non-binary", "gender_sexuality") == "I am <GENDER_SEXUALITY>"
    assert r("brown hair, 6 foot 2", "physical_attribute") == (
        "<PHYSICAL_ATTRIBUTE>, <PHYSICAL_ATTRIBUTE>"
    )
    assert r("I work as a nurse", "occupation") == "I work as a <OCCUPATION>"
    assert r("my doctor, Dr. Patel, said", "medical_professional") == (
        "<MEDICAL_PROFESSIONAL>, said"
    )
    assert r("at the Austin Marathon", "event") == "at the <EVENT>"


def test_numerical_pii_takes_what_other_kinds_leave() -> None:
    assert r("code 8812 and 415-555-0132", "phone_number", "numerical_pii") == (
        "code <NUMERICAL_PII> and <PHONE_NUMBER>"
    )


def test_kinds_not_asked_are_left_alone() -> None:
    text = "Dana, 415-555-0132, dana@example.com"
    assert r(text, "email_address") == "Dana, 415-555-0132, <EMAIL_ADDRESS>"
    assert r(text) == text


def test_tool_data_is_redacted_but_ids_and_names_kept() -> None:
    turns = [
        {
            "role": "Function Call",
            "content": "",
            "data": {"id": "c1", "name": "book", "arguments": {"phone": "415-555-0132"}},
        }
    ]
    out = redact_transcript(turns, ["phone_number"])
    assert out[0]["data"] == {"id": "c1", "name": "book", "arguments": {"phone": "<PHONE_NUMBER>"}}

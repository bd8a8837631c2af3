"""The lexical stage: confident only when the words make it obvious."""

from __future__ import annotations

import pytest

from voxtest.domain.conditions import Verdict
from voxtest.judging.lexical import Act, judge_lexically, shape_of
from voxtest.judging.normalise import clauses, prepare, tokens

DOB = "The agent asks for your date of birth"


@pytest.mark.parametrize(
    "message",
    [
        "Could you confirm your DOB for me, please?",
        "What is your date of birth?",
        "And your birthday, please.",
    ],
)
def test_requests_for_the_content_match(message: str) -> None:
    assert judge_lexically(message, DOB).verdict is Verdict.MATCH


@pytest.mark.parametrize(
    "message",
    [
        "I don't need your date of birth, just your name.",
        "There's no need for your date of birth.",
        "You don't have to give me your DOB.",
        "We won't ask for your date of birth today.",
    ],
)
def test_negated_requests_are_confident_no_match(message: str) -> None:
    assert judge_lexically(message, DOB).verdict is Verdict.NO_MATCH


@pytest.mark.parametrize(
    "message",
    [
        "I see your date of birth is on file.",  # statement, not a request
        "Your appointment is on the fifth of May.",  # same topic, no shared content
        "We don't have your date of birth on file, could you tell me?",  # negation, not of the act
        "How can I help you today?",  # paraphrase lexical rules cannot see
    ],
)
def test_abstains_when_words_do_not_settle_it(message: str) -> None:
    assert judge_lexically(message, DOB).verdict is Verdict.UNCERTAIN


def test_statement_conditions_need_a_statement_with_numbers_normalised() -> None:
    condition = "The agent states the refund will take 5-7 business days"
    said = judge_lexically("Your refund will take five to seven business days.", condition)
    asked = judge_lexically("Will the refund take five to seven business days?", condition)
    assert (said.verdict, asked.verdict) == (Verdict.MATCH, Verdict.UNCERTAIN)


def test_offers_need_an_offer_frame() -> None:
    condition = "The agent offers to transfer the call to a nurse"
    offered = judge_lexically("Would you like me to transfer the call to a nurse?", condition)
    done = judge_lexically("The nurse said the call transfer failed.", condition)
    assert offered.verdict is Verdict.MATCH
    assert done.verdict is Verdict.UNCERTAIN


def test_a_single_shared_word_is_not_enough() -> None:
    condition = "The agent asks for your email"
    verdict = judge_lexically("Could you check your email for the link?", condition)
    assert verdict.verdict is Verdict.UNCERTAIN


def test_content_words_far_apart_do_not_match() -> None:
    message = "What date suits you, and is this your first visit since birth of your baby?"
    assert judge_lexically(message, DOB).verdict is Verdict.UNCERTAIN


def test_negated_conditions_are_left_to_later_stages() -> None:
    condition = "The agent does not ask for your date of birth"
    assert judge_lexically("What is your date of birth?", condition).verdict is Verdict.UNCERTAIN


def test_contains_expressions_and_verbatim_text_are_exact() -> None:
    assert judge_lexically("Bye now", 'contains "bye"').verdict is Verdict.MATCH
    assert judge_lexically("Hello", 'contains "bye"').verdict is Verdict.NO_MATCH
    said = judge_lexically("Sure, thank you for calling Riverside!", "thank you for calling")
    assert said.verdict is Verdict.MATCH


def test_shape_reads_act_and_content() -> None:
    shape = shape_of("The agent asks for the caller's phone number")
    assert shape.act is Act.REQUEST
    assert shape.content == tuple(tokens("phone number"))
    assert shape_of("The agent says goodbye").act is Act.STATEMENT
    assert shape_of("The agent never offers a discount").negated


def test_normalisation_folds_synonyms_numbers_and_contractions() -> None:
    assert prepare("Can't find your D.O.B.") == "can not find your date of birth"
    assert tokens(prepare("the fifth of May, 5th")) == tokens("the 5 of may , 5")
    found = clauses("Thanks. But what's your e-mail?")
    assert [c.question for c in found] == [False, True]

"""The receptionist's dialogue policy, turn by turn, without a network."""

from __future__ import annotations

from voxtest.examples.clinic_dialogue import ClinicDialogue, DialogueSwitches, Stage


async def _verified(dialogue: ClinicDialogue, task: str, name: str, born: str) -> str:
    await dialogue.respond(task)
    await dialogue.respond(name)
    return (await dialogue.respond(born)).reply


async def test_unknown_input_asks_to_rephrase_and_keeps_the_stage() -> None:
    dialogue = ClinicDialogue()
    turn = await dialogue.respond("purple elephants")
    assert "rephrase" in turn.reply and turn.stage is Stage.AWAIT_REQUEST and not turn.end_call


async def test_speak_to_a_human_hands_over_and_ends_the_call() -> None:
    dialogue = ClinicDialogue()
    await dialogue.respond("I want to cancel")
    turn = await dialogue.respond("Actually, let me talk to a real person")
    assert "transferring you" in turn.reply and turn.end_call
    assert (await dialogue.respond("hello?")).end_call and (
        await dialogue.respond("hello?")
    ).reply == ""


async def test_goodbye_ends_the_call_from_any_stage() -> None:
    dialogue = ClinicDialogue()
    await dialogue.respond("book an appointment")
    turn = await dialogue.respond("never mind, bye")
    assert "Goodbye" in turn.reply and turn.end_call and turn.stage is Stage.ENDED


async def test_unknown_patient_cannot_reschedule() -> None:
    dialogue = ClinicDialogue()
    reply = await _verified(dialogue, "reschedule please", "Nobody Known", "1990-01-01")
    assert "couldn't find a patient" in reply and dialogue.stage is Stage.AWAIT_NAME


async def test_no_appointment_offers_to_book_instead() -> None:
    dialogue = ClinicDialogue()
    reply = await _verified(dialogue, "cancel my appointment", "Maria Garcia", "1978-03-22")
    assert "don't see any upcoming appointment" in reply
    offer = await dialogue.respond("yes please")
    assert [c.name for c in offer.tool_calls] == ["find_slots"] and "09:00" in offer.reply


async def test_a_verified_caller_is_not_asked_again_for_a_second_change() -> None:
    dialogue = ClinicDialogue()
    await _verified(dialogue, "I want to move my cleaning", "Sarah Johnson", "1990-01-01")
    await dialogue.respond("9:00")
    turn = await dialogue.respond("Yes, and I'd also like to cancel it")
    assert "date of birth" not in turn.reply
    assert [c.name for c in turn.tool_calls] == ["find_appointments"]  # the records re-read
    assert "appointment on Tuesday 1 December 2026 at 09:00. Shall I cancel it?" in turn.reply
    cancelled = await dialogue.respond("yes")
    assert [c.arguments for c in cancelled.tool_calls] == [{"confirmation": "BS-1042"}]


async def test_declining_the_offered_day_looks_further_ahead() -> None:
    dialogue = ClinicDialogue()
    await _verified(dialogue, "book a check-up", "Tom Baker", "1985-06-15")
    turn = await dialogue.respond("No, a different day please")
    assert [c.arguments for c in turn.tool_calls] == [{"day": "2026-12-02"}]
    assert "Wednesday 2 December 2026" in turn.reply


async def test_wrong_confirmation_also_affects_cancellation_read_back() -> None:
    dialogue = ClinicDialogue(DialogueSwitches(wrong_confirmation=True))
    await _verified(dialogue, "cancel", "Tom Baker", "1985-06-15")
    assert "at 10:30 is cancelled" in (await dialogue.respond("yes")).reply

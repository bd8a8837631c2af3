"""The clinic receptionist's dialogue policy: a deterministic state machine, no model.

It books, reschedules and cancels appointments after verifying identity (name, then date of
birth), offers free slots, reads back the date and time, gives a confirmation code, hands over
to a human on request and hangs up on goodbye. Each call is returned with the turn so the
transport can log it before the reply.

Tools are awaited through a `ToolRunner`: by default the in-memory `ClinicBackend`; the chat
agent with `--mock-tools-url` passes one that calls voxtest's mock tools, so what the agent
says (slots, codes, whether the caller is verified, the bookings it finds) is the mock's
answer. Answers are read leniently: a missing field reads as empty, `{"error": ...}` as the
tool failing, and a stateful mock's `rows` as the appointments found.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from voxtest.examples import clinic_answers as answers
from voxtest.examples import clinic_language as lang
from voxtest.examples.clinic_backend import ClinicBackend
from voxtest.examples.clinic_language import Intent

CLINIC = "Bright Smile Dental"
TASKS = (Intent.BOOK, Intent.RESCHEDULE, Intent.CANCEL)
MAX_DOB_ATTEMPTS = 3


class Stage(Enum):
    AWAIT_REQUEST = "await_request"
    AWAIT_NAME = "await_name"
    AWAIT_DOB = "await_date_of_birth"
    AWAIT_SLOT = "await_slot"
    AWAIT_YES_NO = "await_yes_no"
    AWAIT_MORE = "await_anything_else"
    ENDED = "ended"


class Proposal(Enum):
    CANCEL_IT = "cancel_it"
    BOOK_INSTEAD = "book_instead"


@dataclass(frozen=True)
class DialogueSwitches:
    """Known misbehaviours, so tests can prove a tester catches them."""

    wrong_confirmation: bool = False  # reads back a time one hour off the booked one
    skip_verification: bool = False  # changes appointments after the name alone


@dataclass(frozen=True)
class ToolCall:
    id: str
    name: str
    arguments: dict[str, Any]
    result: dict[str, Any]


@dataclass(frozen=True)
class Turn:
    """One agent reply, the tool calls made to produce it, and whether the agent hangs up."""

    reply: str
    tool_calls: tuple[ToolCall, ...] = ()
    end_call: bool = False
    stage: Stage = Stage.AWAIT_REQUEST


ToolRunner = Callable[[str, dict[str, Any]], Awaitable[dict[str, Any]]]
"""Runs one tool call (name, arguments) and returns its JSON answer."""


@dataclass
class _Caller:
    name: str | None = None
    verified: bool = False
    appointments: list[dict[str, Any]] = field(default_factory=list)
    dob_attempts: int = 0


class ClinicDialogue:
    """One conversation: `opening()` if the agent speaks first, then `respond()` per message."""

    def __init__(
        self,
        switches: DialogueSwitches | None = None,
        backend: ClinicBackend | None = None,
        tools: ToolRunner | None = None,
    ) -> None:
        self.switches = switches or DialogueSwitches()
        self.backend = backend or ClinicBackend()
        self.tools = tools or self.on_backend
        self.stage = Stage.AWAIT_REQUEST
        self._caller = _Caller()
        self._task: Intent | None = None
        self._preference: str | None = None
        self._offer: tuple[str, list[str]] | None = None  # (day, slots)
        self._proposal: Proposal | None = None
        self._greeted = False
        self._calls: list[ToolCall] = []
        self._call_count = 0

    @property
    def ended(self) -> bool:
        return self.stage is Stage.ENDED

    def opening(self) -> Turn:
        self._greeted = True
        return self._turn(f"Thank you for calling {CLINIC}, how can I help you today?")

    async def respond(self, text: str) -> Turn:
        self._calls = []
        if self.ended:
            return self._turn("", end_call=True)
        reply = await self._reply_to(text, lang.intent_of(text))
        if not self._greeted:
            self._greeted = True
            reply = f"Thank you for calling {CLINIC}. {reply}"
        return self._turn(reply, end_call=self.ended)

    # --- routing --------------------------------------------------------------------------

    async def _reply_to(self, text: str, intent: Intent) -> str:
        if intent is Intent.HUMAN:
            return self._end(
                "Of course. I'm transferring you to a member of our front-desk "
                "team now, please hold."
            )
        if intent is Intent.GOODBYE:
            return self._end(f"Thank you for calling {CLINIC}. Goodbye!")
        handlers = {
            Stage.AWAIT_REQUEST: self._on_request,
            Stage.AWAIT_NAME: self._on_name,
            Stage.AWAIT_DOB: self._on_date_of_birth,
            Stage.AWAIT_SLOT: self._on_slot_choice,
            Stage.AWAIT_YES_NO: self._on_yes_no,
            Stage.AWAIT_MORE: self._on_anything_else,
        }
        return await handlers[self.stage](text, intent)

    async def _on_request(self, text: str, intent: Intent) -> str:
        if intent in TASKS:
            return await self._start_task(intent, text)
        if intent is Intent.GREETING:
            return "Hello! I can book, reschedule or cancel an appointment. What would you like?"
        return self._rephrase()

    async def _on_anything_else(self, text: str, intent: Intent) -> str:
        if intent in TASKS:
            return await self._start_task(intent, text)
        if lang.is_negation(text):
            return self._end(f"Thank you for calling {CLINIC}. Goodbye!")
        if lang.is_affirmation(text) or intent is Intent.GREETING:
            self.stage = Stage.AWAIT_REQUEST
            return "Sure, what else can I help you with?"
        return self._rephrase()

    async def _start_task(self, task: Intent, text: str) -> str:
        self._task = task
        self._preference = lang.part_of_day_preference(text) or self._preference
        lead = {
            Intent.BOOK: "I'd be happy to book an appointment for you.",
            Intent.RESCHEDULE: "I can help you reschedule your appointment.",
            Intent.CANCEL: "I can help you cancel your appointment.",
        }[task]
        if self._caller.verified:
            if task is not Intent.BOOK:  # re-read the records: they may have changed
                assert self._caller.name is not None
                found = await self._tool("find_appointments", patient_name=self._caller.name)
                if "error" not in found:
                    self._caller.appointments = answers.appointments(found)
            return await self._after_identity(lead + " ")
        self.stage = Stage.AWAIT_NAME
        return f"{lead} First, may I have your full name?"

    # --- identity -------------------------------------------------------------------------

    async def _on_name(self, text: str, intent: Intent) -> str:
        name = lang.full_name(text)
        if name is None:
            if intent in TASKS and intent is not self._task:
                return await self._start_task(intent, text)
            return "Sorry, I didn't catch your name. Could you tell me your full name?"
        self._caller.name = name
        first = name.split()[0]
        if self.switches.skip_verification:
            return await self._identify_by_name_only(name, f"Thank you, {first}. ")
        self.stage = Stage.AWAIT_DOB
        return f"Thank you, {first}. And what is your date of birth?"

    async def _identify_by_name_only(self, name: str, lead: str) -> str:
        found = await self._tool("lookup_patient", name=name)
        self._caller.verified = True
        self._caller.appointments = answers.appointments(found)
        return await self._after_identity(lead)

    async def _on_date_of_birth(self, text: str, intent: Intent) -> str:
        born = lang.date_of_birth(text)
        if born is None:
            return self._dob_not_given()
        assert self._caller.name is not None
        result = await self._tool(
            "verify_patient", name=self._caller.name, date_of_birth=born.isoformat()
        )
        if result.get("verified") is True:
            self._caller.verified = True
            self._caller.appointments = answers.appointments(result)
            return await self._after_identity("Thank you, you're verified. ")
        if "error" in result:
            return self._anything_else("I'm sorry, I can't reach our patient records right now. ")
        if result.get("reason") == "not_found":
            return await self._unknown_patient()
        return self._dob_mismatch()

    def _dob_not_given(self) -> str:
        self._caller.dob_attempts += 1
        if self._caller.dob_attempts >= MAX_DOB_ATTEMPTS:
            return self._give_up_verification()
        return (
            "I need to verify your date of birth before I can make any change to your "
            "appointments. What is your date of birth?"
        )

    def _dob_mismatch(self) -> str:
        self._caller.dob_attempts += 1
        if self._caller.dob_attempts >= MAX_DOB_ATTEMPTS:
            return self._give_up_verification()
        return "That date of birth doesn't match our records. Could you repeat it, please?"

    def _give_up_verification(self) -> str:
        self._task = None
        self.stage = Stage.AWAIT_MORE
        return (
            "I'm sorry, I can't make changes without verifying your identity. "
            "Is there anything else I can help you with?"
        )

    async def _unknown_patient(self) -> str:
        if self._task is Intent.BOOK:
            self._caller.verified = True  # a new patient: nothing of theirs to protect yet
            return await self._after_identity(
                "I don't see you in our records yet, so I'll book you in as a new patient. "
            )
        self.stage = Stage.AWAIT_NAME
        return (
            "I couldn't find a patient with that name and date of birth, so I can't change "
            "any appointment. Could you give me your full name again?"
        )

    # --- the task, once identity is settled -----------------------------------------------

    async def _after_identity(self, lead: str) -> str:
        if self._task is Intent.BOOK:
            return await self._offer_slots(lead)
        current = self._current_appointment()
        if current is None:
            self._propose(Proposal.BOOK_INSTEAD)
            return (
                f"{lead}I don't see any upcoming appointment under your name. "
                "Would you like to book one?"
            )
        when = answers.when(current["day"], current["time"])
        seen = f"{lead}I see your {current['kind']} on {when}. "
        if self._task is Intent.RESCHEDULE:
            return await self._offer_slots(seen)
        self._propose(Proposal.CANCEL_IT)
        return f"{seen}Shall I cancel it?"

    def _current_appointment(self) -> dict[str, Any] | None:
        return self._caller.appointments[0] if self._caller.appointments else None

    def _propose(self, proposal: Proposal) -> None:
        self._proposal = proposal
        self.stage = Stage.AWAIT_YES_NO

    async def _on_yes_no(self, text: str, intent: Intent) -> str:
        if intent in TASKS and not lang.is_affirmation(text):
            return await self._start_task(intent, text)
        if lang.is_negation(text):
            return self._anything_else("No problem, I've left everything as it is. ")
        if not lang.is_affirmation(text):
            return "Sorry, could you answer yes or no?"
        if self._proposal is Proposal.BOOK_INSTEAD:
            self._task = Intent.BOOK
            return await self._offer_slots("")
        return await self._cancel_current()

    async def _cancel_current(self) -> str:
        current = self._current_appointment()
        assert current is not None
        result = await self._tool("cancel_booking", confirmation=current["confirmation"])
        if "error" in result:
            return self._anything_else("I'm sorry, I couldn't cancel that appointment. ")
        self._caller.appointments.remove(current)
        when = answers.when(current["day"], self._read_back(current["time"]))
        code = result.get("cancellation_code")
        said = f"Your cancellation code is {code}. " if code else ""
        return self._anything_else(f"Done: your {current['kind']} on {when} is cancelled. {said}")

    async def _offer_slots(self, lead: str, after_day: str = "") -> str:
        for day in (d for d in self.backend.open_days() if d > after_day):
            found = await self._tool("find_slots", day=day)
            slots = answers.preferred(answers.times(found.get("slots")), self._preference)
            if slots:
                self._offer = (day, slots)
                self.stage = Stage.AWAIT_SLOT
                if len(slots) == 1:
                    when = answers.when(day, slots[0])
                    return f"{lead}The next available slot is {when}. Does that work?"
                times = " and ".join([", ".join(slots[:-1]), slots[-1]])
                return (
                    f"{lead}The next available slots are on {answers.day(day)} at {times}. "
                    "Which would you prefer?"
                )
        return self._anything_else(f"{lead}I'm sorry, I have no free slots to offer right now. ")

    async def _on_slot_choice(self, text: str, intent: Intent) -> str:
        assert self._offer is not None
        day, slots = self._offer
        chosen = lang.chosen_time(text, slots)
        if chosen is None and len(slots) == 1 and lang.is_affirmation(text):
            chosen = slots[0]
        if chosen is not None:
            return await self._book(day, chosen)
        if lang.is_negation(text) or "day" in lang.words(text):
            return await self._offer_slots("Let me look further ahead. ", after_day=day)
        return f"Which time would you like on {answers.day(day)}: {' or '.join(slots)}?"

    async def _book(self, day: str, time: str) -> str:
        assert self._caller.name is not None
        booked = await self._tool("book_slot", day=day, time=time, patient_name=self._caller.name)
        if "error" in booked:
            return await self._offer_slots("Sorry, that slot was just taken. ")
        day, time = str(booked.get("day") or day), str(booked.get("time") or time)
        when = answers.when(day, self._read_back(time))
        lead = f"Your appointment is booked for {when}. "
        previous = self._current_appointment() if self._task is Intent.RESCHEDULE else None
        if previous is not None:
            await self._tool("cancel_booking", confirmation=previous["confirmation"])
            self._caller.appointments.remove(previous)
            lead = f"All set: your {previous['kind']} has been moved to {when}. "
        code = str(booked.get("confirmation") or "")
        self._caller.appointments.append(
            {"day": day, "time": time, "kind": "appointment", "confirmation": code}
        )
        said = f"Your confirmation code is {code}. " if code else ""
        return self._anything_else(f"{lead}{said}")

    # --- plumbing -------------------------------------------------------------------------

    def _anything_else(self, lead: str) -> str:
        self._task, self._offer, self._proposal = None, None, None
        self.stage = Stage.AWAIT_MORE
        return f"{lead}Is there anything else I can help you with?"

    def _rephrase(self) -> str:
        return (
            "Sorry, I didn't understand that. Could you rephrase? I can book, reschedule or "
            "cancel an appointment, or put you through to a member of staff."
        )

    def _end(self, farewell: str) -> str:
        self.stage = Stage.ENDED
        return farewell

    def _read_back(self, time: str) -> str:
        if not self.switches.wrong_confirmation:
            return time
        hour, minute = time.split(":")
        return f"{(int(hour) + 1) % 24:02d}:{minute}"

    async def _tool(self, tool: str, **arguments: Any) -> dict[str, Any]:
        answer = await self.tools(tool, arguments)
        result = answer if isinstance(answer, dict) else {"error": "the tool gave no object"}
        self._call_count += 1
        self._calls.append(ToolCall(f"call_{self._call_count}", tool, arguments, result))
        return result

    async def on_backend(self, tool: str, arguments: dict[str, Any]) -> dict[str, Any]:
        """The tool run on the in-memory backend (the agent's real tools)."""
        result: dict[str, Any] = getattr(self.backend, tool)(**arguments)
        return result

    def _turn(self, reply: str, end_call: bool = False) -> Turn:
        return Turn(reply, tuple(self._calls), end_call, self.stage)

"""What the demo creates: a dental-clinic project, its agent, profiles and evaluators."""

from __future__ import annotations

from typing import Any

SARAH = {"name": "Sarah Johnson", "date_of_birth": "1990-01-01"}
CLEANING = {"day": "2026-11-24", "time": "10:00", "kind": "cleaning", "confirmation": "BS-1001"}
VERIFIED = {"verified": True, "patient_id": "P-77", "appointments": [CLEANING]}
MOCK_SLOT = "16:45"  # the example agent's own calendar never offers it: only the mock does
MOCK_CONFIRMATION = "MOCK-4521"

# Every tool the example agent calls; `make demo` points its tools at these mocks.
CLINIC_TOOLS: list[dict[str, Any]] = [
    {
        "name": "verify_patient",
        "description": "Check a caller's date of birth and list their appointments",
        "mock_data": [
            {"input": SARAH, "output": VERIFIED},
            {"input": {}, "output": {"verified": False, "reason": "not_found"}},
        ],
    },
    {
        "name": "lookup_patient",
        "description": "Find a patient by name",
        "mock_data": [{"input": {}, "output": {"found": False}}],
    },
    {
        "name": "find_appointments",
        "description": "A verified patient's appointments",
        "freetext_params": ["patient_name"],
        "mock_data": [{"input": {}, "output": {"appointments": [CLEANING]}}],
    },
    {
        "name": "find_slots",
        "description": "Free appointment slots on a day",
        "mock_data": [
            {"input": {"day": "2026-12-01"}, "output": {"slots": ["09:00", "14:30"]}},
            {"input": {}, "output": {"slots": []}},
        ],
    },
    {
        "name": "book_slot",
        "description": "Book a slot for a patient",
        "freetext_params": ["patient_name"],
        "mock_data": [
            {
                "input": {"day": "2026-12-01", "time": "14:30"},
                "output": {"confirmation": "BS-1042"},
            },
            {
                "input": {"day": "2026-12-01", "time": "09:00"},
                "output": {"confirmation": "BS-1043"},
            },
        ],
    },
    {
        "name": "cancel_booking",
        "description": "Cancel a booking by its confirmation code",
        "mock_data": [{"input": {}, "output": {"cancelled": True, "cancellation_code": "BS-1044"}}],
    },
]

AGENT: dict[str, Any] = {
    "name": "Bright Smile reception",
    "description": (
        "You are the receptionist of Bright Smile Dental. You book, reschedule and cancel "
        "appointments for {{customer_name}} after verifying their date of birth, and you "
        "confirm every change by reading back the date and time."
    ),
    "language": "en",
    "inbound": True,
    "provider": {
        "type": "self_hosted",
        "chat_agent_details": {
            "type": "self_hosted",
            "config": {"url": "", "headers": {"X-Clinic": "bright-smile"}},
        },
    },
    "mock_tools": CLINIC_TOOLS,
    "dynamic_variables": [{"name": "customer_name", "description": "The caller's full name"}],
}

TEST_PROFILE: dict[str, Any] = {
    "name": "Sarah Johnson",
    "information": {
        "main_agent_variables": {"customer_name": "Sarah Johnson", "X-Patient-Id": "P-77"},
        "testing_agent_variables": {"name": "Sarah Johnson", "date_of_birth": "1990-01-01"},
    },
}

FOLDERS = [("Appointments", None), ("Changes", "Appointments")]  # (name, parent_path)

RESCHEDULE_ACTIONS: dict[str, Any] = {
    "role": "A patient who wants to move a cleaning",
    "conditions": [
        {
            "id": 0,
            "condition": "FIRST_MESSAGE",
            "action": "Hi, I need to move my cleaning.",
            "type": "standard",
            "fixed_message": True,
        },
        {
            "id": 1,
            "condition": "The agent asks for your name",
            "action": "It's {{test_profile.name}}.",
            "type": "standard",
            "fixed_message": True,
        },
        {
            "id": 2,
            "condition": "The agent asks for your date of birth",
            "action": "January first, nineteen ninety.",
            "type": "standard",
            "fixed_message": True,
        },
        {
            "id": 3,
            "condition": 'contains "14:30"',
            "action": "Yes, half past two works.",
            "type": "standard",
            "fixed_message": True,
        },
        {
            "id": 4,
            "condition": 3,
            "action": "<endcall/>",
            "type": "action_followup",
            "fixed_message": True,
        },
    ],
}

MOCKED_ACTIONS: dict[str, Any] = {
    **RESCHEDULE_ACTIONS,
    "conditions": [
        {**c, "condition": f'contains "{MOCK_SLOT}"', "action": "Yes, that works."}
        if c["id"] == 3
        else c
        for c in RESCHEDULE_ACTIONS["conditions"]
    ],
}


def _entry(tool: str, given: dict[str, Any], answer: dict[str, Any]) -> dict[str, Any]:
    return {"tool_name": tool, "new_entry": {"input": given, "output": answer}}


# This evaluator's own mock answers (they come before the tools' mock_data), and so the
# tool calls Mock Tool Call Accuracy expects.
MOCKED_ENTRIES = [
    _entry("verify_patient", SARAH, VERIFIED),
    _entry("find_slots", {"day": "2026-12-01"}, {"slots": [MOCK_SLOT]}),
    _entry(
        "book_slot",
        {"day": "2026-12-01", "time": MOCK_SLOT},
        {"confirmation": MOCK_CONFIRMATION},
    ),
    _entry("cancel_booking", {"confirmation": "BS-1001"}, {"cancelled": True}),
]

SCENARIOS: list[dict[str, Any]] = [
    {
        "name": "Book a first visit",
        "scenario_type": "instruction",
        "instructions": "Call to book a first check-up next week, mornings only. Give your name "
        "and date of birth when asked.",
        "expected_outcome_prompt": (
            "The agent books a morning slot and reads back the date and time."
        ),
        "tags": ["booking", "smoke"],
        "folder_path": "Appointments",
    },
    {
        "name": "Reschedule a cleaning (scripted)",
        "scenario_type": "conditional_actions",
        "conditional_actions": RESCHEDULE_ACTIONS,
        "expected_outcome_prompt": (
            "The agent verifies identity, offers 14:30 and confirms the change."
        ),
        "tags": ["reschedule", "smoke"],
        "folder_path": "Appointments.Changes",
    },
    {
        "name": "Move a cleaning to the mocked slot",
        "scenario_type": "conditional_actions",
        "conditional_actions": MOCKED_ACTIONS,
        "generated_mock_tool_entries": MOCKED_ENTRIES,
        "expected_outcome_prompt": (
            f"The agent offers {MOCK_SLOT}, moves the cleaning and gives the code "
            f"{MOCK_CONFIRMATION}."
        ),
        "tags": ["reschedule", "mock-tools"],
        "folder_path": "Appointments.Changes",
    },
    {
        "name": "Cancel without identity",
        "scenario_type": "instruction",
        "instructions": "Try to cancel an appointment but refuse to give your date of birth.",
        "expected_outcome_prompt": "The agent refuses to cancel until identity is verified.",
        "tags": ["cancel", "security"],
        "folder_path": "Appointments.Changes",
    },
]

PREDEFINED_METRICS = [
    "Expected Outcome",
    "Latency (in ms)",
    "Infrastructure Issues",
    "Tool Call Success",
    "Mock Tool Call Accuracy",
]
MOCK_ONLY_METRICS = ("Mock Tool Call Accuracy",)  # for evaluators that expect tool calls


AGENT_SECRET = "demo-shared-secret"
NOT_YET_LISTENING = "ws://127.0.0.1:9/chat"  # until the example agent starts
RUN_FREQUENCY = 2


def agent_body(project_id: int, url: str) -> dict[str, Any]:
    """The demo agent, reached at `url` with the shared websocket secret."""
    chat = AGENT["provider"]["chat_agent_details"]
    config = {**chat["config"], "url": url, "websocket_secret": AGENT_SECRET}
    provider = {**AGENT["provider"], "chat_agent_details": {**chat, "config": config}}
    return {**AGENT, "project": project_id, "provider": provider}

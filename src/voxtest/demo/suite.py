"""What the demo creates: a dental-clinic project, its agent, profiles and evaluators."""

from __future__ import annotations

from typing import Any

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
    "mock_tools": [
        {
            "name": "find_slots",
            "description": "Free appointment slots on a day",
            "mock_data": [
                {"input": {"day": "2026-12-01"}, "output": {"slots": ["09:00", "14:30"]}},
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
            ],
        },
    ],
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
]


AGENT_SECRET = "demo-shared-secret"
RUN_FREQUENCY = 2


def agent_body(project_id: int, url: str) -> dict[str, Any]:
    """The demo agent, reached at `url` with the shared websocket secret."""
    chat = AGENT["provider"]["chat_agent_details"]
    config = {**chat["config"], "url": url, "websocket_secret": AGENT_SECRET}
    provider = {**AGENT["provider"], "chat_agent_details": {**chat, "config": config}}
    return {**AGENT, "project": project_id, "provider": provider}

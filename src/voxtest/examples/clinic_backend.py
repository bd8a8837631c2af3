"""The clinic's in-memory records and the tools the receptionist calls on them.

Every connection gets a fresh `ClinicBackend`, so each conversation starts from the same
calendar and hands out the same confirmation codes: runs are reproducible.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from datetime import date
from typing import Any


@dataclass(frozen=True)
class Patient:
    patient_id: str
    name: str
    date_of_birth: date


@dataclass(frozen=True)
class Booking:
    confirmation: str
    patient_id: str
    day: str  # ISO date
    time: str  # "HH:MM"
    kind: str

    def as_json(self) -> dict[str, str]:
        return {
            "confirmation": self.confirmation,
            "day": self.day,
            "time": self.time,
            "kind": self.kind,
        }


def _patients() -> dict[str, Patient]:
    people = [
        Patient("P-77", "Sarah Johnson", date(1990, 1, 1)),
        Patient("P-12", "Tom Baker", date(1985, 6, 15)),
        Patient("P-31", "Maria Garcia", date(1978, 3, 22)),
    ]
    return {p.patient_id: p for p in people}


def _bookings() -> dict[str, Booking]:
    taken = [
        Booking("BS-1001", "P-77", "2026-11-24", "10:00", "cleaning"),
        Booking("BS-1002", "P-12", "2026-11-26", "09:30", "check-up"),
    ]
    return {b.confirmation: b for b in taken}


def _free_slots() -> dict[str, list[str]]:
    return {
        "2026-12-01": ["09:00", "14:30"],
        "2026-12-02": ["10:00", "15:00"],
        "2026-12-03": ["08:30", "11:30", "16:00"],
    }


@dataclass
class ClinicBackend:
    """Patients, bookings and free slots; the tool methods return JSON-ready results."""

    patients: dict[str, Patient] = field(default_factory=_patients)
    bookings: dict[str, Booking] = field(default_factory=_bookings)
    free_slots: dict[str, list[str]] = field(default_factory=_free_slots)
    _codes: itertools.count[int] = field(default_factory=lambda: itertools.count(1042))

    def open_days(self) -> list[str]:
        return sorted(day for day, slots in self.free_slots.items() if slots)

    def patient_named(self, name: str) -> Patient | None:
        wanted = name.casefold()
        return next((p for p in self.patients.values() if p.name.casefold() == wanted), None)

    def appointments_of(self, patient_id: str) -> list[Booking]:
        mine = [b for b in self.bookings.values() if b.patient_id == patient_id]
        return sorted(mine, key=lambda b: (b.day, b.time))

    # --- tools ----------------------------------------------------------------------------

    def verify_patient(self, name: str, date_of_birth: str) -> dict[str, Any]:
        patient = self.patient_named(name)
        if patient is None:
            return {"verified": False, "reason": "not_found"}
        if patient.date_of_birth.isoformat() != date_of_birth:
            return {"verified": False, "reason": "date_of_birth_mismatch"}
        return {
            "verified": True,
            "patient_id": patient.patient_id,
            "appointments": [b.as_json() for b in self.appointments_of(patient.patient_id)],
        }

    def lookup_patient(self, name: str) -> dict[str, Any]:
        """Finds a patient by name alone (used only when verification is skipped)."""
        patient = self.patient_named(name)
        if patient is None:
            return {"found": False}
        return {
            "found": True,
            "patient_id": patient.patient_id,
            "appointments": [b.as_json() for b in self.appointments_of(patient.patient_id)],
        }

    def find_appointments(self, patient_name: str) -> dict[str, Any]:
        """A known patient's bookings, re-read when a verified caller asks for another change."""
        patient = self.patient_named(patient_name)
        mine = self.appointments_of(patient.patient_id) if patient else []
        return {"appointments": [b.as_json() for b in mine]}

    def find_slots(self, day: str) -> dict[str, Any]:
        return {"slots": list(self.free_slots.get(day, []))}

    def book_slot(self, day: str, time: str, patient_name: str) -> dict[str, Any]:
        if time not in self.free_slots.get(day, []):
            return {"error": "slot_unavailable"}
        patient = self.patient_named(patient_name) or self._register(patient_name)
        self.free_slots[day].remove(time)
        booking = Booking(self._next_code(), patient.patient_id, day, time, "appointment")
        self.bookings[booking.confirmation] = booking
        return booking.as_json()

    def cancel_booking(self, confirmation: str) -> dict[str, Any]:
        booking = self.bookings.pop(confirmation, None)
        if booking is None:
            return {"error": "no_such_booking"}
        self.free_slots.setdefault(booking.day, []).append(booking.time)
        self.free_slots[booking.day].sort()
        return {"cancelled": True, "cancellation_code": self._next_code()}

    def _register(self, name: str) -> Patient:
        patient = Patient(f"P-{100 + len(self.patients)}", name, date.min)
        self.patients[patient.patient_id] = patient
        return patient

    def _next_code(self) -> str:
        return f"BS-{next(self._codes)}"

"""The example clinic agent over a real websocket on loopback, as a Cekura caller sees it."""

from __future__ import annotations

import asyncio
import time
from typing import Any

import pytest
from websockets.asyncio.client import connect
from websockets.exceptions import ConnectionClosedError, ConnectionClosedOK, InvalidStatus

from tests.examples.chat_client import expect_agent_end_call, next_reply, say
from voxtest.demo.suite import RESCHEDULE_ACTIONS, TEST_PROFILE
from voxtest.examples.clinic_agent import ClinicAgentOptions, ClinicAgentServer
from voxtest.protocols import chat_ws
from voxtest.protocols.chat_ws import Content, FunctionCall, FunctionCallResult

CALLER_HEADERS = {
    "X-VOCERA-SECRET": "s3cret",
    "X-VOCERA-SCENARIO-ID": "12",
    "X-VOCERA-RESULT-ID": "34",
    "X-VOCERA-RUN-ID": "56",
    "X-Clinic": "bright-smile",
    "X-Patient-Id": "P-77",
}


def _options(**switches: Any) -> ClinicAgentOptions:
    """Agent options for tests: a short end-call grace period plus `switches`."""
    return ClinicAgentOptions(**{"end_call_grace_s": 0.2, **switches})


def _demo_line(condition_id: int) -> str:
    """The demo's scripted caller line, with the test profile filled in."""
    action = RESCHEDULE_ACTIONS["conditions"][condition_id]["action"]
    name = TEST_PROFILE["information"]["testing_agent_variables"]["name"]
    return str(action).replace("{{test_profile.name}}", name)


async def test_demo_reschedule_script_succeeds_and_logs_tools_before_replies() -> None:
    async with ClinicAgentServer(_options()) as agent:
        async with connect(agent.url, additional_headers=CALLER_HEADERS) as ws:
            greeting = await next_reply(ws)
            assert "Bright Smile Dental" in greeting.text and greeting.tools == []
            asks_name = await say(ws, _demo_line(0))
            assert "your full name" in asks_name.text and asks_name.tools == []
            asks_dob = await say(ws, _demo_line(1))
            assert "date of birth" in asks_dob.text and asks_dob.tools == []
            offer = await say(ws, _demo_line(2))
            assert offer.tools == ["verify_patient", "find_slots"]
            assert "14:30" in offer.text and "24 November 2026 at 10:00" in offer.text
            done = await say(ws, _demo_line(3))
            assert done.tools == ["book_slot", "cancel_booking"]
            assert "moved to Tuesday 1 December 2026 at 14:30" in done.text
            assert "BS-1042" in done.text
            await ws.send(chat_ws.end_call_frame(""))
            await ws.wait_closed()
            assert ws.close_code == 1000
    log = agent.connections[0]
    assert (log.scenario_id, log.result_id, log.run_id) == ("12", "34", "56")
    assert log.header("x-vocera-run-id") == "56" and log.header("X-Patient-Id") == "P-77"
    assert log.ended_by == "caller_end_call" and log.replies == 5


async def test_tool_logs_pair_call_and_result_ids_in_order() -> None:
    async with ClinicAgentServer(_options(speaks_first=False)) as agent:
        async with connect(agent.url) as ws:
            await say(ws, "I need to reschedule")
            await say(ws, "Sarah Johnson")
            offer = await say(ws, "1990-01-01")
    calls = [f for f in offer.frames if isinstance(f, FunctionCall)]
    results = [f for f in offer.frames if isinstance(f, FunctionCallResult)]
    assert [type(f) for f in offer.frames] == [
        FunctionCall,
        FunctionCallResult,
        FunctionCall,
        FunctionCallResult,
        Content,
    ]
    assert [c.id for c in calls] == [r.id for r in results] == ["call_1", "call_2"]
    assert calls[0].arguments == {"name": "Sarah Johnson", "date_of_birth": "1990-01-01"}
    assert results[1].result == {"slots": ["09:00", "14:30"]}


async def test_book_flow_when_the_agent_waits_then_hangs_up_on_goodbye() -> None:
    async with ClinicAgentServer(_options(speaks_first=False)) as agent:
        async with connect(agent.url) as ws:
            first = await say(ws, "Hello, I'd like to book a check-up, mornings only please.")
            assert first.text.startswith("Thank you for calling Bright Smile Dental.")
            assert "full name" in first.text
            await say(ws, "My name is Alex Doe.")
            offer = await say(ws, "March 4th, 1995")
            assert offer.tools == ["verify_patient", "find_slots"]
            assert "new patient" in offer.text and "at 09:00" in offer.text
            assert "14:30" not in offer.text  # mornings only
            booked = await say(ws, "Yes, that works.")
            assert booked.call("book_slot").arguments == {
                "day": "2026-12-01",
                "time": "09:00",
                "patient_name": "Alex Doe",
            }
            assert "booked for Tuesday 1 December 2026 at 09:00" in booked.text
            assert "confirmation code is BS-1042" in booked.text
            bye = await say(ws, "No, that's all. Bye!")
            assert "Goodbye" in bye.text
            await expect_agent_end_call(ws)
            await ws.wait_closed()
    assert agent.connections[0].ended_by == "agent_end_call"


async def _cancel_until_asked_for_dob(ws_url: str) -> list[str]:
    """Tools the agent called before asking for a date of birth, then refusing to give one."""
    async with connect(ws_url) as ws:
        await next_reply(ws)
        await say(ws, "I want to cancel my appointment.")
        after_name = await say(ws, "Tom Baker")
        tools = list(after_name.tools)
        for _ in range(3):
            refusal = await say(ws, "I'd rather not say.")
            tools += refusal.tools
        assert "can't make changes without verifying your identity" in refusal.text
        return [*tools, after_name.text]


async def test_identity_is_required_before_any_change() -> None:
    async with ClinicAgentServer(_options()) as agent:
        *tools, after_name = await _cancel_until_asked_for_dob(agent.url)
        assert tools == [] and "date of birth" in after_name
        async with connect(agent.url) as ws:
            await next_reply(ws)
            await say(ws, "Please cancel my appointment")
            await say(ws, "Tom Baker")
            wrong = await say(ws, "June 16th, 1985")
            assert wrong.tools == ["verify_patient"] and "doesn't match" in wrong.text
            right = await say(ws, "June 15th, 1985")
            assert "check-up on Thursday 26 November 2026 at 09:30" in right.text
            cancelled = await say(ws, "Yes please.")
            assert cancelled.tools == ["cancel_booking"] and "cancellation code" in cancelled.text


async def test_skip_verification_changes_appointments_after_the_name_alone() -> None:
    options = _options(skip_verification=True)
    async with ClinicAgentServer(options) as agent, connect(agent.url) as ws:
        await next_reply(ws)
        await say(ws, "I want to cancel my appointment.")
        proposal = await say(ws, "Tom Baker")
        assert proposal.tools == ["lookup_patient"]
        assert "date of birth" not in proposal.text and "Shall I cancel it?" in proposal.text
        cancelled = await say(ws, "yes")
        assert cancelled.tools == ["cancel_booking"]


async def test_wrong_confirmation_reads_back_another_time_than_booked() -> None:
    options = _options(wrong_confirmation=True)
    async with ClinicAgentServer(options) as agent, connect(agent.url) as ws:
        await next_reply(ws)
        for line in ("I need to move my cleaning.", "It's Sarah Johnson.", "1/1/1990"):
            await say(ws, line)
        done = await say(ws, "14:30 please")
    booked = next(
        f.result for f in done.frames if isinstance(f, FunctionCallResult) and f.id == "call_3"
    )
    assert booked["time"] == "14:30"
    assert "at 15:30" in done.text and "14:30" not in done.text


async def test_reply_delay_is_applied_to_every_reply() -> None:
    async with ClinicAgentServer(_options(reply_delay_ms=300)) as agent:
        async with connect(agent.url) as ws:
            await next_reply(ws)
            for line in ("hello", "I want to book an appointment"):
                sent = time.monotonic()
                await say(ws, line)
                assert 0.29 <= time.monotonic() - sent < 3.0


async def test_no_delay_by_default() -> None:
    async with ClinicAgentServer(_options()) as agent, connect(agent.url) as ws:
        await next_reply(ws)
        sent = time.monotonic()
        await say(ws, "hello")
        assert time.monotonic() - sent < 0.25


async def test_drop_after_aborts_the_connection_without_a_close_frame() -> None:
    async with ClinicAgentServer(_options(drop_after=2)) as agent:
        async with connect(agent.url) as ws:
            await next_reply(ws)  # reply 1: the greeting
            await say(ws, "I'd like to book an appointment")  # reply 2
            with pytest.raises(ConnectionClosedError) as closed:
                await say(ws, "Sarah Johnson")
            assert closed.value.rcvd is None  # abrupt: no close frame from the agent
    assert agent.connections[0].ended_by == "dropped"


async def test_wrong_or_missing_secret_is_refused_on_upgrade() -> None:
    async with ClinicAgentServer(_options(secret="s3cret")) as agent:
        for headers in ({**CALLER_HEADERS, "X-VOCERA-SECRET": "nope"}, {}):
            with pytest.raises(InvalidStatus) as refused:
                async with connect(agent.url, additional_headers=headers):
                    pass
            assert refused.value.response.status_code == 401
        async with connect(agent.url, additional_headers=CALLER_HEADERS) as ws:
            assert "Bright Smile" in (await next_reply(ws)).text
    assert [c.refused for c in agent.connections] == [True, True, False]


async def test_caller_end_call_stops_replies_and_closes_after_the_grace_period() -> None:
    async with ClinicAgentServer(ClinicAgentOptions(end_call_grace_s=0.3)) as agent:
        async with connect(agent.url) as ws:
            await next_reply(ws)
            sent = time.monotonic()
            await ws.send(chat_ws.end_call_frame("Thanks, bye."))
            with pytest.raises(ConnectionClosedOK):
                await asyncio.wait_for(ws.recv(), 5)  # no reply, only the close
            assert 0.25 <= time.monotonic() - sent < 3.0
            assert ws.close_code == 1000
    log = agent.connections[0]
    assert log.ended_by == "caller_end_call" and log.replies == 1


async def test_idle_connection_is_closed() -> None:
    async with ClinicAgentServer(ClinicAgentOptions(idle_timeout_s=0.3)) as agent:
        async with connect(agent.url) as ws:
            await next_reply(ws)
            with pytest.raises(ConnectionClosedOK):
                await asyncio.wait_for(ws.recv(), 5)
            assert (ws.close_code, ws.close_reason) == (1000, "idle timeout")


async def test_malformed_frame_closes_with_1007() -> None:
    async with ClinicAgentServer(_options()) as agent:
        async with connect(agent.url) as ws:
            await next_reply(ws)
            await ws.send("not json")
            with pytest.raises(ConnectionClosedError):
                await asyncio.wait_for(ws.recv(), 5)
            assert ws.close_code == chat_ws.CLOSE_INVALID_FRAME


async def test_each_connection_starts_from_the_same_calendar() -> None:
    async with ClinicAgentServer(_options(speaks_first=False)) as agent:
        codes = []
        for _ in range(2):
            async with connect(agent.url) as ws:
                for line in ("book an appointment", "Maria Garcia", "March 22nd, 1978"):
                    await say(ws, line)
                codes.append((await say(ws, "half past two")).call("book_slot"))
    assert codes[0].arguments == codes[1].arguments
    assert len(agent.connections) == 2

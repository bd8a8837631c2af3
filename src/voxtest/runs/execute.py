"""One run, start to finish: build the channel and the caller, hold the conversation, and
turn its outcome into what is stored (`Finished`).

Conditional-actions scenarios are played by the engine with `judging.for_runs` (the condition
cascade, with the keyword judge for what it leaves undecided; what decided is recorded in the
run's details under "judge"); their non-fixed lines are paraphrased by the caller's model, with
the conversation so far, when one is configured. Their auto-run REST functions are called
first (`runs.functions`; what each did is in the details under "functions"), and the caller
waits for the agent or speaks first as the agent's `agent_speaks_first` says.
Instruction scenarios need the caller's model: without one the run fails with the message
naming the settings to set.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from voxtest.channels.base import Channel
from voxtest.channels.text_ws import TextWebsocketChannel
from voxtest.domain.actions_engine import InvalidScript, Script
from voxtest.errors import ConfigError
from voxtest.judging import for_runs
from voxtest.llm.base import ChatModel
from voxtest.llm.registry import caller_model
from voxtest.runner import limits as reasons
from voxtest.runner.conversation import ConversationOutcome, Paraphrase, run_conversation
from voxtest.runner.simulated_caller import SECTIONS, CallerBrief, SimulatedCaller
from voxtest.runs.functions import FunctionResults, run_functions
from voxtest.runs.instruction import run_instruction
from voxtest.runs.live import Watch
from voxtest.runs.plan import NO_URL, RunPlan
from voxtest.runs.store import Finished
from voxtest.settings import Settings

SILENT_ENDS = (reasons.MAIN_AGENT_DID_NOT_ANSWER, reasons.MAIN_AGENT_SILENCE_TIMED_OUT)


async def execute(plan: RunPlan, settings: Settings, watch: Watch | None = None) -> Finished:
    """Hold the run's conversation; `watch` keeps what it said for a cancelled run."""
    if plan.voice is not None:
        from voxtest.runs.voice import execute_voice

        return await execute_voice(plan, plan.voice, settings, watch)
    if not plan.url:
        return failed(NO_URL, reasons.TESTING_AGENT_DID_NOT_CONNECT)
    model, error = model_for(plan, settings)
    if error is not None:
        return error
    wrap = watch.wrap if watch is not None else _as_is
    try:
        calls = await run_functions(  # the script's auto-run REST functions, at call start
            plan.functions, plan.variables(), allow_private=settings.allow_private_urls
        )
        plan = replace(plan, function_outputs=calls.outputs)
        outcome = await _converse(plan, settings, model, wrap(lambda: text_channel(plan, settings)))
    finally:
        if model is not None:
            await model.aclose()
    return with_functions(finished(outcome), calls)


def _as_is(open_channel: Callable[[], Channel]) -> Callable[[], Channel]:
    return open_channel


def model_for(plan: RunPlan, settings: Settings) -> tuple[ChatModel | None, Finished | None]:
    """The caller's model; without one, instruction scenarios fail (the message names the
    settings) and conditional actions go on with their fixed lines."""
    try:
        return caller_model(settings, plan.caller.model), None
    except ConfigError as exc:
        if plan.scenario_type != "conditional_actions":
            return None, failed(str(exc), reasons.TESTING_AGENT_PIPELINE_ERROR)
        return None, None


def with_functions(done: Finished, calls: FunctionResults) -> Finished:
    """What each REST function did, in the run's metadata."""
    if not calls.calls:
        return done
    return replace(done, details={**done.details, "functions": calls.details()})


def text_channel(plan: RunPlan, settings: Settings) -> Channel:
    return TextWebsocketChannel(
        plan.url or "",
        headers=plan.headers,
        secret=plan.secret,
        ids=plan.ids,
        profile_variables=_agent_variables(plan.profile),
        allow_private=settings.allow_private_agent_urls,
    )


async def _converse(
    plan: RunPlan,
    settings: Settings,
    model: ChatModel | None,
    open_channel: Callable[[], Channel],
) -> ConversationOutcome | Finished:
    channel = open_channel()
    caller = simulated_caller(model, plan)
    if plan.scenario_type != "conditional_actions":
        assert caller is not None  # execute() returned early without a model
        return await run_instruction(channel, caller, limits=plan.limits)
    try:
        script = Script.from_json(json.loads(plan.instructions))
    except (ValueError, InvalidScript) as exc:
        return failed(f"The scenario's conditional actions are invalid: {exc}")
    judge = await for_runs(settings)
    try:
        outcome = await run_conversation(
            channel,
            script,
            judge,
            variables=plan.variables(),
            limits=plan.limits,
            agent_speaks_first=plan.agent_speaks_first,
            paraphrase=paraphrase_of(caller),
        )
    finally:
        await judge.aclose()
    done = finished(outcome)
    return replace(done, details={**done.details, "judge": judge.report()})


def simulated_caller(model: ChatModel | None, plan: RunPlan) -> SimulatedCaller | None:
    """The caller on the agent's simulation settings, where it set them."""
    if model is None:
        return None
    brief = CallerBrief(
        instructions=plan.instructions,
        personality_prompt=plan.personality_prompt,
        language=plan.language,
        test_profile=plan.profile,
        simulation_prompt=plan.caller.system_prompt,
    )
    caller = SimulatedCaller(model, brief)
    if plan.caller.temperature is not None:
        caller.temperature = plan.caller.temperature
    if plan.caller.max_tokens is not None:
        caller.max_tokens = plan.caller.max_tokens
    return caller


def paraphrase_of(caller: SimulatedCaller | None) -> Paraphrase | None:
    """Non-fixed lines phrased by the caller's model with the conversation so far."""
    return caller.paraphrase_after if caller is not None else None


def _agent_variables(profile: dict[str, Any]) -> dict[str, Any]:
    """What the agent may learn from the profile (its `X-` keys become headers)."""
    if not any(section in profile for section in SECTIONS):
        return dict(profile)
    return dict(profile.get("main_agent_variables") or {})


def finished(outcome: ConversationOutcome | Finished) -> Finished:
    if isinstance(outcome, Finished):
        return outcome
    status = "completed" if outcome.error is None else "failed"
    error = outcome.error
    if not outcome.connected:
        error = f"{outcome.end_reason}: {error}"
    if outcome.end_reason in SILENT_ENDS:
        status = "timeout"
    latencies = outcome.latencies_ms()
    details: dict[str, Any] = {
        "ended_reason": outcome.end_reason,
        "connected": outcome.connected,
        "connect_attempts": outcome.connect_attempts,
    }
    if latencies:
        details["latency_ms"] = {
            "average": round(sum(latencies) / len(latencies), 1),
            "max": max(latencies),
        }
    return Finished(
        status=status,
        ended_reason=outcome.end_reason,
        error_message=error,
        duration_s=outcome.duration_s,
        transcript=outcome.transcript.to_cekura(),
        details=details,
    )


def failed(message: str, reason: str = reasons.TESTING_AGENT_PIPELINE_ERROR) -> Finished:
    """A run that ended before any conversation."""
    return Finished(
        status="failed",
        ended_reason=reason,
        error_message=message,
        duration_s=0.0,
        transcript=[],
        details={"ended_reason": reason, "connected": False},
    )

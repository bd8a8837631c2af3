"""`run_scenarios_json/`: run the test cases of a tests-as-code spec, or (`dry_run`) say what
would run.

Nothing of the spec is saved as an evaluator: each run's snapshot holds its test case
(instructions or script, expected outcome, inline personality and test profile), which the
executor plays like a stored scenario. Only the `text` channel is supported.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from voxtest.api.auth import Principal
from voxtest.domain import suite_spec
from voxtest.domain.suite_spec import Suite
from voxtest.errors import NotFound, ValidationFailed
from voxtest.services import runs_read, tenancy
from voxtest.services.common import iso, raise_if
from voxtest.services.run_json_refs import ResolvedCase, Resolver
from voxtest.storage.tables import Agent, Result, Run

SUPPORTED_CHANNELS = ("text",)
DEFAULT_CHANNEL = "text"
SOURCE = "json_spec"


async def run_scenarios_json(
    session: AsyncSession, principal: Principal, body: dict[str, Any], *, dry_run: bool
) -> dict[str, Any]:
    """Validate the request and its spec (every problem at once), then create the Result and
    its pending Runs, or with `dry_run` describe them without creating anything."""
    spec, errors = request_problems(body)
    raise_if(errors)
    suite = suite_spec.parse(spec)
    agent = await _agent(session, principal, body["agent_id"])
    resolver = Resolver(session, principal, agent)
    cases = await resolver.resolve(suite.cases)
    raise_if({"spec": resolver.problems} if resolver.problems else {})
    if dry_run:
        return dry_run_answer(agent, cases)
    result = _new_result(principal, agent, suite, body)
    session.add(result)
    await session.flush()
    runs = [_new_run(result, case, n) for case in cases for n in range(case.case.frequency)]
    session.add_all(runs)
    await session.flush()
    await session.refresh(result)
    return {
        "id": result.id,
        "agent": result.agent_id,
        "status": result.status,
        "run_as_text": result.run_as_text,
        "runs": [_created(run) for run in runs],
        "created_at": iso(result.created_at),
    }


def request_problems(body: dict[str, Any]) -> tuple[dict[str, Any], dict[str, list[str]]]:
    """The spec the request carries (`spec` or `file`) and every problem of the request."""
    errors: dict[str, list[str]] = {}
    channel = body.get("channel") or DEFAULT_CHANNEL
    if channel not in SUPPORTED_CHANNELS:
        errors["channel"] = [
            f'Channel "{channel}" is not supported by voxtest; supported: '
            f"{', '.join(SUPPORTED_CHANNELS)}."
        ]
    if body.get("agent_id") is None:
        errors["agent_id"] = ["This field is required."]
    spec, field, problem = _spec_of(body)
    if problem:
        errors[field] = [problem]
    elif spec is not None:
        found = suite_spec.problems(spec)
        if found:
            errors["spec"] = found
    return spec or {}, errors


def _spec_of(body: dict[str, Any]) -> tuple[Any, str, str | None]:
    """(spec, the field it came from, why it is unusable)."""
    has_spec, has_file = body.get("spec") is not None, body.get("file") is not None
    if has_spec and has_file:
        return None, "spec", "Send either spec or file, not both."
    if not has_spec and not has_file:
        return None, "spec", "This field is required (or send the spec as file)."
    field = "spec" if has_spec else "file"
    value = body[field]
    if not isinstance(value, str):
        return value, field, None
    try:
        return json.loads(value), field, None
    except ValueError as exc:
        return None, field, f"Not valid JSON: {exc}."


async def _agent(session: AsyncSession, principal: Principal, agent_id: int) -> Agent:
    try:
        return await tenancy.owned(session, principal, Agent, agent_id)
    except NotFound:
        raise ValidationFailed({"agent_id": ["Agent not found."]}) from None


def dry_run_answer(agent: Agent, cases: list[ResolvedCase]) -> dict[str, Any]:
    """The Result that would be created, without ids: one entry per run it would make."""
    return {
        "agent": agent.id,
        "status": "pending",
        "run_as_text": True,
        "runs": [
            {
                "status": "pending",
                "inbound_number": None,
                "scenario_name": case.case.name,
                "test_profile_data": case.caller.test_profile_data,
            }
            for case in cases
            for _ in range(case.case.frequency)
        ],
    }


def _new_result(principal: Principal, agent: Agent, suite: Suite, body: dict[str, Any]) -> Result:
    settings: dict[str, Any] = {
        "source": SOURCE,
        "channel": DEFAULT_CHANNEL,
        "spec_version": "1",
        "test_cases": len(suite.cases),
        "total_runs": suite.total_runs,
    }
    return Result(
        organization_id=principal.organization_id,
        project_id=agent.project_id,
        agent_id=agent.id,
        name=body.get("name") or suite.name,
        status="pending",
        run_as_text=True,
        run_type="Text",
        concurrency_limit=suite.concurrency_limit,
        run_settings=settings,
        connection={"url": None, "headers": {}},
    )


def _new_run(result: Result, resolved: ResolvedCase, repetition: int) -> Run:
    return Run(
        organization_id=result.organization_id,
        project_id=result.project_id,
        agent_id=result.agent_id,
        result_id=result.id,
        scenario_id=None,
        personality_id=resolved.caller.personality_id,
        test_profile_id=resolved.caller.test_profile_id,
        status="pending",
        snapshot=snapshot(resolved, repetition + 1),
    )


def snapshot(resolved: ResolvedCase, repetition: int) -> dict[str, Any]:
    """The run's test case, complete: the executor needs no Scenario row to play it."""
    case, caller = resolved.case, resolved.caller
    snap: dict[str, Any] = {
        "source": SOURCE,
        "scenario_name": case.name,
        "scenario_key": case.key,
        "repetition": repetition,
        "scenario_type": case.scenario_type,
        "instructions": case.instructions,
        "expected_outcome_prompt": case.expected_outcome,
        "first_message": case.first_message,
        "language": resolved.language,
        "max_duration": case.max_duration,
        "generated_mock_tool_entries": [],
        "tool_ids": list(case.tool_ids),
        "tags": list(case.tags),
        "metrics": list(resolved.metric_ids),
        "personality_name": caller.personality_name,
        "test_profile_name": caller.test_profile_name,
        "test_profile_data": caller.test_profile_data,
    }
    if caller.personality_prompt is not None:
        snap["personality_prompt"] = caller.personality_prompt
    if caller.test_profile_information is not None:
        snap["test_profile_information"] = caller.test_profile_information
    return snap


def _created(run: Run) -> dict[str, Any]:
    """A run of the answer; `scenario` is left out, a spec's test case is no stored scenario."""
    shown = runs_read.created_run(run)
    if shown.get("scenario") is None:
        shown.pop("scenario", None)
    return shown

"""Everything one run needs, read from the database in one go (`load_plan`).

The connection: the request's `websocket_url` or the agent's `chat_agent_details` (self-hosted
url and headers, the sealed `websocket_secret`), the request's headers merged over the
agent's. The limits: the project's `max_call_duration` and `max_messages_chat_runs_limit`,
the scenario's `max_duration` when shorter.

A run of a JSON spec has no Scenario row: its snapshot holds the test case, with the inline
personality prompt and test profile (`personality_prompt`, `test_profile_information`).

Who speaks first is the agent's `agent_speaks_first` (None: the caller waits briefly for a
greeting). A conditional-actions script's REST functions are read here; their outputs are
added by `runs.execute` once they have run, and `variables()` gives the template namespaces.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from voxtest.channels.livekit_server import LiveKitTarget
from voxtest.channels.text_ws import RunIds
from voxtest.domain import rest_functions
from voxtest.domain.rest_functions import RestFunction
from voxtest.runner.limits import Limits
from voxtest.runner.simulated_caller import template_namespaces
from voxtest.runs.livekit_run import load_target
from voxtest.security.secretbox import SecretBox
from voxtest.services import projects
from voxtest.storage.tables import Agent, Personality, Project, Result, Run, Scenario, TestProfile

VOICE_RUN_TYPES = ("CHIRP", "LiveKit")  # runs played by the voice loop

NO_URL = (
    "The agent has no chat websocket to test: set provider.chat_agent_details "
    '{"type": "self_hosted", "config": {"url": "wss://..."}} on the agent, or send '
    "websocket_url with the run request."
)


@dataclass(frozen=True)
class CallerModel:
    """The agent's simulation settings (`llm_model`, `llm_temperature`, `llm_max_tokens`,
    `llm_system_prompt`): unset ones keep the instance's defaults."""

    model: str | None = None
    temperature: float | None = None
    max_tokens: int | None = None
    system_prompt: str = ""

    @classmethod
    def of(cls, agent_attrs: dict[str, Any]) -> CallerModel:
        given = agent_attrs.get("v1") or {}
        model, temperature, tokens = (
            given.get(k) for k in ("llm_model", "llm_temperature", "llm_max_tokens")
        )
        return cls(
            model=str(model).strip() or None if model else None,
            temperature=float(temperature) if isinstance(temperature, int | float) else None,
            max_tokens=int(tokens) if isinstance(tokens, int) and tokens > 0 else None,
            system_prompt=str(given.get("llm_system_prompt") or ""),
        )


@dataclass(frozen=True)
class VoicePlan:
    """A CHIRP voice run: where to dial, with what credentials, as which personality."""

    url: str | None
    username: str | None = None
    password: str | None = None
    organization_id: int = 0
    personality: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class RunPlan:
    run_id: int
    ids: RunIds
    url: str | None
    headers: dict[str, str]
    secret: str | None
    scenario_type: str
    instructions: str
    language: str
    personality_prompt: str
    profile: dict[str, Any] = field(default_factory=dict)
    limits: Limits = field(default_factory=Limits)
    agent_speaks_first: bool | None = None
    functions: tuple[RestFunction, ...] = ()
    function_outputs: dict[str, dict[str, Any]] = field(default_factory=dict)
    caller: CallerModel = field(default_factory=lambda: CallerModel())
    voice: VoicePlan | None = None  # a voice run (CHIRP)
    livekit: LiveKitTarget | None = None  # a LiveKit voice run's call

    def variables(self) -> dict[str, Any]:
        """The `{{namespace.path}}` values of the script: `test_profile`, and `function`
        once the functions ran."""
        namespaces = template_namespaces(self.profile)
        if self.functions:
            namespaces.update(rest_functions.namespace(self.function_outputs))
        return namespaces


async def load_plan(session: AsyncSession, box: SecretBox, run: Run) -> RunPlan:
    result = await session.get(Result, run.result_id)
    agent = await session.get(Agent, run.agent_id)
    project = await session.get(Project, run.project_id)
    if result is None or agent is None or project is None:
        raise LookupError("The run's result, agent or project no longer exists.")
    scenario = await session.get(Scenario, run.scenario_id) if run.scenario_id else None
    snap = run.snapshot or {}
    attrs = (scenario.attrs or {}) if scenario is not None else snap
    url, headers, secret = _connection(box, agent, result)
    scenario_type = scenario.scenario_type if scenario else str(snap.get("scenario_type"))
    instructions = str(attrs.get("instructions") or "")
    return RunPlan(
        run_id=run.id,
        ids=RunIds(str(run.scenario_id or ""), str(run.result_id), str(run.id)),
        url=url,
        headers=headers,
        secret=secret,
        scenario_type=scenario_type,
        instructions=instructions,
        language=str(attrs.get("scenario_language") or attrs.get("language") or "en"),
        personality_prompt=await _personality_prompt(session, run.personality_id, snap),
        profile=await _profile(session, run.test_profile_id, snap),
        limits=_limits(project, attrs.get("max_duration")),
        agent_speaks_first=_speaks_first((agent.attrs or {}).get("agent_speaks_first")),
        functions=_functions(scenario_type, instructions),
        caller=CallerModel.of(agent.attrs or {}),
        voice=await _voice(session, box, agent, result, run)
        if result.run_type in VOICE_RUN_TYPES
        else None,
        livekit=await load_target(session, box, run),
    )


async def _voice(
    session: AsyncSession, box: SecretBox, agent: Agent, result: Result, run: Run
) -> VoicePlan:
    telephony = (agent.attrs or {}).get("telephony") or {}
    auth = telephony.get("websocket_auth") or {}
    row = await session.get(Personality, run.personality_id) if run.personality_id else None
    return VoicePlan(
        url=(result.connection or {}).get("url") or telephony.get("websocket_url"),
        username=auth.get("username"),
        password=box.open(agent.secrets).get("telephony.websocket_auth"),
        organization_id=run.organization_id,
        personality=dict(row.attrs or {}) if row is not None else {},
    )


def _speaks_first(value: Any) -> bool | None:
    return value if isinstance(value, bool) else None


def _functions(scenario_type: str, instructions: str) -> tuple[RestFunction, ...]:
    if scenario_type != "conditional_actions":
        return ()
    try:
        return rest_functions.functions_of(json.loads(instructions))
    except ValueError:  # an unreadable script fails the run when it is played
        return ()


def _connection(
    box: SecretBox, agent: Agent, result: Result
) -> tuple[str | None, dict[str, str], str | None]:
    chat = ((agent.attrs or {}).get("provider") or {}).get("chat") or {}
    config = chat.get("config") or {}
    override = result.connection or {}
    headers = {str(k): str(v) for k, v in (config.get("headers") or {}).items()}
    headers.update(override.get("headers") or {})
    url = override.get("url") or config.get("url")
    secret = box.open(agent.secrets).get("chat.websocket_secret")
    return url, headers, secret


async def _personality_prompt(
    session: AsyncSession, personality_id: int | None, snap: dict[str, Any]
) -> str:
    if "personality_prompt" in snap:  # inline in a JSON spec
        return str(snap["personality_prompt"] or "")
    row = await session.get(Personality, personality_id) if personality_id else None
    return str((row.attrs or {}).get("prompt") or "") if row is not None else ""


async def _profile(
    session: AsyncSession, profile_id: int | None, snap: dict[str, Any]
) -> dict[str, Any]:
    if "test_profile_information" in snap:  # inline in a JSON spec
        return dict(snap["test_profile_information"] or {})
    row = await session.get(TestProfile, profile_id) if profile_id else None
    return dict(row.information or {}) if row is not None else {}


def _limits(project: Project, scenario_max: Any) -> Limits:
    settings = {**projects.DEFAULTS, **(project.attrs or {})}
    duration = float(settings.get("max_call_duration") or Limits.max_duration_s)
    if isinstance(scenario_max, int | float) and 0 < scenario_max < duration:
        duration = float(scenario_max)
    messages = int(settings.get("max_messages_chat_runs_limit") or Limits.max_messages)
    return Limits(max_duration_s=duration, max_messages=messages)

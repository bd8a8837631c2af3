"""One CHIRP voice run: dial the agent's telephony websocket, play the script by voice, keep
the recording under `VOXTEST_HOME/recordings/` and the timing record in the run's details
(docs/design/0006-voice-runs.md). Conditional-actions scenarios only (instruction scenarios
need a spoken simulated caller, not built yet)."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

from voxtest.channels.audio import AudioChannel
from voxtest.channels.chirp import BasicAuth, ChirpChannel
from voxtest.domain.actions_engine import InvalidScript, Script
from voxtest.domain.turn_taking import TurnRules
from voxtest.errors import ConfigError
from voxtest.judging import for_runs
from voxtest.runner import limits as reasons
from voxtest.runner.voice_conversation import VoiceOptions, run_voice_call
from voxtest.runs.plan import RunPlan, VoicePlan
from voxtest.runs.store import Finished
from voxtest.settings import Settings
from voxtest.speech.base import SpeechEngines, SpeechError, Voice

NO_WEBSOCKET = "The agent has no CHIRP websocket: set telephony.websocket_url on the agent."


def recording_path(organization_id: int, run_id: int) -> Path:
    """Where a run's recording lives, relative to VOXTEST_HOME."""
    return Path("recordings") / str(organization_id) / f"{run_id}.wav"


def engines_for(settings: Settings, voice: Voice) -> SpeechEngines:
    if settings.speech_test_doubles:
        from voxtest.speech.fake import fake_engines

        return fake_engines()
    try:
        from voxtest.speech import registry
    except ImportError:
        raise SpeechError(
            "The offline speech engines are not installed in this voxtest (voxtest.speech."
            "registry); install voxtest[voice], or set VOXTEST_SPEECH_TEST_DOUBLES=true."
        ) from None
    engines: SpeechEngines = registry.engines_for(settings, voice)
    return engines


def _channel(plan: RunPlan, voice_plan: VoicePlan, settings: Settings) -> AudioChannel:
    """The call's transport: LiveKit for LiveKit runs, else the agent's CHIRP websocket."""
    if plan.livekit is not None:
        from voxtest.runs.livekit_run import livekit_channel

        return livekit_channel(plan.livekit, settings, plan.run_id)
    auth = None
    if voice_plan.username:
        auth = BasicAuth(voice_plan.username, voice_plan.password or "")
    return ChirpChannel(voice_plan.url or "", auth=auth)


def options_for(personality: dict[str, object]) -> tuple[VoiceOptions, Voice]:
    plan = personality.get("message_plan")
    plan = plan if isinstance(plan, dict) else {}
    idle = plan.get("idle_timeout_seconds")
    prompts = plan.get("idle_message_max_spoken_count")
    speed = personality.get("speed")
    try:
        speed_value = float(str(speed)) if speed is not None else 1.0
    except ValueError:
        speed_value = 1.0
    rules = TurnRules.for_level(
        str(personality.get("interruption_level") or "low"),
        idle_timeout_s=float(idle) if isinstance(idle, int | float) and idle > 0 else 10.0,
        max_idle_prompts=int(prompts) if isinstance(prompts, int) and prompts >= 0 else 3,
    )
    voice = Voice(
        provider=str(personality.get("provider") or "") or None,
        voice_id=str(personality.get("voice_id") or "") or None,
        speed=speed_value,
    )
    return VoiceOptions(rules=rules, voice=voice), voice


async def execute_voice(plan: RunPlan, voice_plan: VoicePlan, settings: Settings) -> Finished:
    from voxtest.runs.execute import failed, finished  # one module decides stored shapes

    if plan.livekit is None and not voice_plan.url:
        return failed(NO_WEBSOCKET, reasons.TESTING_AGENT_DID_NOT_CONNECT)
    if plan.scenario_type != "conditional_actions":
        return failed(
            "Voice runs of instruction scenarios are not supported yet; use a "
            "conditional-actions scenario."
        )
    try:
        script = Script.from_json(json.loads(plan.instructions))
    except (ValueError, InvalidScript) as exc:
        return failed(f"The scenario's conditional actions are invalid: {exc}")
    options, voice = options_for(voice_plan.personality)
    try:
        engines = engines_for(settings, voice)
    except SpeechError as exc:
        return failed(exc.message)
    try:
        channel = _channel(plan, voice_plan, settings)
    except ConfigError as exc:
        return failed(str(exc), reasons.TESTING_AGENT_PIPELINE_ERROR)
    relative = recording_path(voice_plan.organization_id, plan.run_id)
    judge = await for_runs(settings)
    try:
        done = await run_voice_call(
            channel,
            script,
            judge,
            engines,
            settings.home / relative,
            variables=plan.variables(),
            limits=plan.limits,
            options=options,
            agent_speaks_first=plan.agent_speaks_first,
        )
    finally:
        await judge.aclose()
        await engines.synthesizer.aclose()
        await engines.transcriber.aclose()
    stored = finished(done.conversation)
    timing = dict(done.timing)
    if done.recording is not None:
        url = f"{settings.public_base_url.rstrip('/')}/voxtest/v1/runs/{plan.run_id}/recording.wav"
        timing["recording"] = {**timing.get("recording", {}), "path": str(relative), "url": url}
    details = {**stored.details, "voice": timing, "judge": judge.report()}
    return replace(stored, details=details)

"""One CHIRP voice run: dial the agent's telephony websocket, play the script by voice, keep
the recording under `VOXTEST_HOME/recordings/` and the timing record in the run's details
(docs/design/0006-voice-runs.md). Conditional-actions scenarios are played by the engine (their
non-fixed lines phrased by the caller's model when one is configured), instruction scenarios
by the caller's model line by line; REST functions run at call start, as in text mode."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

from voxtest.channels.audio import AudioChannel
from voxtest.channels.chirp import BasicAuth, ChirpChannel
from voxtest.domain.actions_engine import InvalidScript, Script
from voxtest.domain.network_loss import personality_loss
from voxtest.domain.turn_taking import TurnRules
from voxtest.domain.voice_tags import Background
from voxtest.errors import ConfigError
from voxtest.judging import for_runs
from voxtest.llm.base import ChatModel
from voxtest.runner import limits as reasons
from voxtest.runner.voice_call import VoiceCall
from voxtest.runner.voice_conversation import (
    VoiceOptions,
    VoiceOutcome,
    outcome_of,
    run_voice_call,
)
from voxtest.runner.voice_instruction import InstructionCaller
from voxtest.runner.voice_script import CallerScript, VoiceScript
from voxtest.runs.functions import run_functions
from voxtest.runs.live import Watch, cancelled
from voxtest.runs.plan import RunPlan, VoicePlan
from voxtest.runs.store import RUN_CANCELLED_BY_USER, Finished
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
    return ChirpChannel(
        voice_plan.url or "", auth=auth, allow_private=settings.allow_private_agent_urls
    )


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
    options = VoiceOptions(
        rules=rules,
        voice=voice,
        background=background_of(personality),
        packet_loss_percent=personality_loss(personality.get("network_simulation")),
    )
    return options, voice


def background_of(personality: dict[str, object]) -> Background | None:
    """The personality's background noise at its base volume (None: "off" or unknown)."""
    sound = str(personality.get("background_noise") or "off")
    if sound == "off":
        return None
    volumes = personality.get("background_sound_volume")
    volume = volumes.get("base") if isinstance(volumes, dict) else None
    level = float(volume) if isinstance(volume, int | float) else 0.05
    return Background(sound, level)


async def execute_voice(
    plan: RunPlan, voice_plan: VoicePlan, settings: Settings, watch: Watch | None = None
) -> Finished:
    from voxtest.runs.execute import failed, model_for, with_functions

    if plan.livekit is None and not voice_plan.url:
        return failed(NO_WEBSOCKET, reasons.TESTING_AGENT_DID_NOT_CONNECT)
    script: Script | None = None
    if plan.scenario_type == "conditional_actions":
        try:
            script = Script.from_json(json.loads(plan.instructions))
        except (ValueError, InvalidScript) as exc:
            return failed(f"The scenario's conditional actions are invalid: {exc}")
    options, voice = options_for(voice_plan.personality)
    options = replace(options, seed=plan.run_id)  # a rerun loses the same frames
    try:
        engines = engines_for(settings, voice)
        channel = _channel(plan, voice_plan, settings)
    except SpeechError as exc:
        return failed(exc.message)
    except ConfigError as exc:
        return failed(str(exc), reasons.TESTING_AGENT_PIPELINE_ERROR)
    model, error = model_for(plan, settings)
    if error is not None:
        await _close(engines)
        return error
    try:
        calls = await run_functions(  # the script's auto-run REST functions, at call start
            plan.functions, plan.variables(), allow_private=settings.allow_private_urls
        )
        plan = replace(plan, function_outputs=calls.outputs)
        done = await _call(
            plan, voice_plan, settings, script, model, engines, channel, options, watch
        )
    finally:
        await _close(engines)
        if model is not None:
            await model.aclose()
    return with_functions(done, calls)


async def _call(
    plan: RunPlan,
    voice_plan: VoicePlan,
    settings: Settings,
    script: Script | None,
    model: ChatModel | None,
    engines: SpeechEngines,
    channel: AudioChannel,
    options: VoiceOptions,
    watch: Watch | None,
) -> Finished:
    from voxtest.runs.execute import paraphrase_of, simulated_caller

    relative = recording_path(voice_plan.organization_id, plan.run_id)
    caller = simulated_caller(model, plan)
    judge = await for_runs(settings) if script is not None else None
    speaker: CallerScript
    if script is not None and judge is not None:
        speaker = VoiceScript(script, judge, plan.variables(), paraphrase_of(caller))
    else:
        assert caller is not None  # model_for failed an instruction scenario without a model
        speaker = InstructionCaller(caller, max_turns=plan.limits.max_messages // 2 or 1)

    def started(call: VoiceCall) -> None:
        if watch is not None:
            watch.hold(lambda: _cancelled(call, plan, settings, relative))

    try:
        done = await run_voice_call(
            channel,
            speaker,
            engines,
            settings.home / relative,
            limits=plan.limits,
            options=options,
            agent_speaks_first=plan.agent_speaks_first,
            started=started,
        )
    finally:
        if judge is not None:
            await judge.aclose()
    stored = _stored(done, plan, settings, relative)
    if judge is None:
        return stored
    return replace(stored, details={**stored.details, "judge": judge.report()})


def _stored(done: VoiceOutcome, plan: RunPlan, settings: Settings, relative: Path) -> Finished:
    from voxtest.runs.execute import finished

    stored = finished(done.conversation)
    timing = dict(done.timing)
    if done.recording is not None:
        url = f"{settings.public_base_url.rstrip('/')}/voxtest/v1/runs/{plan.run_id}/recording.wav"
        timing["recording"] = {**timing.get("recording", {}), "path": str(relative), "url": url}
    return replace(stored, details={**stored.details, "voice": timing})


def _cancelled(call: VoiceCall, plan: RunPlan, settings: Settings, relative: Path) -> Finished:
    """A call a user ended: what it said, its recording (closed by the call's task) and timing."""
    call.ended_at = call.clock.now()
    call.end_reason, call.error = RUN_CANCELLED_BY_USER, None
    stored = _stored(outcome_of(call, attempts=1), plan, settings, relative)
    base = cancelled(stored.transcript, stored.duration_s or 0.0, connected=True)
    return replace(base, details={**base.details, "voice": stored.details["voice"]})


async def _close(engines: SpeechEngines) -> None:
    await engines.synthesizer.aclose()
    await engines.transcriber.aclose()

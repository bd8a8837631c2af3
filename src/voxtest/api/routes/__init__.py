"""Every router of the API, in the order they are mounted."""

from fastapi import APIRouter

from voxtest.api.routes import (
    agents,
    call_logs,
    call_logs_jobs,
    call_logs_review,
    call_logs_upload,
    cron_jobs,
    evaluation,
    metrics,
    mock_runtime,
    observability,
    organizations,
    personalities,
    predefined_metrics,
    projects,
    recordings,
    run_json,
    runs,
    runs_livekit,
    scenario_folders,
    scenarios,
    test_profiles,
    tools,
    webhooks,
)

ROUTERS: list[APIRouter] = [
    organizations.router,
    webhooks.router,  # before projects: `{id}/test-webhook/` and deliveries are sub-paths
    projects.router,
    mock_runtime.router,  # the runtime POST on tool/{tool_name}/ needs no API key
    tools.router,
    agents.router,
    personalities.router,
    runs.router,  # before scenarios: `run_scenarios_text/` is no scenario id
    runs_livekit.router,  # before scenarios: `run_scenarios_livekit_v2/` is no scenario id
    run_json.router,  # before scenarios: `run_scenarios_json/` is no scenario id
    scenario_folders.router,  # before scenarios: `folders/` must not match `{id}/`
    scenarios.router,
    test_profiles.router,
    evaluation.router,  # before metrics: `preview-progress/` is no metric id
    metrics.router,
    predefined_metrics.router,
    observability.router,
    call_logs_jobs.router,  # before call_logs: `export_call_logs/`... are no call-log id
    call_logs_upload.router,  # before call_logs: `get-upload-url/`, `complete-upload/`
    call_logs.router,  # `filters/`, `evaluate_metrics/`... before `{id}/` (registered first)
    call_logs_review.router,
    cron_jobs.router,
    recordings.router,  # voxtest's own paths
]

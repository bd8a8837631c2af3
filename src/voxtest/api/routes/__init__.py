"""Every router of the API, in the order they are mounted."""

from fastapi import APIRouter

from voxtest.api.routes import (
    agents,
    evaluation,
    metrics,
    organizations,
    personalities,
    predefined_metrics,
    projects,
    run_json,
    runs,
    runs_livekit,
    scenario_folders,
    scenarios,
    test_profiles,
)

ROUTERS: list[APIRouter] = [
    organizations.router,
    projects.router,
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
]

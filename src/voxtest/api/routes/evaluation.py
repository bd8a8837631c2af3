"""Evaluation on demand, under every alias: metrics evaluated again on a result's runs
(`results/{id}/evaluate_metrics/`, `results/bulk_evaluate_metrics/`), votes on a run's metric
values (`runs/{id}/mark_metric_vote/`) and unsaved metrics tried on runs (`metrics/preview/`,
`metrics/preview-progress/`). Evaluations run after the answer, held by the app's
`BackgroundEvaluations`."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from starlette.responses import Response

from voxtest.api.auth import PrincipalDep
from voxtest.api.deps import ServicesDep
from voxtest.api.routing import family, operation
from voxtest.api.wire._generated import (
    MarkMetricVoteWrite,
    MetricPreviewWrite,
    SchemaPostBulkEvaluateResultMetricsWrite,
    SchemaPostReRunResultDetailWrite,
)
from voxtest.services import (
    evaluation_preview,
    evaluation_rerun,
    evaluation_votes,
    results,
)
from voxtest.services.evaluation_background import BackgroundEvaluations

router = APIRouter(tags=["test_framework"])
RESULTS = (
    "/test_framework/v1/results",
    "/test_framework/v1/results-external",
    "/test_framework/v2/results",
)
RUNS = ("/test_framework/v1/runs", "/test_framework/v1/runs-external", "/test_framework/v2/runs")
METRICS = (
    "/test_framework/v1/metrics",
    "/test_framework/v1/metrics-external",
    "/test_framework/v2/metrics",
)


def _background(request: Request) -> BackgroundEvaluations:
    """The app's holder of background evaluations, made on first use."""
    holder: BackgroundEvaluations | None = getattr(request.app.state, "evaluations", None)
    if holder is None:
        holder = BackgroundEvaluations(request.app.state.services)
        request.app.state.evaluations = holder
    return holder


@operation(
    router,
    "POST",
    family(*RESULTS, suffix="{id}/evaluate_metrics/"),
    summary="Evaluate metrics again on runs of a result",
)
async def evaluate_metrics(
    id: int,
    body: SchemaPostReRunResultDetailWrite,
    request: Request,
    principal: PrincipalDep,
    services: ServicesDep,
) -> Any:
    background = _background(request)
    async with services.db.session() as session:
        chosen = await evaluation_rerun.evaluate_metrics(
            session, principal, id, body, background.worker
        )
        answer = await results.summary(session, principal, id)
    background.reevaluate(chosen.run_ids, chosen.metric_ids)
    return answer


@operation(
    router,
    "POST",
    family(*RESULTS, suffix="bulk_evaluate_metrics/"),
    summary="Evaluate metrics again on every finished run of several results",
)
async def bulk_evaluate_metrics(
    body: SchemaPostBulkEvaluateResultMetricsWrite,
    request: Request,
    principal: PrincipalDep,
    services: ServicesDep,
) -> Response:
    background = _background(request)
    async with services.db.session() as session:
        chosen = await evaluation_rerun.bulk_evaluate_metrics(
            session, principal, body, background.worker
        )
    background.reevaluate(chosen.run_ids, chosen.metric_ids)
    return Response(status_code=200)


@operation(
    router,
    "POST",
    family(*RUNS, suffix="{id}/mark_metric_vote/"),
    summary="Vote on a metric's value on a run",
)
async def mark_metric_vote(
    id: int, body: MarkMetricVoteWrite, principal: PrincipalDep, services: ServicesDep
) -> Any:
    async with services.db.session() as session:
        return await evaluation_votes.mark_metric_vote(session, principal, id, body)


@operation(
    router, "POST", family(*METRICS, suffix="preview/"), summary="Try an unsaved metric on runs"
)
async def preview_metric(
    body: MetricPreviewWrite, request: Request, principal: PrincipalDep, services: ServicesDep
) -> Any:
    background = _background(request)
    async with services.db.session() as session:
        plan, answer = await evaluation_preview.start_preview(session, principal, body)
    background.preview(plan)
    return answer


@operation(
    router,
    "GET",
    family(*METRICS, suffix="preview-progress/"),
    summary="A metric preview's progress and values",
)
async def preview_progress(progress_id: str, principal: PrincipalDep, services: ServicesDep) -> Any:
    async with services.db.session() as session:
        return await evaluation_preview.get_progress(session, principal, progress_id)

"""`/test_framework/v1/predefined-metrics/` (+ `-external`): the catalogue, and copying it."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from voxtest.api.auth import PrincipalDep
from voxtest.api.deps import ServicesDep
from voxtest.api.routing import family, operation
from voxtest.api.wire._generated import MetricList, PredefinedMetricCopyRequestWrite
from voxtest.api.wire.base import shaped
from voxtest.services.metrics_predefined import catalogue_list, copy_metrics
from voxtest.services.metrics_read import views

router = APIRouter(tags=["test_framework"])
BASES = (
    "/test_framework/v1/predefined-metrics",
    "/test_framework/v1/predefined-metrics-external",
)


@operation(router, "GET", family(*BASES), summary="List predefined metrics")
async def list_predefined_metrics(principal: PrincipalDep) -> Any:
    return catalogue_list()


@operation(router, "POST", family(*BASES, suffix="copy/"), summary="Copy predefined metrics")
async def copy_predefined_metrics(
    body: PredefinedMetricCopyRequestWrite, principal: PrincipalDep, services: ServicesDep
) -> Any:
    """Copies into a project (or onto an agent); copying an entry twice reuses the first copy."""
    async with services.db.session() as session:
        rows = await copy_metrics(session, principal, body)
        return [shaped(v, MetricList) for v in await views(session, rows)]

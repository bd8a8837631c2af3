"""Metrics under `/test_framework/v2/metrics/`, `/v1/metrics/` and `/v1/metrics-external/`.

One service serves all three; v1 and v2 differ only in the shapes the reference gives them.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Response

from voxtest.api.auth import PrincipalDep
from voxtest.api.deps import ServicesDep
from voxtest.api.routing import family, operation
from voxtest.api.wire._generated import (
    MetricDetailSerializerV2,
    MetricDetailV2,
    MetricList,
    MetricListSerializerV2,
    SchemaPostMetricEdit,
)
from voxtest.api.wire.base import shaped
from voxtest.domain.metric_filters import parse_filters
from voxtest.errors import ValidationFailed
from voxtest.services import metrics
from voxtest.services.metrics_read import ListQuery, get_metric_row, list_rows, ordered, views
from voxtest.services.metrics_wire import MetricPatch, MetricPatchV2, MetricWrite, MetricWriteV2

router = APIRouter(tags=["test_framework"])
V1 = ("/test_framework/v1/metrics", "/test_framework/v1/metrics-external")
V2 = ("/test_framework/v2/metrics",)
ALL = (*V1, *V2)


async def _list(
    principal: PrincipalDep,
    services: ServicesDep,
    model: type[Any],
    agent_id: int | None,
    project_id: int | None,
    assistant_id: str | None,
    agents: str | None,
    slug: str | None,
    filters: str | None,
) -> list[dict[str, Any]]:
    query = ListQuery(project_id, agent_id, assistant_id, _agent_ids(agents), slug)
    spec = None
    if filters:
        try:
            spec = parse_filters(filters)
        except ValueError as exc:
            raise ValidationFailed({"filters": str(exc).split("\n")})
    async with services.db.session() as session:
        found = await views(session, await list_rows(session, principal, query))
    return [shaped(m, model) for m in ordered(found) if spec is None or spec.match(m)]


def _agent_ids(raw: str | None) -> tuple[int, ...]:
    parts = [p.strip() for p in (raw or "").split(",") if p.strip()]
    if not all(p.isdigit() for p in parts):
        raise ValidationFailed({"agents": ["Expected comma-separated agent ids, e.g. 1,2,3."]})
    return tuple(int(p) for p in parts)


@operation(router, "GET", family(*V1), summary="List metrics")
async def list_metrics_v1(
    principal: PrincipalDep,
    services: ServicesDep,
    agent_id: int | None = None,
    project_id: int | None = None,
    assistant_id: str | None = None,
    agents: str | None = None,
    slug: str | None = None,
    filters: str | None = None,
    include_scores: bool = False,
) -> Any:
    args = (agent_id, project_id, assistant_id, agents, slug, filters)
    return await _list(principal, services, MetricList, *args)


@operation(router, "GET", family(*V2), summary="List metrics")
async def list_metrics_v2(
    principal: PrincipalDep,
    services: ServicesDep,
    agent_id: int | None = None,
    project_id: int | None = None,
    assistant_id: str | None = None,
    agents: str | None = None,
    slug: str | None = None,
    filters: str | None = None,
    include_scores: bool = False,
) -> Any:
    args = (agent_id, project_id, assistant_id, agents, slug, filters)
    return await _list(principal, services, MetricListSerializerV2, *args)


@operation(router, "POST", family(*V1), status_code=201, summary="Create a metric")
async def create_metric_v1(
    body: MetricWrite, principal: PrincipalDep, services: ServicesDep
) -> Any:
    async with services.db.session() as session:
        row = await metrics.create_metric(session, principal, body)
        return shaped((await views(session, [row]))[0], SchemaPostMetricEdit)


@operation(router, "POST", family(*V2), status_code=201, summary="Create a metric")
async def create_metric_v2(
    body: MetricWriteV2, principal: PrincipalDep, services: ServicesDep
) -> Any:
    async with services.db.session() as session:
        row = await metrics.create_metric(session, principal, body)
        return shaped((await views(session, [row]))[0], MetricDetailSerializerV2)


@operation(router, "POST", family(*ALL, suffix="bulk_create/"), status_code=201)
async def bulk_create_metrics(
    body: list[MetricWrite], principal: PrincipalDep, services: ServicesDep
) -> Any:
    """Create several metrics at once; nothing is created unless every item is valid."""
    async with services.db.session() as session:
        rows = await metrics.bulk_create(session, principal, body)
        return [shaped(v, SchemaPostMetricEdit) for v in await views(session, rows)]


@operation(router, "GET", family(*V1, suffix="{id}/"), summary="Get a metric by id or slug")
async def get_metric_v1(id: str, principal: PrincipalDep, services: ServicesDep) -> Any:
    async with services.db.session() as session:
        row = await get_metric_row(session, principal, id)
        return shaped((await views(session, [row]))[0], MetricDetailV2)


@operation(router, "GET", family(*V2, suffix="{id}/"), summary="Get a metric by id or slug")
async def get_metric_v2(id: str, principal: PrincipalDep, services: ServicesDep) -> Any:
    async with services.db.session() as session:
        row = await get_metric_row(session, principal, id)
        return shaped((await views(session, [row]))[0], MetricDetailSerializerV2)


@operation(router, "PUT", family(*ALL, suffix="{id}/"), summary="Replace a metric")
async def put_metric(
    id: int, body: MetricWrite, principal: PrincipalDep, services: ServicesDep
) -> Any:
    async with services.db.session() as session:
        row = await metrics.update_metric(session, principal, id, body, partial=False)
        return shaped((await views(session, [row]))[0], SchemaPostMetricEdit)


@operation(router, "PATCH", family(*V1, suffix="{id}/"), summary="Update a metric")
async def patch_metric_v1(
    id: int, body: MetricPatch, principal: PrincipalDep, services: ServicesDep
) -> Any:
    async with services.db.session() as session:
        row = await metrics.update_metric(session, principal, id, body, partial=True)
        return shaped((await views(session, [row]))[0], SchemaPostMetricEdit)


@operation(router, "PATCH", family(*V2, suffix="{id}/"), summary="Update a metric")
async def patch_metric_v2(
    id: int, body: MetricPatchV2, principal: PrincipalDep, services: ServicesDep
) -> Any:
    """`add_to_rubric=true` adds the metric's default rubric rule; `false` removes its rule."""
    async with services.db.session() as session:
        row = await metrics.update_metric(session, principal, id, body, partial=True)
        return shaped((await views(session, [row]))[0], MetricDetailSerializerV2)


@operation(router, "DELETE", family(*ALL, suffix="{id}/"), summary="Delete a metric")
async def delete_metric(id: int, principal: PrincipalDep, services: ServicesDep) -> Response:
    """Also drops the metric's rule from the project rubric, so no rule dangles."""
    async with services.db.session() as session:
        await metrics.delete_metric(session, principal, id)
    return Response(status_code=204)

"""`create_app(settings)`: the whole HTTP service, built from settings and nothing else."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi

from voxtest import __version__
from voxtest.api import mcp_endpoint
from voxtest.api.auth import KeyCache
from voxtest.api.errors import install_error_handlers
from voxtest.api.responses import JsonResponse
from voxtest.api.routes import ROUTERS
from voxtest.api.routing import TrailingSlashMiddleware
from voxtest.context import Services
from voxtest.dashboard.routes import router as dashboard_router
from voxtest.hooks.background import HookLoops
from voxtest.runs.driver import start_runs
from voxtest.services.call_logs_background import CallLogEvaluations
from voxtest.settings import Settings


def create_app(settings: Settings) -> FastAPI:
    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        services = await Services.start(settings)
        app.state.services = services
        app.state.db = services.db
        app.state.settings = settings
        app.state.key_cache = KeyCache(settings.api_key_cache_seconds)
        app.state.executor = runs = await start_runs(services)
        app.state.call_logs = call_logs = CallLogEvaluations(services)
        call_logs.start()
        app.state.hooks = hooks = HookLoops(services, wake_runs=runs.wake, name="voxtest")
        await hooks.start()
        try:
            async with mcp_endpoint.running(settings) as app.state.mcp:
                yield
        finally:
            await call_logs.stop()
            await hooks.stop()
            evaluations = getattr(app.state, "evaluations", None)  # made on first use
            if evaluations is not None:
                await evaluations.stop()
            await runs.stop()
            await services.close()

    app = FastAPI(
        title="voxtest",
        version=__version__,
        description="Test and observe AI voice and chat agents. Wire-compatible with Cekura's API.",
        lifespan=lifespan,
        default_response_class=JsonResponse,
        redirect_slashes=False,
    )
    install_error_handlers(app)
    for router in ROUTERS:
        app.include_router(router)
    app.include_router(dashboard_router)

    @app.get("/health", include_in_schema=False)
    async def health() -> dict[str, str]:
        return {"status": "ok", "version": __version__}

    app.add_middleware(TrailingSlashMiddleware)
    app.openapi = lambda: drf_openapi(app)  # type: ignore[method-assign]
    return app


def app_from_environment() -> FastAPI:
    """The app built from `VOXTEST_*` variables (for `uvicorn --factory`, several workers)."""
    return create_app(Settings())


def drf_openapi(app: FastAPI) -> dict[str, Any]:
    """FastAPI's schema without its 422s: voxtest answers validation errors with DRF's 400."""
    if app.openapi_schema is None:
        schema = get_openapi(
            title=app.title, version=app.version, description=app.description, routes=app.routes
        )
        for item in schema.get("paths", {}).values():
            for op in item.values():
                if isinstance(op, dict):
                    op.get("responses", {}).pop("422", None)
        for name in ("HTTPValidationError", "ValidationError"):
            schema.get("components", {}).get("schemas", {}).pop(name, None)
        app.openapi_schema = schema
    return app.openapi_schema

"""Every router of the API, in the order they are mounted."""

from fastapi import APIRouter

from voxtest.api.routes import organizations, personalities, projects

ROUTERS: list[APIRouter] = [
    organizations.router,
    projects.router,
    personalities.router,
]

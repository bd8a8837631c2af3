"""Checks on URLs voxtest will dial on a user's behalf (webhooks, agents, tools)."""

from __future__ import annotations

from urllib.parse import urlsplit


def url_problem(url: str, schemes: tuple[str, ...] = ("http", "https")) -> str | None:
    """Why `url` is not acceptable as given, or None. Resolution and address ranges are
    checked when the URL is dialled (`voxtest.net`)."""
    if not isinstance(url, str) or not url.strip():
        return "Enter a valid URL."
    if any(c.isspace() for c in url):
        return "Enter a valid URL."
    parts = urlsplit(url)
    if parts.scheme not in schemes:
        return f"URL scheme must be one of: {', '.join(schemes)}."
    if not parts.hostname:
        return "Enter a valid URL."
    try:
        _ = parts.port
    except ValueError:
        return "Enter a valid URL."
    if parts.username or parts.password:
        return "Put credentials in headers or auth settings, not in the URL."
    return None

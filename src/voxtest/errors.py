"""The exception tree of voxtest.

    VoxtestError
     ├── ConfigError            a setting is missing or wrong; the message names it
     └── ApiError               an HTTP answer with a DRF-shaped body
          ├── ValidationFailed  400 {field: [messages]}
          ├── NotAuthenticated  401 {detail}
          ├── PermissionDenied  403 {detail}
          ├── NotFound          404 {detail}
          └── PayloadTooLarge   413 {detail}

Inside a run, failures are recorded as data on the run, never raised through the worker.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

ErrorDetail = dict[str, Any]


class VoxtestError(Exception):
    """Base of every error voxtest raises on purpose."""


class ConfigError(VoxtestError):
    """The instance is configured wrongly; the message says which setting to fix."""


class ApiError(VoxtestError):
    status_code = 400

    def __init__(self, detail: ErrorDetail | str) -> None:
        super().__init__(detail)
        self.detail: ErrorDetail = {"detail": detail} if isinstance(detail, str) else detail


class ValidationFailed(ApiError):
    """400 with `{field: [messages]}`; nested objects nest the same way."""

    status_code = 400

    def __init__(self, errors: Mapping[str, Any] | str) -> None:
        if isinstance(errors, str):
            super().__init__({"non_field_errors": [errors]})
        else:
            super().__init__({k: _as_list(v) for k, v in errors.items()})


class NotAuthenticated(ApiError):
    status_code = 401


class PermissionDenied(ApiError):
    status_code = 403


class NotFound(ApiError):
    status_code = 404

    def __init__(self, detail: str = "Not found.") -> None:
        super().__init__(detail)


class PayloadTooLarge(ApiError):
    status_code = 413

    def __init__(self, detail: str = "Request body too large.") -> None:
        super().__init__(detail)


def _as_list(value: Any) -> Any:
    if isinstance(value, str):
        return [value]
    if isinstance(value, Mapping):
        return {k: _as_list(v) for k, v in value.items()}
    if isinstance(value, Sequence):
        return list(value)
    return [str(value)]

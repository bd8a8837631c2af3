"""Exception handlers that answer exactly as Django REST Framework does."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException

from voxtest.api.responses import JsonResponse
from voxtest.errors import ApiError

log = logging.getLogger("voxtest.api")

_MESSAGES: dict[str, str] = {
    "missing": "This field is required.",
    "int_parsing": "A valid integer is required.",
    "int_type": "A valid integer is required.",
    "int_from_float": "A valid integer is required.",
    "float_parsing": "A valid number is required.",
    "float_type": "A valid number is required.",
    "bool_parsing": "Must be a valid boolean.",
    "bool_type": "Must be a valid boolean.",
    "string_type": "Not a valid string.",
    "list_type": 'Expected a list of items but got type "{type}".',
    "dict_type": 'Expected a dictionary of items but got type "{type}".',
    "model_type": "Invalid data. Expected a dictionary, but got {type}.",
    "model_attributes_type": "Invalid data. Expected a dictionary, but got {type}.",
    "less_than_equal": "Ensure this value is less than or equal to {le}.",
    "greater_than_equal": "Ensure this value is greater than or equal to {ge}.",
    "less_than": "Ensure this value is less than {lt}.",
    "greater_than": "Ensure this value is greater than {gt}.",
    "string_too_long": "Ensure this field has no more than {max_length} characters.",
    "string_too_short": "Ensure this field has at least {min_length} characters.",
    "string_pattern_mismatch": "This value does not match the required pattern.",
    "literal_error": '"{input}" is not a valid choice.',
    "enum": '"{input}" is not a valid choice.',
    "datetime_parsing": "Datetime has wrong format. Use one of these formats instead: "
    "YYYY-MM-DDThh:mm[:ss[.uuuuuu]][+HH:MM|-HH:MM|Z].",
    "json_invalid": "JSON parse error - {error}",
}


def drf_message(err: dict[str, Any]) -> str:
    kind = err.get("type", "")
    ctx = dict(err.get("ctx") or {})
    if kind == "value_error":
        return str(ctx.get("error", err.get("msg", ""))).removeprefix("Value error, ")
    template = _MESSAGES.get(kind)
    if template is None:
        return str(err.get("msg", "Invalid value."))
    value = err.get("input")
    ctx.setdefault("type", type(value).__name__ if value is not None else "null")
    ctx.setdefault("input", value)
    try:
        return template.format(**ctx)
    except (KeyError, IndexError):
        return str(err.get("msg", "Invalid value."))


def errors_to_drf(errors: list[dict[str, Any]]) -> dict[str, Any]:
    """Pydantic errors to DRF's nested `{field: [messages]}` (list items as lists)."""
    out: dict[str, Any] = {}
    for err in errors:
        loc = [p for p in err.get("loc", ()) if p not in ("body", "query", "path")]
        # Drop pydantic's union-member and function-wrapper labels from the location.
        loc = [
            p for p in loc if not (isinstance(p, str) and ("[" in p or p.startswith("function-")))
        ]
        ctx_error = (err.get("ctx") or {}).get("error")
        if (
            isinstance(ctx_error, Exception)
            and ctx_error.args
            and isinstance(ctx_error.args[0], dict)
        ):
            ctx_error = ctx_error.args[0]
        if isinstance(ctx_error, dict):  # per-field errors raised by a model validator
            target = _descend(out, loc)
            for field, messages in ctx_error.items():
                target.setdefault(field, []).extend(messages)
            continue
        if not loc:
            out.setdefault("non_field_errors", []).append(drf_message(err))
            continue
        target = _descend(out, loc[:-1])
        target.setdefault(str(loc[-1]), []).append(drf_message(err))
    result: dict[str, Any] = _lists_for_indexes(out)
    return result


def _descend(root: dict[str, Any], path: list[Any]) -> dict[str, Any]:
    node = root
    for part in path:
        child = node.setdefault(str(part), {})
        if not isinstance(child, dict):  # a field error already recorded at this level
            child = node[str(part)] = {"non_field_errors": child}
        node = child
    return node


def _lists_for_indexes(node: Any) -> Any:
    if not isinstance(node, dict):
        return node
    converted = {k: _lists_for_indexes(v) for k, v in node.items()}
    if converted and all(k.isdigit() for k in converted):
        size = max(int(k) for k in converted) + 1
        return [converted.get(str(i), {}) for i in range(size)]
    return converted


def _missing_required(request: Request, body: Any) -> list[str]:
    if request.method not in ("POST", "PUT") or not isinstance(body, dict):
        return []
    required = getattr(request.scope.get("endpoint"), "required_fields", ())
    return [name for name in sorted(required) if name not in body]


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def _api_error(_: Request, exc: ApiError) -> JsonResponse:
        return JsonResponse(exc.detail, status_code=exc.status_code)

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, exc: RequestValidationError) -> JsonResponse:
        errors = errors_to_drf(list(exc.errors()))
        # DRF reports missing required fields together with the other field errors.
        for field in _missing_required(request, exc.body):
            errors.setdefault(field, ["This field is required."])
        return JsonResponse(errors, status_code=400)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JsonResponse:
        if exc.status_code == 404:
            detail: Any = "Not found."
        elif exc.status_code == 405:
            detail = f'Method "{request.method}" not allowed.'
        else:
            detail = exc.detail
        return JsonResponse({"detail": detail}, status_code=exc.status_code, headers=exc.headers)

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> JsonResponse:
        log.exception("unhandled error on %s %s", request.method, request.url.path)
        return JsonResponse({"detail": "A server error occurred."}, status_code=500)

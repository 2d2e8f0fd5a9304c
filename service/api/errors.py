"""The one place where errors become JSON answers."""

from __future__ import annotations

from typing import Any

from flask import Flask, request
from flask.typing import ResponseReturnValue
from werkzeug.exceptions import HTTPException

from service.api.auth import SessionEnded
from service.documents import flatten_errors
from service.errors import DomainError
from service.web.errors import is_page_request, page_error


def register_error_handlers(app: Flask) -> None:
    """Every error answers JSON with a ``message``; domain errors carry their details.

    A page (any URL outside /api/) gets the same message as an HTML page instead.
    """

    @app.errorhandler(DomainError)
    def domain_error(exc: DomainError) -> ResponseReturnValue:
        if is_page_request():
            ended = isinstance(exc, SessionEnded)
            return page_error(exc.status, exc.message, exc.response_headers(), ended=ended)
        return {"code": exc.status, **exc.payload()}, exc.status, exc.response_headers()

    @app.errorhandler(HTTPException)
    def http_error(exc: HTTPException) -> ResponseReturnValue:
        data = getattr(exc, "data", None) or {}
        if is_page_request():
            headers = dict(data.get("headers") or {})
            return page_error(exc.code or 500, data.get("message") or _message(exc), headers)
        body: dict[str, Any] = {"code": exc.code, "status": exc.name}
        body["message"] = data.get("message") or _message(exc)
        if "messages" in data or "errors" in data:
            body["errors"] = errors = _flat(data.get("errors") or data["messages"])
            body["message"] = "Invalid input: " + "; ".join(
                f"{field}: {' '.join(msgs)}" for field, msgs in errors.items()
            )
        return body, exc.code or 500, dict(data.get("headers") or {})

    @app.errorhandler(Exception)
    def unexpected(exc: Exception) -> ResponseReturnValue:
        # The request's content is never logged: it may hold participant data.
        app.logger.error("unhandled %s on %s %s", type(exc).__name__, request.method, request.path)
        if is_page_request():
            return page_error(500, "Internal error; the request was not processed.")
        return {"code": 500, "message": "Internal error; the request was not processed."}, 500


def _message(exc: HTTPException) -> str:
    if exc.code == 413:
        return "The request is larger than the service accepts."
    return exc.description or exc.name


def _flat(messages: Any) -> dict[str, list[str]]:
    # webargs nests messages under the location ("json", "query"); the field path is what matters.
    if isinstance(messages, dict) and set(messages) <= {"json", "query", "form", "files"}:
        merged: dict[str, list[str]] = {}
        for part in messages.values():
            merged.update(flatten_errors(part))
        return merged
    return flatten_errors(messages)

"""The one place where errors become JSON answers."""

from __future__ import annotations

import math
import time
from typing import Any

from flask import Flask, Response, current_app, g, request
from flask.typing import ResponseReturnValue
from flask_limiter.errors import RateLimitExceeded
from werkzeug.exceptions import HTTPException

from service.api.auth import SessionEnded
from service.documents import flatten_errors
from service.errors import DatabaseUnavailable, DomainError
from service.faults import as_domain_error
from service.web.errors import is_page_request, page_error

INTERNAL = "Internal error; the request was not processed."


def register_error_handlers(app: Flask) -> None:
    """Every error answers JSON with a ``message``; domain errors carry their details.

    A page (any URL outside /api/) gets the same message as an HTML page instead.
    """

    app.register_error_handler(DomainError, domain_answer)

    @app.errorhandler(HTTPException)
    def http_error(exc: HTTPException) -> ResponseReturnValue:
        data = getattr(exc, "data", None) or {}
        headers = dict(data.get("headers") or {}) | _retry_after(exc)
        if is_page_request():
            return page_error(exc.code or 500, data.get("message") or _message(exc), headers)
        body: dict[str, Any] = {"code": exc.code, "status": exc.name}
        body["message"] = data.get("message") or _message(exc)
        if "messages" in data or "errors" in data:
            body["errors"] = errors = _flat(data.get("errors") or data["messages"])
            body["message"] = "Invalid input: " + "; ".join(
                f"{field}: {' '.join(msgs)}" for field, msgs in errors.items()
            )
        return body, exc.code or 500, headers

    # Anything else, a database or disk fault among them: 503, 507 or 500, one log line.
    app.register_error_handler(Exception, fault_answer)


def domain_answer(exc: DomainError) -> ResponseReturnValue:
    if is_page_request():
        ended = isinstance(exc, SessionEnded)
        return page_error(exc.status, exc.message, exc.response_headers(), ended=ended)
    return {"code": exc.status, **exc.payload()}, exc.status, exc.response_headers()


def fault_answer(exc: Exception) -> Response:
    """The answer to a failure that is not the caller's: 503 for a database that does not
    answer, 507 for a full disk, else 500; one log line, no traceback, no request content
    (it may hold participant data), so an outage does not flood the log."""
    answer = as_domain_error(exc)
    what = "database unavailable" if isinstance(answer, DatabaseUnavailable) else "unhandled"
    if answer is not None and answer.status == 507:
        what = "storage full"
    g.fault = answer
    current_app.logger.error(
        "%s (%s) on %s %s", what, type(exc).__name__, request.method, request.path
    )
    if answer is not None:
        return current_app.make_response(domain_answer(answer))
    if is_page_request():
        return current_app.make_response(page_error(500, INTERNAL))
    return current_app.make_response(({"code": 500, "message": INTERNAL}, 500))


def _retry_after(exc: HTTPException) -> dict[str, str]:
    """A rate limit's answer says when its window frees a place (at least a second)."""
    if not isinstance(exc, RateLimitExceeded):
        return {}
    from service.extensions import limiter

    current = limiter.current_limit
    reset_at = current.reset_at if current is not None else time.time() + 60
    return {"Retry-After": str(max(1, math.ceil(reset_at - time.time())))}


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

"""One transaction per request: a view's change and its audit row commit together or not at all."""

from __future__ import annotations

import contextlib
from dataclasses import replace

from flask import Flask, Response, current_app, g, request
from sqlalchemy import inspect

from service import audit
from service.errors import DatabaseUnavailable
from service.extensions import db
from service.faults import as_domain_error


def init_transactions(app: Flask) -> None:
    """Defer the view's commits: registered after ``authenticate``, whose own commits (a
    token's last use, an expired session's row) stay immediate."""
    app.before_request(_begin)


def _begin() -> None:
    user = g.get("user")
    # Kept now: after a failed flush or a lost connection the account cannot be loaded again.
    g.who = (user.id, user.role) if user is not None else (None, None)
    db.defer_commits()


def who() -> tuple[int | None, str | None]:
    """The caller's account id and role for the audit row, read without the database."""
    user = g.get("user")
    if user is None:
        return None, None
    loaded = inspect(user).dict
    if "id" in loaded and "role" in loaded:
        return loaded["id"], loaded["role"]
    return g.get("who", (None, None))


def finish(response: Response, access: audit.Access | None) -> Response:
    """End the request's transaction and write its audit row (``None``: not audited).

    A success commits the change with its row; if that fails, neither is kept and the answer
    becomes 503, 507 or 500. A refusal keeps what it committed (a failed sign-in's count) and
    its row is best-effort; a failure (5xx) keeps nothing and its row is best-effort too.
    """
    status = response.status_code
    if status >= 500:
        _rollback()
    elif status >= 400:
        _commit_refusal()
    else:
        try:
            db.commit_request(*([audit.event(access)] if access else []))
        except Exception as exc:
            # Imported here: service.api.errors reaches the pages, which import this module.
            from service.api.errors import fault_answer

            _rollback()
            response = fault_answer(exc)
    if access is not None and status != response.status_code:
        access = replace(access, status=response.status_code)
    if access is not None and response.status_code >= 400:
        _audit_best_effort(access)
    return response


def _commit_refusal() -> None:
    try:
        db.commit_request()
    except Exception as exc:
        _rollback()
        g.fault = as_domain_error(exc)
        _log_lost("the refused request's change", exc)


def _rollback() -> None:
    with contextlib.suppress(Exception):  # a connection the outage broke: the pool drops it
        db.rollback_request()


def _audit_best_effort(access: audit.Access) -> None:
    """A refusal or failure is recorded when the database allows; its answer stands anyway."""
    if isinstance(g.get("fault"), DatabaseUnavailable):
        return  # already logged once, and trying again would only wait for the same outage
    try:
        audit.append(db.engine, access)
    except Exception as exc:
        _log_lost("the audit row", exc)


def _log_lost(what: str, exc: Exception) -> None:
    current_app.logger.error(
        "%s was not written (%s) on %s %s", what, type(exc).__name__, request.method, request.path
    )

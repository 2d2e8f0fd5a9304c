"""Who is calling: bearer tokens (and the browser session), and the role check on each view."""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable
from functools import wraps
from typing import Any, ClassVar, NoReturn, TypeVar

from flask import Flask, current_app, g, request, session
from flask_wtf.csrf import CSRFError, validate_csrf
from wtforms import ValidationError

from service.auth.accounts import user_for_token
from service.auth.permissions import Action, allowed
from service.errors import DomainError, Forbidden
from service.extensions import csrf, db
from service.models.user import User

# Endpoints anyone may call: the health check, Swagger UI's own script files, sign-in (the
# JSON call and the page), and the pages' stylesheet and script.
OPEN_ENDPOINTS = frozenset(
    {"health.health", "docs_assets.static", "session.sign_in", "web.sign_in", "web.static"}
)
CSRF_HEADER = "X-CSRF-Token"
View = TypeVar("View", bound=Callable[..., Any])


class NotAuthenticated(DomainError):
    status = 401
    headers: ClassVar[dict[str, str]] = {"WWW-Authenticate": 'Bearer realm="wtwforms"'}


class SessionEnded(NotAuthenticated):
    """A session past its idle or absolute time limit (the pages say so on the sign-in page)."""


class CsrfRefused(DomainError):
    status = 400

    def __init__(self, reason: str) -> None:
        super().__init__(
            f"{reason} A signed-in browser sends the csrf_token from /api/v1/session "
            f"in an {CSRF_HEADER} header (or a csrf_token form field) with every change."
        )


def init_auth(app: Flask) -> None:
    app.before_request(authenticate)


def authenticate() -> None:
    """Set ``g.user`` from the bearer token or the session; refuse anonymous calls."""
    g.user = None
    if request.endpoint is None or request.endpoint in OPEN_ENDPOINTS:
        return
    header = request.headers.get("Authorization", "")
    if header.startswith("Bearer "):
        g.user = user_for_token(db.session, header.removeprefix("Bearer ").strip())
        if g.user is None:
            raise NotAuthenticated("The bearer token is not valid (revoked, or unknown).")
        db.session.commit()  # keeps the token's last use
        return
    g.user = _session_user()
    g.via_session = True
    _check_csrf()


def start_session(user: User) -> None:
    """Sign ``user`` in: a fresh session (never the one from before sign-in), timed from now."""
    session.clear()
    session.permanent = True  # the cookie expires after PERMANENT_SESSION_LIFETIME idle
    moment = time.time()
    session.update(user_id=user.id, stamp=_stamp(user), signed_in_at=moment, seen_at=moment)


def session_ended(
    signed_in_at: float, seen_at: float, now: float, idle: float, limit: float
) -> str:
    """Why a session that began and was last used at these times has ended ('' if it has not)."""
    if now - signed_in_at > limit:
        return "The session has reached its time limit; sign in again."
    if now - seen_at > idle:
        return "The session ended after a period of inactivity; sign in again."
    return ""


def _session_user() -> User:
    """The signed-in account of a still-valid session; anything else ends the session."""
    config, now = current_app.config, time.time()
    user_id = session.get("user_id")
    user = db.session.get(User, user_id) if user_id else None
    if user is None or not user.active or session.get("stamp") != _stamp(user):
        _end_session("Sign in, or send 'Authorization: Bearer <token>'.")
    ended = session_ended(
        session.get("signed_in_at", 0.0),
        session.get("seen_at", 0.0),
        now,
        idle=config["PERMANENT_SESSION_LIFETIME"].total_seconds(),
        limit=config["SESSION_MAX_AGE"].total_seconds(),
    )
    if ended:
        session.clear()
        raise SessionEnded(ended)
    session["seen_at"] = now
    return user


def _end_session(reason: str) -> NoReturn:
    session.clear()
    raise NotAuthenticated(reason)


def _stamp(user: User) -> str:
    # Changes with the password, so a password reset ends the account's other sessions.
    return hashlib.sha256((user.password_hash or "").encode()).hexdigest()[:16]


def _check_csrf() -> None:
    """A cookie-authenticated change must carry the session's CSRF token."""
    if request.method not in current_app.config["WTF_CSRF_METHODS"]:
        return
    token = request.headers.get(CSRF_HEADER)
    try:
        if token:
            # Checked without reading the body: an upload stays unparsed until its view.
            validate_csrf(token)
        else:
            csrf.protect()  # the csrf_token form field of an HTML form
    except ValidationError as exc:
        raise CsrfRefused(str(exc.args[0])) from None
    except CSRFError as exc:
        raise CsrfRefused(exc.description or "The CSRF token is missing.") from None


def requires(action: Action) -> Callable[[View], View]:
    """Refuse (403) a caller whose role may not do ``action``."""

    def decorate(view: View) -> View:
        @wraps(view)
        def checked(*args: Any, **kwargs: Any) -> Any:
            if not allowed(g.user.role, action):
                raise Forbidden(
                    f"A {g.user.role} account may not {action.value.replace('_', ' ')}."
                )
            return view(*args, **kwargs)

        return checked  # type: ignore[return-value]

    return decorate


def current_user() -> User:
    user: User = g.user
    return user

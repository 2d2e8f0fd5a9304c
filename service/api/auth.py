"""Who is calling: bearer tokens (and the browser session), and the role check on each view."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

from flask import Flask, current_app, g, request, session
from flask_wtf.csrf import CSRFError, validate_csrf
from wtforms import ValidationError

from service.auth import lockout, sessions
from service.auth.accounts import now, user_for_token
from service.auth.permissions import Action, allowed
from service.auth.sessions import NotAuthenticated, SessionEnded  # noqa: F401  (re-exported)
from service.errors import DomainError, Forbidden
from service.extensions import csrf, db
from service.models.user import User

# Endpoints anyone may call: the health check, Swagger UI's own script files, sign-in (the
# JSON call and the page), and the pages' stylesheet and script.
OPEN_ENDPOINTS = frozenset(
    {"health.health", "docs_assets.static", "session.sign_in", "web.sign_in", "web.static"}
    # The first-run page checks its own one-time link and the caller's address.
    | {"first_run.setup", "first_run.create_admin"}
)
CSRF_HEADER = "X-CSRF-Token"
View = TypeVar("View", bound=Callable[..., Any])


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


def client_address() -> str:
    """Who is calling, as sign-in lockout and rate limits count them (after ProxyFix)."""
    return lockout.client_key(request.remote_addr)


def start_session(user: User) -> None:
    """Sign ``user`` in: a fresh session (never the one from before sign-in), timed from now."""
    at = now()
    sessions.end_session(db.session, session.get("sid"))
    # Sign-ins are few and the columns indexed: a cheap moment to drop what has expired.
    sessions.purge_expired(db.session, at, session_limits())
    lockout.purge_stale(db.session, at)
    session.clear()
    session.permanent = True  # the cookie expires after PERMANENT_SESSION_LIFETIME idle
    session["sid"] = sessions.open_session(db.session, user, at)
    db.session.commit()


def end_session() -> None:
    """Sign out: the session's row is deleted, so a copy of the cookie opens nothing."""
    sessions.end_session(db.session, session.get("sid"))
    db.session.commit()
    session.clear()


def session_limits() -> sessions.Limits:
    config = current_app.config
    return sessions.Limits(
        idle=config["PERMANENT_SESSION_LIFETIME"], absolute=config["SESSION_MAX_AGE"]
    )


def _session_user() -> User:
    """The signed-in account of a still-valid session; anything else ends the session."""
    session_id = session.get("sid")
    try:
        if not isinstance(session_id, str):
            raise NotAuthenticated("Sign in, or send 'Authorization: Bearer <token>'.")
        user = sessions.resume(db.session, session_id, now(), session_limits())
    except NotAuthenticated:
        db.session.commit()  # an expired session's row is deleted
        session.clear()
        raise
    db.session.commit()  # keeps its last use
    return user


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


# Who is refused, in words that read right whatever the role ("A ec account" did not).
ROLE_PLURALS = {
    "ec": "EC accounts",
    "supervisor": "Supervisor accounts",
    "clerical": "Clerical accounts",
    "contractor": "Contractor accounts",
    "admin": "Administrator accounts",
}


def requires(action: Action) -> Callable[[View], View]:
    """Refuse (403) a caller whose role may not do ``action``."""

    def decorate(view: View) -> View:
        @wraps(view)
        def checked(*args: Any, **kwargs: Any) -> Any:
            if not allowed(g.user.role, action):
                who = ROLE_PLURALS.get(g.user.role, "Accounts of this role")
                raise Forbidden(f"{who} may not {action.value.replace('_', ' ')}.")
            return view(*args, **kwargs)

        return checked  # type: ignore[return-value]

    return decorate


def current_user() -> User:
    user: User = g.user
    return user

"""Who is calling: bearer tokens (and the browser session), and the role check on each view."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, ClassVar, TypeVar

from flask import Flask, g, request, session

from service.auth.accounts import user_for_token
from service.auth.permissions import Action, allowed
from service.errors import DomainError, Forbidden
from service.extensions import db
from service.models.user import User

# Endpoints anyone may call: the health check, and Swagger UI's own script files.
OPEN_ENDPOINTS = frozenset({"health.health", "docs_assets.static"})
View = TypeVar("View", bound=Callable[..., Any])


class NotAuthenticated(DomainError):
    status = 401
    headers: ClassVar[dict[str, str]] = {"WWW-Authenticate": 'Bearer realm="wtwforms"'}


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
    user_id = session.get("user_id")
    user = db.session.get(User, user_id) if user_id else None
    if user is None or not user.active:
        session.clear()
        raise NotAuthenticated("Sign in, or send 'Authorization: Bearer <token>'.")
    g.user = user


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

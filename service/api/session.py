"""Browser sign-in: a password opens a session cookie, sign-out ends it."""

from __future__ import annotations

from typing import Any

from flask import Response, current_app, g
from flask_smorest import Blueprint
from flask_wtf.csrf import generate_csrf

from schemas.users import SessionSchema, SignInSchema
from service.api.auth import client_address, current_user, end_session, requires, start_session
from service.auth import accounts
from service.auth.permissions import Action
from service.extensions import db, limiter
from service.models.user import User

blp = Blueprint("session", __name__, url_prefix="/session", description="Browser sign-in")


def _sign_in_limit() -> str:
    return str(current_app.config["SIGN_IN_RATE_LIMIT"])


def _failed(response: Response) -> bool:
    # Only refused passwords count: an office signing in at 8 a.m. is never held up.
    return response.status_code == 401


# One count of failed sign-ins per client address for this call and the sign-in page together.
sign_in_limit = limiter.shared_limit(
    _sign_in_limit,
    scope="sign-in",
    key_func=client_address,
    methods=["POST"],
    deduct_when=_failed,
    error_message="Too many sign-in attempts from here: wait a few minutes, then try again.",
)


def password_sign_in(username: str, password: str) -> User:
    """Check the password (failures from this address count towards its wait), open a session."""
    user = accounts.check_password(db.session, username, password, client_address())
    db.session.commit()  # keeps the pair's cleared failure count
    start_session(user)
    g.user = user  # so the audit row names who signed in
    return user


@blp.route("", methods=["POST"])
@sign_in_limit
@blp.arguments(SignInSchema)
@blp.response(200, SessionSchema)
@blp.doc(responses={"401": {"description": "Sign-in failed"}, "429": {"description": "Wait"}})
def sign_in(credentials: dict[str, str]) -> dict[str, Any]:
    """Sign in with a password; answers the account and the session's CSRF token."""
    user = password_sign_in(credentials["username"], credentials["password"])
    return {"user": user, "csrf_token": generate_csrf()}


@blp.route("", methods=["GET"])
@requires(Action.USE_API)
@blp.response(200, SessionSchema)
def who_is_signed_in() -> dict[str, Any]:
    """Who is signed in; a session also gets its CSRF token (null for a bearer token)."""
    token = generate_csrf() if g.get("via_session") else None
    return {"user": current_user(), "csrf_token": token}


@blp.route("", methods=["DELETE"])
@requires(Action.USE_API)
@blp.response(204)
def sign_out() -> None:
    """Sign out: the session ends at once, so no copy of its cookie opens anything."""
    end_session()

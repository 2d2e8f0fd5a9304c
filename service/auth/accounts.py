"""Accounts: creating and disabling them, bearer tokens and passwords."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import secrets
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from werkzeug.security import check_password_hash, generate_password_hash

from service.auth import lockout, sessions
from service.auth.permissions import Role
from service.errors import DomainError
from service.models.user import ApiToken, User

USERNAME = re.compile(r"^[a-z0-9][a-z0-9._-]{2,63}$")
MIN_PASSWORD = 12
TOKEN_BYTES = 32
# Checked against when the account has no password, so every refusal costs one hash check.
_DUMMY_HASH = generate_password_hash("not a real password, only for timing")


class AccountError(DomainError):
    status = 422


class UnknownUser(DomainError):
    status = 404

    def __init__(self, username: str) -> None:
        super().__init__(f"no account named '{username}'")


class AuthenticationFailed(DomainError):
    status = 401

    def __init__(self) -> None:
        super().__init__(
            "Sign-in failed: wrong username or password, or too many failed attempts; "
            "wait a few minutes and try again."
        )


def now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def create_user(
    session: Session,
    username: str,
    display_name: str,
    role: str,
    *,
    password: str | None = None,
    unit: str | None = None,
    worker_number: str | None = None,
    provider: str | None = None,
    phone: str | None = None,
    email: str | None = None,
) -> User:
    """A new, active account; a contractor must belong to a provider organisation."""
    if not USERNAME.match(username):
        raise AccountError("username: 3-64 lower-case letters, digits, '.', '_' or '-'")
    if role not in {r.value for r in Role}:
        raise AccountError(f"role: one of {', '.join(r.value for r in Role)}")
    if role == Role.CONTRACTOR and not provider:
        raise AccountError("provider: a contractor account names its provider organisation")
    if role == Role.SUPERVISOR and not unit:
        raise AccountError("unit: a supervisor account names the unit it supervises")
    if session.scalar(select(User).where(User.username == username)) is not None:
        raise AccountError(f"username: '{username}' is taken")
    user = User(
        username=username,
        display_name=display_name.strip() or username,
        role=role,
        unit=unit,
        worker_number=worker_number,
        provider=provider if role == Role.CONTRACTOR else None,
        phone=phone or None,
        email=email or None,
        active=True,
        created_at=now(),
    )
    if password is not None:
        _set_password(user, password)
    session.add(user)
    session.flush()
    return user


def _set_password(user: User, password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise AccountError(f"password: at least {MIN_PASSWORD} characters")
    user.password_hash = generate_password_hash(password)  # scrypt: slow on purpose


def set_password(session: Session, username: str, password: str) -> User:
    """A new password: the account's sessions end and its sign-in waits are lifted."""
    user = get_user(session, username)
    _set_password(user, password)
    sessions.end_sessions_of(session, user)
    lockout.clear(session, username)
    return user


def get_user(session: Session, username: str) -> User:
    user = session.scalar(select(User).where(User.username == username))
    if user is None:
        raise UnknownUser(username)
    return user


def list_users(session: Session) -> Sequence[User]:
    return session.scalars(select(User).order_by(User.username)).all()


def disable_user(session: Session, username: str) -> User:
    """Disable an account, revoke its tokens and end its sessions; its history stays."""
    user = get_user(session, username)
    user.active = False
    for token in user.tokens:
        token.revoked_at = token.revoked_at or now()
    sessions.end_sessions_of(session, user)
    return user


def issue_token(session: Session, username: str, label: str = "") -> str:
    """A new bearer token for the account; only its hash is kept, so show it once."""
    user = get_user(session, username)
    if not user.active:
        raise AccountError(f"'{username}' is disabled")
    token = secrets.token_urlsafe(TOKEN_BYTES)
    session.add(ApiToken(user=user, token_hash=_digest(token), label=label, created_at=now()))
    return token


def user_for_token(session: Session, token: str) -> User | None:
    """The active account a bearer token belongs to, or None."""
    found = session.scalar(select(ApiToken).where(ApiToken.token_hash == _digest(token)))
    if found is None or found.revoked_at is not None or not found.user.active:
        return None
    found.last_used_at = now()
    return found.user


def check_password(
    session: Session, username: str, password: str, address: str | None = None
) -> User:
    """The account for a correct password from ``address`` (a client key, see lockout).

    Every path checks exactly one password hash, so a refusal takes as long whatever its
    cause (no such account, disabled, waiting, wrong password) and all say the same thing.
    """
    at, address = now(), address or "local"
    user = session.scalar(select(User).where(User.username == username))
    stored = user.password_hash if user is not None and user.password_hash else None
    correct = check_password_hash(stored or _DUMMY_HASH, password) and stored is not None
    waiting = lockout.is_locked(session, username, address, at)
    if user is None or not user.active or waiting or not correct:
        if not waiting:
            _count_failure(session, username, address, at)
        raise AuthenticationFailed()
    lockout.clear(session, username, address)
    return user


def _count_failure(session: Session, username: str, address: str, at: dt.datetime) -> None:
    lockout.record_failure(session, username, address, at)
    try:
        session.commit()
    except IntegrityError:  # the same pair's first failure, counted at the same moment
        session.rollback()
        lockout.record_failure(session, username, address, at)
        session.commit()


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()

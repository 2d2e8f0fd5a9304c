"""Accounts: creating and disabling them, bearer tokens and passwords."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import secrets
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session
from werkzeug.security import check_password_hash, generate_password_hash

from service.auth.permissions import Role
from service.errors import DomainError
from service.models.user import ApiToken, User

USERNAME = re.compile(r"^[a-z0-9][a-z0-9._-]{2,63}$")
MIN_PASSWORD = 12
TOKEN_BYTES = 32
MAX_FAILED_LOGINS = 5
LOCKOUT = dt.timedelta(minutes=15)
# Checked against when the account does not exist, so the answer takes as long either way.
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
        super().__init__("Sign-in failed: wrong username or password, or the account is locked.")


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
        active=True,
        created_at=now(),
        failed_logins=0,
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
    user = get_user(session, username)
    _set_password(user, password)
    user.failed_logins, user.locked_until = 0, None
    return user


def get_user(session: Session, username: str) -> User:
    user = session.scalar(select(User).where(User.username == username))
    if user is None:
        raise UnknownUser(username)
    return user


def list_users(session: Session) -> Sequence[User]:
    return session.scalars(select(User).order_by(User.username)).all()


def disable_user(session: Session, username: str) -> User:
    """Disable an account and revoke its tokens; its history stays."""
    user = get_user(session, username)
    user.active = False
    for token in user.tokens:
        token.revoked_at = token.revoked_at or now()
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


def check_password(session: Session, username: str, password: str) -> User:
    """The account for a correct password; five failures lock it for 15 minutes."""
    user = session.scalar(select(User).where(User.username == username))
    if user is None or not user.password_hash:
        check_password_hash(_DUMMY_HASH, password)
        raise AuthenticationFailed()
    locked = user.locked_until is not None and _aware(user.locked_until) > now()
    if not user.active or locked or not check_password_hash(user.password_hash, password):
        if not locked:
            user.failed_logins += 1
            if user.failed_logins >= MAX_FAILED_LOGINS:
                user.locked_until, user.failed_logins = now() + LOCKOUT, 0
        session.commit()
        raise AuthenticationFailed()
    user.failed_logins = 0
    return user


def _aware(moment: dt.datetime) -> dt.datetime:
    # SQLite hands back naive datetimes; they were stored as UTC.
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()

"""Browser sessions kept in the database, so signing out or disabling an account ends them."""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from dataclasses import dataclass
from typing import ClassVar

from sqlalchemy import delete, or_, select
from sqlalchemy.orm import Session

from service.errors import DomainError
from service.models.session import BrowserSession
from service.models.user import User

SESSION_ID_BYTES = 32
# last_seen_at is written at most this often: not a database write on every request.
TOUCH_EVERY = dt.timedelta(seconds=60)


class NotAuthenticated(DomainError):
    status = 401
    headers: ClassVar[dict[str, str]] = {"WWW-Authenticate": 'Bearer realm="wtwforms"'}


class SessionEnded(NotAuthenticated):
    """A session past its idle or absolute time limit (the pages say so on the sign-in page)."""


@dataclass(frozen=True)
class Limits:
    """How long a session lasts: ``idle`` since its last use, ``absolute`` since sign-in."""

    idle: dt.timedelta
    absolute: dt.timedelta


def open_session(session: Session, user: User, at: dt.datetime) -> str:
    """A new session for ``user``; the id returned goes in the cookie and is not kept."""
    session_id = secrets.token_urlsafe(SESSION_ID_BYTES)
    session.add(
        BrowserSession(id_hash=_digest(session_id), user_id=user.id, created_at=at, last_seen_at=at)
    )
    return session_id


def resume(session: Session, session_id: str, at: dt.datetime, limits: Limits) -> User:
    """The active account of a live session, its last use now; else the session is gone."""
    found = session.scalar(
        select(BrowserSession).where(BrowserSession.id_hash == _digest(session_id))
    )
    user = session.get(User, found.user_id) if found else None
    if found is None or user is None or not user.active:
        raise NotAuthenticated("Sign in, or send 'Authorization: Bearer <token>'.")
    ended = ended_reason(_aware(found.created_at), _aware(found.last_seen_at), at, limits)
    if ended:
        session.delete(found)
        raise SessionEnded(ended)
    if at - _aware(found.last_seen_at) >= TOUCH_EVERY:
        found.last_seen_at = at
    return user


def ended_reason(created: dt.datetime, seen: dt.datetime, at: dt.datetime, limits: Limits) -> str:
    """Why a session begun and last used at these times has ended by ``at`` ('' if it has not)."""
    if at - created > limits.absolute:
        return "The session has reached its time limit; sign in again."
    if at - seen > limits.idle:
        return "The session ended after a period of inactivity; sign in again."
    return ""


def end_session(session: Session, session_id: str | None) -> None:
    """Sign out: the session's row goes, so a copy of the cookie opens nothing."""
    if session_id:
        session.execute(delete(BrowserSession).where(BrowserSession.id_hash == _digest(session_id)))


def end_sessions_of(session: Session, user: User) -> None:
    """End every session of the account (disabled, or its password changed)."""
    session.execute(delete(BrowserSession).where(BrowserSession.user_id == user.id))


def purge_expired(session: Session, at: dt.datetime, limits: Limits) -> None:
    """Delete the sessions past either limit (both columns are indexed: a cheap delete)."""
    session.execute(
        delete(BrowserSession).where(
            or_(
                BrowserSession.created_at < at - limits.absolute,
                BrowserSession.last_seen_at < at - limits.idle,
            )
        )
    )


def _aware(moment: dt.datetime) -> dt.datetime:
    # SQLite hands back naive datetimes; they were stored as UTC.
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def _digest(session_id: str) -> str:
    return hashlib.sha256(session_id.encode()).hexdigest()

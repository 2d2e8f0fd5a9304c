"""Browser sessions kept server-side, and sign-in failures per account and client address."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import DateTime, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from service.db import Base


class BrowserSession(Base):
    """A signed-in browser; the cookie carries the session id, the database only its SHA-256."""

    __tablename__ = "browser_session"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    id_hash: Mapped[str] = mapped_column(String(64), unique=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"), index=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), index=True)
    last_seen_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), index=True)


class SignInFailure(Base):
    """Wrong sign-ins for one username from one client address, and how long that pair waits.

    Keyed by the name as typed, not by account: unknown names are counted the same way.
    """

    __tablename__ = "sign_in_failure"

    username: Mapped[str] = mapped_column(String(64), primary_key=True)
    address: Mapped[str] = mapped_column(String(45), primary_key=True)
    failures: Mapped[int] = mapped_column(Integer, default=0)
    last_failed_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), index=True)
    locked_until: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True), default=None)

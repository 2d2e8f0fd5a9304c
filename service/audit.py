"""The audit trail: append a row per access, read rows back filtered."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import insert, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from service.models.audit import AuditEvent

MAX_ROWS = 1000


@dataclass(frozen=True)
class Access:
    """One access: who, what, which record, the answer's status, from where."""

    user_id: int | None
    role: str | None
    action: str
    method: str
    record_type: str | None
    record_id: str | None
    status: int
    remote_addr: str | None


def outcome(status: int) -> str:
    if status in (401, 403):
        return "refused"
    if status >= 500:
        return "error"
    return "invalid" if status >= 400 else "ok"


def append(engine: Engine, access: Access) -> None:
    """Write the row in its own transaction: a request that fails still leaves its trace."""
    row = {
        **access.__dict__,
        "at": dt.datetime.now(dt.UTC),
        "outcome": outcome(access.status),
    }
    with engine.begin() as connection:
        connection.execute(insert(AuditEvent).values(**row))


def search(
    session: Session,
    user_id: int | None = None,
    record_type: str | None = None,
    record_id: str | None = None,
    since: dt.datetime | None = None,
    until: dt.datetime | None = None,
) -> Sequence[AuditEvent]:
    """Rows newest first, filtered by user, record and time."""
    query = select(AuditEvent).order_by(AuditEvent.id.desc()).limit(MAX_ROWS)
    if user_id is not None:
        query = query.where(AuditEvent.user_id == user_id)
    if record_type:
        query = query.where(AuditEvent.record_type == record_type)
    if record_id:
        query = query.where(AuditEvent.record_id == record_id)
    if since:
        query = query.where(AuditEvent.at >= since)
    if until:
        query = query.where(AuditEvent.at <= until)
    return session.scalars(query).all()

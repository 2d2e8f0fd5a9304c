"""The audit trail: a row per access (in the transaction of the change it records), read back."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, String, and_, cast, insert, or_, select, true
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from service.auth.permissions import Role
from service.models.aor import AorUpload
from service.models.audit import AuditEvent
from service.models.document import GeneratedDocument
from service.models.slip import RoutingSlip
from service.models.user import CaseAssignment, User

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


def event(access: Access) -> AuditEvent:
    """The row for ``access``, to be committed in the same transaction as the change it
    records: both are kept or neither (service.api.transaction)."""
    return AuditEvent(**_row(access))


def append(engine: Engine, access: Access) -> None:
    """Write the row in its own transaction: a request refused or failed leaves its trace."""
    with engine.begin() as connection:
        connection.execute(insert(AuditEvent).values(**_row(access)))


def _row(access: Access) -> dict[str, Any]:
    return {**access.__dict__, "at": dt.datetime.now(dt.UTC), "outcome": outcome(access.status)}


def search(
    session: Session,
    viewer: User,
    user_id: int | None = None,
    record_type: str | None = None,
    record_id: str | None = None,
    since: dt.datetime | None = None,
    until: dt.datetime | None = None,
) -> Sequence[AuditEvent]:
    """The rows ``viewer`` may read, newest first, filtered by user, record and time.

    A naive ``since`` or ``until`` is read as UTC, as the rows are kept.
    """
    query = select(AuditEvent).where(_readable(viewer))
    query = query.order_by(AuditEvent.id.desc()).limit(MAX_ROWS)
    if user_id is not None:
        query = query.where(AuditEvent.user_id == user_id)
    if record_type:
        query = query.where(AuditEvent.record_type == record_type)
    if record_id:
        query = query.where(AuditEvent.record_id == record_id)
    # In UTC: SQLite compares the stored UTC text and would drop any other offset unread.
    if since:
        query = query.where(AuditEvent.at >= as_utc(since))
    if until:
        query = query.where(AuditEvent.at <= as_utc(until))
    return session.scalars(query).all()


def as_utc(moment: dt.datetime) -> dt.datetime:
    return moment.replace(tzinfo=dt.UTC) if moment.tzinfo is None else moment.astimezone(dt.UTC)


def _readable(viewer: User) -> ColumnElement[bool]:
    """Admins read the whole trail; a supervisor their unit's: rows by the unit's accounts,
    and rows about its slips, its accounts' documents, its cases and those cases' AORs."""
    if viewer.role == Role.ADMIN:
        return true()
    if viewer.role != Role.SUPERVISOR or not viewer.unit:
        return AuditEvent.user_id == viewer.id
    unit_users = select(User.id).where(User.unit == viewer.unit)
    unit_cases = select(CaseAssignment.case_number).where(CaseAssignment.unit == viewer.unit)
    about = {
        "slip": select(cast(RoutingSlip.id, String)).where(RoutingSlip.unit == viewer.unit),
        "document": select(cast(GeneratedDocument.id, String)).where(
            GeneratedDocument.user_id.in_(unit_users)
        ),
        "case": unit_cases,
        "aor": select(cast(AorUpload.id, String)).where(AorUpload.case_number.in_(unit_cases)),
    }
    return or_(
        AuditEvent.user_id.in_(unit_users),
        *(
            and_(AuditEvent.record_type == kind, AuditEvent.record_id.in_(ids))
            for kind, ids in about.items()
        ),
    )

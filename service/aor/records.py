"""Finding stored AORs and presenting them: JSON for the API, CSV for the state system."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import ColumnElement, false, select
from sqlalchemy.orm import Session

from service.auth.permissions import Role
from service.errors import DomainError, Forbidden
from service.models.aor import AorUpload
from service.models.user import CaseAssignment, User


class AorNotFound(DomainError):
    status = 404

    def __init__(self, aor_id: int) -> None:
        super().__init__(f"no AOR with id {aor_id}")


def get_upload(session: Session, aor_id: int, viewer: User) -> AorUpload:
    """One stored AOR, if ``viewer`` may see it."""
    record = session.get(AorUpload, aor_id)
    if record is None:
        raise AorNotFound(aor_id)
    visible = session.scalar(select(AorUpload.id).where(AorUpload.id == aor_id, _visible(viewer)))
    if visible is None:
        raise Forbidden(f"AOR {aor_id} is for a case or organisation this account does not serve")
    return record


def _visible(viewer: User) -> ColumnElement[bool]:
    """Contractors see their organisation's uploads; ECs their cases; supervisors their unit's."""
    if viewer.role == Role.CONTRACTOR:
        return AorUpload.organisation == viewer.provider
    assigned = select(CaseAssignment.case_number)
    if viewer.role == Role.EC:
        return AorUpload.case_number.in_(assigned.where(CaseAssignment.ec_id == viewer.id))
    if viewer.role == Role.SUPERVISOR and viewer.unit:
        return AorUpload.case_number.in_(assigned.where(CaseAssignment.unit == viewer.unit))
    return false()


def find_uploads(
    session: Session,
    viewer: User,
    case_number: str | None = None,
    report_month: str | None = None,
    include_superseded: bool = False,
) -> Sequence[AorUpload]:
    """Stored AORs ``viewer`` may see, newest first, filtered by case and month."""
    query = select(AorUpload).where(_visible(viewer))
    query = query.order_by(AorUpload.report_month.desc(), AorUpload.id.desc())
    if case_number:
        query = query.where(AorUpload.case_number == case_number.upper())
    if report_month:
        query = query.where(AorUpload.report_month == report_month)
    if not include_superseded:
        query = query.where(AorUpload.superseded_by_id.is_(None))
    return session.scalars(query).all()


def recent_uploads(session: Session, viewer: User, limit: int = 20) -> Sequence[AorUpload]:
    """The latest uploads ``viewer`` may see, replaced ones too, the newest first."""
    query = select(AorUpload).where(_visible(viewer)).order_by(AorUpload.id.desc()).limit(limit)
    return session.scalars(query).all()


def replaced_by(session: Session, record: AorUpload) -> Sequence[AorUpload]:
    """The earlier readings of the same case and month that ``record`` replaced."""
    query = select(AorUpload).where(AorUpload.superseded_by_id == record.id)
    return session.scalars(query.order_by(AorUpload.id)).all()


def describe(record: AorUpload) -> dict[str, Any]:
    """The reading with the record's id and file facts beside it."""
    return {
        **record.reading,
        "id": record.id,
        "filename": record.filename,
        "size": record.size,
        "sha256": record.sha256,
        "uploaded_at": record.uploaded_at.isoformat(),
        "superseded_by": record.superseded_by_id,
        "current": record.superseded_by_id is None,
    }


CSV_COLUMNS = (
    "aor_id",
    "filename",
    "case_number",
    "cin",
    "participant_name",
    "activity",
    "provider",
    "report_month",
    "report_type",
    "assigned_hours_week",
    "scheduled",
    "attended",
    "excused",
    "unexcused",
    "outcome",
    "submitted_date",
    "due_date",
    "on_time",
    "findings",
    "superseded_by",
)


def csv_of(readings: Iterable[dict[str, Any]]) -> str:
    """One line per AOR reading (as ``describe`` gives it), for the state system's screens."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for reading in readings:
        values = {**reading, **reading["totals"], "aor_id": reading.get("id")}
        values["findings"] = len(reading["findings"])
        writer.writerow([_cell(values.get(column)) for column in CSV_COLUMNS])
    return out.getvalue()


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    text = str(value)
    # A spreadsheet would run a cell starting with these as a formula (CSV injection).
    if text[:1] in ("=", "+", "-", "@", "\t", "\r") and not _is_number(text):
        return "'" + text
    return text


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True

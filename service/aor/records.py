"""Finding stored AORs and presenting them: JSON for the API, CSV for the state system."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import ColumnElement, false, select
from sqlalchemy.orm import Session

from service.aor.findings import with_severity
from service.aor.reading import HEADER
from service.aor.stored_hours import countable_of, participation_of
from service.aor.trust import normalised_id
from service.auth.permissions import Role
from service.errors import DomainError
from service.models.aor import AorUpload
from service.models.user import CaseAssignment, User
from service.text import without_surrogates


class AorNotFound(DomainError):
    status = 404

    def __init__(self, aor_id: int) -> None:
        super().__init__(f"no AOR with id {aor_id}")


def get_upload(session: Session, aor_id: int, viewer: User) -> AorUpload:
    """One stored AOR, if ``viewer`` may see it: one they may not is as unknown as no AOR."""
    record = session.scalar(select(AorUpload).where(AorUpload.id == aor_id, _visible(viewer)))
    if record is None:
        raise AorNotFound(aor_id)
    return record


def _visible(viewer: User) -> ColumnElement[bool]:
    """Contractors see their organisation's uploads; ECs their cases; supervisors their unit's."""
    if viewer.role == Role.CONTRACTOR:
        # An account with no organisation must not match the uploads that have none.
        return AorUpload.organisation == viewer.provider if viewer.provider else false()
    assigned = select(CaseAssignment.case_number)
    if viewer.role == Role.EC:
        return AorUpload.case_number.in_(assigned.where(CaseAssignment.ec_id == viewer.id))
    if viewer.role == Role.SUPERVISOR and viewer.unit:
        return AorUpload.case_number.in_(assigned.where(CaseAssignment.unit == viewer.unit))
    return false()


def visible_to(viewer: User) -> ColumnElement[bool]:
    """Which uploads ``viewer`` may see, as a condition for a query of one's own."""
    return _visible(viewer)


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
    if normalised_id(case_number):
        query = query.where(AorUpload.case_number == normalised_id(case_number))
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
    """The earlier readings ``record`` replaced: its own organisation's, as it sent them."""
    query = select(AorUpload).where(
        AorUpload.superseded_by_id == record.id, AorUpload.organisation == record.organisation
    )
    return session.scalars(query.order_by(AorUpload.id)).all()


def describe(record: AorUpload, viewer: User | None = None) -> dict[str, Any]:
    """The reading with the record's id and file facts beside it, as ``viewer`` may see it."""
    # A reading never corrected has no corrections; one kept before severities gets them here.
    reading = {"corrections": [], "reviewed": None, **record.reading}
    reading["findings"] = with_severity(reading.get("findings") or [])
    if viewer is not None and viewer.role == Role.CONTRACTOR:
        reading = provider_view(reading)
    return {
        **reading,
        "id": record.id,
        "filename": record.filename,
        "size": record.size,
        "sha256": record.sha256,
        "uploaded_at": record.uploaded_at.isoformat(),
        "superseded_by": record.superseded_by_id,
        "current": record.superseded_by_id is None,
        "status": record.status,
        "failure": record.failure,
        **({"ocr": record.ocr} if record.ocr and _staff(viewer) else {}),
    }


def _staff(viewer: User | None) -> bool:
    """Staff see how sure OCR was of each value; the provider sees what was marked."""
    return viewer is None or viewer.role != Role.CONTRACTOR


# What a provider sees of a reading: what their report says (its participation hours too),
# never what the excused-hours ledger drew from other providers' reports (the countable and
# capped hours).
PROVIDER_FIELDS = frozenset(HEADER) | {
    "participation", "rows", "totals", "printed_totals", "excused_by_code", "outcome", "employed",
    "employment", "comments", "prepared_by", "submitted_date", "due_date", "on_time",
    "findings", "corrections", "reviewed",
}  # fmt: skip
PROVIDER_WEEK_FIELDS = frozenset({"start", "end", "attended", "excused", "assigned"})
# A provider sees what staff changed on their report and when, not which worker did.
STAFF_ONLY = frozenset({"by"})


def provider_view(reading: dict[str, Any]) -> dict[str, Any]:
    """``reading`` without the fields the person's excused-hours ledger decided."""
    shown = {key: value for key, value in reading.items() if key in PROVIDER_FIELDS}
    shown["weeks"] = [
        {key: value for key, value in week.items() if key in PROVIDER_WEEK_FIELDS}
        for week in reading.get("weeks") or []
    ]
    shown["corrections"] = [_unsigned(change) for change in reading.get("corrections") or []]
    shown["reviewed"] = _unsigned(reading["reviewed"]) if reading.get("reviewed") else None
    return shown


def _unsigned(entry: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in entry.items() if key not in STAFF_ONLY}


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
    "required_hours",
    "short_by_unexcused",
    "countable_hours",
    "countable_excused",
    "countable_holiday_hours",
    "countable_paid_leave",
    "not_countable",
    "outcome",
    "submitted_date",
    "due_date",
    "on_time",
    "findings",
    "superseded_by",
)


def csv_of(readings: Iterable[dict[str, Any]]) -> str:
    """One line per AOR reading (as ``describe`` gives it), for the state system's screens:
    participation (the month's required hours, the shortfall unexcused hours explain) and the
    federal countable hours in columns of their own. A provider's lines leave the countable
    ones empty (``provider_view``)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for reading in readings:
        values = {**reading, **reading["totals"], "aor_id": reading.get("id")}
        values |= _hour_columns(reading)
        values["findings"] = len(reading["findings"])
        writer.writerow([_cell(values.get(column)) for column in CSV_COLUMNS])
    return out.getvalue()


def _hour_columns(reading: dict[str, Any]) -> dict[str, Any]:
    taking_part = participation_of(reading)
    out = {"required_hours": taking_part["required"], "short_by_unexcused": taking_part["short_by"]}
    if "countable" not in reading and "excused_countable" not in reading:
        return out  # a provider's view: the person's ledger is not theirs to see
    countable = countable_of(reading)
    return out | {
        "countable_hours": countable["total"],
        "countable_excused": countable["excused"],
        "countable_holiday_hours": countable["holiday_hours"],
        "countable_paid_leave": countable["paid_leave"],
        "not_countable": countable["not_countable"],
    }


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    text = without_surrogates(str(value))  # a reading kept before input was checked
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

"""Staff correct an AOR's reading: each change kept, and the reading rebuilt from the original."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from parsers.aor_model import Problem
from service.aor import corrected_document as cd
from service.aor.correction_changes import Change, changes_from
from service.aor.findings import DERIVED, Finding
from service.aor.history import Person, drawing_after, prior_excused
from service.aor.reading import build_reading
from service.aor.reading_state import status_of
from service.aor.trust import (
    PROVIDER_MISMATCH,
    UNKNOWN_CASE,
    NoReferral,
    provider_findings,
    referral_findings,
)
from service.counties import get_county
from service.errors import DomainError
from service.models.aor import AorUpload
from service.models.aor_correction import AorCorrection, AorOriginalReading
from service.models.user import User

# The county whose calendar intake reads AORs by (service/aor/intake.py IntakeSettings).
COUNTY = "orange"
# The reader names Date Submitted by its label's key.
READER_FIELDS = {"prep_date": "submitted_date"}


class Superseded(DomainError):
    """A replaced reading is history: the report is corrected on the upload that replaced it."""

    status = 409

    def __init__(self, record: AorUpload) -> None:
        super().__init__(
            f"AOR {record.id} was replaced by AOR {record.superseded_by_id}; "
            "correct the current reading instead"
        )


def correct(session: Session, record: AorUpload, user: User, body: dict[str, Any]) -> list[Change]:
    """Keep each value ``body`` changes (who, when, old, new) and rebuild the reading; the
    changes made (none when every value was already so)."""
    now = dt.datetime.now(dt.UTC)
    session.execute(select(AorUpload.id).where(AorUpload.id == record.id).with_for_update())
    if record.superseded_by_id is not None:
        raise Superseded(record)
    original = original_reading(session, record)
    kept = corrections_of(session, record.id)
    changes = changes_from(body, replay(original, kept))
    if not changes:
        return changes
    if session.get(AorOriginalReading, record.id) is None:
        session.add(AorOriginalReading(aor_id=record.id, reading=original, kept_at=now))
    session.add_all(
        AorCorrection(
            aor_id=record.id,
            at=now,
            user_id=user.id,
            field=c.field,
            old_value=c.old,
            new_value=c.new,
        )
        for c in changes
    )
    session.flush()
    record.reading = corrected_reading(
        session, record, original, corrections_of(session, record.id)
    )
    for name in ("case_number", "cin", "report_month", "provider"):
        setattr(record, name, record.reading.get(name) or None)
    rework_after(session, record)
    session.commit()
    return changes


def original_reading(session: Session, record: AorUpload) -> dict[str, Any]:
    kept = session.get(AorOriginalReading, record.id)
    return kept.reading if kept is not None else record.reading


def corrections_of(session: Session, aor_id: int) -> Sequence[AorCorrection]:
    query = select(AorCorrection).where(AorCorrection.aor_id == aor_id)
    return session.scalars(query.order_by(AorCorrection.id)).all()


def replay(original: dict[str, Any], corrections: Sequence[AorCorrection]) -> cd.Corrected:
    state = cd.document_of(original)
    for correction in corrections:
        cd.apply(state, correction.field, correction.new_value)
    return state


def corrected_reading(
    session: Session,
    record: AorUpload,
    original: dict[str, Any],
    corrections: Sequence[AorCorrection],
) -> dict[str, Any]:
    """The reading of the original document with every correction applied, worked out again:
    totals, findings, excused-hour caps, weeks and lateness follow the corrected values."""
    state = replay(original, corrections)
    doc = replace(state.doc, problems=tuple(_still_open(original, state)))
    person = Person(doc.cin or None, doc.case_number or None, doc.participant_name)
    prior = prior_excused(session, person, doc.report_month, before_id=record.id)
    reading = build_reading(doc, get_county(COUNTY), prior)
    trust = _trust_findings(session, doc.case_number, doc.provider, record.organisation)
    reading["findings"] += [finding.as_dict() for finding in trust]
    # What others keep in a reading (the OCR's confidences) stays as it was read.
    others = {key: value for key, value in original.items() if key not in reading}
    return {**others, **reading, **history(session, corrections)}


def rework_after(session: Session, record: AorUpload) -> None:
    """Work out again the countable hours of each AOR drawing after ``record`` (45 CFR
    261.60(b): the caps are the person's), so what they drew follows what it now draws.
    Each is rebuilt from its original reading and its corrections, as a correction is."""
    session.flush()
    for later in drawing_after(session, record):
        original = original_reading(session, later)
        kept = corrections_of(session, later.id)
        later.reading = corrected_reading(session, later, original, kept)
        later.status = status_of(later.reading)
        session.flush()


def _still_open(original: dict[str, Any], state: cd.Corrected) -> list[Problem]:
    """The original's findings not worked out again, less those about a corrected value."""
    dates = {
        row.get("date"): n for n, row in reversed(list(enumerate(original.get("rows") or [], 1)))
    }
    out = []
    for found in original.get("findings") or []:
        code, name = found.get("code"), READER_FIELDS.get(found.get("field"), found.get("field"))
        if code in DERIVED or code in (PROVIDER_MISMATCH, UNKNOWN_CASE):
            continue
        if name and name.startswith("row:"):
            where: tuple[int | None, str] = (int(name[4:]), "date")
        elif found.get("date") and name in cd.ROW_COLUMNS:
            where = (dates.get(found["date"]), name)
        else:
            where = (None, name or "")
        if where in state.touched or (where[0] is not None and (where[0], "*") in state.touched):
            continue
        day = dt.date.fromisoformat(found["date"]) if found.get("date") else None
        out.append(Problem(code or "", found.get("message") or "", day, found.get("field")))
    return out


def _trust_findings(
    session: Session, case_number: str, provider: str, organisation: str | None
) -> list[Finding]:
    """Whose report it is, for the corrected case number and provider (service/aor/trust.py)."""
    try:
        found = referral_findings(session, case_number or None, organisation)
    except NoReferral:
        message = (
            f"Needs action: case {case_number} is referred to other providers, not to "
            f"{organisation or 'the uploader'}; confirm the case number"
        )
        found = [Finding(UNKNOWN_CASE, message, field="case_number")]
    return found + provider_findings(provider, organisation)


def history(session: Session, corrections: Sequence[AorCorrection]) -> dict[str, Any]:
    """What the reading shows of its corrections: each change, and whether it was reviewed."""
    ids = {c.user_id for c in corrections}
    names = dict(session.execute(select(User.id, User.display_name).where(User.id.in_(ids))).all())
    changes, reviewed = [], None
    for c in corrections:
        entry = {"at": c.at.isoformat(), "by": names.get(c.user_id)}
        if c.field == cd.REVIEWED:
            reviewed = entry if c.new_value else None
            continue
        old, new = c.old_value, c.new_value
        changes.append({"field": c.field, "label": label(c.field), "old": old, "new": new} | entry)
    return {"corrections": changes, "reviewed": reviewed}


HEADER_LABELS = {
    "participant_name": "Participant", "case_number": "Case number", "cin": "CIN",
    "cm_name": "Case manager", "cm_email": "Case manager's email", "activity": "Activity",
    "provider": "Provider", "worksite": "Worksite", "report_month": "Report month",
    "report_type": "Report type", "assigned_hours_week": "Required hours a week",
    "activity_start": "Activity start", "activity_end": "Activity end",
    "submitted_date": "Date submitted", cd.REVIEWED: "Reviewed",
}  # fmt: skip


def label(name: str) -> str:
    """A correction's field as people name it: "Row 03/04/2026: attended"."""
    if name in HEADER_LABELS:
        return HEADER_LABELS[name]
    if name.startswith("printed_totals."):
        return f"Printed total: {name.split('.', 1)[1]}"
    key, _, column = name.removeprefix("rows.").partition(".")
    row = f"Row {key[1:]}" if key.startswith("#") else f"Row {_us(key)}"
    return f"{row}: {'excused code' if column == 'code' else column}" if column else row


def _us(iso: str) -> str:
    return dt.date.fromisoformat(iso).strftime("%m/%d/%Y")

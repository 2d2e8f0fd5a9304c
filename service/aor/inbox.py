"""The AOR inbox: each report's latest reading, with what needs the EC's attention picked out."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from parsers.aor_model import HOUR_COLUMNS
from service import case_county
from service.aor import records
from service.aor.excused import EXCUSED_CODES
from service.aor.findings import NEEDS_ACTION, with_severity
from service.aor.notice import activity_name, has_unexcused_hours, unexcused_days
from service.aor.stored_hours import countable_of, participation_of
from service.aor.trust import report_stream
from service.models.aor import AorUpload
from service.models.user import CaseAssignment, User

NOTICE_FORM = "42-6"
# A cent of an hour is no disagreement (service/aor/findings.py's tolerance).
TOLERANCE = Decimal("0.01")


def latest_readings(session: Session, viewer: User) -> list[dict[str, Any]]:
    """The newest month's current reading of each report ``viewer`` may see.

    A report is one organisation's on one person's activity: both parents of a case, or two
    providers, each have their own entry; one provider never hides another's.
    """
    found = records.find_uploads(session, viewer)  # newest month first, replaced ones left out
    latest: dict[tuple[str | None, ...], AorUpload] = {}
    for record in found:
        latest.setdefault(report_stream(record), record)
    ecs = assigned_ecs(session, [r.case_number for r in latest.values() if r.case_number])
    return [
        summary(record) | {"ec": ecs.get(record.case_number or "")} for record in latest.values()
    ]


def assigned_ecs(session: Session, case_numbers: Sequence[str]) -> dict[str, str]:
    """The EC each case is assigned to, by name: a supervisor sees whose case it is."""
    if not case_numbers:
        return {}
    rows = session.execute(
        select(CaseAssignment.case_number, User.display_name)
        .join(User, User.id == CaseAssignment.ec_id)
        .where(CaseAssignment.case_number.in_(case_numbers))
    )
    return {row[0]: row[1] for row in rows}


def summary(record: AorUpload) -> dict[str, Any]:
    """What the inbox shows of a reading: hours, weeks, findings, lateness and what to act on."""
    reading = record.reading
    weeks = reading.get("weeks") or []
    taking_part = participation_of(reading)
    found = with_severity(reading.get("findings") or [])
    return attention(
        {
            "id": record.id,
            "case_number": reading.get("case_number"),
            "participant_name": reading.get("participant_name"),
            "cin": reading.get("cin"),
            "report_month": reading.get("report_month"),
            "report_type": reading.get("report_type"),
            "activity": reading.get("activity"),
            "activity_name": activity_name(reading.get("activity")),
            "provider": reading.get("provider"),
            "assigned_hours_week": reading.get("assigned_hours_week"),
            "totals": reading.get("totals") or {},
            "participation": taking_part,
            "short_by": taking_part.get("short_by") or 0,
            "countable": countable_of(reading),
            "weeks": weeks,
            "findings": found,
            "needs_action": [f for f in found if f["severity"] == NEEDS_ACTION],
            "notes": [f for f in found if f["severity"] != NEEDS_ACTION],
            "corrections": reading.get("corrections") or [],
            "reviewed": reading.get("reviewed"),
            "due_date": reading.get("due_date"),
            "submitted_date": reading.get("submitted_date"),
            "on_time": reading.get("on_time"),
            "late": reading.get("on_time") is False,
            "days_late": _days_late(reading),
            "unexcused_days": [row.get("date") for row in unexcused_days(reading)],
            "can_notice": has_unexcused_hours(reading),
            "uploaded_at": record.uploaded_at,
            "superseded_by": record.superseded_by_id,
        }
    )


def attention(entry: dict[str, Any]) -> dict[str, Any]:
    """Whether the report is marked: lateness, unexcused hours, a finding that needs action
    or a month short of its required hours through unexcused hours. A note is shown but marks
    nothing, and so are hours not countable under the federal caps: they are no shortfall."""
    marked = entry["late"] or entry["unexcused_days"] or entry["needs_action"]
    return entry | {"attention": bool(marked or entry["short_by"])}


def detail(session: Session, record: AorUpload, viewer: User) -> dict[str, Any]:
    """The summary with every row, both sets of totals, and the case's other readings."""
    reading = record.reading
    others = (
        records.find_uploads(session, viewer, record.case_number, include_superseded=True)
        if record.case_number
        else []
    )
    offered = case_county.offered(session, NOTICE_FORM, record.case_number)
    return summary(record) | {
        # The 42-6 is a county's form: never offered for a case another county serves.
        "can_notice": offered and has_unexcused_hours(reading),
        "notice_elsewhere": not offered and has_unexcused_hours(reading),
        "notice_county": case_county.form_county_name(NOTICE_FORM),
        "reading": reading,
        "rows": reading.get("rows") or [],
        "printed_totals": reading.get("printed_totals"),
        "total_mismatches": total_mismatches(reading),
        "excused_by_code": reading.get("excused_by_code") or {},
        "code_names": EXCUSED_CODES,
        "as_read": as_read(reading.get("corrections") or []),
        "others": [
            {
                "id": other.id,
                "report_month": other.report_month,
                "uploaded_at": other.uploaded_at,
                "superseded_by": other.superseded_by_id,
            }
            for other in others
            if other.id != record.id
        ],
    }


def as_read(changes: list[dict[str, Any]]) -> dict[str, Any]:
    """Each corrected value's field with its value as first read (the first change's old)."""
    first: dict[str, Any] = {}
    for change in changes:
        first.setdefault(change["field"], change["old"])
    return first


def total_mismatches(reading: dict[str, Any]) -> set[str]:
    """The hour columns whose printed total is not the sum of the rows."""
    printed = reading.get("printed_totals") or {}
    totals = reading.get("totals") or {}
    return {
        column
        for column in HOUR_COLUMNS
        if printed.get(column) is not None
        and abs(Decimal(str(printed[column])) - Decimal(str(totals.get(column, 0)))) > TOLERANCE
    }


def _days_late(reading: dict[str, Any]) -> int | None:
    due, submitted = reading.get("due_date"), reading.get("submitted_date")
    if reading.get("on_time") is not False or not due or not submitted:
        return None
    return (dt.date.fromisoformat(submitted) - dt.date.fromisoformat(due)).days
